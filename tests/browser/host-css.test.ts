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

const STYLESHEETS: Record<string, string> = {
  'html { font-size: 62.5% }': 'html { font-size: 62.5%; } body { font-size: 1.4rem; }',
  '* { font-size: 12px }': '* { font-size: 12px; }',
  'a jQuery-era stylesheet': `* { font-style: italic; font-weight: bold; letter-spacing: 2px; word-spacing: 6px; text-indent: 2em;
    white-space: nowrap; text-transform: uppercase; line-height: 1; text-align: center; cursor: crosshair;
    font-family: SimSun, serif; color: #999; direction: rtl; font-variant: small-caps; }`,
  'an old portal stylesheet': `html { font-size: 62.5%; }
    body { font: 12px/1.5 "宋体", SimSun, Arial; color: #333; text-align: center; background: #f0f0f0; }
    body, div, ul, li, p, h1, h2, h3, h4, table, td, th, form, input, button { margin: 0; padding: 0; }
    div { font-size: 1.2rem; letter-spacing: 1px; text-indent: 2em; }
    td, th { white-space: nowrap; } a { color: #333; text-decoration: none; } ul, li { list-style: none; }
    .main { width: 1000px; margin: 0 auto; text-align: left; font-weight: bold; font-style: oblique; }
    input, button { font-size: 12px; height: 22px; line-height: 22px; }`,
};

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

const PROPERTIES = [
  'fontSize',
  'fontStyle',
  'fontWeight',
  'fontFamily',
  'fontVariant',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'whiteSpace',
  'lineHeight',
  'textAlign',
  'direction',
  'visibility',
  'cursor',
  'color',
  'minHeight',
  'paddingTop',
  'paddingInlineStart',
  'boxSizing',
] as const;

/** The computed styles of every element in the shadow tree, as `tag.class: property=value` lines. */
function styles(el: Element): string[] {
  const root = shadow(el).querySelector('.zwgk-root')!;
  return [root, ...root.querySelectorAll('*')].flatMap((node) => {
    const computed = getComputedStyle(node);
    const name = `${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}`;
    return PROPERTIES.map((property) => `${name}: ${property}=${computed[property]}`);
  });
}

/** The buttons a visitor can see (the directory's 筛选和排序 toggle is shown on narrow screens only). */
function shownButtons(element: Element): HTMLButtonElement[] {
  return [...shadow(element).querySelectorAll<HTMLButtonElement>('button.button')].filter((button) => button.getClientRects().length > 0);
}

async function render(template: () => TemplateResult, ready: string, width?: number): Promise<Element> {
  const el = await fixture(html`<div class="main"><div style=${width ? `width: ${width}px` : ''}>${template()}</div></div>`);
  const element = el.firstElementChild!.firstElementChild!;
  await waitUntil(() => element.shadowRoot?.querySelector(ready), `${element.localName} never showed ${ready}`, { timeout: 10000 });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return element;
}

for (const [tag, template, ready] of ELEMENTS) {
  describe(`<${tag}> under host CSS`, () => {
    let clean: string[];
    before(async () => {
      clean = styles(await render(template, ready));
    });

    it('has 16px text and targets of at least 44px on a clean page', async () => {
      const element = await render(template, ready);
      const root = shadow(element).querySelector('.zwgk-root')!;
      expect(getComputedStyle(root).fontSize).to.equal('16px');
      for (const button of shownButtons(element)) {
        expect(button.getBoundingClientRect().height, button.textContent ?? '').to.be.at.least(44);
      }
    });

    it("still grows with a larger default font size (the citizen's browser setting)", async () => {
      const style = document.createElement('style');
      style.textContent = 'html { font-size: 20px; }';
      document.head.append(style);
      try {
        const element = await render(template, ready);
        expect(getComputedStyle(shadow(element).querySelector('.zwgk-root')!).fontSize).to.equal('20px');
      } finally {
        style.remove();
      }
    });

    for (const [name, stylesheet] of Object.entries(STYLESHEETS)) {
      it(`looks the same under ${name}`, async () => {
        const style = document.createElement('style');
        style.textContent = stylesheet;
        document.head.append(style);
        try {
          const element = await render(template, ready);
          const hostile = styles(element);
          expect(hostile.length).to.equal(clean.length);
          const changed = hostile.flatMap((line, i) =>
            line === clean[i] ? [] : [`${clean[i]} → ${line.slice(line.lastIndexOf('=') + 1)}`],
          );
          expect(changed, changed.slice(0, 8).join('\n')).to.deep.equal([]);
          for (const button of shownButtons(element)) {
            expect(button.getBoundingClientRect().height, button.textContent ?? '').to.be.at.least(44);
          }
        } finally {
          style.remove();
        }
      });
    }
  });
}

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
          style.textContent = STYLESHEETS[name]!;
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
