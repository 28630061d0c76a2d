import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/report-editor.js';
import type { ReportVersion, ReportVersionStatus, StaffReportYear } from '../src/api/types/report-draft.js';
import type { AnnualReport, AnnualReport2021 } from '../src/api/types/report.js';
import type { StaffRole } from '../src/api/types/staff.js';
import { pingtan2024 } from '../src/core/report/fixtures/index.js';
import { prefillReport } from '../src/core/report/prefill.js';
import { stubUrl, type StubbedResponse } from './support/fetch-stub.js';
import { submitSignIn } from './support/staff-sign-in.js';

interface Args {
  apiBase: string;
  year: number;
  lang: string;
  theme: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Report editor',
  component: 'zwgk-report-editor',
  args: { apiBase: '/api', year: 2026, lang: 'zh-CN', theme: '' },
  render: (args) =>
    html`<div lang=${args.lang} theme=${args.theme}>
      <zwgk-report-editor api-base=${args.apiBase} year=${args.year}></zwgk-report-editor>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

const YEAR = 2026;
const at = (date: string) => `${date}T02:00:00.000Z`;
const clerk = { id: 'u-clerk', name: '王经办' };
const head = { id: 'u-head', name: '李负责' };

const session = (role: StaffRole): StubbedResponse => ({
  body: { user: { ...(role === 'head' ? head : clerk), role }, csrfToken: 'story', expiresAt: at('2026-12-31') },
});

/** This year's draft as the server prefills it from its records (the applications counted as in the 2024 report). */
const prefilled = prefillReport({
  year: YEAR,
  agency: '福建省商务厅',
  requests: pingtan2024.requests,
  previous: { ...pingtan2024, year: YEAR - 1 },
  reviews: { reconsideration: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReconsideration: [0, 0, 0, 0, 0] },
  directory: [
    {
      id: 'd1',
      indexNo: 'X-1',
      title: '关于促进便利店发展的通知',
      url: '#',
      publisher: '福建省商务厅',
      category: '商贸',
      publishedAt: '2026-03-01',
      keywords: ['规范性文件'],
    },
  ],
});

const withText = (doc: AnnualReport): AnnualReport => ({
  ...doc,
  sections: {
    overview:
      '<p><strong>2026年</strong>，福建省商务厅认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理依申请公开。</p>',
    problems: '<p>信息公开的及时性仍需提高。</p>',
    other: '<p>本年度未收取信息处理费。</p>',
  },
});

function version(status: ReportVersionStatus, fields: Partial<ReportVersion> = {}): ReportVersion {
  return {
    year: YEAR,
    version: 1,
    status,
    revision: 3,
    document: withText(prefilled.document),
    sources: prefilled.sources,
    note: null,
    returnNote: null,
    createdAt: at('2026-12-01'),
    createdBy: clerk,
    updatedAt: at('2026-12-02'),
    updatedBy: clerk,
    submittedAt: status === 'draft' ? null : at('2026-12-03'),
    submittedBy: status === 'draft' ? null : clerk,
    publishedAt: status === 'published' ? at('2026-12-04') : null,
    publishedBy: status === 'published' ? head : null,
    ...fields,
  };
}

const year = (versions: ReportVersion[]): StaffReportYear => ({
  year: YEAR,
  format: '2021',
  versions,
  previous: { ...pingtan2024, year: YEAR - 1 },
});

/** An editor on its own stub API (`/stub/report-<name>/staff/…`), Storybook only. */
function onStub(name: string, stubs: { session: StubbedResponse; year?: StubbedResponse }, args: Partial<Args> = {}): Story {
  const base = `report-${name}`;
  stubUrl(`${base}/staff/session`, stubs.session);
  if (stubs.year) stubUrl(`${base}/staff/reports/${YEAR}`, stubs.year);
  return { args: { apiBase: `/stub/${base}`, ...args } };
}

const SIGNED_OUT: StubbedResponse = { status: 401, body: { type: 'urn:zwgk:problem:session-required', title: '请先登录', status: 401 } };
const root = (canvas: HTMLElement) => canvas.querySelector('zwgk-report-editor')!.shadowRoot!;

/** Sign-in: the editor works in a staff session. */
export const SignIn: Story = onStub('sign-in', { session: SIGNED_OUT });

/** A wrong user name or password: the same form and words as the request desk's (base/staff-sign-in.ts). */
export const SignInRefused: Story = {
  ...onStub('refused', { session: SIGNED_OUT }),
  play: ({ canvasElement }) => submitSignIn(root(canvasElement), 'clerk', 'not-the-password'),
};

export const Loading: Story = onStub('loading', { session: session('clerk'), year: { delayMs: Infinity } });

export const LoadError: Story = onStub('error', { session: session('clerk'), year: { networkError: true } });

/** The year has no report yet: a clerk starts it, prefilled from the records. */
export const NotStarted: Story = onStub('empty', { session: session('clerk'), year: { body: year([]) } });

/** The draft: prefilled cells marked with their source (申 applications, 上 last year's report, 目 directory, 案 cases). */
export const Draft: Story = onStub('draft', { session: session('clerk'), year: { body: year([version('draft')]) } });

/** A wrong number (表三 自然人 一) and a changed prefilled cell: the findings are at the cells. */
export const DraftWithErrors: Story = (() => {
  const doc = structuredClone(withText(prefilled.document)) as AnnualReport2021;
  const received = [...doc.requests['1']!] as NonNullable<AnnualReport2021['requests']['1']>;
  received[0] = (received[0] ?? 0) + 7;
  doc.requests['1'] = received;
  return onStub('draft-errors', { session: session('clerk'), year: { body: year([version('draft', { document: doc })]) } });
})();

/** More than 1,000 characters in 一、总体情况 (2021 guidance). */
export const OverviewTooLong: Story = onStub('too-long', {
  session: session('clerk'),
  year: {
    body: year([
      version('draft', {
        document: {
          ...withText(prefilled.document),
          sections: { overview: `<p>${'政务公开工作稳步推进。'.repeat(100)}</p>`, problems: '', other: '' },
        },
      }),
    ]),
  },
});

/** Sent back by the head with a reason. */
export const Returned: Story = onStub('returned', {
  session: session('clerk'),
  year: { body: year([version('draft', { returnNote: '表二行政许可数量请与业务处室核对。' })]) },
});

export const InReviewAsClerk: Story = onStub('review-clerk', { session: session('clerk'), year: { body: year([version('review')]) } });

/** The head reviews: publish, or send back with a reason. */
export const InReviewAsHead: Story = onStub('review-head', { session: session('head'), year: { body: year([version('review')]) } });

/** Published: read-only; a correction starts the next version. */
export const Published: Story = onStub('published', { session: session('head'), year: { body: year([version('published')]) } });

/** A correction being written, with its note; version 1 stays published. */
export const Correction: Story = onStub('correction', {
  session: session('clerk'),
  year: { body: year([version('draft', { version: 2, revision: 1, note: '更正表二行政许可处理决定数量。' }), version('published')]) },
});

export const English: Story = onStub('english', { session: session('clerk'), year: { body: year([version('draft')]) } }, { lang: 'en' });

export const ElderTheme: Story = onStub(
  'elder',
  { session: session('clerk'), year: { body: year([version('draft')]) } },
  { theme: 'elder' },
);
