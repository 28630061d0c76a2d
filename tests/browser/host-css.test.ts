/**
 * Every element under hostile legacy stylesheets — a shrunken rem, `* { font-size: 12px }`, a jQuery-era
 * stylesheet pushing inherited styles onto everything, a realistic old-portal stylesheet — computes the
 * same text styles, sizes and spacing inside its shadow root as on a clean page, with its base text at
 * 16px and its buttons at least 44px high.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import { pingtan2024 } from '../../src/core/report/fixtures/index.js';
import { items } from '../fixtures/embedding.js';
import { shadow } from './helpers.js';
import { HOSTILE_STYLESHEETS, describeHostCss } from './harness.js';

/** Each element as a page would embed it, and the part that shows it is ready. */
const ELEMENTS: [string, () => TemplateResult, string][] = [
  [
    'zwgk-contact-card',
    () => html`<zwgk-contact-card agency="福建省商务厅" phone="0591-87270308" address="福州市铜盘路118号"></zwgk-contact-card>`,
    '[part="card"]',
  ],
  ['zwgk-directory', () => html`<zwgk-directory url-state="off" .data=${items}></zwgk-directory>`, '[part="list"]'],
  ['zwgk-report-viewer', () => html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`, '[part="report"]'],
  ['zwgk-application-form', () => html`<zwgk-application-form api-base="/api" draft="off"></zwgk-application-form>`, '[part="form"]'],
  ['zwgk-application-status', () => html`<zwgk-application-status api-base="/api"></zwgk-application-status>`, '[part="form"]'],
  [
    'zwgk-feedback-mailbox',
    () => html`<zwgk-feedback-mailbox api-base="/api" url-state="off" draft="off"></zwgk-feedback-mailbox>`,
    '[part="form"]',
  ],
];

async function render(template: () => TemplateResult, ready: string, width?: number): Promise<Element> {
  const el = await fixture(html`<div class="main"><div style=${width ? `width: ${width}px` : ''}>${template()}</div></div>`);
  const element = el.firstElementChild!.firstElementChild!;
  await waitUntil(() => element.shadowRoot?.querySelector(ready), `${element.localName} never showed ${ready}`, { timeout: 10000 });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return element;
}

for (const [tag, template, ready] of ELEMENTS) describeHostCss(`<${tag}>`, () => render(template, ready));

/** What a shrunken rem would move if widths, borders or breakpoints followed it. */
const LAYOUT = ['display', 'flexDirection', 'flexWrap', 'gridTemplateColumns', 'width', 'maxWidth', 'minWidth', 'borderTopWidth'] as const;
const SHRUNKEN_REM = ['html { font-size: 62.5% }', '* { font-size: 12px }'];
/** Container widths on both sides of every breakpoint at 16px, which a 10px or 12px rem would move to the other side. */
const WIDTHS = [300, 420, 700];

function layout(el: Element): string[] {
  const root = shadow(el).querySelector('.zwgk-root')!;
  return [root, ...root.querySelectorAll('*')].flatMap((node) => {
    const computed = getComputedStyle(node);
    return LAYOUT.map((property) => `${node.localName}.${node.getAttribute('class') ?? ''}: ${property}=${computed[property]}`);
  });
}

for (const [tag, template, ready] of ELEMENTS) {
  describe(`<${tag}> layout under a shrunken rem`, () => {
    for (const width of WIDTHS) {
      it(`keeps its widths, borders and breakpoints at ${width}px`, async () => {
        const clean = layout(await render(template, ready, width));
        for (const name of SHRUNKEN_REM) {
          const style = document.createElement('style');
          style.textContent = HOSTILE_STYLESHEETS[name]!;
          document.head.append(style);
          try {
            const hostile = layout(await render(template, ready, width));
            expect(hostile.length, name).to.equal(clean.length);
            const changed = hostile.flatMap((line, i) =>
              line === clean[i] ? [] : [`${clean[i]} → ${line.slice(line.lastIndexOf('=') + 1)}`],
            );
            expect(changed, `${name}\n${changed.slice(0, 8).join('\n')}`).to.deep.equal([]);
          } finally {
            style.remove();
          }
        }
      });
    }
  });
}
