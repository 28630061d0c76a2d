// importReport on real published report pages (tests/fixtures/reports): every cell of tables 二, 三 and 四
// against the values read off each page by hand, blanks as blanks; then variations of a real page that
// CMSs produce (other widths, spaces, typos, merged headers, a transposed table 四, layout tables, units).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { importReport } from '../../src/report-import.js';
import { validateReport } from '../../src/core/report/index.js';

const DIR = new URL('../fixtures/reports/', import.meta.url);

interface Expected {
  format: '2019' | '2021';
  agency: string;
  year: number;
  publishedAt?: string;
  contact?: Record<string, string>;
  proactive: Record<string, unknown[]>;
  requests: Record<string, unknown[]>;
  reviews: Record<string, unknown[]>;
  sectionsStartWith: Record<string, string>;
  /** The R1–R5 errors the published report has, as "rule table row column" strings. */
  brokenCells?: string[];
}

const fixtures = readdirSync(DIR)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => file.replace('.expected.json', ''));

const page = (name: string) => readFileSync(new URL(`${name}.html`, DIR), 'utf8');
const expected = (name: string): Expected => JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8'));
const plain = (html: string) => html.replace(/<[^>]+>/g, '');

test('there are real report pages of both formats to read', () => {
  assert.ok(fixtures.length >= 3, fixtures.join(', '));
  const formats = new Set(fixtures.map((name) => expected(name).format));
  assert.deepEqual([...formats].sort(), ['2019', '2021']);
  for (const name of fixtures) {
    const source = JSON.parse(readFileSync(new URL(`${name}.source.json`, DIR), 'utf8'));
    assert.ok(source.original && source.copy, `${name} says where it comes from`);
  }
});

for (const name of fixtures) {
  test(`${name}: every cell of tables 二, 三 and 四 as published, blanks as null`, () => {
    const want = expected(name);
    const { report, problems, found } = importReport(page(name));
    assert.deepEqual(found, { 二: true, 三: true, 四: true });
    assert.equal(report.format, want.format);
    for (const table of ['proactive', 'requests', 'reviews'] as const) {
      const got = report[table] as Record<string, unknown[]>;
      assert.deepEqual(Object.keys(got).sort(), Object.keys(want[table]).sort(), `${table}: the rows read`);
      for (const [row, values] of Object.entries(want[table])) assert.deepEqual(got[row], values, `${table} ${row}`);
    }
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(
      errors.map((p) => p.message.en),
      [],
      'nothing the importer could not read',
    );
  });

  test(`${name}: agency, year, publication date and the narrative parts from the page`, () => {
    const want = expected(name);
    const { report } = importReport(page(name));
    assert.equal(report.agency, want.agency);
    assert.equal(report.year, want.year);
    assert.equal(report.publishedAt, want.publishedAt);
    if (want.contact) assert.deepEqual(report.contact, want.contact);
    for (const [key, start] of Object.entries(want.sectionsStartWith)) {
      const html = report.sections[key as 'overview'] ?? '';
      assert.ok(plain(html).startsWith(start), `${key} starts with “${start}”: ${html.slice(0, 80)}`);
      assert.doesNotMatch(html, /style=|class=|<span|<script|<table/, `${key} is sanitised`);
    }
    // No heading of the template is left inside a part: each part stops at the next heading.
    assert.doesNotMatch(plain(report.sections.overview), /二、主动公开政府信息情况|五、/);
  });

  test(`${name}: the checker names exactly the cells the published report gets wrong (R1–R5)`, () => {
    const want = expected(name);
    const { report } = importReport(page(name));
    const broken = validateReport(report)
      .filter((f) => ['R1', 'R2', 'R3', 'R4', 'R5'].includes(f.rule) && f.severity === 'error')
      .map((f) => `${f.rule} ${f.cells.map((c) => `${c.table}:${c.row}[${c.column}]`).join(' ')}`);
    assert.deepEqual(broken, want.brokenCells ?? []);
    const schemaErrors = validateReport(report).filter((f) => f.rule === 'schema' && f.severity === 'error');
    assert.deepEqual(
      schemaErrors.map((f) => f.message.en),
      [],
    );
  });
}

// ---- Variations of a real page ----

const base = page('pingtan-2025');
const want2025 = expected('pingtan-2025');

test('half-width brackets, other numbering, spaces and line breaks inside labels read the same', () => {
  const html = base
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace('1.属于国家秘密', '1、属于 国家<br>秘密')
    .replace('2.重复申请', '2．重复申请')
    .replace('本年新收政府信息公开申请数量', '本年新收政府信息公开<br/>申请数量')
    .replace('自然人</p>', '自 然 人</p>');
  const { report, problems } = importReport(html);
  assert.deepEqual(report.requests, want2025.requests);
  assert.deepEqual(
    problems.filter((p) => p.kind === 'label-uncertain'),
    [],
    'width, numbering and spaces are not typos',
  );
});

