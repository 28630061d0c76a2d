import { html } from '@open-wc/testing';
import '../../src/index.js';
import { pingtan2024 } from '../../src/core/report/fixtures/index.js';
import { runElementContract } from './contract.js';
import { HOSTILE, waitForShadow } from './harness.js';

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const shows = (selector: string) => async (el: HTMLElement) => void (await waitForShadow(el, selector));

runElementContract({
  tag: 'zwgk-contact-card',
  ready: {
    template: () => html`<zwgk-contact-card agency="福建省商务厅" phone="0591-87270308"></zwgk-contact-card>`,
    zh: '电话',
    en: 'Phone',
  },
  data: {
    slow: () => html`<zwgk-contact-card src="/__stubs/slow?ms=1500"></zwgk-contact-card>`,
    failingOnce: () => html`<zwgk-contact-card src="/__stubs/fail-once/${unique('card')}"></zwgk-contact-card>`,
    malformed: () => html`<zwgk-contact-card src="/__stubs/not-json"></zwgk-contact-card>`,
  },
  hostile: {
    template: () => html`<zwgk-contact-card agency=${HOSTILE.markup} contact=${HOSTILE.quote} phone=${HOSTILE.script}></zwgk-contact-card>`,
  },
});

runElementContract({
  tag: 'zwgk-directory',
  ready: {
    template: () => html`<zwgk-directory url-state="off" .data=${{ items: [] }}></zwgk-directory>`,
    settle: shows('[part="empty"]'),
    zh: '目录中暂无信息',
    en: 'The directory is empty.',
  },
  data: {
    slow: () => html`<zwgk-directory url-state="off" src="/__stubs/slow?ms=1500"></zwgk-directory>`,
    empty: () => html`<zwgk-directory url-state="off" .data=${{ items: [] }}></zwgk-directory>`,
    failingOnce: () =>
      html`<zwgk-directory
        url-state="off"
        mode="remote"
        src="/__stubs/fail-once-then/${unique('dir')}?then=/api/disclosures"
      ></zwgk-directory>`,
    malformed: () => html`<zwgk-directory url-state="off" src="/__stubs/not-json"></zwgk-directory>`,
  },
  hostile: {
    template: () =>
      html`<zwgk-directory
        url-state="off"
        .data=${{
          items: [
            {
              id: '1',
              indexNo: 'ZW-2024-0001',
              category: HOSTILE.url,
              title: HOSTILE.markup,
              url: '/doc/1',
              publisher: HOSTILE.quote,
              publishedAt: '2024-01-02',
              docNo: HOSTILE.script,
            },
          ],
        }}
      ></zwgk-directory>`,
    settle: shows('[part="list"]'),
  },
});

runElementContract({
  tag: 'zwgk-report-viewer',
  ready: {
    template: () => html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`,
    settle: shows('[part="report"]'),
    zh: '目录',
    en: 'Contents',
  },
  data: {
    slow: () => html`<zwgk-report-viewer src="/__stubs/slow?ms=1500"></zwgk-report-viewer>`,
    failingOnce: () =>
      html`<zwgk-report-viewer src="/__stubs/fail-once-then/${unique('report')}?then=/api/reports/2024"></zwgk-report-viewer>`,
    malformed: () => html`<zwgk-report-viewer src="/__stubs/not-json"></zwgk-report-viewer>`,
  },
});

runElementContract({
  tag: 'zwgk-application-form',
  ready: { template: () => html`<zwgk-application-form draft="off"></zwgk-application-form>`, zh: '下一步', en: 'Continue' },
});

runElementContract({
  tag: 'zwgk-application-status',
  ready: {
    template: () => html`<zwgk-application-status></zwgk-application-status>`,
    zh: '查询申请进度',
    en: 'Check the progress of an application',
  },
});

runElementContract({
  tag: 'zwgk-feedback-mailbox',
  ready: { template: () => html`<zwgk-feedback-mailbox url-state="off" draft="off"></zwgk-feedback-mailbox>`, zh: '写信', en: 'Write' },
});

// The office's elements: signed out, each shows its sign-in first.
runElementContract({
  tag: 'zwgk-request-desk',
  ready: {
    template: () => html`<zwgk-request-desk api-base="/api"></zwgk-request-desk>`,
    settle: shows('#sign-in-title'),
    zh: '工作人员登录',
    en: 'Staff sign-in',
  },
});

runElementContract({
  tag: 'zwgk-report-editor',
  ready: {
    template: () => html`<zwgk-report-editor api-base="/api" year="2026"></zwgk-report-editor>`,
    settle: shows('#sign-in-title'),
    zh: '工作人员登录',
    en: 'Staff sign-in',
  },
});
