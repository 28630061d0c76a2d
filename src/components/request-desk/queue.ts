import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../api/types/application.js';
import type { QueueItem, QueuePage, QueueQuery, Waiting } from '../../api/types/staff.js';
import type { Locale } from '../../i18n/locale.js';
import { RequestController, type DataState, type Parse } from '../base/controllers/request.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { day, daysLeftText } from './format.js';
import type { StaffSessionController } from '../base/controllers/staff-session.js';
import { labels } from './labels.js';

/** The filters as the desk holds them (strings as typed, so a half-typed number is not lost). */
export interface QueueFilters {
  status: ApplicationStatus | '';
  dueWithin: string;
  overdue: boolean;
  q: string;
  sort: 'urgency' | 'received';
  page: number;
}

export const DEFAULT_FILTERS: QueueFilters = { status: '', dueWithin: '', overdue: false, q: '', sort: 'urgency', page: 1 };
export const PAGE_SIZE = 20;

const parseQueue: Parse<QueuePage> = (raw) => {
  const page = (raw ?? {}) as Partial<QueuePage>;
  if (!Array.isArray(page.items) || typeof page.total !== 'number' || !page.counts || typeof page.counts !== 'object') {
    return { problems: ['The queue answer is not a page of applications.'] };
  }
  const wellFormed = page.items.every(
    (item) => item && typeof item.trackingCode === 'string' && APPLICATION_STATUSES.includes(item.status),
  );
  return wellFormed ? { value: page as QueuePage } : { problems: ['A queue item has no tracking code or an unknown status.'] };
};

/** The queue: its filters, and one request per change of them (RequestController aborts the one before). */
export class QueueController {
  filters: QueueFilters = { ...DEFAULT_FILTERS };
  private readonly request: RequestController<QueuePage>;

  constructor(
    host: ReactiveControllerHost,
    private readonly session: StaffSessionController,
  ) {
    this.request = new RequestController(host, {
      parse: parseQueue,
      isEmpty: (page) => page.items.length === 0,
      label: () => 'zwgk-request-desk (queue)',
    });
  }

  get state(): DataState<QueuePage> {
    return this.request.state;
  }

  get value(): QueuePage | undefined {
    return this.request.value;
  }

  set(filters: Partial<QueueFilters>): Promise<unknown> {
    this.filters = { ...this.filters, page: 1, ...filters };
    return this.load();
  }

  query(): QueueQuery {
    const f = this.filters;
    const due = Number.parseInt(f.dueWithin, 10);
    return {
      ...(f.status ? { status: f.status } : {}),
      ...(Number.isInteger(due) && due >= 0 ? { dueWithin: due } : {}),
      ...(f.overdue ? { overdue: true } : {}),
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      sort: f.sort,
      page: f.page,
      pageSize: PAGE_SIZE,
    };
  }

  load(): Promise<unknown> {
    const q = this.query();
    const query = { ...q, status: q.status as string | undefined, overdue: q.overdue ? 'true' : undefined };
    return this.request.run((signal) => this.session.request('applications', { signal, query }));
  }
}

export interface QueueHandlers {
  onFilter: (event: Event) => void;
  onStatus: (status: ApplicationStatus | '') => void;
  onOverdue: () => void;
  onPage: (page: number) => void;
  onOpen: (trackingCode: string) => void;
  onRetry: () => void;
}

const WAITING: Record<Waiting, () => string> = {
  'applicant-supplement': () => msg('等待申请人补正'),
  'third-party': () => msg('等待第三方意见'),
  'head-approval': () => msg('等待负责人审批延期'),
};

/** Days left in words, with a class for urgency (the words carry the meaning; the colour only repeats it). */
function clockCell(item: QueueItem, loc: Locale): TemplateResult {
  if (item.clock === 'paused-supplement') return html`<span>${msg('暂停：等待补正')}</span>`;
  if (item.clock === 'not-received') return html`<span>${msg('待受理')}</span>`;
  if (item.workingDaysLeft === null) return html`<span>—</span>`;
  const left = item.workingDaysLeft;
  const estimate = item.provisional ? msg('（预计）') : '';
  return html`<span class=${left < 0 ? 'overdue' : left <= 3 ? 'soon' : ''}>${daysLeftText(left, loc)}${estimate}</span>`;
}

