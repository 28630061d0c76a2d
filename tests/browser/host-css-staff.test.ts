/**
 * The office's elements under hostile legacy stylesheets (the same as tests/browser/host-css.test.ts):
 * the request desk and the report editor, signed out (their sign-in forms) and signed in against the
 * reference server (the queue, an open case; the report with its tables and ProseMirror narratives), and
 * the status page past its look-up form (an application found, with its 补正 form), compute the same
 * text styles, sizes and spacing inside their shadow roots as on a clean page, with base text at 16px
 * that still grows with the browser's font setting, and buttons at least 44px high.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/request-desk.js';
import '../../src/report-editor.js';
import '../../src/application-status.js';
import { $, describeHostCss, shadow, signInStaff, signOutStaff, submitApplication } from './harness.js';

/** A report year no other browser test writes. */
const YEAR = 2022;
/** Signs in as the clerk with an application in the queue, and starts the year's report unless it is there. */
async function signInWithReport(): Promise<void> {
  await submitApplication();
  const csrfToken = await signInStaff('clerk');
  const year = (await (await fetch(`/api/staff/reports/${YEAR}`)).json()) as { versions: unknown[] };
  if (year.versions.length === 0) {
    const started = await fetch(`/api/staff/reports/${YEAR}/draft`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
      body: '{}',
    });
    expect(started.status).to.be.oneOf([200, 201]);
  }
}

interface Case {
  name: string;
  template: () => TemplateResult;
  /** What shows the element is ready */
  ready: (el: Element) => boolean;
  /** Then what a user does to reach the state tested, and what shows it is there */
  then?: { act: (el: Element) => void; ready: (el: Element) => boolean };
}

const desk = () => html`<zwgk-request-desk api-base="/api"></zwgk-request-desk>`;
const editor = () => html`<zwgk-report-editor api-base="/api" year=${YEAR}></zwgk-report-editor>`;
const editorsMounted = (el: Element) =>
  [...shadow(el).querySelectorAll('[data-rich-text]')].every((place) => place.matches('.ProseMirror'));

const SIGNED_OUT: Case[] = [
  { name: '<zwgk-request-desk> signed out', template: desk, ready: (el) => !!$(el, '[part="sign-in"]') },
  { name: '<zwgk-report-editor> signed out', template: editor, ready: (el) => !!$(el, '[part="sign-in"]') },
];
const SIGNED_IN: Case[] = [
  {
    name: '<zwgk-request-desk> with its queue',
    template: desk,
    ready: (el) => !!$(el, '[part="queue-table"] tbody tr') && !$(el, '[part="loading"]'),
  },
  {
    name: '<zwgk-request-desk> with a case open',
    template: desk,
    ready: (el) => !!$(el, '[part="queue-table"] tbody tr .open-case'),
    then: {
      act: (el) => $(el, '[part="queue-table"] tbody tr .open-case')!.click(),
      ready: (el) => !!$(el, '[part="case-clock"]') && !!$(el, '[part="case-actions"] button') && !$(el, '[part="loading"]'),
    },
  },
  {
    name: '<zwgk-report-editor> with the report',
    template: editor,
    ready: (el) => !!$(el, '[part="header"]') && editorsMounted(el),
  },
];

async function render({ template, ready, then }: Case): Promise<Element> {
  const wrapper = await fixture(html`<div class="main"><div>${template()}</div></div>`);
  const element = wrapper.firstElementChild!.firstElementChild!;
  await waitUntil(() => element.shadowRoot && ready(element), `${element.localName} never became ready`, { timeout: 10000 });
  if (then) {
    then.act(element);
    await waitUntil(() => then.ready(element), `${element.localName} never reached the state tested`, { timeout: 10000 });
  }
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return element;
}

function underHostCss(cases: Case[]): void {
  for (const item of cases) describeHostCss(item.name, () => render(item));
}

/** The citizen's side of a case: an application the office asked to 补正, found on the status page. */
let asked = { code: '', phone: '' };
async function applicationAskedForSupplement(): Promise<void> {
  asked = await submitApplication();
  const response = await fetch(`/api/admin/applications/${asked.code}`, {
    method: 'PATCH',
    headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'supplement-requested', note: '请补充所需信息涉及的年份。' }),
  });
  expect(response.status).to.equal(200);
}

const FOUND: Case[] = [
  {
    name: '<zwgk-application-status> with an application asked for 补正',
    template: () => html`<zwgk-application-status api-base="/api" tracking-code=${asked.code}></zwgk-application-status>`,
    ready: (el) => !!$(el, '#phone'),
    then: {
      act: (el) => {
        const phone = $<HTMLInputElement>(el, '#phone')!;
        phone.value = asked.phone;
        phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        $(el, '[part="submit-button"]')!.click();
      },
      ready: (el) => !!$(el, '[part="result"] [part="supplement-form"]') && !!$(el, '[part="timeline"]'),
    },
  },
];

describe('staff elements signed out', () => {
  before(signOutStaff);
  underHostCss(SIGNED_OUT);
});

describe('staff elements signed in', () => {
  before(signInWithReport);
  after(signOutStaff);
  underHostCss(SIGNED_IN);
});

describe('the status page with an application found', () => {
  before(applicationAskedForSupplement);
  underHostCss(FOUND);
});
