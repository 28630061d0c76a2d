import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { closestAttribute, observeContext } from './context.js';
import {
  SOURCE_LOCALE,
  isLocaleReady,
  loadLocale,
  toSupportedLocale,
  withLocale,
  type EnglishLoader,
  type Locale,
} from '../../i18n/locale.js';
import { tokens } from '../../styles/tokens.js';

export type Theme = 'default' | 'elder';

/**
 * The base of every zwgk element: it resolves language and theme from the
 * closest ancestor, renders inside a `.zwgk-root` wrapper that carries the
 * design tokens, and runs `renderContent()` in the element's own locale.
 */
export abstract class ZwgkElement extends LitElement {
  static override styles = [tokens];
  /** Loads the element's own English messages (src/i18n/locales/en-<its folder>.ts, written by npm run localize). */
  protected static english?: EnglishLoader;

  /** `elder` switches to the elder-friendly (适老化) theme; also read from the closest ancestor with `theme`. */
  @property({ reflect: false }) theme?: Theme;

  /** The language this element speaks, from the closest `lang` (zh-CN unless it says otherwise). */
  @state() protected locale: Locale = 'zh-CN';
  @state() protected resolvedTheme: Theme = 'default';
  /** What the polite live region says (see announce()). */
  @state() private announcement = '';
  /** The language asked for whose messages could not be fetched (offline): the element speaks Chinese meanwhile. */
  @state() private unavailableLocale?: Locale;
  /** The language of the closest `lang`, which `locale` follows once its messages are here. */
  private askedLocale: Locale = SOURCE_LOCALE;

  private stopObserving?: () => void;
  // (On the server every message is there at once: src/ssr.ts.)
  private readonly ownEnglish = isServer ? undefined : (this.constructor as typeof ZwgkElement).english;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolveContext();
    this.stopObserving = observeContext(() => this.resolveContext());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObserving?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // On the server connectedCallback never runs: read the context once before the first render.
    if (changed.has('theme') || (isServer && !this.hasUpdated)) this.resolveContext();
  }

  protected override update(changed: PropertyValues<this>): void {
    const hydrating = !this.hasUpdated && !isServer;
    super.update(changed);
    // Hydration keeps the server's attribute values when they differ from the client's: set them here.
    if (!hydrating) return;
    const root = this.renderRoot.querySelector('.zwgk-root');
    if (!root) return;
    if (root.getAttribute('lang') !== this.locale) root.setAttribute('lang', this.locale);
    if (root.getAttribute('data-theme') !== this.resolvedTheme) root.setAttribute('data-theme', this.resolvedTheme);
  }

  private resolveContext(): void {
    this.resolvedTheme = closestAttribute(this, 'theme') === 'elder' ? 'elder' : 'default';
    this.speak(toSupportedLocale(closestAttribute(this, 'lang')));
  }

  /** Speaks `wanted` once its messages are here: until then nothing (a moment), or Chinese once they failed. */
  private speak(wanted: Locale): void {
    this.askedLocale = wanted;
    const ready = isServer || isLocaleReady(wanted, this.ownEnglish);
    // A second try keeps the Chinese on screen (and what was typed in it) until the English arrives.
    if (ready || !this.unavailableLocale) this.locale = wanted;
    if (ready) {
      this.unavailableLocale = undefined;
      return;
    }
    loadLocale(wanted, this.ownEnglish).then(
      () => {
        if (this.askedLocale !== wanted) return; // the language changed meanwhile
        this.locale = wanted;
        this.unavailableLocale = undefined;
        this.requestUpdate();
      },
      () => {
        // Offline: rather than an empty element, its content in the language the kit carries, and a way back.
        if (this.askedLocale !== wanted) return;
        this.locale = SOURCE_LOCALE;
        this.unavailableLocale = wanted;
      },
    );
  }

  /** Runs `fn` with this element's locale active for msg(), e.g. to build a live-region message in a handler. */
  protected localize<T>(fn: () => T): T {
    return withLocale(this.locale, fn);
  }

  protected override render(): TemplateResult {
    // Until the locale's messages arrive (a moment, once per page) show nothing rather than the wrong language.
    const content = isLocaleReady(this.locale, this.ownEnglish) ? this.localize(() => this.renderContent()) : nothing;
    return html`<div class="zwgk-root" data-theme=${this.resolvedTheme} lang=${this.locale}>
      ${this.unavailableLocale ? this.renderLocaleUnavailable(this.unavailableLocale) : nothing} ${content}
      <div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.announcement}</div>
    </div>`;
  }

  // In the language that failed, so it cannot come from its messages: English is the only other language shipped.
  private renderLocaleUnavailable(locale: Locale): TemplateResult {
    return html`<div class="state" role="status" lang=${locale}>
      <p>The English text could not be loaded, so this is shown in Chinese.</p>
      <button type="button" class="button secondary" @click=${() => this.resolveContext()}>Try again</button>
    </div>`;
  }

  /** Says `message` to screen-reader users through a polite live region, even when it repeats the last one. */
  protected async announce(message: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  protected abstract renderContent(): unknown;

  /** Dispatches a `zwgk-<verb>` event the way every element does: bubbling, composed, typed detail. */
  protected emit<T>(name: `zwgk-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(zwgkEvent(name, detail, options.cancelable ?? false));
  }
}

/** Built outside the class so the manifest analyzer lists each element's own events, not this helper's. */
function zwgkEvent<T>(name: string, detail: T, cancelable: boolean): CustomEvent<T> {
  return new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable });
}

/** Registers an element unless the tag is already taken (two copies of the kit on one page must not throw). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
