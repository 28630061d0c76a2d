import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DirectoryPage, DisclosureItem } from '../../src/api/types/directory.js';
import {
  createDirectoryIndex,
  directoryIndexSteps,
  effectiveSort,
  normalizeSearchText,
  queryDirectory,
  runInSlices,
  searchTerms,
  postingsSteps,
  titleOrderSteps,
} from '../../src/core/directory/index.js';
import { generateDisclosureItems } from '../../src/core/directory/generate.js';
import { runToEnd } from '../../src/core/directory/search-index.js';
import { DirectoryIndexBuilder } from '../../src/core/directory/text-index.js';
import { titleOrderByKeys } from '../../src/core/directory/title-order.js';

let serial = 0;
function item(fields: Partial<DisclosureItem>): DisclosureItem {
  serial++;
  return {
    id: `t${serial}`,
    indexNo: `FJ0035910/2020-${String(serial).padStart(5, '0')}`,
    title: `标题${serial}`,
    url: `/doc/${serial}.htm`,
    publisher: '福建省商务厅',
    category: '商贸、海关、旅游\\国内贸易',
    publishedAt: '2020-01-01',
    ...fields,
  };
}

const ids = (page: DirectoryPage): string[] => page.items.map((entry) => entry.id);
const facet = (page: DirectoryPage, name: keyof DirectoryPage['facets']): Record<string, number> =>
  Object.fromEntries(page.facets[name].map(({ value, count }) => [value, count]));

const convenience = item({
  id: 'convenience',
  title: '福建省商务厅等13部门关于推动我省品牌连锁便利店加快发展的实施意见',
  docNo: '闽商务〔2020〕76号',
  indexNo: 'FJ0035910/2020-00131',
  keywords: ['便利店', '连锁经营'],
  publishedAt: '2020-08-14',
});
const platform = item({
  id: 'platform',
  title: '关于规范政府信息公开平台有关事项的通知',
  docNo: '国办公开办函〔2019〕61号',
  indexNo: '000014349/2019-00180',
  publisher: '国务院办公厅政府信息与政务公开办公室',
  category: '综合政务\\政务公开',
  keywords: ['政府信息公开平台'],
  publishedAt: '2019-11-29',
});
const websites = item({
  id: 'websites',
  title: '国务院办公厅关于印发政府网站发展指引的通知',
  docNo: '国办发〔2017〕47号',
  indexNo: '000014349/2017-00110',
  publisher: '国务院办公厅',
  category: '综合政务\\政务公开',
  publishedAt: '2017-06-08',
  validity: '有效',
});
const keywordOnly = item({
  id: 'keyword-only',
  title: '关于开展商贸流通领域专项检查的通知',
  keywords: ['便利店'],
  publishedAt: '2021-03-01',
  validity: '失效',
});
const repealed = item({
  id: 'repealed',
  title: '福建省商务厅关于加强便利店管理的通知（已废止）',
  publishedAt: '2016-05-05',
  validity: '废止',
});
const items = [convenience, platform, websites, keywordOnly, repealed];
const index = createDirectoryIndex(items);

test('search matches a Chinese substring of the title', () => {
  assert.deepEqual(ids(queryDirectory(index, { q: '品牌连锁' })), ['convenience']);
  assert.deepEqual(ids(queryDirectory(index, { q: '发展指引' })), ['websites']);
  assert.equal(queryDirectory(index, { q: '高铁' }).total, 0);
});

test('search matches 文号 in any bracket form, 索引号 and 主题词', () => {
  for (const q of ['闽商务〔2020〕76号', '闽商务[2020]76号', '闽商务(2020)76号', '闽商务（２０２０）７６号', '闽商务【2020】76']) {
    assert.deepEqual(ids(queryDirectory(index, { q })), ['convenience'], q);
  }
  assert.deepEqual(ids(queryDirectory(index, { q: '000014349/2017-00110' })), ['websites']);
  assert.deepEqual(ids(queryDirectory(index, { q: 'fj0035910/2020-00131' })), ['convenience']);
  assert.deepEqual(ids(queryDirectory(index, { q: '连锁经营' })), ['convenience'], 'keyword only in 主题词');
});