test('a small typo in a label is read, and the match is reported with how sure it is', () => {
  const html = base.replace('属于行政执法案卷', '属于行政执法案件').replace('<p>复议后起诉</p>', '<p>复议后起述</p>');
  const { report, problems, matches } = importReport(html);
  assert.deepEqual(report.requests['3.3.7'], want2025.requests['3.3.7']);
  assert.deepEqual(report.reviews, want2025.reviews);
  const typo = matches.find((m) => m.published.includes('执法案件'))!;
  assert.equal(typo.key, '3.3.7');
  assert.equal(typo.template, '（三）不予公开 7.属于行政执法案卷');
  assert.ok(typo.confidence > 0.8 && typo.confidence < 1, String(typo.confidence));
  const note = problems.find((p) => p.kind === 'label-uncertain' && p.text?.includes('执法案件'));
  assert.match(note!.message['zh-CN'], /按“（三）不予公开 7\.属于行政执法案卷”读取（相似度 \d+%）/);
});

test('header rows split differently: empty cells under 自然人 and 总计 instead of rowspans', () => {
  const html = base
    .replace('<td rowspan="2" valign="center"><p>自然人</p></td>', '<td valign="center"><p>自然人</p></td>')
    .replace('<td rowspan="2" valign="center"><p>总计</p></td>', '<td valign="center"><p>总计</p></td>')
    .replace('<tr><td valign="center"><p>商业</p>', '<tr><td></td><td valign="center"><p>商业</p>')
    .replace('<p>其他</p></td></tr>', '<p>其他</p></td><td></td></tr>');
  assert.notEqual(html, base);
  assert.deepEqual(importReport(html).report.requests, want2025.requests);
});

test('table 四 laid out the other way round (one row per group) reads the same', () => {
  const cells = (values: unknown[]) => values.map((v) => `<td>${v}</td>`).join('');
  const transposed =
    '<table><tr><td></td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>' +
    `<tr><td>行政复议</td>${cells(want2025.reviews['reconsideration']!)}</tr>` +
    `<tr><td>行政诉讼（未经复议直接起诉）</td>${cells(want2025.reviews['litigationDirect']!)}</tr>` +
    `<tr><td>行政诉讼（复议后起诉）</td>${cells(want2025.reviews['litigationAfterReconsideration']!)}</tr></table>`;
  const html = base.replace(
    /<p>四、政府信息公开行政复议、行政诉讼情况<\/p><table[\s\S]*?<\/table>/,
    `<p>四、政府信息公开行政复议、行政诉讼情况</p>${transposed}`,
  );
  assert.notEqual(html, base);
  assert.deepEqual(importReport(html).report.reviews, want2025.reviews);
});

test('thousands separators, full-width digits, a dash for blank and a unit after the number', () => {
  const html = base
    .replace('<p>2418</p>', '<p>2,418</p>')
    .replace('<p>151</p>', '<p>１５１</p>')
    .replace('<p>644</p>', '<p>644件</p>')
    .replace(/(<p>（一）予以公开<\/p><\/td><td valign="center"><p>33<\/p><\/td><td valign="center"><p>)0(<\/p>)/, '$1—$2');
  const { report, problems } = importReport(html);
  assert.deepEqual(report.proactive['licensing' as never], [2418]);
  assert.deepEqual(report.proactive['penalties' as never], [644]);
  assert.equal(report.requests['1']![0], 151);
  assert.equal(report.requests['3.1']![1], null, 'a dash is blank, not 0');
  assert.ok(problems.some((p) => p.kind === 'value-note' && p.text === '644件'));
  assert.ok(problems.some((p) => p.kind === 'value-note' && p.text === '—'));
});

test('a cell that is not a number is blank and named with where it is', () => {
  const html = base.replace('<p>49</p>', '<p>见附件</p>');
  const { report, problems } = importReport(html);
  assert.equal(report.requests['3.4.1']![0], null);
  const problem = problems.find((p) => p.kind === 'value-unreadable')!;
  assert.equal(problem.text, '见附件');
  assert.equal(problem.table, '三');
  assert.deepEqual(problem.location, { table: 2, row: 16, column: 4 });
  assert.match(problem.message['zh-CN'], /页面第 2 个表格第 16 行第 4 列的“见附件”不是数字/);
});

