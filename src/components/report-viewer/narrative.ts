/**
 * The narrative parts (一、五、六) as HTML, sanitised where they are rendered: on the server by a
 * sanitiser that needs no DOM (registered by `zwgk-kit/ssr`), in the browser by DOMPurify, which
 * loads only when a narrative holds markup. Plain text needs neither and is rendered as text.
 */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { loadSanitizer, loadedSanitizer } from './view-loader.js';

type Sanitize = (html: string) => string;

/** Tags or character references: the text must be parsed as HTML, so sanitised. */
export const isMarkup = (text: string): boolean => /[<&]/.test(text);

let serverSanitize: Sanitize | undefined;
/** Server rendering's sanitiser (see src/ssr.ts): without one the server leaves the narrative to the browser. */
export function setServerSanitizer(sanitize: Sanitize): void {
  serverSanitize = sanitize;
}

/**
 * `unsafeHTML` of the sanitised text. When the element hydrates a server-rendered report, its first
 * render keeps the server's (already sanitised) HTML as it is — the browser's sanitiser may write the same
 * markup differently, which Lit would take for a mismatch — and DOMPurify is needed only once the text changes.
 */
class NarrativeDirective extends AsyncDirective {
  private shown?: string;

  render(text: string, _hydrating: boolean): unknown {
    return serverSanitize ? unsafeHTML(serverSanitize(text)) : nothing;
  }

  override update(_part: unknown, [text, hydrating]: [string, boolean]): unknown {
    if (text === this.shown) return noChange;
    this.shown = text;
    if (hydrating) return noChange;
    // The element waits for DOMPurify before it renders a report with markup (report-viewer.ts); a narrative
    // that first appears after hydration fetches it here.
    const sanitize = loadedSanitizer();
    if (sanitize) return unsafeHTML(sanitize(text));
    void loadSanitizer().then(
      (loaded) => this.shown === text && this.setValue(unsafeHTML(loaded(text))),
      () => undefined,
    );
    return nothing;
  }
}
const sanitizedHtml = directive(NarrativeDirective);

/** A narrative part: plain text as text, markup sanitised (never the raw document text). */
export function renderNarrativeText(text: string, hydrating: boolean): TemplateResult {
  return html`<div class="narrative" part="narrative" lang="zh-CN">${isMarkup(text) ? sanitizedHtml(text, hydrating) : text}</div>`;
}
