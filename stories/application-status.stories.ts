import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/application-status.js';
import type { ApplicationStatusView, TimelineEntry } from '../src/api/types/application.js';
import { stubUrl, type StubbedResponse } from './support/fetch-stub.js';

interface Args {
  apiBase: string;
  trackingCode: string;
}

const CODE = 'YS-7K3M9Q2X4P';
const PHONE = '13912345678';

const meta: Meta<Args> = {
  title: 'Elements/Application status',
  component: 'zwgk-application-status',
  args: { apiBase: '/api', trackingCode: '' },
  render: (args) => html`<zwgk-application-status api-base=${args.apiBase} tracking-code=${args.trackingCode}></zwgk-application-status>`,
};
export default meta;
type Story = StoryObj<Args>;

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const SUBMITTED: TimelineEntry = { status: 'submitted', at: at('2026-09-01', '09:30') };

/**
 * A lookup of `YS-7K3M9Q2X4P` with 13912345678 against a Storybook-only stub
 * answering as given; the play function fills the form and presses 查询.
 */
function lookedUp(name: string, answer: StubbedResponse): Story {
  return {
    args: { apiBase: stubUrl(`status-${name}/applications/${CODE}/lookup`, answer).replace(/\/applications\/.*$/, ''), trackingCode: CODE },
    play: async ({ canvasElement }) => {
      await customElements.whenDefined('zwgk-application-status');
      const el = canvasElement.querySelector('zwgk-application-status')!;
      await el.updateComplete;
      // In English the messages load first: wait for the form rather than assume the first render has it.
      let phone = el.shadowRoot!.querySelector<HTMLInputElement>('#phone');
      for (let tries = 0; !phone && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        phone = el.shadowRoot!.querySelector<HTMLInputElement>('#phone');
      }
      if (!phone) throw new Error('the look-up form never appeared');
      phone.value = PHONE;
      phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    },
  };
}

const view = (fields: Partial<ApplicationStatusView>): StubbedResponse => ({
  body: { trackingCode: CODE, status: 'submitted', timeline: [SUBMITTED], dueDate: '2026-09-29', workingDaysLeft: 14, ...fields },
  delayMs: 200,
});

/** The lookup form, as a citizen first sees it. */
export const Empty: Story = {};

/** 已提交: waiting to be accepted; the working days left to the reply deadline. */
export const Submitted: Story = lookedUp('submitted', view({}));

/** 已受理. */
export const Accepted: Story = lookedUp(
  'accepted',
  view({ status: 'accepted', timeline: [SUBMITTED, { status: 'accepted', at: at('2026-09-02') }], workingDaysLeft: 12 }),
);

/** 需补正: what the agency asks for, and the clock stopped until the answer arrives. */
export const SupplementRequested: Story = lookedUp(
  'supplement',
  view({
    status: 'supplement-requested',
    timeline: [
      SUBMITTED,
      { status: 'supplement-requested', at: at('2026-09-04'), note: '请补充所需信息涉及的年份，以及“专项资金”的具体名称。' },
    ],
    dueDate: null,
    workingDaysLeft: null,
  }),
);

/** 延期答复: the deadline moved 20 working days on, once. */
export const Extended: Story = lookedUp(
  'extended',
  view({
    status: 'extended',
    timeline: [
      SUBMITTED,
      { status: 'accepted', at: at('2026-09-02') },
      { status: 'extended', at: at('2026-09-25'), note: '需要征求第三方意见。' },
    ],
    dueDate: '2026-11-02',
    workingDaysLeft: 23,
  }),
);

/** Past the deadline: how many working days, said in words and not by colour alone. */
export const Overdue: Story = lookedUp(
  'overdue',
  view({ status: 'accepted', timeline: [SUBMITTED, { status: 'accepted', at: at('2026-09-02') }], workingDaysLeft: -3 }),
);

