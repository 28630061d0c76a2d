// What the report viewer derives from a document: header placement for `headers`, the charted
// and compared figures (blanks stay blank), and whether a document can be shown at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORMAT_2021,
  applicantsByType,
  keyFigures,
  layoutHeader,
  outcomeTotals,
  readReportDocument,
  yearOverYear,
} from '../../src/core/report/index.js';
import {
  blankOutcomeTotals,
  brokenR1,
  fujianCommerce2020,
  malformedReport,
  pingtan2023,
  pingtan2023CarriedOver,
  pingtan2024,
} from '../../src/core/report/fixtures/index.js';

test('table 三 header: every data column knows the header cells above it', () => {
  const { rows, columns } = layoutHeader(FORMAT_2021.requests.header, 7);
  assert.deepEqual(
    rows.map((r) => r.map((c) => [c.label['zh-CN'], c.row, c.column])),
    [
      [['申请人情况', 0, 0]],
      [
        ['自然人', 1, 0],
        ['法人或其他组织', 1, 1],
        ['总计', 1, 6],
      ],
      [
        ['商业企业', 2, 1],
        ['科研机构', 2, 2],
        ['社会公益组织', 2, 3],
        ['法律服务机构', 2, 4],
        ['其他', 2, 5],
      ],
    ],
  );
  assert.deepEqual(
    columns[0]!.map((c) => c.label['zh-CN']),
    ['申请人情况', '自然人'],
  );
  assert.deepEqual(
    columns[2]!.map((c) => c.label['zh-CN']),
    ['申请人情况', '法人或其他组织', '科研机构'],
  );
  assert.deepEqual(
    columns[6]!.map((c) => c.label['zh-CN']),
    ['申请人情况', '总计'],
  );
});

test('table 四 header: 15 columns under 行政复议 and the two kinds of 行政诉讼', () => {
  const { columns } = layoutHeader(FORMAT_2021.reviews.header, 15);
  assert.deepEqual(
    columns[4]!.map((c) => c.label['zh-CN']),
    ['行政复议', '总计'],
  );
  assert.deepEqual(
    columns[5]!.map((c) => c.label['zh-CN']),
    ['行政诉讼', '未经复议直接起诉', '结果维持'],
  );
  assert.deepEqual(
    columns[14]!.map((c) => c.label['zh-CN']),
    ['行政诉讼', '复议后起诉', '总计'],
  );
});

test('outcome totals of 平潭 2024 add up to （七）总计 and carry the template labels', () => {
  const outcomes = outcomeTotals(pingtan2024);
  assert.deepEqual(
    outcomes.map((f) => [f.key, f.label['zh-CN'], f.value]),
    [
      ['3.1', '（一）予以公开', 71],
      ['3.2', '（二）部分公开', 29],
      ['3.3', '（三）不予公开', 39],
      ['3.4', '（四）无法提供', 75],
      ['3.5', '（五）不予处理', 1],
      ['3.6', '（六）其他处理', 3],
    ],
  );
  assert.equal(
    outcomes.reduce((a, f) => a + f.value!, 0),
    218,
  );
  // The 2019 format has one （六） row.
  assert.deepEqual(outcomeTotals(fujianCommerce2020).find((f) => f.key === '3.6')?.value, 1);
});

test('a blank 总计 leaves its outcome unstated instead of reading as 0', () => {
  assert.ok(outcomeTotals(blankOutcomeTotals).every((f) => f.value === null));
  const doc = structuredClone(pingtan2024);
  doc.requests['3.3.4'] = [3, 0, 0, 0, 0, 0, null];
  assert.equal(outcomeTotals(doc).find((f) => f.key === '3.3')!.value, null);
  assert.equal(outcomeTotals(doc).find((f) => f.key === '3.4')!.value, 75);
});

test('applicants by type read row 一 without its 总计', () => {
  assert.deepEqual(
    applicantsByType(fujianCommerce2020).map((f) => [f.label['zh-CN'], f.value]),
    [
      ['自然人', 15],
      ['商业企业', 5],
      ['科研机构', 0],
      ['社会公益组织', 0],
      ['法律服务机构', 1],
      ['其他', 0],
    ],
  );
});

test('year over year: changes per key figure, across formats, blank when a year is blank', () => {
  const rows = yearOverYear(pingtan2024, pingtan2023);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  assert.deepEqual(
    keyFigures(pingtan2024).map((f) => f.key),
    [
      '1',
      '2',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
      '4',
      'reconsideration',
      'litigationDirect',
      'litigationAfterReconsideration',
    ],
  );
  const received = byKey.get('1')!;
  assert.equal(received.value, 218);
  assert.equal(received.previous, pingtan2023.requests['1']![6]);
  assert.equal(received.change, 218 - pingtan2023.requests['1']![6]!);
  // 2020 (2019 format) beside 2021-format figures: matched by key.
  const across = yearOverYear(pingtan2024, fujianCommerce2020);
  assert.equal(across.find((r) => r.key === '3.6')!.previous, 1);
  const blank = yearOverYear(blankOutcomeTotals, pingtan2023).find((r) => r.key === '3.1')!;
  assert.equal(blank.value, null);
  assert.equal(blank.change, null);
});

test('a report with wrong numbers can be shown; one without agency or year cannot', () => {
  const wrong = readReportDocument(brokenR1);
  assert.equal(wrong.doc, brokenR1);
  assert.deepEqual(wrong.blocking, []);
  assert.ok(wrong.findings.some((f) => f.rule === 'R1'));

  const malformed = readReportDocument(malformedReport);
  assert.equal(malformed.doc, undefined);
  assert.deepEqual(malformed.blocking.map((f) => f.path).sort(), ['agency', 'year']);
  assert.ok(
    malformed.findings.some((f) => f.path === 'remarks'),
    'other schema findings are kept',
  );

  assert.equal(readReportDocument([1, 2]).doc, undefined);
  assert.equal(readReportDocument({ ...pingtan2024, format: '2020' }).doc, undefined);
  // A table of the wrong type does not stop the report.
  const noReviews = readReportDocument({ ...pingtan2024, reviews: [] });
  assert.ok(noReviews.doc);
  assert.ok(noReviews.findings.some((f) => f.path === 'reviews'));
});

test('the previous year is used for R6', () => {
  assert.deepEqual(
    readReportDocument(pingtan2024, { previous: pingtan2023 }).findings.filter((f) => f.rule === 'R6'),
    [],
  );
  const r6 = readReportDocument(pingtan2024, { previous: pingtan2023CarriedOver }).findings.filter((f) => f.rule === 'R6');
  assert.deepEqual(
    r6.map((f) => [f.cells[0]!.row, f.cells[0]!.column, f.expected, f.actual]),
    [
      ['2', 0, 1, 0],
      ['2', 6, 1, 0],
    ],
  );
});
