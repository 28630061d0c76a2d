import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/request-desk.js';
import type { ApplicationStatus } from '../src/api/types/application.js';
import type {
  AnswerLetter,
  AuditEntry,
  CalendarOverview,
  ClockDay,
  QueueItem,
  QueuePage,
  StaffAction,
  StaffCase,
  StaffRole,
  StaffSession,
} from '../src/api/types/staff.js';
import { submitSignIn, until } from './support/staff-sign-in.js';
import { stubUrl, type StubbedResponse } from './support/fetch-stub.js';

interface Args {
  apiBase: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Request desk',
  component: 'zwgk-request-desk',
  args: { apiBase: '/api' },
  render: (args) => html`<zwgk-request-desk api-base=${args.apiBase}></zwgk-request-desk>`,
};
export default meta;
type Story = StoryObj<Args>;

const CODE = 'YS-7K3M9Q2X4P';
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

const session = (role: StaffRole): StubbedResponse => ({
  body: {
    user: { id: `u-${role}`, name: { clerk: '王经办', head: '李负责', admin: '张管理' }[role], role },
    csrfToken: 'story',
    expiresAt: at('2026-09-30', '18:00'),
  } satisfies StaffSession,
});

const item = (trackingCode: string, status: ApplicationStatus, fields: Partial<QueueItem> = {}): QueueItem => ({
  trackingCode,
  status,
  applicantName: '张*',
  applicantType: 'person',
  subject: '2024年福州市商务发展专项资金分配结果',
  submittedAt: at('2026-09-01', '09:30'),
  receivedOn: '2026-09-02',
  dueDate: '2026-09-30',
  workingDaysLeft: 8,
  provisional: false,
  clock: 'running',
  waiting: null,
  ...fields,
});

const ITEMS: QueueItem[] = [
  item('YS-OVERDUE001', 'accepted', { workingDaysLeft: -2, dueDate: '2026-09-14', applicantName: '欧阳**' }),
  item('YS-DUESOON02', 'extended', { workingDaysLeft: 1, subject: '闽商务〔2024〕12号文件的附件', waiting: null }),
  item(CODE, 'submitted', { receivedOn: null, dueDate: null, workingDaysLeft: null, clock: 'not-received' }),
  item('YS-SUPPLEM03', 'supplement-requested', {
    dueDate: null,
    workingDaysLeft: null,
    clock: 'paused-supplement',
    waiting: 'applicant-supplement',
  }),
  item('YS-ORGANIZ04', 'accepted', { applicantName: '福州示例贸易有限公司', applicantType: 'organization', workingDaysLeft: 12 }),
];

const COUNTS: Record<ApplicationStatus, number> = {
  submitted: 3,
  accepted: 7,
  'supplement-requested': 1,
  extended: 2,
  answered: 4,
  closed: 31,
  withdrawn: 2,
};

const queue = (items: QueueItem[], fields: Partial<QueuePage> = {}): StubbedResponse => ({
  body: { items, total: items.length, page: 1, pageSize: 20, counts: COUNTS, overdue: 1, calendar: null, ...fields } satisfies QueuePage,
  delayMs: 150,
});

