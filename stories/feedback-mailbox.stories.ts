import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/feedback-mailbox.js';
import type { ZwgkFeedbackMailbox } from '../src/components/feedback-mailbox/feedback-mailbox.js';
import type { FeedbackLetterView, PublishedLetter, PublishedLettersPage } from '../src/api/types/feedback.js';
import { draftKey, saveDraft } from '../src/core/draft/store.js';
import { emptyFeedbackValues } from '../src/core/feedback/form.js';
import { stubUrl, type StubbedResponse } from './support/fetch-stub.js';

/*
 * Storybook only — a backend per story under /stub/<name>. fetch-stub answers
 * by path alone, but POST /feedback (a letter) and GET /feedback (the
 * published list) share a path: this layer picks the answer by method and
 * hands it to fetch-stub under a path of its own.
 */
const routes = new Map<string, StubbedResponse>();
const stubbedFetch = window.fetch;
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const route = routes.get(`${method} ${url.pathname}`);
  if (!route) return stubbedFetch(input, init);
  return stubbedFetch(stubUrl(`by-method/${method}${url.pathname}`, route), init);
};

interface Backend {
  challenge?: StubbedResponse;
  submit?: StubbedResponse;
  list?: StubbedResponse;
  /** answers of GET /feedback/{code}, by code */
  letters?: Record<string, StubbedResponse>;
  rating?: StubbedResponse;
}

/** A challenge the browser solves in a few tries: unsigned, SHA-256, one-hex-digit prefix, never expiring. */
const CHALLENGE = {
  parameters: {
    algorithm: 'SHA-256',
    nonce: '5f0c3e8a9b1d4c7e2a6f8b0d1e3c5a79',
    salt: 'c1a2b3d4e5f60718293a4b5c6d7e8f90',
    cost: 1,
    keyLength: 32,
    keyPrefix: '0',
    expiresAt: 4102444800,
  },
};

const CODE = 'K7M2Q9X4PB';
const PHONE = '13700001111';

/** A date `days` before today (YYYY-MM-DD), so the reply in the stories is recent enough to rate. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

const letter = (overrides: Partial<FeedbackLetterView> = {}): FeedbackLetterView => ({
  queryCode: CODE,
  category: 'consult',
  subject: '政府信息公开指南在哪里查阅',
  message: '请问贵厅的政府信息公开指南在哪里可以查阅？能否提供纸质版本？',
  status: 'replied',
  publish: true,
  receivedOn: daysAgo(6),
  reply: {
    text: '您好！政府信息公开指南已在本网站“政府信息公开”栏目公布，也可以到本厅一楼政务公开查阅点查阅纸质版本。',
    department: '福建省商务厅办公室',
    repliedOn: daysAgo(2),
  },
  ...overrides,
});

const published = (index: number, overrides: Partial<PublishedLetter> = {}): PublishedLetter => ({
  id: `letter-${index}`,
  category: (['consult', 'suggest', 'complain', 'other'] as const)[index % 4]!,
  subject: ['政府信息公开申请是否收费', '建议目录支持按文号检索', '答复期限如何计算', '如何查阅往年工作年度报告'][index % 4]!,
  message: '请问申请政府信息公开需要缴纳费用吗？如果需要，标准是什么？',
  reply: '您好！依申请提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。',
  receivedOn: '2025-09-0' + ((index % 8) + 1),
  repliedOn: '2025-09-1' + ((index % 8) + 1),
  replyDepartment: '福建省商务厅办公室',
  ...overrides,
});

const page = (items: PublishedLetter[], total = items.length): PublishedLettersPage => ({
  items,
  total,
  page: 1,
  pageSize: 10,
  stats: { received: total ? total + 7 : 0, replied: total ? total + 4 : 0, medianWorkingDaysToReply: total ? 3 : null },
});

const FULL: Backend = {
  challenge: { body: CHALLENGE },
  submit: { status: 201, body: { queryCode: CODE, status: 'received' }, delayMs: 600 },
  list: {
    body: page(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => published(i)),
      34,
    ),
  },
  letters: {
    [CODE]: { body: letter(), delayMs: 300 },
    ZZZZZZZZZZ: { status: 404, body: { type: 'urn:zwgk:problem:not-found', title: '未找到', status: 404 }, delayMs: 300 },
  },
  rating: { body: { queryCode: CODE, rating: 'satisfied' }, delayMs: 300 },
};

/** Registers a backend at `/stub/<name>` and returns its api-base. */
function backend(name: string, parts: Backend): string {
  const base = `/stub/${name}`;
  if (parts.challenge) routes.set(`GET ${base}/feedback/challenge`, parts.challenge);
  if (parts.submit) routes.set(`POST ${base}/feedback`, parts.submit);
  if (parts.list) routes.set(`GET ${base}/feedback`, parts.list);
  for (const [code, answer] of Object.entries(parts.letters ?? {})) routes.set(`POST ${base}/feedback/${code}/lookup`, answer);
  if (parts.rating) routes.set(`POST ${base}/feedback/${CODE}/rating`, parts.rating);
  return base;
}