export function renderQueue(state: DataState<QueuePage>, filters: QueueFilters, locale: Locale, on: QueueHandlers): TemplateResult {
  const { STATUS_LABELS } = labels();
  const page = state.status === 'ready' || state.status === 'empty' ? state.value : undefined;
  const counts = page?.counts;
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const chip = (status: ApplicationStatus | '', label: string, count: number | undefined) =>
    html`<li>
      <button
        type="button"
        aria-pressed=${filters.status === status && !filters.overdue ? 'true' : 'false'}
        @click=${() => on.onStatus(status)}
      >
        ${label} <span class="count">${count ?? '…'}</span>
      </button>
    </li>`;
  return html`<section aria-labelledby="queue-title" part="queue">
    <h2 id="queue-title" tabindex="-1">${msg('办理队列')}</h2>
    <ul class="counts" part="status-counts" aria-label=${msg('按状态筛选')}>
      ${chip('', msg('全部'), total)} ${APPLICATION_STATUSES.map((status) => chip(status, STATUS_LABELS[status][locale], counts?.[status]))}
      <li>
        <button type="button" aria-pressed=${filters.overdue ? 'true' : 'false'} @click=${on.onOverdue}>
          ${msg('已逾期')} <span class="count">${page?.overdue ?? '…'}</span>
        </button>
      </li>
    </ul>
    <form class="filters" part="filters" role="search" aria-label=${msg('筛选申请')} @submit=${on.onFilter} @change=${on.onFilter}>
      <div class="field">
        <label class="label" for="q">${msg('搜索')}</label>
        <p class="hint" id="q-hint">${msg('申请编号、申请人或所需信息')}</p>
        <input class="input medium" id="q" name="q" type="search" aria-describedby="q-hint" .value=${filters.q} />
      </div>
      <div class="field">
        <label class="label" for="status">${msg('状态')}</label>
        <select class="input" id="status" name="status">
          <option value="" ?selected=${filters.status === ''}>${msg('全部')}</option>
          ${APPLICATION_STATUSES.map((s) => html`<option value=${s} ?selected=${filters.status === s}>${STATUS_LABELS[s][locale]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="label" for="dueWithin">${msg('几个工作日内到期')}</label>
        <input
          class="input short"
          id="dueWithin"
          name="dueWithin"
          type="number"
          min="0"
          max="60"
          inputmode="numeric"
          .value=${filters.dueWithin}
        />
      </div>
      <div class="field">
        <div class="choice">
          <input type="checkbox" id="overdue" name="overdue" .checked=${filters.overdue} />
          <label for="overdue">${msg('只看已逾期')}</label>
        </div>
      </div>
      <div class="field">
        <label class="label" for="sort">${msg('排序')}</label>
        <select class="input" id="sort" name="sort">
          <option value="urgency" ?selected=${filters.sort === 'urgency'}>${msg('按紧急程度')}</option>
          <option value="received" ?selected=${filters.sort === 'received'}>${msg('按收到时间（最新在前）')}</option>
        </select>
      </div>
      <button type="submit" class="button secondary">${msg('筛选')}</button>
    </form>
    ${renderQueueBody(state, filters, locale, on)}
  </section>`;
}

function renderQueueBody(state: DataState<QueuePage>, filters: QueueFilters, locale: Locale, on: QueueHandlers): unknown {
  const { STATUS_LABELS } = labels();
  switch (state.status) {
    case 'idle':
    case 'loading':
      return renderSkeleton(6);
    case 'error':
      return renderLoadError(state.error, on.onRetry);
    case 'empty':
      return renderEmpty(msg('没有符合条件的申请。'));
    case 'ready':
      break;
  }
  const page = state.value;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return html`<div class="table-wrap">
      <table part="queue-table">
        <caption>
          ${msg(str`共${page.total}件`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('申请编号')}</th>
            <th scope="col">${msg('申请人')}</th>
            <th scope="col">${msg('所需信息')}</th>
            <th scope="col">${msg('状态')}</th>
            <th scope="col">${msg('收到申请日期')}</th>
            <th scope="col">${msg('答复期限')}</th>
            <th scope="col">${msg('剩余工作日')}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (item) =>
              html`<tr data-code=${item.trackingCode}>
                <th scope="row">
                  <button type="button" class="link-button open-case" @click=${() => on.onOpen(item.trackingCode)}>
                    ${item.trackingCode}
                  </button>
                </th>
                <td>${item.applicantName}</td>
                <td>${item.subject}</td>
                <td>
                  ${STATUS_LABELS[item.status][locale]}${item.waiting ? html`<span class="meta"><br />${WAITING[item.waiting]()}</span>` : nothing}
                </td>
                <td>${item.receivedOn ? day(item.receivedOn, locale) : msg('待确认')}</td>
                <td>${day(item.dueDate, locale)}</td>
                <td>${clockCell(item, locale)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      pages > 1
        ? html`<nav class="pager" aria-label=${msg('分页')}>
            <button type="button" class="button secondary" ?disabled=${filters.page <= 1} @click=${() => on.onPage(filters.page - 1)}>
              ${msg('上一页')}
            </button>
            <span>${msg(str`第${filters.page}页，共${pages}页`)}</span>
            <button type="button" class="button secondary" ?disabled=${filters.page >= pages} @click=${() => on.onPage(filters.page + 1)}>
              ${msg('下一页')}
            </button>
          </nav>`
        : nothing
    }`;
}