test('a row that is not in the table is missing (not zero) and reported; an extra row is reported as unplaced', () => {
  const html = base
    .replace(/<tr><td valign="center"><p>3\.补正后申请内容仍不明确[\s\S]*?<\/tr>/, '')
    .replace(
      '<tr><td colspan="2" valign="center"><p>（七）总计',
      '<tr><td colspan="2"><p>小计</p></td><td>9</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>9</td></tr>' +
        '<tr><td colspan="2" valign="center"><p>（七）总计',
    );
  const { report, problems } = importReport(html);
  assert.equal(report.requests['3.4.3'], undefined);
  assert.ok(problems.some((p) => p.kind === 'row-missing' && p.text === '（四）无法提供 3.补正后申请内容仍不明确'));
  assert.ok(problems.some((p) => p.kind === 'cell-unplaced' && p.text === '9' && p.location?.table === 2));
  assert.deepEqual(report.requests['3.7'], want2025.requests['3.7']);
});

test('inside layout tables, with menus and scripts that print the same labels, the report is still found', () => {
  const html =
    '<html><body><table class="layout"><tr><td><ul><li><a href="/">首页</a></li><li>政府信息公开年报</li></ul></td>' +
    `<td>${base.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')}</td></tr></table>` +
    '<script>var labels = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>";</script></body></html>';
  const { report, found } = importReport(html);
  assert.deepEqual(found, { 二: true, 三: true, 四: true });
  assert.deepEqual(report.requests, want2025.requests);
  assert.equal(report.year, 2025);
});

test('narratives are sanitised: no script, handler, style or javascript: link survives', () => {
  const html = base.replace(
    '<p>2025年，无收取信息处理费情况。</p>',
    '<p onclick="alert(1)" style="color:red">2025年，无收取<a href="javascript:alert(1)">信息处理费</a>情况。<script>alert(1)</script>' +
      '<img src=x onerror=alert(1)><a href="https://www.pingtan.gov.cn/">门户</a></p>',
  );
  const other = importReport(html).report.sections.other!;
  assert.doesNotMatch(other, /onclick|onerror|style|script|javascript|<img/);
  assert.match(other, /<a href="https:\/\/www\.pingtan\.gov\.cn\/">门户<\/a>/);
  assert.match(other, /<p>2025年，无收取信息处理费情况。/);
});

test('a page without report tables says so; the format falls back to the year', () => {
  const { problems, found } = importReport(
    '<html><body><h1>2019年某局政府信息公开工作年度报告</h1><p>一、总体情况</p><p>无。</p></body></html>',
  );
  assert.deepEqual(found, { 二: false, 三: false, 四: false });
  assert.equal(problems[0]!.kind, 'no-report-table');
  const { report, formatFrom } = importReport('<p>2019年某局政府信息公开工作年度报告</p>');
  assert.equal(report.format, '2019');
  assert.equal(formatFrom, 'year');
  assert.equal(report.agency, '某局');
});

test('a short paragraph such as 四是… or 五、… inside a part is not taken for the next heading', () => {
  const html = base.replace('<p>（一）主动公开方面。', '<p>四是行政复议案件数量下降。</p><p>（一）主动公开方面。');
  const { report } = importReport(html);
  assert.match(report.sections.overview, /<p>四是行政复议案件数量下降。<\/p>/);
  assert.deepEqual(report.reviews, want2025.reviews);
});

test('table 二 published as one table per sub-table reads the same', () => {
  const html = base.replace(
    /<tr><td colspan="4" valign="center"><p>第二十条第（[五六八]）项/g,
    (row) => `</tbody></table><table><tbody>${row}`,
  );
  assert.equal(html.split('第二十条').length, 5);
  const { report, found } = importReport(html);
  assert.equal(found['二'], true);
  assert.deepEqual(report.proactive, want2025.proactive);
  assert.deepEqual(report.requests, want2025.requests);
});

test('options override what the page states', () => {
  const { report, formatFrom } = importReport(base, { agency: '平潭综合实验区管委会', year: 2025, format: '2021' });
  assert.equal(report.agency, '平潭综合实验区管委会');
  assert.equal(formatFrom, 'option');
});

test('a page whose table breaks R1 and R2 is read as published, and the checker names the broken cells', () => {
  // No collected report breaks R1–R5, so one cell of a real page is changed: 予以公开 自然人 33 → 34.
  const html = base.replace(
    '<p>（一）予以公开</p></td><td valign="center"><p>33</p>',
    '<p>（一）予以公开</p></td><td valign="center"><p>34</p>',
  );
  const { report } = importReport(html);
  assert.equal(report.requests['3.1']![0], 34, 'read as published, not corrected');
  const errors = validateReport(report).filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => f.rule).sort(), ['R2', 'R3']);
  assert.ok(errors.every((f) => f.cells.some((c) => c.table === '三' && c.row === '3.1' && c.column === 0)));
});