interface Args {
  apiBase: string;
  draft: 'local' | 'session' | 'off';
  view: 'write' | 'lookup' | 'published';
  subjectMax: number;
  messageMax: number;
  pageSize: number;
  validateOn: 'blur' | 'submit' | 'input';
}

const meta: Meta<Args> = {
  title: 'Elements/Feedback mailbox',
  component: 'zwgk-feedback-mailbox',
  args: {
    apiBase: backend('mailbox', FULL),
    draft: 'off',
    view: 'write',
    subjectMax: 50,
    messageMax: 1000,
    pageSize: 10,
    validateOn: 'submit',
  },
  argTypes: {
    view: { control: 'inline-radio', options: ['write', 'lookup', 'published'] },
    validateOn: { control: 'inline-radio', options: ['submit', 'blur', 'input'] },
  },
  // url-state="off": the stories share one frame, and the frame's URL belongs to Storybook.
  render: (args) =>
    html`<zwgk-feedback-mailbox
      api-base=${args.apiBase}
      view=${args.view}
      subject-max=${args.subjectMax}
      message-max=${args.messageMax}
      page-size=${args.pageSize}
      draft=${args.draft}
      validate-on=${args.validateOn}
      url-state="off"
    ></zwgk-feedback-mailbox>`,
};
export default meta;
type Story = StoryObj<Args>;

// ——— Play helpers (shadow DOM, so plain DOM calls) ———

async function mailbox(canvas: HTMLElement): Promise<ZwgkFeedbackMailbox> {
  const el = canvas.querySelector('zwgk-feedback-mailbox')!;
  await el.updateComplete;
  return el;
}

