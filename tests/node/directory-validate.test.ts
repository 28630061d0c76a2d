import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoDate, validateDisclosureItems } from '../../src/core/directory/validate.js';
import { createDirectoryIndex, queryDirectory } from '../../src/core/directory/index.js';

const good = {
  id: 'a1',
  indexNo: '000014349/2017-00110',
  title: '国务院办公厅关于印发政府网站发展指引的通知',
  url: 'https://www.gov.cn/zhengce/content/2017-06/08/content_5200760.htm',
  docNo: '国办发〔2017〕47号',
  publisher: '国务院办公厅',
  category: '综合政务\\政务公开',
  publishedAt: '2017-06-08',
  writtenAt: '2017-05-15',
  keywords: ['政府网站'],
  validity: '有效',
  summary: '内容概述',
};

test('a well-formed payload passes unchanged, as { items } or a bare array', () => {
  assert.deepEqual(validateDisclosureItems({ items: [good] }), { items: [good], problems: [] });
  assert.deepEqual(validateDisclosureItems([good]).items, [good]);
});

test('a payload of the wrong shape gives a problem, not an exception', () => {
  for (const payload of [null, undefined, '{"items":[]}', 42, { items: 'nope' }, { data: [] }, true]) {
    const result = validateDisclosureItems(payload);
    assert.deepEqual(result.items, []);
    assert.equal(result.problems.length, 1, String(payload));
    assert.equal(result.problems[0]!.index, null);
  }
  assert.match(validateDisclosureItems(null).problems[0]!.message, /got null/);
  assert.match(validateDisclosureItems('x').problems[0]!.message, /got string/);
});

test('items missing required fields are dropped with a problem naming item and field', () => {
  const { title: _title, ...noTitle } = good;
  const result = validateDisclosureItems({
    items: [
      good,
      noTitle,
      { ...good, id: 'a3', publishedAt: '2017/06/08' },
      { ...good, id: 'a4', publishedAt: '2017-02-30' },
      { ...good, id: 'a5', indexNo: 12345 },
      { ...good, id: '', publisher: null },
      null,
      'a string',
      [good],
    ],
  });
  assert.deepEqual(
    result.items.map((item) => item.id),
    ['a1'],
  );
  const where = result.problems.map((problem) => `${problem.index}.${problem.field}`);
  assert.deepEqual(where, ['1.title', '2.publishedAt', '3.publishedAt', '4.indexNo', '5.id', '5.publisher', '6.null', '7.null', '8.null']);
  assert.match(result.problems[0]!.message, /^items\[1\]\.title: is missing/);
  assert.match(result.problems[3]!.message, /^items\[4\]\.indexNo: is a number/);
});

test('wrong optional fields are dropped from an item that is kept', () => {
  const result = validateDisclosureItems([
    { ...good, docNo: 47, writtenAt: 'last May', validity: 'valid', keywords: ['政府网站', 7, null], summary: { text: 'x' } },
    { ...good, id: 'b2', keywords: '政府网站' },
  ]);
  assert.equal(result.items.length, 2);
  const [first, second] = result.items;
  assert.equal(first!.docNo, undefined);
  assert.equal(first!.writtenAt, undefined);
  assert.equal(first!.validity, undefined);
  assert.equal(first!.summary, undefined);
  assert.deepEqual(first!.keywords, ['政府网站']);
  assert.equal(second!.keywords, undefined);
  assert.deepEqual(
    result.problems.map((problem) => `${problem.index}.${problem.field}`),
    ['0.docNo', '0.summary', '0.writtenAt', '0.validity', '0.keywords', '1.keywords'],
  );
});

test('any 索引号 shape is accepted', () => {
  const shapes = [
    '000014349/2017-00110',
    '01424668-5/2021-00063',
    'sggzyjyzx/2024-00002',
    '330200-02-05-01-20090105-0001',
    '自定义编号 甲-1',
  ];
  const result = validateDisclosureItems(shapes.map((indexNo, k) => ({ ...good, id: `s${k}`, indexNo })));
  assert.deepEqual(result.problems, []);
  assert.equal(result.items.length, shapes.length);
});

