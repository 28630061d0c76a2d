/** The working-day calendar the office keeps: next year's 放假调休 entered from the State Council's notice. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import type { CalendarNotice, CalendarOverview, CalendarYear, CalendarYearBody } from '../../api/types/staff.js';
import { RequestController, type DataState, type Parse } from '../base/controllers/request.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import type { StaffSessionController } from '../base/controllers/staff-session.js';

const DAY_MS = 86_400_000;

/**
 * Dates as people copy them from the notice: one a line, or a range
 * `2027-02-10 至 2027-02-17` (also `~`, `～`, `..`, `—`). Answers the days, or the line that cannot be read.
 */
export function parseDayList(text: string, year: number): { days: string[] } | { badLine: string } {
  const days = new Set<string>();
  for (const raw of text.split(/[\n,，;；]+/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:至|到|~|～|\.\.|—|–|-{1,2}(?=\s))\s*(\d{4}-\d{2}-\d{2}))?$/.exec(line);
    if (!match) return { badLine: line };
    const from = Date.parse(`${match[1]}T00:00:00Z`);
    const to = Date.parse(`${match[2] ?? match[1]}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to) || to < from || to - from > 40 * DAY_MS) return { badLine: line };
    for (let t = from; t <= to; t += DAY_MS) {
      const day = new Date(t).toISOString().slice(0, 10);
      // A holiday block may run from December into the next January (the notice lists it with the year it starts in).
      if (Number(day.slice(0, 4)) !== year && !day.startsWith(`${year + 1}-01-`)) return { badLine: line };
      days.add(day);
    }
  }
  return { days: [...days].sort() };
}

/** Reads the calendar form (in the element's locale: the errors are messages), or says what to put right, by field. */
export function readCalendarForm(data: FormData): { year: number; body: CalendarYearBody } | { errors: Map<string, string> } {
  const year = Number(data.get('year'));
  const errors = new Map<string, string>();
  if (!Number.isInteger(year) || year < 2020 || year > 2100) errors.set('year', msg('请输入四位数的年份'));
  const notice = String(data.get('notice') ?? '').trim();
  if (!notice) errors.set('notice', msg('请输入通知的文号'));
  const lists: Record<'holidays' | 'workdays', string[]> = { holidays: [], workdays: [] };
  for (const name of ['holidays', 'workdays'] as const) {
    const parsed = parseDayList(String(data.get(name) ?? ''), year);
    if ('badLine' in parsed)
      errors.set(name, msg(str`无法识别“${parsed.badLine}”：请写成 ${year}-01-01 或 ${year}-02-10 至 ${year}-02-17。`));
    else lists[name] = parsed.days;
  }
  if (!errors.has('holidays') && lists.holidays.length === 0) errors.set('holidays', msg('请至少输入一个放假日期'));
  return errors.size ? { errors } : { year, body: { notice, holidays: lists.holidays, workdays: lists.workdays } };
}

const parseCalendar: Parse<CalendarOverview> = (raw) => {
  const overview = (raw ?? {}) as Partial<CalendarOverview>;
  return Array.isArray(overview.years)
    ? { value: { years: overview.years, notice: overview.notice ?? null } }
    : { problems: ['The calendar answer has no years.'] };
};

export class CalendarController {
  private readonly request: RequestController<CalendarOverview>;

  constructor(
    host: ReactiveControllerHost,
    private readonly session: StaffSessionController,
  ) {
    this.request = new RequestController(host, { parse: parseCalendar, label: () => 'zwgk-request-desk (calendar)' });
  }

  get state(): DataState<CalendarOverview> {
    return this.request.state;
  }

  load(): Promise<unknown> {
    return this.request.run((signal) => this.session.request('calendar', { signal }));
  }

  async save(year: number, body: CalendarYearBody): Promise<void> {
    await this.session.request(`calendar/${year}`, { method: 'PUT', body });
    await this.load();
  }
}

/** From 1 November while next year is missing: every deadline past 31 December is an estimate until it is entered. */
export function renderCalendarNotice(notice: CalendarNotice | null, canEdit: boolean, onOpen: () => void): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`<div class="notice" part="calendar-notice" role="note">
    <p>
      ${msg(str`${notice.missingYear}年的放假调休安排尚未录入：跨入该年的期限按周一至周五估算。`)}
      ${
        canEdit
          ? html`<button type="button" class="link-button" @click=${onOpen}>${msg(str`录入${notice.missingYear}年安排`)}</button>`
          : msg('请管理员依国务院办公厅的通知录入。')
      }
    </p>
  </div>`;
}

export interface CalendarUi {
  errors: Map<string, string>;
  failure?: string;
  busy: boolean;
  saved?: number;
}

export interface CalendarHandlers {
  onSubmit: (event: SubmitEvent) => void;
  onRetry: () => void;
}

export function renderCalendar(state: DataState<CalendarOverview>, ui: CalendarUi, on: CalendarHandlers): TemplateResult {
  const overview = state.status === 'ready' ? state.value : undefined;
  const nextYear = overview?.notice?.missingYear ?? Math.max(new Date().getFullYear(), ...(overview?.years.map((y) => y.year) ?? [])) + 1;
  const error = (name: string) =>
    ui.errors.has(name)
      ? html`<p class="error-message" id="${name}-error"><span class="tag">${msg('错误')}</span>${ui.errors.get(name)}</p>`
      : nothing;
  const invalid = (name: string) => (ui.errors.has(name) ? 'true' : nothing);
  const dayList = (name: 'holidays' | 'workdays', label: string, hint: string, rows: number) =>
    html`<div class="field ${ui.errors.has(name) ? 'has-error' : ''}">
      <label class="label" for=${name}>${label}</label>
      <p class="hint" id="${name}-hint">${hint}</p>
      ${error(name)}
      <textarea class="input" id=${name} name=${name} rows=${rows} aria-describedby="${name}-hint" aria-invalid=${invalid(name)}></textarea>
    </div>`;
  return html`<section aria-labelledby="calendar-title" part="calendar">
    <h2 id="calendar-title" tabindex="-1">${msg('工作日历')}</h2>
    <p>${msg('每年11月前后，国务院办公厅公布下一年的放假调休安排。录入后，所有期限立即按新安排计算。')}</p>
    ${state.status === 'loading' || state.status === 'idle' ? renderSkeleton(3) : nothing}
    ${state.status === 'error' ? renderLoadError(state.error, on.onRetry) : nothing} ${overview ? renderYears(overview.years) : nothing}
    ${
      ui.saved
        ? html`<div class="notice success calendar-saved" role="status" tabindex="-1">
            <p>${msg(str`${ui.saved}年的安排已保存，期限已按新安排重新计算。`)}</p>
          </div>`
        : nothing
    }
    <form class="action-form" part="calendar-form" novalidate @submit=${on.onSubmit} aria-labelledby="calendar-form-title">
      <h3 id="calendar-form-title">${msg('录入一年的放假调休安排')}</h3>
      ${ui.failure ? html`<div class="notice error" role="alert"><p>${ui.failure}</p></div>` : nothing}
      <div class="field ${ui.errors.has('year') ? 'has-error' : ''}">
        <label class="label" for="year">${msg('年份')}</label>
        ${error('year')}
        <input
          class="input short"
          id="year"
          name="year"
          type="number"
          inputmode="numeric"
          min="2020"
          max="2100"
          value=${nextYear}
          aria-invalid=${invalid('year')}
        />
      </div>
      <div class="field ${ui.errors.has('notice') ? 'has-error' : ''}">
        <label class="label" for="notice">${msg('通知文号')}</label>
        <p class="hint" id="notice-hint">${msg('例如：国办发明电〔2025〕7号')}</p>
        ${error('notice')}
        <input class="input medium" id="notice" name="notice" aria-describedby="notice-hint" aria-invalid=${invalid('notice')} />
      </div>
      ${dayList('holidays', msg('放假日期'), msg('每行一天或一段，例如 2027-02-10 至 2027-02-17（含其中的周末）。'), 6)}
      ${dayList('workdays', msg('调休上班日期'), msg('需要上班的周六、周日，每行一天。'), 3)}
      <button type="submit" class="button" ?disabled=${ui.busy}>${ui.busy ? msg('正在保存…') : msg('保存')}</button>
    </form>
  </section>`;
}

function renderYears(years: CalendarYear[]): TemplateResult {
  return html`<div class="table-wrap">
    <table part="calendar-years">
      <caption>
        ${msg('已有的年份')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('年份')}</th>
          <th scope="col">${msg('通知文号')}</th>
          <th scope="col">${msg('放假天数')}</th>
          <th scope="col">${msg('调休上班天数')}</th>
          <th scope="col">${msg('来源')}</th>
        </tr>
      </thead>
      <tbody>
        ${[...years]
          .sort((a, b) => b.year - a.year)
          .map(
            (y) =>
              html`<tr>
                <th scope="row">${y.year}</th>
                <td>${y.notice || '—'}</td>
                <td class="num">${y.holidays.length}</td>
                <td class="num">${y.workdays.length}</td>
                <td>${y.source === 'office' ? msg('本机关录入') : msg('随组件提供')}</td>
              </tr>`,
          )}
      </tbody>
    </table>
  </div>`;
}
