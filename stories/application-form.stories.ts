import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/application-form.js';
import type { ZwgkApplicationForm } from '../src/components/application-form/application-form.js';
import { emptyApplicationValues, type ApplicationFormValues, type ApplicationStep } from '../src/core/application/form.js';
import { draftKey, saveDraft } from '../src/core/draft/store.js';
import { stubUrl, type StubbedResponse } from './support/fetch-stub.js';

interface Args {
  agency: string;
  apiBase: string;
  draft: 'local' | 'session' | 'off';
  validateOn: 'blur' | 'submit' | 'input';
}

const meta: Meta<Args> = {
  title: 'Elements/Application form',
  component: 'zwgk-application-form',
  args: { agency: '福建省商务厅', apiBase: '/api', draft: 'session', validateOn: 'blur' },
  argTypes: { validateOn: { control: 'inline-radio', options: ['blur', 'submit', 'input'] } },
  render: (args) =>
    html`<zwgk-application-form
      api-base=${args.apiBase}
      agency=${args.agency}
      draft=${args.draft}
      validate-on=${args.validateOn}
    ></zwgk-application-form>`,
};
export default meta;
type Story = StoryObj<Args>;

const PERSON: Partial<ApplicationFormValues> = {
  applicantType: 'person',
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  email: 'zhang@example.com',
  address: '福州市鼓楼区五四路100号',
  postcode: '350001',
};

const COMPLETE: Partial<ApplicationFormValues> = {
  ...PERSON,
  title: '2024年福州市商务发展专项资金分配结果',
  docNo: '闽商务〔2024〕12号',
  description: '2024年度福州市商务发展专项资金的分配项目名单和金额。',
  formats: ['electronic'],
  methods: ['email'],
  deliveryEmail: 'zhang@example.com',
  declaration: true,
};

const RECEIPT = {
  trackingCode: 'YS-7K3M9Q2X4P',
  status: 'submitted',
  receivedAt: '2025-09-26T02:00:00.000Z',
  dueDate: '2025-10-30',
  agency: '福建省商务厅',
};

/** Storybook only: a backend at `/stub/<name>` whose POST /applications answers as described. */
function stubbedBackend(name: string, answer: StubbedResponse): string {
  return stubUrl(`${name}/applications`, answer).replace(/\/applications$/, '');
}

/**
 * A form that opens where a saved draft left off: the draft is written to
 * this tab's sessionStorage, and the play function accepts the
 * "继续填写上次的草稿？" prompt.
 */
function fromDraft(step: ApplicationStep, values: Partial<ApplicationFormValues>, apiBase = '/api', attachmentNames: string[] = []): Story {
  return {
    args: { apiBase },
    render: (args, context) => {
      saveDraft(sessionStorage, draftKey('application-form', args.apiBase, args.agency), {
        values: { ...emptyApplicationValues(), ...values },
        step,
        attachmentNames,
      });
      return meta.render!(args, context);
    },
    play: async ({ canvasElement }) => {
      const form = await ready(canvasElement);
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="draft-prompt"] button')?.click();
      await form.updateComplete;
    },
  };
}

async function ready(canvas: HTMLElement): Promise<ZwgkApplicationForm> {
  await customElements.whenDefined('zwgk-application-form');
  const form = canvas.querySelector('zwgk-application-form')!;
  await form.updateComplete;
  return form;
}

/** Then presses the step's main button (下一步 / 提交申请). */
function thenContinue(story: Story): Story {
  return {
    ...story,
    play: async (context) => {
      await story.play!(context);
      const form = await ready(context.canvasElement);
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
      await form.updateComplete;
    },
  };
}

/** Step 1, as a citizen first sees it: the applicant type, and nothing else until it is chosen. */
export const Empty: Story = {
  render: (args, context) => {
    sessionStorage.clear();
    return meta.render!(args, context);
  },
};

/** Step 1 for a 公民: name, identity document, contact, identity-proof files. */
export const ApplicantPerson: Story = fromDraft('applicant', PERSON);

/** Step 1 for a 法人或其他组织: the annual-report category, 统一社会信用代码, 法定代表人, 联系人. */
export const ApplicantOrganization: Story = fromDraft('applicant', {
  applicantType: 'organization',
  orgType: 'legal-services',
  orgName: '福建某某律师事务所',
  creditCode: '31350000MD0123454U',
  legalRepresentative: '李四',
  contactName: '王五',
  phone: '0591-87270308',
});