test('search does not look in fields it should not, nor across field boundaries', () => {
  // 发布机构 is a filter, not searched text.
  assert.equal(queryDirectory(index, { q: '政务公开办公室' }).total, 0);
  // The end of a title and the start of its 文号 do not join into a match.
  assert.equal(queryDirectory(index, { q: '实施意见闽商务' }).total, 0);
});

test('every whitespace-separated term must match, each anywhere', () => {
  assert.deepEqual(ids(queryDirectory(index, { q: '便利店 76号' })), ['convenience']);
  assert.deepEqual(ids(queryDirectory(index, { q: '通知　国办发' })), ['websites'], 'ideographic space separates terms');
  assert.equal(queryDirectory(index, { q: '便利店 国办发' }).total, 0);
});

test('relevance ranks title matches, then 文号/索引号, then 主题词; ties newest first', () => {
  const page = queryDirectory(index, { q: '便利店' });
  // convenience (2020, title) and repealed (2016, title) before keyword-only (2021, keyword).
  assert.deepEqual(ids(page), ['convenience', 'repealed', 'keyword-only']);
  const tiers = createDirectoryIndex([
    item({ id: 'in-keywords', keywords: ['61号文'], publishedAt: '2024-01-01' }),
    item({ id: 'in-docno', docNo: '闽政办〔2021〕61号', publishedAt: '2023-01-01' }),
    item({ id: 'in-title-old', title: '关于61号文的解读', publishedAt: '2015-01-01' }),
    item({ id: 'in-title-new', title: '再谈61号文', publishedAt: '2022-01-01' }),
  ]);
  assert.deepEqual(ids(queryDirectory(tiers, { q: '61号' })), ['in-title-new', 'in-title-old', 'in-docno', 'in-keywords']);
  assert.deepEqual(ids(queryDirectory(tiers, { q: '61号', sort: 'newest' })), ['in-keywords', 'in-docno', 'in-title-new', 'in-title-old']);
});

test('the default order is relevance with search text, newest first without', () => {
  assert.equal(effectiveSort({ q: '便利店' }), 'relevance');
  assert.equal(effectiveSort({ q: '  ' }), 'newest');
  assert.equal(effectiveSort({}), 'newest');
  assert.equal(effectiveSort({ q: '便利店', sort: 'oldest' }), 'oldest');
  assert.deepEqual(ids(queryDirectory(index, {})), ['keyword-only', 'convenience', 'platform', 'websites', 'repealed']);
});

test('oldest first and title order', () => {
  assert.deepEqual(ids(queryDirectory(index, { sort: 'oldest' })), ['repealed', 'websites', 'platform', 'convenience', 'keyword-only']);
  // Pinyin order: 福(fu) 关(guan) 关 国(guo); the two 关于 titles by their next characters 开(kai) 规(gui).
  assert.deepEqual(ids(queryDirectory(index, { sort: 'title' })), ['convenience', 'repealed', 'platform', 'keyword-only', 'websites']);
  // relevance without search text falls back to newest first
  assert.deepEqual(ids(queryDirectory(index, { sort: 'relevance' })), ids(queryDirectory(index, {})));
});

test('filters combine: category, publisher, year and validity', () => {
  assert.deepEqual(ids(queryDirectory(index, { category: '综合政务\\政务公开' })), ['platform', 'websites']);
  assert.deepEqual(ids(queryDirectory(index, { category: '综合政务\\政务公开', publisher: '国务院办公厅' })), ['websites']);
  assert.deepEqual(ids(queryDirectory(index, { year: 2020 })), ['convenience']);
  assert.deepEqual(ids(queryDirectory(index, { q: '便利店', validity: '废止' })), ['repealed']);
  assert.equal(queryDirectory(index, { publisher: '不存在的机关' }).total, 0);
});

