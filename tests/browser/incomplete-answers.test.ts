// An answer that never fully arrived — an empty 200, a body cut off mid-transfer (named stubs in
// scripts/wtr-stubs.mjs: the reference server cannot be made to drop its own connection) — is an
// error with Retry in every element that loads data, never a skeleton that spins forever.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/report-viewer.js';
import '../../src/contact-card.js';
import '../../src/directory.js';
import { shadow, textOf, waitForShadow } from './helpers.js';

const STUBS = ['/__stubs/empty-200', '/__stubs/cut-off'];

describe('incomplete answers', () => {
  for (const stub of STUBS) {
    it(`report viewer: ${stub} is an error with Retry`, async () => {
      const el = await fixture(html`<zwgk-report-viewer src=${stub}></zwgk-report-viewer>`);
      const error = await waitForShadow(el, '[part="error"]');
      expect(textOf(error)).to.not.equal('');
      expect(shadow(el).querySelector('[part="loading"]'), 'the skeleton is gone').to.equal(null);
      expect(shadow(el).querySelector('[part="retry-button"]')).to.exist;
    });

    it(`contact card: ${stub} is an error with Retry`, async () => {
      const el = await fixture(html`<zwgk-contact-card src=${stub}></zwgk-contact-card>`);
      await waitForShadow(el, '[part="error"]');
      expect(textOf(shadow(el).querySelector('[part="retry-button"]')!)).to.equal('重试');
    });

    it(`directory: ${stub} is an error with Retry`, async () => {
      const el = await fixture(html`<zwgk-directory src=${stub} mode="remote"></zwgk-directory>`);
      await waitForShadow(el, '[part="error"]');
      expect(shadow(el).querySelector('[part="retry-button"]')).to.exist;
    });
  }
});
