/**
 * The narrative parts (一、五、六) as HTML, sanitised where they are rendered: on the server by a
 * sanitiser that needs no DOM (registered by `zwgk-kit/ssr`), in the browser by the DOM one
 * (components/base/sanitize.ts), whose fresh nodes are rendered as they are. Plain text needs neither
 * and is rendered as text.
 */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { sanitizedFragment } from '../base/sanitize.js';

type Sanitize = (html: string) => string;

/** Tags or character references: the text must be parsed as HTML, so sanitised. */
export const isMarkup = (text: string): boolean => /[<&]/.test(text);

let serverSanitize: Sanitize | undefined;
/** Server rendering's sanitiser (see src/ssr.ts): without one the server leaves the narrative to the browser. */
export function setServerSanitizer(sanitize: Sanitize): void {
  serverSanitize = sanitize;
}

/**
 * The sanitised text: on the server `unsafeHTML` of its sanitiser's string, in the browser the sanitiser's
 * nodes (never a string parsed again). When the element hydrates a server-rendered report, its first
 * render keeps the server's (already sanitised) HTML as it is — the browser's sanitiser may build the same
 * markup differently, which Lit would take for a mismatch — and the text is sanitised only once it changes.
 */
class NarrativeDirective extends Directive {
  private shown?: string;

  render(text: string, _hydrating: boolean): unknown {
    return serverSanitize ? unsafeHTML(serverSanitize(text)) : nothing;
  }

  override update(_part: unknown, [text, hydrating]: [string, boolean]): unknown {
    if (text === this.shown) return noChange;
    this.shown = text;
    return hydrating ? noChange : sanitizedFragment(text);
  }
}
const sanitizedHtml = directive(NarrativeDirective);

/** A narrative part: plain text as text, markup sanitised (never the raw document text). */
export function renderNarrativeText(text: string, hydrating: boolean): TemplateResult {
  return html`<div class="narrative" part="narrative" lang="zh-CN">${isMarkup(text) ? sanitizedHtml(text, hydrating) : text}</div>`;
}
