import { expect } from '@open-wc/testing';
import { countText } from '../../src/components/base/fields.js';
import { loadLocale, withLocale } from '../../src/i18n/locale.js';
import type { CharacterCount } from '../../src/core/feedback/counter.js';

const count = (remaining: number): CharacterCount =>
  ({ length: 10 - remaining, max: 10, remaining, band: remaining < 0 ? 'over' : 'ok' }) as CharacterCount;

describe('English counts', () => {
  before(() => loadLocale('en'));

  it('say “1 character”, never “1 characters”', () => {
    expect(withLocale('en', () => countText(count(1)))).to.equal('You have 1 character left');
    expect(withLocale('en', () => countText(count(2)))).to.equal('You have 2 characters left');
    expect(withLocale('en', () => countText(count(0)))).to.equal('You have 0 characters left');
    expect(withLocale('en', () => countText(count(-1)))).to.equal('1 character too many');
    expect(withLocale('en', () => countText(count(-3)))).to.equal('3 characters too many');
  });

  it('Chinese has one form', () => {
    expect(withLocale('zh-CN', () => countText(count(1)))).to.equal('还可以输入1个字');
  });
});