test('an item without 有效性 counts as 有效', () => {
  assert.deepEqual(ids(queryDirectory(index, { validity: '有效' })), ['convenience', 'platform', 'websites']);
  assert.deepEqual(facet(queryDirectory(index, {}), 'validity'), { 有效: 3, 失效: 1, 废止: 1 });
});

test("each facet's counts apply the other filters but not its own", () => {
  const page = queryDirectory(index, { category: '综合政务\\政务公开', year: 2019 });
  assert.deepEqual(ids(page), ['platform']);
  // category facet: year 2019 applied, category not → only platform is 2019.
  assert.deepEqual(facet(page, 'category'), { '综合政务\\政务公开': 1 });
  // year facet: category applied, year not → 2019 and 2017 are the alternatives.
  assert.deepEqual(facet(page, 'year'), { '2019': 1, '2017': 1 });
  // other facets: both filters applied.
  assert.deepEqual(facet(page, 'publisher'), { 国务院办公厅政府信息与政务公开办公室: 1 });
  assert.deepEqual(facet(page, 'validity'), { 有效: 1 });

  // With only a category chosen, its facet still offers the other category.
  assert.deepEqual(facet(queryDirectory(index, { category: '综合政务\\政务公开' }), 'category'), {
    '商贸、海关、旅游\\国内贸易': 3,
    '综合政务\\政务公开': 2,
  });
  assert.deepEqual(facet(queryDirectory(index, { publisher: '国务院办公厅' }), 'publisher'), {
    福建省商务厅: 3,
    国务院办公厅: 1,
    国务院办公厅政府信息与政务公开办公室: 1,
  });

  const searched = queryDirectory(index, { q: '便利店', validity: '有效' });
  assert.deepEqual(ids(searched), ['convenience']);
  assert.deepEqual(facet(searched, 'validity'), { 有效: 1, 废止: 1, 失效: 1 }, 'search text applies to facets too');
  assert.deepEqual(facet(searched, 'year'), { '2020': 1 });
});

test('facets are sorted by count, then value; a selected value with no results is still listed', () => {
  const page = queryDirectory(index, {});
  assert.deepEqual(page.facets.category, [
    { value: '商贸、海关、旅游\\国内贸易', count: 3 },
    { value: '综合政务\\政务公开', count: 2 },
  ]);
  assert.deepEqual(
    page.facets.year.map((entry) => entry.value),
    ['2016', '2017', '2019', '2020', '2021'],
  );
  const none = queryDirectory(index, { q: '国办发', year: 2020 });
  assert.equal(none.total, 0);
  assert.deepEqual(none.facets.year, [
    { value: '2017', count: 1 },
    { value: '2020', count: 0 },
  ]);
  assert.deepEqual(queryDirectory(index, { year: 1999 }).facets.year.at(-1), { value: '1999', count: 0 });
});

test('paging is 1-based, a page past the end gives the last page, pageSize stays within 1..100', () => {
  const many = createDirectoryIndex(generateDisclosureItems(250, 7));
  const first = queryDirectory(many, { pageSize: 100 });
  assert.equal(first.total, 250);
  assert.equal(first.items.length, 100);
  const last = queryDirectory(many, { page: 99, pageSize: 100 });
  assert.equal(last.page, 3);
  assert.equal(last.items.length, 50);
  assert.equal(queryDirectory(many, { page: 0 }).page, 1);
  assert.equal(queryDirectory(many, { page: -3 }).page, 1);
  assert.equal(queryDirectory(many, { pageSize: 1000 }).pageSize, 100);
  assert.equal(queryDirectory(many, { pageSize: 0 }).pageSize, 1);
  assert.equal(queryDirectory(many, {}).pageSize, 20);
  assert.equal(queryDirectory(many, { page: 2.7 }).page, 2);
  const empty = queryDirectory(many, { q: '不可能出现的词语' });
  assert.deepEqual([empty.total, empty.page, empty.items.length], [0, 1, 0]);
});