function clockDays(from: string, count: number): ClockDay[] {
  const days: ClockDay[] = [];
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`), i = 0; i < count; i++, t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const counted = i > 0 && !weekend;
    if (counted) n++;
    days.push({
      date,
      dayType: weekend ? 'weekend' : 'workday',
      count: counted ? n : null,
      pause: null,
      marks: i === 0 ? ['received'] : [],
    });
  }
  return days;
}

const entry = (
  id: number,
  date: string,
  action: AuditEntry['action'],
  status: ApplicationStatus,
  actor: AuditEntry['actor'],
  reason: string | null = null,
): AuditEntry => ({
  id,
  at: at(date),
  actor,
  action,
  reason,
  before: null,
  after: { status, receivedOn: null, dueDate: null, outcome: null, extension: null, consulting: false },
});

const CLERK = { kind: 'staff', id: 'u-clerk', name: '王经办', role: 'clerk' } as const;

function staffCase(status: ApplicationStatus, actions: StaffAction[], fields: Partial<StaffCase> = {}): StaffCase {
  return {
    trackingCode: CODE,
    status,
    agency: '福建省商务厅',
    applicant: {
      type: 'person',
      name: '张三',
      idType: 'resident-id',
      idNumber: '11010519491231002X',
      phone: '13912345678',
      email: 'zhang@example.cn',
    },
    request: { title: '2024年福州市商务发展专项资金分配结果', description: '包括资金分配的企业名单和金额。' },
    delivery: { formats: ['electronic'], methods: ['email'] },
    attachments: [{ id: 'att-1', name: '身份证正面.jpg', size: 284_000, type: 'image/jpeg' }],
    submittedAt: at('2026-09-01', '09:30'),
    clock: {
      state: 'running',
      receivedOn: '2026-09-02',
      countFrom: '2026-09-02',
      limit: 20,
      used: 6,
      dueDate: '2026-09-30',
      workingDaysLeft: 14,
      provisional: false,
      supplementRequestBy: '2026-09-11',
      supplementDueDate: null,
      consultationDueDate: null,
      days: clockDays('2026-09-02', 29),
    },
    waiting: null,
    actions,
    supplement: null,
    consultations: [],
    extension: null,
    answer: null,
    appeals: [],
    timeline: [
      entry(1, '2026-09-01', 'submit', 'submitted', { kind: 'applicant' }),
      entry(2, '2026-09-02', 'accept', 'accepted', CLERK, '电话确认收到。'),
    ],
    ...fields,
  };
}

const LETTER: AnswerLetter = {
  title: '政府信息公开申请答复书',
  docNo: '闽商务依申请〔2026〕12号',
  applicantName: '张三',
  facts: '本机关于2026年9月2日收到您提交的政府信息公开申请，要求获取“2024年福州市商务发展专项资金分配结果”。',
  legalBasis: '根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，',
  decision: '您申请获取的政府信息属于公开范围，现予以提供，详见附件。',
  remedies: '如对本答复不服，可以在收到本答复之日起60日内依法申请行政复议，或者在6个月内依法提起行政诉讼。',
  issuer: '福建省商务厅',
  date: '2026年9月20日',
};

/** A desk on its own stub API (`/stub/desk-<name>/staff/…`), Storybook only. */
function desk(name: string, stubs: Record<string, StubbedResponse>, play?: Story['play']): Story {
  const base = `desk-${name}`;
  for (const [path, answer] of Object.entries(stubs)) stubUrl(`${base}/staff/${path}`, answer);
  return { args: { apiBase: `/stub/${base}` }, ...(play ? { play } : {}) };
}

const root = (canvas: HTMLElement) => canvas.querySelector('zwgk-request-desk')!.shadowRoot!;

/** Opens the case from the queue, as a clerk would. */
const openCase: Story['play'] = async ({ canvasElement }) => {
  (await until(() => root(canvasElement).querySelector<HTMLButtonElement>(`tr[data-code="${CODE}"] .open-case`))).click();
};
const openStep =
  (action: StaffAction): Story['play'] =>
  async (context) => {
    await openCase(context);
    (await until(() => root(context.canvasElement).querySelector<HTMLButtonElement>(`#action-${action}`))).click();
  };

const SIGNED_OUT: StubbedResponse = { status: 401, body: { type: 'urn:zwgk:problem:session-required', title: '需要登录', status: 401 } };

/** Sign-in, as every member of staff first sees it. */
export const SignIn: Story = desk('sign-in', { session: SIGNED_OUT });

/** A wrong user name or password, said in words. */
export const SignInRefused: Story = desk('refused', { session: SIGNED_OUT }, ({ canvasElement }) =>
  submitSignIn(root(canvasElement), 'clerk', 'not-the-password'),
);

/** Too many failed attempts: locked for a while. */
export const SignInLocked: Story = desk(
  'locked',
  { session: { status: 429, body: { type: 'urn:zwgk:problem:sign-in-locked', title: '已锁定', status: 429 } } },
  SignInRefused.play,
);

/** The queue, most urgent first: overdue, due soon, not yet accepted, paused. */
export const Queue: Story = desk('queue', { session: session('clerk'), applications: queue(ITEMS) });

/** Loading the queue. */
export const QueueLoading: Story = desk('queue-loading', { session: session('clerk'), applications: { delayMs: Infinity } });

/** Nothing matches the filters. */
export const QueueEmpty: Story = desk('queue-empty', { session: session('clerk'), applications: queue([], { total: 0 }) });

/** No network: what happened, and Retry. */
export const QueueError: Story = desk('queue-error', { session: session('clerk'), applications: { networkError: true } });

/** A malformed answer is an error, never a blank. */
export const QueueMalformed: Story = desk('queue-malformed', { session: session('clerk'), applications: { body: { items: 'none' } } });

/** Many pages. */
export const QueuePaged: Story = desk('queue-paged', { session: session('clerk'), applications: queue(ITEMS, { total: 87 }) });

/** From 1 November while next year's holidays are missing: the warning, with the way to enter them for an administrator. */
export const CalendarWarning: Story = desk('calendar-warning', {
  session: session('admin'),
  applications: queue(ITEMS, { calendar: { missingYear: 2027 } }),
});

