// Elder mode promises targets of at least 48 × 48 px (3rem at 16 px; 适老化: large, easy targets). This walks every
// interactive control each element renders in the elder theme, across the elements' common states, and measures it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import { fujianCommerce2020, pingtan2024 } from '../../src/core/report/fixtures/index.js';
import { FUJIAN_COMMERCE_2020_DOCUMENTS } from '../../src/core/directory/fixtures.js';
import { shadow } from './helpers.js';

const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="tab"], [tabindex="0"]';
const MIN = 48;

/** Every visible control in `root`'s shadow trees (nested elements too) that is smaller than the elder target. */
function smallTargets(host: Element): string[] {
  const small: string[] = [];
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.shadowRoot) walk(node.shadowRoot);
      if (!node.matches(INTERACTIVE)) continue;
      const box = node.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown (a folded panel, a closed dialog)
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden') continue;
      // WCAG 2.5.8's one exception: a link inside a sentence ("数字见表三"), which the line of text sizes.
      if (node.matches('a') && inSentence(node)) continue;
      // A radio or checkbox counts by its label, which the whole row of is the target.
      const target = node.matches('input[type="radio"], input[type="checkbox"]') ? (node.closest('label') ?? node.parentElement!) : node;
      const area = target.getBoundingClientRect();
      if (area.height < MIN - 0.5 || area.width < MIN - 0.5) {
        small.push(
          `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}[part=${node.getAttribute('part') ?? ''}] "${(node.textContent ?? '').trim().slice(0, 24)}" ${Math.round(area.width)}×${Math.round(area.height)}`,
        );
      }
    }
  };
  walk(shadow(host));
  return small;
}

function inSentence(link: Element): boolean {
  const around = (link.parentElement?.textContent ?? '').replace(link.textContent ?? '', '').trim();
  return around.length > 0 && getComputedStyle(link).display === 'inline';
}

async function elder(template: TemplateResult, ready: string): Promise<Element> {
  const wrapper = await fixture(html`<div theme="elder" style="width: 40rem">${template}</div>`);
  const el = wrapper.firstElementChild!;
  await waitUntil(() => shadow(el).querySelector(ready), `${el.localName}: ${ready} never appeared`, { timeout: 10000 });
  return el;
}

describe('elder theme: every interactive element is at least 48 × 48 px', () => {
  it('contact card: phone, fax, e-mail, website, map, copy and save', async () => {
    const el = await elder(
      html`<zwgk-contact-card
        agency="福建省商务厅"
        contact="林伟"
        phone="0591-87270308"
        fax="0591-87856133"
        email="swt@fujian.gov.cn"
        address="福州市铜盘路118号"
        postcode="350003"
        website="https://swt.fujian.gov.cn/"
        map-href="https://map.example.cn/"
      ></zwgk-contact-card>`,
      'a[href^="tel:"]',
    );
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('report viewer: table of contents, exports, charts and tables (2021 and 2019 formats)', async () => {
    for (const data of [pingtan2024, fujianCommerce2020]) {
      const el = await elder(html`<zwgk-report-viewer .data=${data}></zwgk-report-viewer>`, '[part="report"]');
      expect(smallTargets(el)).to.deep.equal([]);
    }
  });

  it('directory: search, filters unfolded, results with details open, pages', async () => {
    const el = await elder(
      html`<zwgk-directory .data=${[...FUJIAN_COMMERCE_2020_DOCUMENTS]} page-size="5"></zwgk-directory>`,
      '[part="list"]',
    );
    shadow(el).querySelector<HTMLElement>('[part="filters-toggle"]')?.click();
    shadow(el).querySelector<HTMLElement>('summary')?.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('application form, status look-up and mailbox (each view)', async () => {
    // A draft left by another test file would show the draft prompt instead of the form.
    localStorage.clear();
    sessionStorage.clear();
    const form = await elder(html`<zwgk-application-form api-base="/api" agency="福建省商务厅"></zwgk-application-form>`, 'form');
    expect(smallTargets(form), 'application form').to.deep.equal([]);
    const status = await elder(html`<zwgk-application-status api-base="/api"></zwgk-application-status>`, 'form');
    expect(smallTargets(status), 'application status').to.deep.equal([]);
    for (const view of ['write', 'lookup', 'published']) {
      const mailbox = await elder(
        html`<zwgk-feedback-mailbox url-state="off" api-base="/api" view=${view}></zwgk-feedback-mailbox>`,
        '[role="tabpanel"] *',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smallTargets(mailbox), `mailbox ${view}`).to.deep.equal([]);
    }
  });
});