test('pages together list every result exactly once, in order, for every sort', () => {
  const many = createDirectoryIndex(generateDisclosureItems(600, 11));
  for (const query of [
    {},
    { sort: 'oldest' as const },
    { sort: 'title' as const },
    { q: '商务 通知' },
    { q: '外贸' },
    { q: '福建', sort: 'title' as const },
  ]) {
    const whole = queryDirectory(many, { ...query, pageSize: 100 });
    const collected: string[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7); page++)
      collected.push(...ids(queryDirectory(many, { ...query, page, pageSize: 7 })));
    assert.equal(collected.length, whole.total, JSON.stringify(query));
    assert.equal(new Set(collected).size, whole.total, JSON.stringify(query));
    assert.deepEqual(collected.slice(0, whole.items.length), ids(whole), JSON.stringify(query));
  }
});

test('search results agree with a plain scan over the generated items', () => {
  const generated = generateDisclosureItems(3000, 3);
  const many = createDirectoryIndex(generated);
  const plain = (q: string): number =>
    generated.filter((entry) =>
      [entry.title, entry.docNo ?? '', entry.indexNo, ...(entry.keywords ?? [])].some((field) =>
        field
          .toLowerCase()
          .replace(/[〔(（[]/g, '(')
          .replace(/[〕)）\]]/g, ')')
          .includes(q),
      ),
    ).length;
  for (const q of ['便利店', '闽商务(2020)', '2021-000', '外贸', '跨境电商', '（已废止）']) {
    const expected = plain(q.replace(/（/g, '(').replace(/）/g, ')'));
    assert.ok(expected > 0, q);
    assert.equal(queryDirectory(many, { q }).total, expected, q);
  }
});

test('newest first keeps the input order for documents of the same day, and an empty directory works', () => {
  const sameDay = createDirectoryIndex([item({ id: 'a', publishedAt: '2022-02-02' }), item({ id: 'b', publishedAt: '2022-02-02' })]);
  assert.deepEqual(ids(queryDirectory(sameDay, {})), ['a', 'b']);
  assert.deepEqual(ids(queryDirectory(sameDay, { sort: 'oldest' })), ['a', 'b']);
  const empty = queryDirectory(createDirectoryIndex([]), { q: '便利店', category: 'x' });
  assert.deepEqual([empty.total, empty.items.length, empty.page], [0, 0, 1]);
  assert.deepEqual(empty.facets.category, [{ value: 'x', count: 0 }]);
});

test('text outside the common characters, and very long fields, are indexed too', () => {
  const long = `${'长'.repeat(40_000)}末尾关键词`;
  const unusual = createDirectoryIndex([
    item({ id: 'circled', title: '关于㈠类事项和第①批名单的通知' }),
    item({ id: 'accented', title: 'Café\u00a0Ｓｅｒｖｉｃｅ 指南' }),
    item({ id: 'long', title: long }),
    item({ id: 'after-long', title: '其后的文件', docNo: '闽商务〔2022〕1号' }),
  ]);
  assert.deepEqual(ids(queryDirectory(unusual, { q: '(一)类' })), ['circled']);
  assert.deepEqual(ids(queryDirectory(unusual, { q: '第1批' })), ['circled']);
  assert.deepEqual(ids(queryDirectory(unusual, { q: 'CAFÉ service' })), ['accented']);
  assert.deepEqual(ids(queryDirectory(unusual, { q: '末尾关键词' })), ['long']);
  // One character first found far into its item (beyond where the postings store places exactly).
  assert.deepEqual(ids(queryDirectory(unusual, { q: '末' })), ['long']);
  assert.deepEqual(ids(queryDirectory(unusual, { q: '闽商务(2022)1号' })), ['after-long']);
});

test('a 文号 typed without its brackets finds the document, as one word or two', () => {
  for (const q of ['闽商务2020年76号', '闽商务2020 76号', '国办发2017年47号', '国办发2017 47号']) {
    const found = ids(queryDirectory(index, { q }));
    assert.equal(found.length, 1, q);
    assert.ok(['convenience', 'websites'].includes(found[0]!), q);
  }
  assert.deepEqual(ids(queryDirectory(index, { q: '闽商务2021年76号' })), []);
});

