/**
 * 来信选登: the published letters with their replies (受理日期, 答复日期,
 * 答复部门, subject, message, reply), the totals a portal must publish on top,
 * paginated with large targets. Names, phones and e-mail never appear here:
 * the server does not send them.
 */
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import { formatNumber, plural } from '../../i18n/format.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { requestJson } from '../../api/client.js';
import { apiUrl } from '../../api/url.js';
import { FEEDBACK_CATEGORY_LABELS, type PublishedLetter, type PublishedLettersPage } from '../../api/types/feedback.js';
import { pageCount, pageItems, parsePublishedLettersPage } from '../../core/feedback/answers.js';
import { RequestController, type DataState, type LoadError } from '../base/controllers/request.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { dateRow, mailboxHeading, textBlock, type MailboxViewOptions } from './parts.js';

export class PublishedView implements ReactiveController {
  page = 1;
  private readonly request: RequestController<PublishedLettersPage>;
  private loadedFor?: string;
  /** after a page change the citizen asked for, focus goes to the page line (the button pressed may be gone) */
  private focusWhenLoaded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MailboxViewOptions,
    private readonly pageSize: () => number,
    /** the citizen chose another page */
    private readonly onPage: (page: number) => void,
  ) {
    this.request = new RequestController(host, { parse: parsePublishedLettersPage, label: () => 'zwgk-feedback-mailbox (published)' });
    host.addController(this);
  }

  private get state(): DataState<PublishedLettersPage> {
    return this.request.state;
  }

  hostDisconnected(): void {
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
    const url = apiUrl(this.options.apiBase(), 'feedback', { page: this.page, pageSize: this.pageSize() });
    const state = await this.request.run((signal) => requestJson(url, { signal }));
    if (state?.status === 'error') return this.fail(state.error);
    if (state?.status !== 'ready') return;
    // A page past the end comes back as the last page.
    this.page = state.value.page;
    if (this.focusWhenLoaded) {
      this.focusWhenLoaded = false;
      await this.options.focus('page-status');
    }
  }

  private fail(error: LoadError): void {
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
        <div>
          <dt>${msg('收到来信')}</dt>
          <dd>${msg(str`${formatNumber(value.stats.received, locale)}封`)}</dd>
        </div>
        <div>
          <dt>${msg('已答复')}</dt>
          <dd>${msg(str`${formatNumber(value.stats.replied, locale)}封`)}</dd>
        </div>
        <div>
          <dt>${msg('答复用时（中位数）')}</dt>
          <dd>
            ${
              median === null
                ? msg('暂无')
                : plural(locale, median, {
                    one: () => msg(str`${formatNumber(median, locale)}个工作日`, { id: 'mailbox.medianDays.one' }),
                    other: () => msg(str`${formatNumber(median, locale)}个工作日`),
                  })
            }
          </dd>
        </div>
      </dl>
      ${
        value.items.length === 0
          ? renderEmpty(msg('目前还没有公开的来信。'))
          : html`<p class="page-status" id="page-status" part="page-status" tabindex="-1">
                ${msg(str`公开来信共${formatNumber(value.total, locale)}封，这是第${value.page}页，共${pages}页。`)}
              </p>
              <div class="letters">${value.items.map((letter, index) => this.renderLetter(letter, index))}</div>
              ${pages > 1 ? this.renderPagination(value.page, pages) : nothing}`
      }`;
  }

  private renderLetter(letter: PublishedLetter, index: number): TemplateResult {
    const locale = this.options.locale(),
      headingLevel = this.options.headingLevel();
    const id = `published-${index}`;
    return html`<article class="letter" part="published-letter" aria-labelledby=${id}>
      ${mailboxHeading(headingLevel, id, letter.subject, 'letter-title')}
      <p class="category"><span class="tag">${FEEDBACK_CATEGORY_LABELS[letter.category][locale]}</span></p>
      <dl class="meta">
        ${dateRow(msg('受理日期'), letter.receivedOn, locale)} ${dateRow(msg('答复日期'), letter.repliedOn, locale)}
        <div>
          <dt>${msg('答复部门')}</dt>
          <dd>${letter.replyDepartment}</dd>
        </div>
      </dl>
      <div class="text-block">${textBlock(msg('来信内容'), letter.message)}</div>
      <div class="text-block reply">${textBlock(msg('答复内容'), letter.reply)}</div>
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
          <button
            type="button"
            class="button secondary"
            part="page-button"
            ?disabled=${current >= pages}
            @click=${() => this.go(current + 1)}
          >
            ${msg('下一页')}
          </button>
        </li>
      </ul>
    </nav>`;
  }
}
