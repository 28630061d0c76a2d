import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatInstant, formatNumber, plural } from '../../src/i18n/format.js';

const days = (locale: 'zh-CN' | 'en', n: number) =>
  plural(locale, n, { one: () => `${n} working day left`, other: () => (locale === 'en' ? `${n} working days left` : `还有${n}个工作日`) });

test('English counts read right: one for 1, other for 0, 2 and 21', () => {
  assert.equal(days('en', 1), '1 working day left');
  assert.equal(days('en', 0), '0 working days left');
  assert.equal(days('en', 2), '2 working days left');
  assert.equal(days('en', 21), '21 working days left');
});

test('Chinese has one form: the other form even for 1', () => {
  assert.equal(days('zh-CN', 1), '还有1个工作日');
});

test('only the chosen form is built', () => {
  let built = 0;
  plural('en', 1, { one: () => 'one', other: () => String(++built) });
  assert.equal(built, 0);
});

test('dates: a calendar date carries no time zone; full adds the weekday; other text stays as it is', () => {
  assert.equal(formatDate('2026-12-23', 'zh-CN'), '2026年12月23日');
  assert.equal(formatDate('2026-12-23', 'zh-CN', 'full'), '2026年12月23日星期三');
  assert.match(formatDate('2026-12-23', 'en', 'full'), /Wednesday/);
  assert.equal(formatDate('不是日期', 'en'), '不是日期');
});

test('instants are shown in China time', () => {
  assert.match(formatInstant('2026-11-25T02:01:00Z', 'zh-CN'), /2026年11月25日.*10:01/);
  assert.equal(formatInstant('soon', 'zh-CN'), 'soon');
});

test('numbers are grouped, with at most the decimals asked for', () => {
  assert.equal(formatNumber(12345.678, 'en'), '12,345.7');
  assert.equal(formatNumber(0.123456789, 'en', 6), '0.123457');
});
