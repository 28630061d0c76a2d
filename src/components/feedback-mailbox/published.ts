/**
 * 来信选登: the published letters with their replies (受理日期, 答复日期,
 * 答复部门, subject, message, reply), the totals a portal must publish on top,
 * paginated with large targets. Names, phones and e-mail never appear here:
 * the server does not send them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { ApiError, apiUrl, requestJson } from '../../api/client.js';
import { FEEDBACK_CATEGORY_LABELS, type PublishedLetter, type PublishedLettersPage } from '../../api/types/feedback.js';
import { pageCount, pageItems, parsePublishedLettersPage } from '../../core/feedback/answers.js';
import type { DataState, LoadError } from '../base/controllers/request.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { mailboxHeading, type MailboxViewOptions } from './parts.js';

export class PublishedView implements ReactiveController {
  page = 1;
  private state: DataState<PublishedLettersPage> = { status: 'idle' };
  private loadedFor?: string;
  private abort?: AbortController;
  /** after a page change the citizen asked for, focus goes to the page line (the button pressed may be gone) */
  private focusWhenLoaded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MailboxViewOptions,
    private readonly pageSize: () => number,
    /** the citizen chose another page */
    private readonly onPage: (page: number) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // Unfinished loading starts again when the element comes back.
    if (this.state.status === 'loading') this.loadedFor = undefined;
  }

  /** Shows `page`, loading it unless it is on screen already. */
  show(page: number): void {
    this.page = page;
    const key = `${this.options.apiBase()}|${page}|${this.pageSize()}`;
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    void this.load();
  }

  private retry(): void {
    this.loadedFor = undefined;
    this.show(this.page);
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.state = { status: 'loading' };
    this.host.requestUpdate();
    try {
      const raw = await requestJson(apiUrl(this.options.apiBase(), 'feedback', { page: this.page, pageSize: this.pageSize() }), { signal: abort.signal });
      const parsed = parsePublishedLettersPage(raw);
      if ('problems' in parsed) return this.fail({ kind: 'invalid', detail: parsed.problems.join('; ') });
      // A page past the end comes back as the last page.
      this.page = parsed.value.page;
      this.state = { status: 'ready', value: parsed.value };
      this.host.requestUpdate();
      if (this.focusWhenLoaded) {
        this.focusWhenLoaded = false;
        await this.options.focus('page-status');
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      this.fail(error instanceof ApiError ? { kind: error.kind, ...(error.status ? { status: error.status } : {}), detail: error.message } : { kind: 'network' });
    }
  }

  private fail(error: LoadError): void {
    this.state = { status: 'error', error };
    this.options.emit<ZwgkErrorDetail>('zwgk-error', errorDetail('list', error));
    this.host.requestUpdate();
  }

  private go(page: number): void {
    this.focusWhenLoaded = true;
    this.onPage(page);
  }

  render(): unknown {
    const state = this.state;
    if (state.status === 'idle' || state.status === 'loading') return renderSkeleton(6);
    if (state.status === 'error') return renderLoadError(state.error, () => this.retry());
    return this.renderPage(state.value);
  }

  private renderPage(value: PublishedLettersPage): TemplateResult {
    const locale = this.options.locale();
    const pages = pageCount(value.total, value.pageSize);
    const median = value.stats.medianWorkingDaysToReply;
    return html`<dl class="totals" part="totals">
        <div><dt>${msg('收到来信')}</dt><dd>${msg(str`${formatNumber(value.stats.received, locale)}封`)}</dd></div>
        <div><dt>${msg('已答复')}</dt><dd>${msg(str`${formatNumber(value.stats.replied, locale)}封`)}</dd></div>
        <div>
          <dt>${msg('答复用时（中位数）')}</dt>
          <dd>${median === null ? msg('暂无') : msg(str`${formatNumber(median, locale)}个工作日`)}</dd>
        </div>
      </dl>
      ${value.items.length === 0
        ? renderEmpty(msg('目前还没有公开的来信。'))
        : html`<p class="page-status" id="page-status" part="page-status" tabindex="-1">
              ${msg(str`公开来信共${formatNumber(value.total, locale)}封，这是第${value.page}页，共${pages}页。`)}
            </p>
            <div class="letters">${value.items.map((letter, index) => this.renderLetter(letter, index))}</div>
            ${pages > 1 ? this.renderPagination(value.page, pages) : nothing}`}`;
  }

  private renderLetter(letter: PublishedLetter, index: number): TemplateResult {
    const locale = this.options.locale(), headingLevel = this.options.headingLevel();
    const id = `published-${index}`;
    return html`<article class="letter" part="published-letter" aria-labelledby=${id}>
      ${mailboxHeading(headingLevel, id, letter.subject, 'letter-title')}
      <p class="category"><span class="tag">${FEEDBACK_CATEGORY_LABELS[letter.category][locale]}</span></p>
      <dl class="meta">
        <div><dt>${msg('受理日期')}</dt><dd><time datetime=${letter.receivedOn}>${formatDate(letter.receivedOn, locale)}</time></dd></div>
        <div><dt>${msg('答复日期')}</dt><dd><time datetime=${letter.repliedOn}>${formatDate(letter.repliedOn, locale)}</time></dd></div>
        <div><dt>${msg('答复部门')}</dt><dd>${letter.replyDepartment}</dd></div>
      </dl>
      <div class="text-block">
        <p class="block-label">${msg('来信内容')}</p>
        <p class="text">${letter.message}</p>
      </div>
      <div class="text-block reply">
        <p class="block-label">${msg('答复内容')}</p>
        <p class="text">${letter.reply}</p>
      </div>
    </article>`;
  }

  private renderPagination(current: number, pages: number): TemplateResult {
    return html`<nav class="pagination" part="pagination" aria-label=${msg('来信选登分页')}>
      <ul>
        <li>
          <button type="button" class="button secondary" part="page-button" ?disabled=${current <= 1} @click=${() => this.go(current - 1)}>
            ${msg('上一页')}
          </button>
        </li>
        ${pageItems(current, pages).map((item) =>
          item === 'gap'
            ? html`<li class="gap" aria-hidden="true">…</li>`
            : html`<li>
                <button
                  type="button"
                  class="button secondary page ${item === current ? 'current' : ''}"
                  part="page-button"
                  aria-label=${msg(str`第${item}页`)}
                  aria-current=${ifDefined(item === current ? 'page' : undefined)}
                  @click=${() => (item === current ? undefined : this.go(item))}
                >
                  ${item}
                </button>
              </li>`,
        )}
        <li>
          <button type="button" class="button secondary" part="page-button" ?disabled=${current >= pages} @click=${() => this.go(current + 1)}>
            ${msg('下一页')}
          </button>
        </li>
      </ul>
    </nav>`;
  }
}