/** The meaning of a search, written as plainly as possible: every term a substring of a field, scored by its best field. */
function plainSearch(all: DisclosureItem[], q: string): Map<string, number> {
  const fold = (text: string): string => normalizeSearchText(text);
  const terms = searchTerms(q);
  const found = new Map<string, number>();
  for (const entry of all) {
    const docNo = fold(entry.docNo ?? '');
    const withYear = docNo.replace(/\(/g, '').replace(/\)/g, '年');
    const fields: [string[], number][] = [
      [[fold(entry.title)], 4],
      [[docNo, ...(docNo === withYear ? [] : [withYear]), fold(entry.indexNo)], 2],
      [(entry.keywords ?? []).map(fold), 1],
    ];
    let score = 0;
    for (const term of terms) {
      const weight = fields.find(([texts]) => texts.some((text) => text.includes(term)))?.[1] ?? 0;
      if (weight === 0) {
        score = 0;
        break;
      }
      score += weight;
    }
    if (score > 0) found.set(entry.id, score);
  }
  return found;
}

test('the postings find exactly what a plain substring search finds, with the same relevance order', () => {
  const generated = generateDisclosureItems(3000, 2020);
  const generatedIndex = createDirectoryIndex(generated);
  const samples = [
    '外',
    '外贸',
    '电子商务',
    '闽商务[2020]76',
    '闽商务〔2021',
    'FJ0035910/2020-0013',
    'fj',
    'f',
    '0',
    '20',
    '/2',
    '-0',
    '便利店',
    '跨境电商 福州',
    '政府信息公开',
    '通知 2021',
    '商务厅 商务',
    '的',
    '号',
    '(',
    '〔2020〕',
    '00131',
  ];
  // and pieces of real titles, 索引号 and 文号 from the data, at varied places and lengths
  for (let k = 0; k < 60; k++) {
    const entry = generated[(k * 977) % generated.length]!;
    const source = [entry.title, entry.indexNo, entry.docNo ?? entry.title][k % 3]!;
    const from = (k * 7) % Math.max(1, source.length - 2);
    samples.push(source.slice(from, from + 1 + (k % 6)));
  }
  for (const q of samples) {
    const expected = plainSearch(generated, q);
    const page = queryDirectory(generatedIndex, { q, pageSize: 100 });
    assert.equal(page.total, expected.size, `count for ${q}`);
    const scores = page.items.map((entry) => expected.get(entry.id));
    assert.ok(
      scores.every((score) => score !== undefined),
      `only matches for ${q}`,
    );
    for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! >= scores[i]!, `relevance order for ${q}`);
  }
});

test('a term whose characters are all in an item, but not together or not first together, is found only where it is', () => {
  // The postings decide most candidates by where each of the term's characters first occurs in the item:
  // these items hold every character of 外贸 or 电商, in every arrangement that could mislead that.
  const shapes = [
    '外资与贸易', // both, apart
    '贸易外贸', // 贸 first before 外贸
    '外资外贸', // 外 first before 外贸
    '外贸', // together, first for both
    '贸外', // reversed
    `${'长'.repeat(300)}外贸`, // together, too far in for exact places
    `外${'长'.repeat(300)}贸外贸`, // 外 near, 贸 far
    '电子商务 电商', // 电 and 商 first apart
    '电商', // together
    `${'长'.repeat(254)}甲丙长乙`, // 甲 at the last exact place, 乙 beyond it: 甲乙 is not there
    '乙一',
    '乙二', // 乙 in more items than 甲, so 甲 is the key the candidates come from
  ];
  // Among enough others that the characters' lists are long (the rules for long lists apply).
  const filler = generateDisclosureItems(1200, 2022).map((entry, k) => ({ ...entry, id: `filler-${k}` }));
  const all = [
    ...shapes.map((title, k) => item({ id: `shape-${k}`, title })),
    // 甲 at the 文号's last exact place, and 务 (in most items: it has places per field, not a list) beyond it.
    item({ id: 'shape-far-field', title: '长'.repeat(252), docNo: '甲乙乙乙乙乙乙务' }),
    ...filler,
  ];
  const shapedIndex = createDirectoryIndex(all);
  // 外贸 福建: 福 and 建 are in most items, so the few items holding 外贸 are read for 福建 one by one.
  for (const q of [
    '外贸',
    '贸外',
    '外资',
    '电商',
    '商务 电商',
    '外贸 电商',
    '长外贸',
    '贸外贸',
    '甲乙',
    '甲丙',
    '外贸 福建',
    '甲务',
    '乙务',
  ]) {
    const expected = plainSearch(all, q);
    const page = queryDirectory(shapedIndex, { q, pageSize: 100 });
    assert.equal(page.total, expected.size, `count for ${q}`);
    assert.deepEqual(
      page.items
        .filter((entry) => entry.id.startsWith('shape-'))
        .map((entry) => entry.id)
        .sort(),
      [...expected.keys()].filter((id) => id.startsWith('shape-')).sort(),
      `which shapes hold ${q}`,
    );
  }
});

