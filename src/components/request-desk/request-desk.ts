import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { ApplicationStatus, AttachmentReceipt } from '../../api/types/application.js';
import { STAFF_ROLE_LABELS } from '../../api/types/staff.js';
import type { ZwgkCaseActionDetail } from '../../events/zwgk-case-action.js';
import type { ZwgkSignedInDetail } from '../../events/zwgk-signed-in.js';
import type { ZwgkSignedOutDetail } from '../../events/zwgk-signed-out.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { fieldStyles } from '../base/fields.styles.js';
import { FocusController } from '../base/controllers/focus.js';
import { StaffSessionController, StaffSignInController, type StaffSessionState } from '../base/controllers/staff-session.js';
import { renderStaffSignIn } from '../base/staff-sign-in.js';
import { staffSignInStyles } from '../base/staff-sign-in.styles.js';
import { toLoadError } from '../base/controllers/request.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { renderActions } from './actions.js';
import { describeActionFailure } from './action-bodies.js';
import { CalendarController, readCalendarForm, renderCalendar, renderCalendarNotice, type CalendarUi } from './calendar.js';
import { CaseController } from './case.js';
import { CaseStepsController } from './case-steps.js';
import { renderClock, renderFiles, renderRequest, renderTimeline } from './case-view.js';
import { DEFAULT_FILTERS, QueueController, renderQueue } from './queue.js';
import { requestDeskStyles } from './request-desk.styles.js';
import { renderBar, type DeskView } from './bar.js';
import { labels, labelsLoaded, loadLabels } from './labels.js';

