/**
 * What every zwgk element promises (elements.md, “Shared by every element”), as
 * one suite each element runs (after Shoelace's form-control-base-tests): it can
 * be defined twice; it speaks the closest [lang] and follows a change; the elder
 * theme is one attribute away; it passes axe; and, for elements that load data,
 * loading, empty and error states (with a Retry that recovers), a malformed
 * payload shown as an error, and hostile strings rendered as text.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { defineElement } from '../../src/components/base/zwgk-element.js';
import { $, part, pwned, shadow, textOf } from './harness.js';

export interface ElementContract {
  tag: string;
  /** An instance showing its main content, and words it shows in Chinese and in English. */
  ready: { template: () => TemplateResult; settle?: (el: HTMLElement) => Promise<void>; zh: string; en: string };
  /** Elements that load data: sources that are slow, empty, fail once then answer, or answer with the wrong shape. */
  data?: {
    slow?: () => TemplateResult;
    empty?: () => TemplateResult;
    failingOnce?: () => TemplateResult;
    malformed: () => TemplateResult;
  };
  /** An instance fed hostile strings (tests/browser/helpers.ts HOSTILE). */
  hostile?: { template: () => TemplateResult; settle?: (el: HTMLElement) => Promise<void> };
}

const visible = (el: Element) => textOf(shadow(el).querySelector('.zwgk-root'));

export function runElementContract(c: ElementContract): void {
  describe(`<${c.tag}> keeps the kit's promises`, () => {
    async function ready(wrapper?: (inner: TemplateResult) => TemplateResult): Promise<HTMLElement> {
      const el = await fixture<HTMLElement>(wrapper ? wrapper(c.ready.template()) : c.ready.template());
      await c.ready.settle?.(el);
      return el;
    }

    it('can be defined twice without throwing (two copies of the kit on a page)', () => {
      class Copy extends HTMLElement {}
      expect(() => defineElement(c.tag, Copy)).not.to.throw();
      expect(customElements.get(c.tag)).not.to.equal(Copy);
    });

    it('speaks the closest [lang], and follows a change of it', async () => {
      const el = await ready();
      expect(visible(el)).to.contain(c.ready.zh);
      document.documentElement.setAttribute('lang', 'en');
      try {
        await waitUntil(() => visible(el).includes(c.ready.en), `no “${c.ready.en}” in English`, { timeout: 5000 });
        expect($(el, '.zwgk-root')!.getAttribute('lang')).to.equal('en');
      } finally {
        document.documentElement.removeAttribute('lang');
      }
      await waitUntil(() => visible(el).includes(c.ready.zh), 'back in Chinese');
    });

    it('takes the elder theme from an attribute on an ancestor', async () => {
      const el = await ready();
      const holder = document.createElement('div');
      el.replaceWith(holder);
      holder.setAttribute('theme', 'elder');
      holder.append(el);
      await waitUntil(() => $(el, '.zwgk-root')?.getAttribute('data-theme') === 'elder', 'no elder theme');
      const root = $(el, '.zwgk-root')!;
      expect(parseFloat(getComputedStyle(root).fontSize)).to.be.at.least(18);
      holder.remove();
    });

    it('passes axe, in Chinese and in English with the elder theme', async () => {
      const el = await ready();
      await expect(el).to.be.accessible();
      el.setAttribute('lang', 'en');
      el.setAttribute('theme', 'elder');
      await waitUntil(() => visible(el).includes(c.ready.en), 'no English');
      await expect(el).to.be.accessible();
    });

    const data = c.data;
    if (data?.slow) {
      it('shows a busy skeleton while loading', async () => {
        const el = await fixture<HTMLElement>(data.slow!());
        await waitUntil(() => part(el, 'loading'), 'no loading state');
        expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
      });
    }
    if (data?.empty) {
      it('says when there is nothing to show', async () => {
        const el = await fixture<HTMLElement>(data.empty!());
        await waitUntil(() => part(el, 'empty'), 'no empty state');
        expect(textOf(part(el, 'empty'))).to.not.equal('');
      });
    }
    if (data?.failingOnce) {
      it('explains a failure in words, with a Retry that recovers', async () => {
        const el = await fixture<HTMLElement>(data.failingOnce!());
        await waitUntil(() => part(el, 'error'), 'no error state', { timeout: 10000 });
        const error = part(el, 'error')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(textOf(error)).to.not.equal('');
        part<HTMLButtonElement>(el, 'retry-button')!.click();
        await waitUntil(() => !part(el, 'error') && !part(el, 'loading'), 'Retry did not recover', { timeout: 10000 });
      });
    }
    if (data) {
      it('shows a malformed payload as an error, never a blank element', async () => {
        const el = await fixture<HTMLElement>(data.malformed());
        await waitUntil(() => part(el, 'error'), 'no error state for a malformed payload', { timeout: 10000 });
        expect(textOf(part(el, 'error'))).to.contain('数据格式不正确');
      });
    }
    if (c.hostile) {
      it('renders hostile strings as text, never as markup or script', async () => {
        const el = await fixture<HTMLElement>(c.hostile!.template());
        await c.hostile!.settle?.(el);
        expect(shadow(el).querySelector('img[src="x"], svg[onload], script:not([type])')).to.equal(null);
        expect(pwned()).to.equal(false);
      });
    }
  });
}