test('a term ending in a letter, digit or bracket right after a Chinese character (闽商务〔 as typed) is found only where it is', () => {
  // Such a character has a key of its own (it after a non-ASCII unit), first found in an item where the term may not
  // be: these items hold it in every arrangement that could mislead that.
  const traps = [
    item({ id: 'bracket-title-first', title: '关于（试行）办法的通知', docNo: '闽商务〔2020〕1号' }), // ( after 于 before the 文号's
    item({ id: 'bracket-other-first', title: '通知', docNo: '闽商务函〔2020〕2号' }), // ( after 函, not after 务
    item({ id: 'bracket-after-ascii', title: '务A(一', docNo: '闽商务A〔2020〕3号' }), // ( after a letter only
    item({ id: 'bracket-far', title: '长'.repeat(300), docNo: '闽商务〔2020〕4号' }), // beyond the exact places
    item({ id: 'bracket-keyword', title: '通知', keywords: ['闽商务(2020)'] }),
    item({ id: 'other-wide', title: '中(一)与商务' }), // ( after 中, 务 elsewhere: 务( is not here
    item({ id: 'year-digit', title: '二〇二〇年7月', docNo: '榕商务〔2021〕7号' }), // 年7 in the title and the bracketless 文号
  ];
  const filler = generateDisclosureItems(1500, 2021).map((entry, k) => ({ ...entry, id: `filler-${k}` }));
  const all = [...traps, ...filler];
  const typedIndex = createDirectoryIndex(all);
  const afresh = createDirectoryIndex(all);
  const typed = (text: string): string[] => Array.from(text, (_, k) => text.slice(0, k + 1));
  const queries = [
    ...typed('闽商务〔2020'),
    '务(',
    '务〔',
    '中(',
    'A(',
    '年7',
    '1年7',
    '〕4',
    '务A',
    '闽商务函〔',
    ...typed('榕商务2021年7'),
  ];
  for (const q of queries) {
    const expected = plainSearch(all, q);
    queryDirectory(afresh, { q: '〇' }); // in no item: the next query starts from nothing
    for (const [on, how] of [
      [afresh, 'afresh'],
      [typedIndex, 'as typed'],
    ] as const) {
      const first = queryDirectory(on, { q, pageSize: 100 });
      assert.equal(first.total, expected.size, `count for ${q}, ${how}`);
      const found = new Set(ids(first));
      for (let page = 2; page <= Math.ceil(first.total / 100); page++)
        for (const id of ids(queryDirectory(on, { q, page, pageSize: 100 }))) found.add(id);
      assert.deepEqual(
        traps.filter((entry) => found.has(entry.id)).map((entry) => entry.id),
        traps.filter((entry) => expected.has(entry.id)).map((entry) => entry.id),
        `which traps hold ${q}, ${how}`,
      );
    }
  }
});