/** Step 1 continued with every field empty: the error summary takes focus and links to each field. */
export const InvalidWithSummary: Story = thenContinue(
  fromDraft('applicant', { applicantType: 'person', idNumber: '110105194912310021', phone: '12345' }),
);

/**
 * `validate-on="input"`: a problem shows as the citizen types (here a phone number one digit short),
 * instead of on leaving the field (the default, `blur`) or only on 下一步 (`submit`).
 */
const typing = fromDraft('applicant', { ...PERSON, phone: '' });
export const CheckedWhileTyping: Story = {
  ...typing,
  args: { ...typing.args, validateOn: 'input' },
  play: async (context) => {
    await typing.play!(context);
    const form = await ready(context.canvasElement);
    const phone = form.shadowRoot!.querySelector<HTMLInputElement>('#phone')!;
    phone.value = '1391234567';
    phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await form.updateComplete;
  },
};

/** Step 2: the information wanted (at least one of 名称, 文号, 内容描述). */
export const InformationWanted: Story = fromDraft('request', PERSON);

/** Step 2 with none of 名称, 文号, 内容描述. */
export const InformationMissing: Story = thenContinue(fromDraft('request', PERSON));

/** Step 3: 载体形式 and 获取方式; 邮寄 and 电子邮件 reveal the address they need. */
export const HowToReceive: Story = fromDraft('delivery', {
  ...PERSON,
  title: '某文件',
  formats: ['paper'],
  methods: ['post', 'email'],
  deliveryAddress: '福州市鼓楼区五四路100号',
});

/** Step 3 with 邮寄 chosen but no 邮编, and no e-mail address for 电子邮件. */
export const DeliveryIncomplete: Story = thenContinue(
  fromDraft('delivery', {
    ...PERSON,
    email: '',
    postcode: '',
    title: '某文件',
    formats: ['paper'],
    methods: ['post', 'email'],
    deliveryAddress: '福州市',
  }),
);

/** Step 4: every answer with 修改, and the declaration. */
export const Review: Story = fromDraft('review', { ...COMPLETE, declaration: false });

/** The prompt after a reload: continue the saved draft, or start again. Files are listed to be added again. */
export const RestoredDraftPrompt: Story = {
  render: (args, context) => {
    saveDraft(sessionStorage, draftKey('application-form', args.apiBase, args.agency), {
      values: { ...emptyApplicationValues(), ...PERSON },
      step: 'request',
      attachmentNames: ['身份证正面.jpg', '身份证反面.jpg'],
    });
    return meta.render!(args, context);
  },
};

/** Sending: the button says so and cannot be pressed twice (a stub that never answers). */
export const Submitting: Story = thenContinue(fromDraft('review', COMPLETE, stubbedBackend('form-submitting', { delayMs: Infinity })));

/** No network on submit: everything kept, Retry with the same Idempotency-Key. */
export const NetworkFailure: Story = thenContinue(fromDraft('review', COMPLETE, stubbedBackend('form-offline', { networkError: true })));

/** The server put errors on fields (a stub answering 422 with JSON pointers): the first step with one is shown. */
export const ServerFieldErrors: Story = thenContinue(
  fromDraft(
    'review',
    COMPLETE,
    stubbedBackend('form-422', {
      status: 422,
      body: {
        type: 'urn:zwgk:problem:validation-failed',
        title: '提交的内容有误，请按提示修改',
        status: 422,
        errors: [{ field: '/applicant/phone', message: '此号码无法接通，请填写其他联系电话', code: 'custom' }],
      },
    }),
  ),
);

/** The receipt: tracking code (copy, print), date received, the deadline counted across 国庆 2025, what happens next. */
export const Confirmation: Story = thenContinue(
  fromDraft('review', COMPLETE, stubbedBackend('form-201', { status: 201, body: RECEIPT, delayMs: 300 })),
);

/** English (the toolbar's Language switch does this for every story). */
export const English: Story = {
  ...ApplicantPerson,
  render: (args, context) => html`<div lang="en">${ApplicantPerson.render!(args, context)}</div>`,
};

/** The elder-friendly theme: larger text and targets, 7:1 contrast, strong focus ring. */
export const Elder: Story = {
  ...ApplicantPerson,
  render: (args, context) => html`<div theme="elder">${ApplicantPerson.render!(args, context)}</div>`,
};

/** Hostile strings in every text field are shown back as text on the review. */
export const HostileStrings: Story = fromDraft('review', {
  ...COMPLETE,
  name: '<img src=x onerror=alert(1)>',
  address: '"><svg onload=alert(1)>',
  title: '<script>alert(1)</script>',
  description: 'javascript:alert(1)',
});