test('hostile strings are kept verbatim as data, and unsafe links are refused', () => {
  const hostile = '<img src=x onerror=alert(1)>"\'</script>{{constructor}}';
  const result = validateDisclosureItems([
    // As JSON.parse gives it: "__proto__" is an own key, which a careless copy would turn into a prototype.
    { ...JSON.parse('{"__proto__": {"polluted": true}}'), ...good, id: 'h1', title: hostile, summary: hostile, keywords: [hostile] },
    { ...good, id: 'h2', url: 'javascript:alert(1)' },
    { ...good, id: 'h3', url: ' JaVa\tScRiPt:alert(1)' },
    { ...good, id: 'h4', url: 'data:text/html,<script>alert(1)</script>' },
    { ...good, id: 'h5', url: '/zwgk/zfxxgk/t1.htm' },
  ]);
  assert.deepEqual(
    result.items.map((item) => item.id),
    ['h1', 'h5'],
  );
  assert.equal(result.items[0]!.title, hostile);
  assert.equal(result.items[0]!.summary, hostile);
  assert.deepEqual(result.items[0]!.keywords, [hostile]);
  assert.equal('polluted' in result.items[0]!, false);
  assert.deepEqual(
    result.problems.map((problem) => `${problem.index}.${problem.field}`),
    ['1.url', '2.url', '3.url'],
  );
  // The hostile title is still found by search, as text.
  const page = queryDirectory(createDirectoryIndex(result.items), { q: '<img src=x' });
  assert.deepEqual(
    page.items.map((item) => item.id),
    ['h1'],
  );
});

test('numeric ids become strings; a repeated id keeps the first item', () => {
  const result = validateDisclosureItems([
    { ...good, id: 7 },
    { ...good, id: '7', title: '重复' },
    { ...good, id: Number.NaN },
  ]);
  assert.deepEqual(
    result.items.map((item) => [item.id, item.title]),
    [['7', good.title]],
  );
  assert.deepEqual(
    result.problems.map((problem) => `${problem.index}.${problem.field}`),
    ['1.id', '2.id'],
  );
});

test('text of whitespace alone counts as missing, whatever the whitespace; text after whitespace is kept as it is', () => {
  const blanks = [' ', '\t\n', '\u3000', '\u00a0\u3000 ', '\ufeff', '\u2003\u205f'];
  const result = validateDisclosureItems(blanks.map((title, k) => ({ ...good, id: `b${k}`, title })));
  assert.deepEqual(result.items, []);
  assert.deepEqual(
    result.problems.map((problem) => `${problem.index}.${problem.field}`),
    blanks.map((_, k) => `${k}.title`),
  );
  const padded = ['\u3000标题', ' 标题 ', '\u00a0FJ0035910/2020-00131', '、标题'];
  assert.deepEqual(
    validateDisclosureItems(padded.map((title, k) => ({ ...good, id: `p${k}`, title }))).items.map((item) => item.title),
    padded,
  );
});

test('a getter that throws does not escape', () => {
  const trap = { ...good };
  Object.defineProperty(trap, 'title', {
    enumerable: true,
    get: () => {
      throw new Error('boom');
    },
  });
  const result = validateDisclosureItems([trap, { ...good, id: 'ok' }]);
  assert.deepEqual(
    result.items.map((item) => item.id),
    ['ok'],
  );
  assert.match(result.problems[0]!.message, /items\[0\]: could not be read/);
});

test('isIsoDate accepts real calendar dates only, as the Date-based check did', () => {
  const dateBased = (value: string): boolean => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  };
  const samples = [
    '2020-02-29',
    '2021-02-29',
    '1900-02-29',
    '2000-02-29',
    '2020-04-31',
    '2020-12-31',
    '2020-13-01',
    '2020-00-10',
    '2020-01-00',
    '0000-01-01',
    '9999-12-31',
    '2020-1-01',
    '2020/01/01',
    '２０２０-01-01',
    ' 2020-01-01',
    '2020-01-01T00',
    '',
  ];
  for (let day = 0; day < 800; day += 7) samples.push(new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10));
  for (const value of samples) assert.equal(isIsoDate(value), dateBased(value), value);
});