test('typing one character at a time finds, at every keystroke, exactly what the same query finds afresh', () => {
  // Each keystroke starts from what the one before found for the shorter term: these items are where that could
  // go wrong — the longer term first found later than the shorter, only in the bracketless 文号, beyond the exact
  // places, in another field, or nowhere.
  const traps = [
    item({ id: 'trap-later', title: '外资外贸', docNo: '闽商务函〔2020〕3号', indexNo: 'FJ0035910/2020-0013' }),
    item({ id: 'trap-far', title: `${'长'.repeat(300)}外贸`, docNo: '闽商务〔2020〕76号', indexNo: 'FJ0035910/2021-00131' }),
    item({ id: 'trap-keyword', title: '外资', keywords: ['外贸', '闽商务〔2020〕'], indexNo: 'FJ0035910/2020-00130' }),
    item({ id: 'trap-copy', title: '商务2020年', docNo: '闽商务〔2020〕761号', indexNo: 'FJ0035910/2020-1013' }),
    item({ id: 'trap-none', title: '外', docNo: '闽商务', indexNo: 'FJ0035910/2' }),
  ];
  const filler = generateDisclosureItems(1500, 2020).map((entry, k) => ({ ...entry, id: `filler-${k}` }));
  const all = [...traps, ...filler];
  const typed = (text: string): string[] => Array.from(text, (_, k) => text.slice(0, k + 1));
  const keystrokes = [
    ...typed('外贸'),
    '外', // a character deleted: the shorter term again
    ...typed('长外贸'),
    ...typed('闽商务〔2020〕76号'),
    '闽商务〔2020〕76',
    ...typed('闽商务2020年76号'),
    ...typed('FJ0035910/2020-0013'),
    ...typed('跨境电商 福州'),
    '跨境 福州', // the first term changed, the second not
    '跨境电商 福州 外贸',
    '外贸 福建',
    '外 福建',
  ];
  const asTyped = createDirectoryIndex(all);
  const afresh = createDirectoryIndex(all);
  // Before the postings exist, each keystroke starts from the one before too: by reading where the shorter term is.
  const unposted = runToEnd(directoryIndexSteps(all));
  /** Every result, page after page (each page a query of its own, as when the citizen pages on). */
  const everyResult = (on: typeof asTyped, q: string): string[] => {
    const first = queryDirectory(on, { q, pageSize: 100 });
    const pages = [first];
    for (let page = 2; page <= Math.ceil(first.total / 100); page++) pages.push(queryDirectory(on, { q, page, pageSize: 100 }));
    return pages.flatMap(ids);
  };
  for (const q of keystrokes) {
    const expected = plainSearch(all, q);
    queryDirectory(afresh, { q: '〇' }); // in no item: the next query starts from nothing
    const fresh = everyResult(afresh, q);
    assert.equal(fresh.length, expected.size, `count for ${q}`);
    assert.deepEqual(
      traps.filter((entry) => fresh.includes(entry.id)).map((entry) => entry.id),
      traps.filter((entry) => expected.has(entry.id)).map((entry) => entry.id),
      `which traps hold ${q}`,
    );
    assert.deepEqual(everyResult(asTyped, q), fresh, `results and their order for ${q}, with postings`);
    assert.deepEqual(everyResult(unposted, q), fresh, `results and their order for ${q}, before postings`);
  }
  // The same query again (a filter changed) and with a filter: the same results.
  const again = queryDirectory(asTyped, { q: '外贸', pageSize: 100 });
  assert.deepEqual(ids(queryDirectory(asTyped, { q: '外贸', pageSize: 100 })), ids(again));
  assert.deepEqual(
    ids(queryDirectory(asTyped, { q: '外贸', year: 2020, pageSize: 100 })),
    ids(queryDirectory(afresh, { q: '外贸', year: 2020, pageSize: 100 })),
  );
});

