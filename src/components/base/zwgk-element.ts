import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { closestAttribute, observeContext } from './context.js';
import { toSupportedLocale, withLocale, type Locale } from '../../i18n/locale.js';
import { tokens } from '../../styles/tokens.js';

export type Theme = 'default' | 'elder';

/**
 * The base of every zwgk element: it resolves language and theme from the
 * closest ancestor, renders inside a `.zwgk-root` wrapper that carries the
 * design tokens, and runs `renderContent()` in the element's own locale.
 */
export abstract class ZwgkElement extends LitElement {
  static override styles = [tokens];

  /** `elder` switches to the elder-friendly (适老化) theme; also read from the closest ancestor with `theme`. */
  @property({ reflect: false }) theme?: Theme;

  /** The language this element speaks, from the closest `lang` (zh-CN unless it says otherwise). */
  @state() protected locale: Locale = 'zh-CN';
  @state() protected resolvedTheme: Theme = 'default';

  private stopObserving?: () => void;

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
    if (changed.has('theme')) this.resolveContext();
  }

  private resolveContext(): void {
    this.locale = toSupportedLocale(closestAttribute(this, 'lang'));
    this.resolvedTheme = closestAttribute(this, 'theme') === 'elder' ? 'elder' : 'default';
  }

  /** Runs `fn` with this element's locale active for msg(), e.g. to build a live-region message in a handler. */
  protected localize<T>(fn: () => T): T {
    return withLocale(this.locale, fn);
  }

  protected override render(): TemplateResult {
    return html`<div class="zwgk-root" data-theme=${this.resolvedTheme} lang=${this.locale}>
      ${this.localize(() => this.renderContent())}
    </div>`;
  }

  protected abstract renderContent(): unknown;

  /** Dispatches a `zwgk-<verb>` event the way every element does: bubbling, composed, typed detail. */
  protected emit<T>(name: `zwgk-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, ...options }));
  }
}

/** Registers an element unless the tag is already taken (two copies of the kit on one page must not throw). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