async function until<T>(check: () => T | null | undefined, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('The story never reached its state');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function fill(el: ZwgkFeedbackMailbox, id: string, value: string): Promise<void> {
  const control = await until(() => el.shadowRoot!.getElementById(id) as HTMLInputElement | null);
  if (control.type === 'radio') control.click();
  else {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

async function writeLetter(el: ZwgkFeedbackMailbox, subject = '政府信息公开指南在哪里查阅'): Promise<void> {
  await fill(el, 'category', '');
  await fill(el, 'subject', subject);
  await fill(el, 'message', '请问贵厅的政府信息公开指南在哪里可以查阅？能否提供纸质版本？');
  await fill(el, 'name', '陈明');
  await fill(el, 'phone', PHONE);
}

async function press(el: ZwgkFeedbackMailbox, part: string): Promise<void> {
  (await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`))).click();
  await el.updateComplete;
}

async function lookUp(el: ZwgkFeedbackMailbox, code = CODE, contact = PHONE): Promise<void> {
  await fill(el, 'lookup-code', code);
  await fill(el, 'lookup-contact', contact);
  await press(el, 'lookup-submit-button');
}

// ——— 写信 ———

/** 写信: category, subject and message with their counts, name, phone or e-mail, the publish consent. Sending works against a stub. */
export const Write: Story = {};

/** Sent without filling anything in: the summary takes focus and links to each field; each field says what to do. */
export const WriteWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await press(el, 'submit-button');
  },
};

/** `validate-on="blur"`: a phone number left wrong says so on leaving the field, before 提交 (the default waits for 提交). */
export const WriteCheckedOnLeaving: Story = {
  args: { validateOn: 'blur' },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await fill(el, 'phone', '1370000');
    el.shadowRoot!.getElementById('phone')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
  },
};

/** Counts near and over the limit (here `subject-max="10"`): the words say how many are left or too many, never colour alone. */
export const WriteNearTheLimit: Story = {
  args: { subjectMax: 10, messageMax: 60 },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await fill(el, 'subject', '关于政府信息公开指南');
    await fill(
      el,
      'message',
      '请问贵厅的政府信息公开指南在哪里可以查阅？能否提供纸质版本？如果可以，请告知领取地点、时间和需要带的证件，谢谢！另外网站上的指南是哪一年的？',
    );
  },
};

/** A draft from an earlier visit (kept in this tab's sessionStorage) is restored with a notice and a way to start again. */
export const WriteRestoredDraft: Story = {
  args: { draft: 'session' },
  render: (args, context) => {
    saveDraft(sessionStorage, draftKey('feedback-mailbox', args.apiBase), {
      ...emptyFeedbackValues(),
      category: 'suggest',
      subject: '建议目录支持按文号检索',
      message: '查找文件时经常只记得文号，建议',
    });
    return meta.render!(args, context);
  },
};

/** Sending: the button says so and ignores further presses. */
export const WriteSending: Story = {
  args: { apiBase: backend('mailbox-sending', { ...FULL, submit: { delayMs: Infinity } }) },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await writeLetter(el);
    await press(el, 'submit-button');
  },
};

/** The network failed while sending: what happened, that nothing is lost, and "重新提交" (same Idempotency-Key, so never two letters). */
export const WriteNetworkFailure: Story = {
  args: { apiBase: backend('mailbox-offline', { ...FULL, submit: { networkError: true } }) },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await writeLetter(el);
    await press(el, 'submit-button');
  },
};

/** The server's own checks refused a field (422 with a JSON pointer): the message lands at the field and in the summary. */
export const WriteRefusedByServer: Story = {
  args: {
    apiBase: backend('mailbox-422', {
      ...FULL,
      submit: {
        status: 422,
        body: {
          type: 'urn:zwgk:problem:validation-failed',
          title: '提交的内容有误，请按提示修改',
          status: 422,
          errors: [
            { field: '/phone', code: 'phone.format', message: '请填写11位手机号码，或按“区号-号码”填写固定电话，例如0591-87270308' },
          ],
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await writeLetter(el);
    await press(el, 'submit-button');
  },
};

/** The background spam check could not reach the server: said once, with Retry; nothing for the citizen to solve. */
export const WriteSpamCheckFailed: Story = {
  args: { apiBase: backend('mailbox-no-challenge', { ...FULL, challenge: { networkError: true } }) },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await fill(el, 'subject', '关于政府信息公开指南');
  },
};

/** After sending: the query code, large, with copy, a plain warning to keep it, and a way to look the letter up. */
export const Confirmation: Story = {
  args: { apiBase: backend('mailbox-quick', { ...FULL, submit: { status: 201, body: { queryCode: CODE, status: 'received' } } }) },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await writeLetter(el);
    await press(el, 'submit-button');
    await until(() => el.shadowRoot!.querySelector('[part="query-code"]'));
  },
};

// ——— 查询 ———

/** 查询: the query code and the phone or e-mail given in the letter. */
export const Lookup: Story = { args: { view: 'lookup' } };

/** A replied letter: status, reply with department and date, and the rating while it is open. */
export const LookupReplied: Story = {
  args: { view: 'lookup' },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement)),
};

/** The rating sent without a choice: the error at the choices, and in a summary above the rating form that takes focus. */
export const LookupRatingWithErrors: Story = {
  args: { view: 'lookup' },
  play: async ({ canvasElement }) => {
    const el = await mailbox(canvasElement);
    await lookUp(el);
    await press(el, 'rating-submit-button');
  },
};

/** A letter received but not yet answered. */
export const LookupWaiting: Story = {
  args: {
    view: 'lookup',
    apiBase: backend('mailbox-waiting', { ...FULL, letters: { [CODE]: { body: letter({ status: 'received', reply: undefined }) } } }),
  },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement)),
};

/** A letter already rated: the rating is shown instead of the form. */
export const LookupRated: Story = {
  args: {
    view: 'lookup',
    apiBase: backend('mailbox-rated', { ...FULL, letters: { [CODE]: { body: letter({ rating: 'basically-satisfied' }) } } }),
  },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement)),
};

/** An unknown code — or a wrong contact, which gets exactly the same answer. */
export const LookupUnknownCode: Story = {
  args: { view: 'lookup' },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement), 'ZZZZZZZZZZ'),
};

/** The network failed during the look-up: what happened, with Retry. */
export const LookupNetworkFailure: Story = {
  args: { view: 'lookup', apiBase: backend('mailbox-lookup-offline', { ...FULL, letters: { [CODE]: { networkError: true } } }) },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement)),
};

/** The server answered the look-up with something that is not a letter. */
export const LookupMalformed: Story = {
  args: { view: 'lookup', apiBase: backend('mailbox-lookup-malformed', { ...FULL, letters: { [CODE]: { body: { letter: '?' } } } }) },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement)),
};

// ——— 来信选登 ———

/** 来信选登: totals on top (received, replied, median working days), each letter with 受理日期, 答复日期, 答复部门, and pages. */
export const Published: Story = { args: { view: 'published' } };

/** While the published letters load: a skeleton that keeps the space. */
export const PublishedLoading: Story = {
  args: { view: 'published', apiBase: backend('mailbox-list-loading', { ...FULL, list: { delayMs: Infinity } }) },
};

/** No letter published yet. */
export const PublishedEmpty: Story = {
  args: { view: 'published', apiBase: backend('mailbox-list-empty', { ...FULL, list: { body: page([]) } }) },
};

/** The network failed: what happened, with Retry. */
export const PublishedNetworkFailure: Story = {
  args: { view: 'published', apiBase: backend('mailbox-list-offline', { ...FULL, list: { networkError: true } }) },
};

/** A server error (503). */
export const PublishedServerError: Story = {
  args: {
    view: 'published',
    apiBase: backend('mailbox-list-503', { ...FULL, list: { status: 503, body: { title: 'Service Unavailable', status: 503 } } }),
  },
};

/** A list of the wrong shape is an error with a message, never a blank list. */
export const PublishedMalformed: Story = {
  args: { view: 'published', apiBase: backend('mailbox-list-malformed', { ...FULL, list: { body: { letters: [{ title: '标题' }] } } }) },
};

// ——— Language, theme, hostile strings ———

/** English (the toolbar's Language switch does this for every story). */
export const English: Story = { render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>` };

/** English, 来信选登. */
export const EnglishPublished: Story = {
  args: { view: 'published' },
  render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>`,
};

/** The elder-friendly theme: larger text and targets, 7:1 contrast, strong focus ring. */
export const Elder: Story = { render: (args, context) => html`<div theme="elder">${meta.render!(args, context)}</div>` };

/** The elder-friendly theme, 来信选登. */
export const ElderPublished: Story = {
  args: { view: 'published' },
  render: (args, context) => html`<div theme="elder">${meta.render!(args, context)}</div>`,
};

const HOSTILE = {
  subject: '<img src=x onerror=alert(1)>',
  message: '<script>alert(1)</script>\n"><svg onload=alert(1)>',
  reply: 'javascript:alert(1) <b>粗体</b>',
  replyDepartment: '<iframe src=javascript:alert(1)>',
};

/** Hostile strings in published letters render as text. */
export const HostileStrings: Story = {
  args: {
    view: 'published',
    apiBase: backend('mailbox-hostile', { ...FULL, list: { body: page([published(0, HOSTILE), published(1)]) } }),
  },
};

/** Hostile strings in a looked-up letter render as text. */
export const HostileStringsLookup: Story = {
  args: {
    view: 'lookup',
    apiBase: backend('mailbox-hostile-lookup', {
      ...FULL,
      letters: {
        [CODE]: {
          body: letter({
            subject: HOSTILE.subject,
            message: HOSTILE.message,
            reply: { text: HOSTILE.reply, department: HOSTILE.replyDepartment, repliedOn: '2025-09-24' },
          }),
        },
      },
    }),
  },
  play: async ({ canvasElement }) => lookUp(await mailbox(canvasElement)),
};