test('an index built in slices, and a title order prepared in slices, answer exactly as the ones built at once', async () => {
  const generated = generateDisclosureItems(2600, 2021);
  let pauses = 0;
  let clock = 0;
  const sliced = await runInSlices(directoryIndexSteps(generated), {
    pause: async () => void pauses++,
    sliceMs: 1,
    now: () => clock++, // every step "takes" a millisecond
  });
  assert.ok(sliced);
  assert.ok(pauses >= 2, 'the build gave the page back between slices');
  const atOnce = createDirectoryIndex(generated);
  const queries = [
    { q: '外贸' },
    { q: 'fj0035910/2021' },
    { q: '通知 2021' },
    { category: generated[5]!.category },
    { sort: 'oldest' as const, page: 4 },
  ];
  // Searchable before its postings exist (by scanning), with the same answers as after.
  assert.equal(sliced.lazy.postings, undefined);
  for (const query of queries) assert.deepEqual(queryDirectory(sliced, query), queryDirectory(atOnce, query), JSON.stringify(query));
  await runInSlices(postingsSteps(sliced), { pause: async () => void pauses++, sliceMs: 1, now: () => clock++ });
  assert.ok(sliced.lazy.postings);
  for (const query of queries) assert.deepEqual(queryDirectory(sliced, query), queryDirectory(atOnce, query), JSON.stringify(query));
  const prepared = await runInSlices(titleOrderSteps(sliced), { pause: async () => undefined });
  assert.ok(prepared && sliced.lazy.byTitle === prepared);
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  const expected = Array.from(atOnce.newestFirst).sort(
    (a, b) => collator.compare(generated[a]!.title, generated[b]!.title) || atOnce.newestRank[a]! - atOnce.newestRank[b]!,
  );
  assert.deepEqual(Array.from(prepared), expected);
  assert.deepEqual(ids(queryDirectory(sliced, { sort: 'title', page: 3 })), ids(queryDirectory(atOnce, { sort: 'title', page: 3 })));
});

test('an index built item by item as its list arrives, its length unknown, is the index of the whole list', () => {
  const generated = generateDisclosureItems(2600, 2023);
  const growing = new DirectoryIndexBuilder(); // grows from its smallest arrays, as in the search worker
  for (const entry of generated) growing.add(entry);
  const grown = growing.done(generated);
  assert.deepEqual(grown, runToEnd(directoryIndexSteps(generated)));
  assert.equal(grown.itemStart.length, generated.length + 1);
  assert.deepEqual(
    ids(queryDirectory(grown, { q: '外贸 2023', page: 2 })),
    ids(queryDirectory(createDirectoryIndex(generated), { q: '外贸 2023', page: 2 })),
  );
  assert.throws(() => new DirectoryIndexBuilder().done(generated), /0 items were indexed, not 2600/);
});

test('building in slices stops when aborted', async () => {
  const abort = new AbortController();
  let clock = 0;
  const result = await runInSlices(directoryIndexSteps(generateDisclosureItems(3000, 2021)), {
    pause: async () => abort.abort(),
    sliceMs: 1,
    now: () => clock++,
    signal: abort.signal,
  });
  assert.equal(result, undefined);
});

test('the title order from collation keys is exactly the collator’s, numbers, widths, case and equal titles included', async () => {
  const generated = generateDisclosureItems(3000, 2022);
  const tricky = ['等5部门', '等13部门', '等０５部门', '等005部门', 'ABC通知', 'abc通知', 'Ａｂｃ通知', '第2号', '第10号', '第2号', ''].map(
    (suffix, k) =>
      item({ title: `福建省商务厅${suffix}关于${k % 2 ? '便利店' : '夜间经济'}的通知`, publishedAt: `2021-0${(k % 9) + 1}-01` }),
  );
  const items = [...tricky, ...generated, ...tricky.map((entry) => ({ ...entry, id: `${entry.id}-again` }))];
  const index = createDirectoryIndex(items);
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  const expected = Array.from(index.newestFirst).sort(
    (a, b) => collator.compare(items[a]!.title, items[b]!.title) || index.newestRank[a]! - index.newestRank[b]!,
  );
  let pauses = 0;
  let clock = 0;
  const order = await runInSlices(titleOrderByKeys(index), { pause: async () => void pauses++, sliceMs: 1, now: () => clock++ });
  assert.deepEqual(Array.from(order!), expected);
  assert.ok(pauses > 0, 'it pauses');
  assert.equal(index.lazy.byTitle, order);
});
