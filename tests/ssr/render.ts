/** Server rendering as a Next.js, Nuxt or Astro site does it: @lit-labs/ssr in Node, no DOM. */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';
import '../../src/index.ts';
// What server code imports besides the elements: the report viewer's view and a sanitiser that needs no DOM.
import '../../src/ssr.ts';
import { items, office } from '../fixtures/embedding.ts';
import { pingtan2024 } from '../../src/core/report/fixtures/index.ts';

export const report = pingtan2024;

/** A narrative as CMS editors write it: a table without <tbody>, unclosed paragraphs, an entity — which htmlparser2 and a browser parse apart. */
export const cmsReport = {
  ...pingtan2024,
  sections: {
    ...pingtan2024.sections,
    other: '<table><tr><td>收费</td><td>0&nbsp;元</td></tr></table><p>未闭合的段落<p>第二段 &amp; 结束',
  },
};

export { items, office };

/** Every element in the ways a page embeds it: attributes, `data`, inline JSON, the elder theme. */
export const CASES: Record<string, { template: TemplateResult; shows: RegExp }> = {
  'contact card from attributes': {
    template: html`<zwgk-contact-card agency="福建省商务厅" phone="0591-87270308"></zwgk-contact-card>`,
    shows: /福建省商务厅[\s\S]*0591-87270308/,
  },
  'contact card from data': {
    template: html`<zwgk-contact-card .data=${office}></zwgk-contact-card>`,
    shows: /某市人民政府办公室[\s\S]*0591-12345678/,
  },
  'contact card from inline JSON': {
    template: html`<zwgk-contact-card
      ><script type="application/json">
        { "agency": "某市人民政府办公室" }
      </script></zwgk-contact-card
    >`,
    shows: /<script type="application\/json">/,
  },
  'contact card, elder theme': {
    template: html`<zwgk-contact-card theme="elder" agency="福建省商务厅"></zwgk-contact-card>`,
    shows: /data-theme="elder"[\s\S]*福建省商务厅/,
  },
  'directory from data': {
    template: html`<zwgk-directory url-state="off" .data=${items}></zwgk-directory>`,
    shows: /^(?=[\s\S]*2025年财政预算公开)(?=[\s\S]*道路建设项目批复)/,
  },
  'directory from inline JSON': {
    // Bindings cannot sit inside <script>: the JSON goes into the template's own text.
    template: staticHtml`<zwgk-directory url-state="off"><script type="application/json">${unsafeStatic(JSON.stringify({ items }))}</script></zwgk-directory>`,
    shows: /<script type="application\/json">/,
  },
  'directory, remote mode': {
    template: html`<zwgk-directory src="/api/disclosures" mode="remote" theme="elder"></zwgk-directory>`,
    shows: /data-theme="elder"/,
  },
  // With zwgk-kit/ssr the whole report, its narratives sanitised without a DOM; a src is fetched in the browser.
  'report viewer from data': {
    template: html`<zwgk-report-viewer .data=${report}></zwgk-report-viewer>`,
    shows: /part="report"[\s\S]*平潭综合实验区2024年度政府信息公开工作年度报告[\s\S]*part="narrative"[\s\S]*<p>/,
  },
  'report viewer, CMS narrative': {
    template: html`<zwgk-report-viewer .data=${cmsReport}></zwgk-report-viewer>`,
    shows: /<table><tr><td>收费<\/td><td>0\u00a0元<\/td><\/tr><\/table><p>未闭合的段落<\/p><p>第二段 &amp; 结束<\/p>/,
  },
  'report viewer from src': { template: html`<zwgk-report-viewer src="/api/reports/2024"></zwgk-report-viewer>`, shows: /part="loading"/ },
  'application form': {
    template: html`<zwgk-application-form api-base="/api" theme="elder"></zwgk-application-form>`,
    shows: /part="form"[\s\S]*data-theme|data-theme="elder"[\s\S]*part="form"/,
  },
  'application status': {
    template: html`<zwgk-application-status api-base="/api" tracking-code="YS-ABCDEFGHJK"></zwgk-application-status>`,
    shows: /part="form"/,
  },
  'feedback mailbox': {
    template: html`<zwgk-feedback-mailbox api-base="/api" theme="elder"></zwgk-feedback-mailbox>`,
    shows: /data-theme="elder"[\s\S]*part="tabs"/,
  },
};

export function renderToString(template: TemplateResult): string {
  return collectResultSync(render(template));
}
