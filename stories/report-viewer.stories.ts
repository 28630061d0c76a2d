import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/report-viewer.js';
import type { AnnualReport2021 } from '../src/api/types/report.js';
import {
  blankOutcomeTotals,
  brokenR1,
  brokenR9,
  fujianCommerce2020,
  malformedReport,
  pingtan2023CarriedOver,
  pingtan2024,
} from '../src/core/report/fixtures/index.js';
import { stubUrl } from './support/fetch-stub.js';

interface Args {
  data?: unknown;
  compareData?: unknown;
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Report viewer',
  component: 'zwgk-report-viewer',
  args: { data: pingtan2024, headingLevel: 2 },
  argTypes: { data: { control: false }, compareData: { control: false } },
  render: (args) =>
    html`<zwgk-report-viewer heading-level=${args.headingLevel} .data=${args.data} .compareData=${args.compareData}></zwgk-report-viewer>`,
};
export default meta;
type Story = StoryObj<Args>;

/** 平潭综合实验区 2024 (2021 format, 国办公开办函〔2021〕30号): six parts, no findings. */
export const Format2021: Story = {};

/** 福建省商务厅 2020 (2019 format, 国办公开办函〔2019〕60号): five sub-tables in 二, one （六） row in 三, no 六. */
export const Format2019: Story = { args: { data: fujianCommerce2020 } };

/** An arithmetic error (R5, 行政复议 总计 8 ≠ 7) and a warning (R9, a fee notice but 六 never mentions 信息处理费). */
export const WithFindings: Story = {
  args: {
    data: (() => {
      const doc: AnnualReport2021 = structuredClone(brokenR9);
      doc.reviews.reconsideration = [2, 1, 3, 1, 8];
      return doc;
    })(),
  },
};

/** R1 broken in two columns: 一 + 二 ≠ （七）总计 + 四. */
export const ArithmeticErrors: Story = { args: { data: brokenR1 } };

/** Blank cells stay blank (never 0); each blank 总计 the rules can derive is a warning saying its value. */
export const BlankCells: Story = { args: { data: blankOutcomeTotals } };

/** With last year's report: the carry-over check R6 (here: 1 application carried over, 0 received) and a year-over-year comparison. */
export const ComparedWithLastYear: Story = { args: { compareData: pingtan2023CarriedOver } };

/** Loaded from `src` and `compare-src`. */
export const FromSrc: Story = {
  render: () =>
    html`<zwgk-report-viewer
      src=${stubUrl('report-2024', { body: pingtan2024, delayMs: 300 })}
      compare-src=${stubUrl('report-2023', { body: pingtan2023CarriedOver, delayMs: 500 })}
    ></zwgk-report-viewer>`,
};

/** English labels with the official Chinese beneath (the toolbar's Language switch does this for every story). */
export const English: Story = {
  args: { compareData: pingtan2023CarriedOver, data: brokenR9 },
  render: (args, context) => html`<div lang="en">${meta.render!(args, context)}</div>`,
};

/** The elder-friendly theme: larger text and targets, 7:1 contrast, strong focus ring. */
export const Elder: Story = { render: (args, context) => html`<div theme="elder">${meta.render!(args, context)}</div>` };

/** While `src` loads (a stub that never answers). */
export const Loading: Story = {
  render: () => html`<zwgk-report-viewer src=${stubUrl('report-loading', { delayMs: Infinity })}></zwgk-report-viewer>`,
};

/** The server failed: what happened and a Retry button. */
export const ServerError: Story = {
  render: () =>
    html`<zwgk-report-viewer
      src=${stubUrl('report-503', { status: 503, body: { title: 'Service Unavailable', status: 503 } })}
    ></zwgk-report-viewer>`,
};

/** No network. */
export const NetworkError: Story = {
  render: () => html`<zwgk-report-viewer src=${stubUrl('report-offline', { networkError: true })}></zwgk-report-viewer>`,
};

/** Last year's report failed to load: this year's still shows, without the cross-year check. */
export const CompareError: Story = {
  render: () =>
    html`<zwgk-report-viewer
      .data=${pingtan2024}
      compare-src=${stubUrl('report-2023-404', { status: 404, body: { title: 'Not Found', status: 404 } })}
    ></zwgk-report-viewer>`,
};

/** A document that cannot be read (no agency, year as text, unknown keys …): an error listing what is wrong. */
export const MalformedDocument: Story = { args: { data: malformedReport } };

// The title is derived from the agency when absent.
const { title: _title, ...withoutTitle } = pingtan2024;

/** Hostile narrative HTML and agency: scripts, event handlers, javascript: links and styles are removed; the text stays. */
export const HostileStrings: Story = {
  args: {
    data: {
      ...withoutTitle,
      agency: '<img src=x onerror=alert(1)>',
      sections: {
        ...pingtan2024.sections,
        overview:
          // The image's javascript: source and handler are both dropped, so the story makes no request for it.
          '<p>正文</p><script>alert(1)</script><img src=javascript:alert(1) onerror=alert(1)><p><a href="javascript:alert(1)">危险链接</a></p>' +
          '<style>:host { display: none }</style><p style="position: fixed; inset: 0" onclick="alert(1)">样式文字</p>',
      },
    },
  },
};

/** Nothing to show. */
export const Empty: Story = { render: () => html`<zwgk-report-viewer></zwgk-report-viewer>` };