/** A new online request: 受理 or 补正. */
export const CaseNew: Story = desk(
  'case-new',
  {
    session: session('clerk'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: {
      body: staffCase('submitted', ['accept', 'request-supplement'], {
        clock: {
          ...staffCase('submitted', []).clock,
          state: 'not-received',
          receivedOn: null,
          countFrom: null,
          used: 0,
          dueDate: null,
          workingDaysLeft: null,
          days: [],
        },
        timeline: [entry(1, '2026-09-01', 'submit', 'submitted', { kind: 'applicant' })],
      }),
    },
  },
  openCase,
);

/** 补正 asked: the legal triggers, free text and the period. */
export const CaseSupplementForm: Story = desk(
  'case-supplement',
  {
    session: session('clerk'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: { body: staffCase('submitted', ['accept', 'request-supplement']) },
  },
  openStep('request-supplement'),
);

/** An accepted case with the clock running, explained day by day. */
export const CaseAccepted: Story = desk(
  'case-accepted',
  {
    session: session('clerk'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: { body: staffCase('accepted', ['consult', 'request-extension', 'answer']) },
  },
  openCase,
);

/** The head sees the extension waiting for approval; a clerk is not offered it. */
export const CaseExtensionForHead: Story = desk(
  'case-extension',
  {
    session: session('head'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: {
      body: staffCase('accepted', ['decide-extension', 'answer'], {
        waiting: 'head-approval',
        extension: {
          requestedOn: '2026-09-25',
          requestedBy: '王经办',
          days: 20,
          reason: '需要征求第三方意见。',
          decision: 'pending',
          decidedOn: null,
          decidedBy: null,
        },
      }),
    },
  },
  openStep('decide-extension'),
);

/** 答复: the outcome row, the released files and the 答复书, editable and printable. */
export const CaseAnswerForm: Story = desk(
  'case-answer',
  {
    session: session('clerk'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: { body: staffCase('accepted', ['consult', 'request-extension', 'answer']) },
    [`applications/${CODE}/answer-letter`]: { body: LETTER },
  },
  async (context) => {
    await openStep('answer')!(context);
    const r = root(context.canvasElement);
    const select = await until(() => r.querySelector<HTMLSelectElement>('#outcome'));
    select.value = '3.1';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    (await until(() => r.querySelector<HTMLButtonElement>('#draft-letter:not([disabled])'))).click();
  },
);

/** Answered and closed: no step is left. */
export const CaseClosed: Story = desk(
  'case-closed',
  {
    session: session('clerk'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: {
      body: staffCase('closed', [], {
        clock: { ...staffCase('closed', []).clock, state: 'stopped', dueDate: null, workingDaysLeft: null },
        answer: {
          outcome: '3.1',
          answeredOn: '2026-09-20',
          letter: LETTER,
          files: [{ id: 'f-1', name: '分配结果.pdf', size: 1_200_000, type: 'application/pdf' }],
        },
      }),
    },
  },
  openCase,
);

/** A case that cannot be loaded. */
export const CaseError: Story = desk(
  'case-error',
  {
    session: session('clerk'),
    applications: queue(ITEMS),
    [`applications/${CODE}`]: { status: 500, body: { type: 'about:blank', title: 'Server error', status: 500 } },
  },
  openCase,
);

const CALENDAR: CalendarOverview = {
  years: [
    {
      year: 2026,
      holidays: Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`),
      workdays: ['2026-09-28'],
      notice: '国办发明电〔2025〕7号',
      source: 'built-in',
    },
  ],
  notice: { missingYear: 2027 },
};

/** The administrator's calendar: the years kept, and next year's arrangement to enter. */
export const CalendarAdmin: Story = desk(
  'calendar',
  { session: session('admin'), applications: queue(ITEMS, { calendar: { missingYear: 2027 } }), calendar: { body: CALENDAR } },
  async ({ canvasElement }) => {
    (
      await until(() =>
        [...root(canvasElement).querySelectorAll<HTMLButtonElement>('.tab')].find(
          (b) => b.textContent?.includes('日历') || b.textContent?.includes('calendar'),
        ),
      )
    ).click();
  },
);

/** English (the toolbar's Language switch does this for every story). */
export const English: Story = { ...CaseAccepted, render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>` };

/** Hostile strings from an applicant render as text. */
export const HostileStrings: Story = desk(
  'hostile',
  {
    session: session('clerk'),
    applications: queue([item(CODE, 'submitted', { applicantName: '<img src=x onerror=alert(1)>', subject: '<script>alert(1)</script>' })]),
    [`applications/${CODE}`]: {
      body: staffCase('submitted', ['accept'], { request: { description: '<img src=x onerror=alert(1)><script>alert(1)</script>' } }),
    },
  },
  openCase,
);
