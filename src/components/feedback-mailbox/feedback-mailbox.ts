import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { DEFAULT_FEEDBACK_LIMITS, type FeedbackFormLimits } from '../../core/feedback/form.js';
import { MAILBOX_VIEWS, hrefWithMailboxState, readMailboxState, type MailboxView } from '../../core/feedback/url-state.js';
import { fieldStyles } from '../base/fields.styles.js';
import { feedbackMailboxStyles } from './feedback-mailbox.styles.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import { lazyModule, type LazyModule } from '../base/lazy-module.js';
import type { MailboxViewOptions } from './parts.js';
import { FocusController } from '../base/controllers/focus.js';
import type { ValidateOn } from '../base/controllers/form-feedback.js';
import { UrlStateController } from '../base/controllers/url-state.js';
import { WriteView } from './write.js';

export type { MailboxView } from '../../core/feedback/url-state.js';
export type { FeedbackSubmittedDetail } from './write.js';
export type { FeedbackRatedDetail } from './lookup.js';
export type { ZwgkErrorDetail as MailboxErrorDetail, ZwgkOperation as MailboxOperation } from '../../events/zwgk-error.js';

/**
 * 政府信息公开意见箱 — the feedback mailbox: citizens write a letter (咨询 /
 * 建议 / 投诉 / 其他), keep the query code it gives, look the letter up with
 * that code and their phone or e-mail to read the reply and rate it, and read
 * the letters others agreed to publish (来信选登) with the totals on top.
 *
 * Three views as tabs (the ARIA tabs pattern: arrow keys, Home/End), also
 * reachable by URL: `?mailbox=lookup`, `?mailbox=published&mailbox-page=2`
 * (parameter names take `url-param-prefix`; `url-state="off"` leaves the URL alone).
 *
 * Writing: character counts shown and, near or over the limit, spoken once
 * typing pauses; the draft is kept in the browser until the server confirms;
 * spam protection is an ALTCHA proof of work solved in the background from the
 * first keystroke, in a Web Worker (no tracking, nothing to read or type; about a
 * second on a slow phone). The worker is the same-origin file
 * `zwgk-proof-worker.js` that ships beside the bundle (`dist/cdn/`, `dist/chunks/`):
 * CSP `script-src 'self'; worker-src 'self'` allows it. A bundler that moves the
 * kit's chunks must copy that file beside them; where no worker starts, the page
 * solves it itself, more slowly;
 * each submission carries an `Idempotency-Key`, and a retry after a failure
 * sends the same key and body, so it never makes a second letter.
 *
 * Backend: `GET {api-base}/feedback/challenge`, `POST {api-base}/feedback`,
 * `POST {api-base}/feedback/{code}/lookup` (the contact in the body), `POST {api-base}/feedback/{code}/rating`,
 * `GET {api-base}/feedback?page&pageSize`.
 *
 * @tagname zwgk-feedback-mailbox
 * @summary The feedback mailbox (意见箱): write, look up and rate, read the published letters.
 *
 * @fires {CustomEvent<ZwgkSubmittedDetail>} zwgk-submitted - The server stored a letter; `detail.queryCode` is its query code (`detail.form` is `feedback`).
 * @fires {CustomEvent<ZwgkRatedDetail>} zwgk-rated - The writer rated the reply.
 * @fires {CustomEvent<ZwgkErrorDetail>} zwgk-error - A request failed (`operation`: challenge, submit, lookup, rate or list; `kind` and HTTP `status`). Not fired for answers the citizen can act on (field errors, an unknown code).
 *
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart tab-selected - The chosen tab.
 * @csspart panel - Each tab panel.
 * @csspart form - The letter form.
 * @csspart field - Each field (label, hint, error, control).
 * @csspart label - Each field's label or legend.
 * @csspart input - Each text input.
 * @csspart textarea - The message box.
 * @csspart count - The character count under the subject and message.
 * @csspart field-error - The error message at a field.
 * @csspart error-summary - The list of problems at the top, which takes focus.
 * @csspart contact - The group of phone and e-mail.
 * @csspart draft-notice - Says that an unsent draft was restored.
 * @csspart discard-button - Clears the restored draft.
 * @csspart proof-error - Says that the background spam check failed, with Retry.
 * @csspart submit-error - Says that sending failed and how to retry.
 * @csspart submit-button - Sends the letter (also Retry after a failure).
 * @csspart confirmation - The confirmation after sending.
 * @csspart query-code - The query code, large.
 * @csspart query-code-warning - The warning to keep the code.
 * @csspart copy-button - Copies the query code.
 * @csspart lookup-button - Looks up the letter just sent.
 * @csspart new-letter-button - Starts another letter.
 * @csspart lookup-form - The look-up form (query code and contact).
 * @csspart lookup-submit-button - The look-up button.
 * @csspart not-found - The answer when no letter matches the code and contact.
 * @csspart letter - The letter found.
 * @csspart status - Its status (已收到 / 办理中 / 已答复).
 * @csspart reply - The reply.
 * @csspart waiting - Shown instead of a reply that has not come yet.
 * @csspart rating-form - The rating (满意 / 基本满意 / 不满意) while it is open.
 * @csspart rating-submit-button - Sends the rating.
 * @csspart rating - The rating given.
 * @csspart rating-closed - Says that rating is no longer possible.
 * @csspart totals - The totals above the published letters.
 * @csspart page-status - Which page of how many.
 * @csspart published-letter - Each published letter (an `<article>`).
 * @csspart pagination - The page navigation.
 * @csspart page-button - Each page button.
 * @csspart loading - The skeleton while loading.
 * @csspart error - A failed load, with Retry.
 * @csspart retry-button - Each Retry button.
 * @csspart empty - Shown when no letter is published yet.
 * @csspart announcer - The polite live region.
 *
 * @cssprop [--zwgk-feedback-mailbox-query-code-size=2rem] - Size of the query code in the confirmation.
 * @cssprop [--zwgk-feedback-mailbox-letter-background=#ffffff] - Background of each letter.
 * @cssprop [--zwgk-feedback-mailbox-tab-indicator=#b4141b] - The bar under the chosen tab.
 * @cssprop [--zwgk-color-text=#1f2328] - Body text (shared token).
 * @cssprop [--zwgk-color-primary=#b4141b] - Buttons (shared token).
 * @cssprop [--zwgk-color-error=#b3261e] - Errors (shared token).
 * @cssprop [--zwgk-color-border=#8c959f] - Borders (shared token).
 * @cssprop [--zwgk-font-size-base=1rem] - Base text size (shared token; 1.25rem in the elder theme).
 * @cssprop [--zwgk-target-size=2.75rem] - Smallest size of anything to press (shared token; 3rem in the elder theme).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkFeedbackMailbox extends ZwgkElement {
  protected static override english = () => import('../../i18n/locales/en-feedback-mailbox.js');
  static override styles = [tokens, buttons, states, fieldStyles, feedbackMailboxStyles];

  /** The backend root (the reference server serves it at `/api`). */
  @property({ attribute: 'api-base' }) apiBase = '/api';
  /** The view shown first: `write` (写信), `lookup` (查询) or `published` (来信选登). The page URL wins when it names one. */
  @property() view: MailboxView = 'write';
  /** Prefix of the URL parameters (`mailbox`, `mailbox-page`), to keep two mailboxes on one page apart. */
  @property({ attribute: 'url-param-prefix' }) urlParamPrefix = '';
  /** `off` leaves the page URL and history alone. */
  @property({ attribute: 'url-state' }) urlState: 'on' | 'off' = 'on';
  /** Longest subject in characters (default 50). */
  @property({ type: Number, attribute: 'subject-max' }) subjectMax = DEFAULT_FEEDBACK_LIMITS.subject;
  /** Longest message in characters (default 1000). */
  @property({ type: Number, attribute: 'message-max' }) messageMax = DEFAULT_FEEDBACK_LIMITS.message;
  /** Published letters per page (1–50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /**
   * Where the draft is kept while the citizen types: `local` (this device,
   * 7 days), `session` (this browser tab only — for shared computers), `off`.
   */
  @property() draft: 'local' | 'session' | 'off' = 'local';
  /**
   * When a field's problem shows, in the letter and the look-up: `submit` (only on 提交 / 查询 — the
   * default), `blur` (also on leaving a field the citizen filled in), or `input` (as they type). In every
   * mode a problem put right goes at once.
   */
  @property({ attribute: 'validate-on' }) validateOn: ValidateOn = 'submit';
  /** The level of the mailbox's headings (2–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly focusMover = new FocusController(this, { root: () => this.renderRoot });
  private readonly viewOptions: MailboxViewOptions = {
    apiBase: () => this.apiBase,
    locale: () => this.locale,
    headingLevel: () => this.headingLevel,
    limits: () => this.limits(),
    draftPolicy: () => this.draft,
    validateOn: () => this.validateOn,
    root: () => this.renderRoot as ShadowRoot,
    announce: (text) => void this.announce(text),
    localize: (fn) => this.localize(fn),
    emit: (name, detail) => void this.emit(name, detail),
    focus: (id) => this.focusMover.afterUpdate(`#${CSS.escape(id)}`),
  };
  private readonly pageUrl = new UrlStateController(this, {
    enabled: () => this.urlState !== 'off',
    onNavigate: (url) => this.restore(url),
  });
  private readonly writer = new WriteView(this, this.viewOptions, (code, contact) => this.openLookup(code, contact));
  // The look-up and the published letters load when first shown: most visitors only write, or only read.
  private readonly lookup = lazyModule(() => import('./lookup.js').then(({ LookupView }) => new LookupView(this, this.viewOptions)));
  private readonly published = lazyModule(() =>
    import('./published.js').then(
      ({ PublishedView }) =>
        new PublishedView(
          this,
          this.viewOptions,
          () => Math.min(50, Math.max(1, Math.trunc(this.pageSize) || 10)),
          (page) => this.showPage(page),
        ),
    ),
  );
  /** The view whose code could not be loaded (offline): shown as a failed load with Retry, not asked for by every update. */
  private unloaded?: LazyModule<unknown>;
  private page = 1;
  private urlRead = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.urlRead) {
      this.urlRead = true;
      if (!MAILBOX_VIEWS.includes(this.view)) this.view = 'write';
      if (this.urlState !== 'off' && !isServer) {
        const fromUrl = readMailboxState(location.search, this.urlParamPrefix);
        this.view = fromUrl.view ?? this.view;
        this.page = fromUrl.page ?? 1;
      }
      if (!isServer) this.writer.restoreDraft();
    }
    if (this.view === 'lookup') this.askFor(this.lookup);
    if (this.view === 'published') {
      if (this.published.value) this.published.value.show(this.page);
      else this.askFor(this.published);
    }
  }

  protected renderContent(): TemplateResult {
    const labels: Record<MailboxView, string> = {
      write: msg('写信'),
      lookup: msg('查询', { id: 'feedback-mailbox.lookup' }),
      published: msg('来信选登'),
    };
    return html`<div class="mailbox">
      <div class="tabs" role="tablist" aria-label=${msg('意见箱')} part="tabs" @keydown=${this.onTabKey}>
        ${MAILBOX_VIEWS.map((view) => {
          const selected = view === this.view;
          return html`<button
            type="button"
            class="tab"
            role="tab"
            id="tab-${view}"
            part=${selected ? 'tab tab-selected' : 'tab'}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel-${view}"
            tabindex=${selected ? 0 : -1}
            @click=${() => this.selectView(view)}
          >
            ${labels[view]}
          </button>`;
        })}
      </div>
      ${MAILBOX_VIEWS.map(
        (view) =>
          html`<div
            class="panel"
            role="tabpanel"
            id="panel-${view}"
            aria-labelledby="tab-${view}"
            part="panel"
            tabindex="0"
            ?hidden=${view !== this.view}
          >
            ${view === this.view ? this.renderView(view) : nothing}
          </div>`,
      )}
    </div>`;
  }

  private renderView(view: MailboxView): unknown {
    if (view === 'write') return this.writer.render();
    const lazy = view === 'lookup' ? this.lookup : this.published;
    if (lazy.value) return lazy.value.render();
    if (this.unloaded === lazy) return renderLoadError({ kind: 'network' }, () => void this.loadView<unknown>(lazy));
    return renderSkeleton(4);
  }

  // ——— Tabs and URL ———

  private selectView(view: MailboxView): void {
    if (view === this.view) return;
    this.view = view;
    // A tab is not a page: the URL follows (to share or reload) without adding to history.
    this.writeUrl('replace');
  }

  private readonly onTabKey = async (event: KeyboardEvent): Promise<void> => {
    const index = MAILBOX_VIEWS.indexOf(this.view);
    const last = MAILBOX_VIEWS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.selectView(MAILBOX_VIEWS[next]!);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${MAILBOX_VIEWS[next]}`)?.focus();
  };

  private showPage(page: number): void {
    this.page = page;
    this.writeUrl('push');
    this.requestUpdate();
  }

  private openLookup(code: string, contact: string): void {
    this.selectView('lookup');
    void this.loadView(this.lookup)
      .then((lookup) => {
        lookup.prefill(code, contact);
        return lookup.lookUp();
      })
      .catch(() => undefined); // shown as a failed load with Retry
  }

  /** Asks for a view's code when it is shown, unless it is there or just failed to load (then Retry asks again). */
  private askFor(view: LazyModule<unknown>): void {
    if (!view.value && this.unloaded !== view) void this.loadView(view);
  }

  /** Loads a view's code (once per page) and renders it, or the failed load with Retry. */
  private loadView<V>(view: LazyModule<V>): Promise<V> {
    this.unloaded = undefined;
    const loading = view.load();
    // This handles a failure: callers may leave the promise alone.
    loading.then(
      () => this.requestUpdate(),
      () => {
        this.unloaded = view;
        this.requestUpdate();
      },
    );
    return loading;
  }

  /** The view the page shows without URL parameters: the `view` attribute, else 写信. */
  private defaultView(): MailboxView {
    const attribute = this.getAttribute('view') as MailboxView | null;
    return attribute && MAILBOX_VIEWS.includes(attribute) ? attribute : 'write';
  }

  private writeUrl(how: 'push' | 'replace'): void {
    this.pageUrl.write(
      () => hrefWithMailboxState(location.href, { view: this.view, page: this.page }, this.urlParamPrefix, this.defaultView()),
      how,
    );
  }

  /** Back or Forward: show the view and page the URL now says. */
  private restore(url: URL): void {
    const fromUrl = readMailboxState(url.search, this.urlParamPrefix);
    this.view = fromUrl.view ?? this.defaultView();
    this.page = fromUrl.page ?? 1;
    this.requestUpdate();
  }

  // ——— What the views need ———

  private limits(): FeedbackFormLimits {
    const positive = (value: number, fallback: number) => (Number.isInteger(value) && value > 0 ? value : fallback);
    return {
      subject: positive(this.subjectMax, DEFAULT_FEEDBACK_LIMITS.subject),
      message: positive(this.messageMax, DEFAULT_FEEDBACK_LIMITS.message),
    };
  }
}

defineElement('zwgk-feedback-mailbox', ZwgkFeedbackMailbox);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-feedback-mailbox': ZwgkFeedbackMailbox;
  }
}