/**
 * 依申请公开办理台 — the disclosure office's desk. Staff sign in within the
 * element (a session cookie and a CSRF token; an expired session brings the
 * sign-in back and says so), work through the queue (status, masked
 * applicant, dates, working days left; filters, counts per status, urgency
 * order, paging), and open a case: the full request, the identity proofs
 * (staff only), the audit trail with who did what, the legal clock explained
 * day by day, and only the steps the law and the user's role allow now —
 * 受理, 补正, 征求第三方意见, 延期 and its approval, 答复 with the 答复书, 办结,
 * 视为放弃. Administrators also keep the working-day calendar.
 *
 * Every step is a button and a form; focus moves to the form when it opens,
 * to the result when it is done, and back to the button when it is cancelled
 * (Escape cancels).
 *
 * @tagname zwgk-request-desk
 * @summary The staff desk where 政府信息公开申请 are handled to a lawful answer.
 *
 * @fires {CustomEvent<ZwgkSignedInDetail>} zwgk-signed-in - A member of staff signed in (or a session was found).
 * @fires {CustomEvent<ZwgkSignedOutDetail>} zwgk-signed-out - The session ended: signed out, or expired on the server.
 * @fires {CustomEvent<ZwgkCaseActionDetail>} zwgk-case-action - The server recorded a step on a case.
 *
 * @csspart bar - The top bar: title, navigation, the signed-in user, 退出登录.
 * @csspart sign-in - The sign-in form.
 * @csspart sign-in-button - 登录.
 * @csspart sign-in-error - Why signing in failed, in words.
 * @csspart session-expired - Said when the session ended on the server.
 * @csspart calendar-notice - The warning while next year's holidays are missing.
 * @csspart queue - The queue: counts, filters and the table.
 * @csspart status-counts - The counts per status (they filter too).
 * @csspart filters - The filter form.
 * @csspart queue-table - The table of applications.
 * @csspart case - An open case.
 * @csspart case-request - The request in full.
 * @csspart case-files - Identity proofs, the 补正 and the answer's files.
 * @csspart case-clock - The clock explained.
 * @csspart clock-days - The day-by-day table of the clock.
 * @csspart case-timeline - The audit trail.
 * @csspart case-actions - The steps that are legal now.
 * @csspart no-actions - Said when no step is open to this user.
 * @csspart action-form - The open step's form.
 * @csspart action-submit - The open step's submit button.
 * @csspart action-error - Why the server refused the step.
 * @csspart action-result - What the last step did.
 * @csspart answer-letter - The 答复书 preview.
 * @csspart answer-files - The released files uploaded for the answer.
 * @csspart calendar - The calendar admin.
 * @csspart calendar-form - The form for a year's arrangement.
 * @csspart calendar-years - The years the calendar holds.
 * @csspart loading - Shown while loading.
 * @csspart empty - An empty queue.
 * @csspart error - An error state.
 * @csspart retry-button - The error state's Retry button.
 *
 * @cssprop [--zwgk-request-desk-max-width=80rem] - The widest the desk grows.
 * @cssprop [--zwgk-request-desk-accent=#b4141b] - The line under the top bar.
 * @cssprop [--zwgk-color-text=#1f2328] - Body text (shared token).
 * @cssprop [--zwgk-color-error=#b3261e] - Errors and overdue cases (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - Cases due soon and warnings (shared token).
 * @cssprop [--zwgk-font-size-base=1rem] - Base text size (shared token).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkRequestDesk extends ZwgkElement {
  protected static override english = () => import('../../i18n/locales/en-request-desk.js');
  static override styles = [tokens, buttons, states, fieldStyles, staffSignInStyles, requestDeskStyles];

  /** The backend root: the staff API is `{api-base}/staff/…`. */
  @property({ attribute: 'api-base' }) apiBase = '/api';

  @state() private view: DeskView = 'queue';
  @state() private calendarUi: CalendarUi = { errors: new Map(), busy: false };

  private readonly session = new StaffSessionController(this, {
    apiBase: () => this.apiBase,
    locale: () => this.locale,
    onChange: (next, previous) => this.onSession(next, previous),
  });
  private readonly signIn = new StaffSignInController(this, this.session, () => this.renderRoot);
  private readonly queue = new QueueController(this, this.session);
  private readonly case = new CaseController(this, this.session);
  private readonly calendar = new CalendarController(this, this.session);
  private readonly focuser = new FocusController(this, { root: () => this.renderRoot });
  private readonly steps = new CaseStepsController(this, {
    session: this.session,
    case: this.case,
    locale: () => this.locale,
    localize: (fn) => this.localize(fn),
    focus: (selector) => this.focusLater(selector),
    focusField: (id) => this.focuser.control(id),
    announce: (text) => void this.announce(text),
    onDone: (trackingCode, action, status) => this.emit<ZwgkCaseActionDetail>('zwgk-case-action', { trackingCode, action, status }),
  });

  private focusLater(selector: string): void {
    this.focuser.after(selector);
  }

  // ── Session ──────────────────────────────────────────────────────────

  private onSession(next: StaffSessionState, previous: StaffSessionState): void {
    if (next.status === 'signed-in') {
      this.emit<ZwgkSignedInDetail>('zwgk-signed-in', { name: next.user.name, role: next.user.role });
      this.view = 'queue';
      this.queue.filters = { ...DEFAULT_FILTERS };
      void this.queue.load();
      if (previous.status === 'signed-out') this.focusLater('#queue-title');
    } else if (next.status === 'signed-out' && previous.status === 'signed-in') {
      this.emit<ZwgkSignedOutDetail>('zwgk-signed-out', { reason: next.expired ? 'expired' : 'signed-out' });
      this.case.close();
      this.steps.reset();
    }
  }

  // ── Navigation ───────────────────────────────────────────────────────

  private show(view: DeskView): void {
    this.view = view;
    if (view === 'queue') {
      this.case.close();
      void this.queue.load();
      this.focusLater('#queue-title');
    } else if (view === 'calendar') {
      this.calendarUi = { errors: new Map(), busy: false };
      void this.calendar.load();
      this.focusLater('#calendar-title');
    }
  }

  private async openCase(code: string): Promise<void> {
    this.view = 'case';
    this.steps.clear();
    this.focusLater('#case-title');
    await this.case.open(code);
    this.focusLater('#case-title');
  }

  private async backToQueue(): Promise<void> {
    const code = this.case.code;
    this.view = 'queue';
    this.case.close();
    this.steps.reset();
    this.focusLater('#queue-title');
    await this.queue.load();
    // Back where the user left: the row of the case, when it is still on this page — unless they moved on meanwhile.
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    const stayed = !focused || focused.id === 'queue-title';
    if (stayed && this.view === 'queue' && this.queue.value?.items.some((item) => item.trackingCode === code)) {
      this.focusLater(`tr[data-code="${CSS.escape(code)}"] .open-case`);
    }
  }

  // ── Queue ────────────────────────────────────────────────────────────

  private onFilter(event: Event): void {
    event.preventDefault();
    const form = (event.currentTarget as HTMLFormElement) ?? (event.target as HTMLElement).closest('form');
    // Typing in the search box waits for Enter or 筛选; every other control filters at once.
    if (event.type === 'change' && (event.target as HTMLElement).id === 'q') return;
    const data = new FormData(form);
    void this.filterQueue({
      q: String(data.get('q') ?? ''),
      status: String(data.get('status') ?? '') as ApplicationStatus | '',
      dueWithin: String(data.get('dueWithin') ?? ''),
      overdue: data.get('overdue') === 'on',
      sort: data.get('sort') === 'received' ? 'received' : 'urgency',
    });
  }

  /** Filters, then says how many match (the table changes out of sight of a screen reader). */
  private async filterQueue(filters: Parameters<QueueController['set']>[0]): Promise<void> {
    await this.queue.set(filters);
    const page = this.queue.value;
    if (page) void this.announce(this.localize(() => msg(str`共${page.total}件`)));
  }

  // ── Calendar ─────────────────────────────────────────────────────────

  private async onCalendarSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Kept now: once the event is dispatched, its target is retargeted to the host.
    const form = event.currentTarget as HTMLFormElement;
    const read = this.localize(() => readCalendarForm(new FormData(form)));
    if ('errors' in read) {
      this.calendarUi = { errors: read.errors, busy: false };
      this.focusLater(`#${[...read.errors.keys()][0]}`);
      return;
    }
    this.calendarUi = { errors: new Map(), busy: true };
    try {
      await this.calendar.save(read.year, read.body);
      this.calendarUi = { errors: new Map(), busy: false, saved: read.year };
      form.reset();
      this.focusLater('.calendar-saved');
    } catch (error) {
      this.calendarUi = { errors: new Map(), busy: false, failure: this.localize(() => describeActionFailure(toLoadError(error))) };
    }
  }

  // ── Rendering ────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    void loadLabels().then(() => this.requestUpdate());
  }

  protected renderContent(): unknown {
    const session = this.session.state;
    if (session.status === 'checking') return renderSkeleton(3);
    if (session.status === 'error') return renderLoadError(session.error, () => void this.session.check(true));
    if (session.status === 'signed-out') {
      return renderStaffSignIn(this.signIn.view({ expiredNote: msg('未提交的内容没有保存。') }), this.signIn.handlers);
    }
    const user = session.user;
    if (!labelsLoaded()) return renderSkeleton(3);
    const queueState = this.queue.state;
    const notice = queueState.status === 'ready' || queueState.status === 'empty' ? queueState.value.calendar : null;
    const bar = { name: user.name, role: STAFF_ROLE_LABELS[user.role][this.locale], admin: user.role === 'admin', view: this.view };
    return html`${renderBar(bar, { onShow: (view) => this.show(view), onSignOut: () => void this.session.signOut() })}
      ${renderCalendarNotice(notice, user.role === 'admin', () => this.show('calendar'))}
      <div class="view">${this.renderView()}</div>`;
  }

  private renderView(): unknown {
    switch (this.view) {
      case 'queue':
        return renderQueue(this.queue.state, this.queue.filters, this.locale, {
          onFilter: (e) => this.onFilter(e),
          onStatus: (status) => void this.filterQueue({ status, overdue: false }),
          onOverdue: () => void this.filterQueue({ overdue: !this.queue.filters.overdue, status: '' }),
          onPage: (page) => {
            this.queue.set({ page });
            this.focusLater('#queue-title');
          },
          onOpen: (code) => void this.openCase(code),
          onRetry: () => void this.queue.load(),
        });
      case 'calendar':
        return renderCalendar(this.calendar.state, this.calendarUi, {
          onSubmit: (e) => void this.onCalendarSubmit(e),
          onRetry: () => void this.calendar.load(),
        });
      case 'case':
        return this.renderCase();
    }
  }

  private renderCase(): TemplateResult {
    const state = this.case.state;
    const code = this.case.code;
    const head = html`<p>
      <button type="button" class="link-button" id="back" @click=${() => void this.backToQueue()}>${msg('← 返回办理队列')}</button>
    </p>`;
    if (state.status !== 'ready') {
      return html`${head}
        <h2 id="case-title" tabindex="-1">${msg(str`申请 ${code}`)}</h2>
        ${state.status === 'error' ? renderLoadError(state.error, () => void this.case.load()) : renderSkeleton(8)}`;
    }
    const c = state.value;
    const loc = this.locale;
    const href = (file: AttachmentReceipt) =>
      this.session.url(`applications/${encodeURIComponent(c.trackingCode)}/files/${encodeURIComponent(file.id)}`);
    return html`${head}
      <article part="case" aria-labelledby="case-title">
        <h2 id="case-title" tabindex="-1">
          ${msg(str`申请 ${c.trackingCode}`)} <span class="status">${labels().STATUS_LABELS[c.status][loc]}</span>
        </h2>
        ${this.steps.result ? html`<div class="notice success action-result" part="action-result" role="status" tabindex="-1"><p>${this.steps.result}</p></div>` : nothing}
        <div class="case-grid">
          <div>${renderActions(c, this.steps.ui, loc, this.steps.handlers)} ${renderRequest(c, loc)} ${renderFiles(c, loc, href)}</div>
          <div>${renderClock(c.clock, loc)} ${renderTimeline(c.timeline, loc)}</div>
        </div>
      </article>`;
  }
}

defineElement('zwgk-request-desk', ZwgkRequestDesk);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-request-desk': ZwgkRequestDesk;
  }
}