/** 已答复 with the outcome and its row in table 三 of the annual report. */
export const Answered: Story = lookedUp(
  'answered',
  view({
    status: 'answered',
    timeline: [
      SUBMITTED,
      { status: 'accepted', at: at('2026-09-02') },
      { status: 'answered', at: at('2026-09-20'), note: '答复书已通过电子邮件发送。' },
    ],
    dueDate: null,
    workingDaysLeft: null,
    outcome: '3.2',
  }),
);

/** 办结, after a 不予公开 answer. */
export const Closed: Story = lookedUp(
  'closed',
  view({
    status: 'closed',
    timeline: [
      SUBMITTED,
      { status: 'accepted', at: at('2026-09-02') },
      { status: 'answered', at: at('2026-09-20') },
      { status: 'closed', at: at('2026-09-22') },
    ],
    dueDate: null,
    workingDaysLeft: null,
    outcome: '3.3.4',
  }),
);

/** 已撤回. */
export const Withdrawn: Story = lookedUp(
  'withdrawn',
  view({ status: 'withdrawn', timeline: [SUBMITTED, { status: 'withdrawn', at: at('2026-09-03') }], dueDate: null, workingDaysLeft: null }),
);

/** A wrong phone number or an unknown code: one answer for both. */
export const NotFound: Story = lookedUp('not-found', {
  status: 404,
  body: { type: 'urn:zwgk:problem:not-found', title: '未找到', status: 404 },
});

/** Looking up (a stub that never answers). */
export const Loading: Story = lookedUp('loading', { delayMs: Infinity });

/** No network: what happened and Retry. */
export const NetworkError: Story = lookedUp('offline', { networkError: true });

/** A backend answering with the wrong shape: an error, never a blank. */
export const Malformed: Story = lookedUp('malformed', { body: { trackingCode: CODE, status: 'lost', timeline: 'none' } });

/** English (the toolbar's Language switch does this for every story). */
export const English: Story = { ...Answered, render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>` };

/** The elder-friendly theme. */
export const Elder: Story = { ...Extended, render: (args, context) => html`<div theme="elder">${meta.render!(args, context)}</div>` };

/** Hostile strings in a staff note are shown as text. */
export const HostileStrings: Story = lookedUp(
  'hostile',
  view({
    status: 'supplement-requested',
    timeline: [
      SUBMITTED,
      { status: 'supplement-requested', at: at('2026-09-04'), note: '<img src=x onerror=alert(1)><script>alert(1)</script>' },
    ],
    dueDate: null,
    workingDaysLeft: null,
  }),
);

/** 需补正 with the office's notice: what is missing, the last day, and the form to answer it online (text and files). */
export const SupplementOnline: Story = lookedUp(
  'supplement-online',
  view({
    status: 'supplement-requested',
    timeline: [SUBMITTED, { status: 'supplement-requested', at: at('2026-09-04') }],
    dueDate: null,
    workingDaysLeft: null,
    supplement: { triggers: ['identity-proof', 'description-unclear'], detail: '请补充所需信息涉及的年份。', dueOn: '2026-09-25' },
  }),
);

/** 已答复 with the 答复书 and the released files to download. */
export const AnsweredWithDocuments: Story = lookedUp(
  'documents',
  view({
    status: 'answered',
    timeline: [SUBMITTED, { status: 'accepted', at: at('2026-09-02') }, { status: 'answered', at: at('2026-09-20') }],
    dueDate: null,
    workingDaysLeft: null,
    outcome: '3.1',
    documents: {
      answerLetter: { name: '政府信息公开申请答复书.pdf', issuedOn: '2026-09-20' },
      files: [{ id: 'f-1', name: '2024年专项资金分配结果.pdf', size: 1_200_000, type: 'application/pdf' }],
    },
  }),
);

/** 撤回: the question asked once more before anything is sent. */
export const WithdrawConfirmation: Story = {
  ...Accepted,
  play: async (context) => {
    await Accepted.play!(context);
    const el = context.canvasElement.querySelector('zwgk-application-status')!;
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('#withdraw'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    el.shadowRoot!.querySelector<HTMLButtonElement>('#withdraw')?.click();
  },
};
