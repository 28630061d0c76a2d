// Shape checks of annual report documents: clear findings for malformed input, never a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSchema, validateReport, type Finding } from '../../src/core/report/index.js';
import { fujianCommerce2020, malformedReport, pingtan2024 } from '../../src/core/report/fixtures/index.js';

const paths = (findings: Finding[]) => findings.map((f) => f.path);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into any part of a document to break it
const withChange = (base: object, change: (doc: Record<string, any>) => void): unknown => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  const doc = structuredClone(base) as Record<string, any>;
  change(doc);
  return doc;
};

test('valid documents have no schema findings', () => {
  assert.deepEqual(checkSchema(pingtan2024), []);
  assert.deepEqual(checkSchema(fujianCommerce2020), []);
  assert.deepEqual(checkSchema(JSON.parse(JSON.stringify(fujianCommerce2020))), []);
});

test('input that is not an object gives one clear finding', () => {
  const cases: [unknown, RegExp][] = [
    [null, /空值/],
    [undefined, /undefined/],
    ['{"format":"2021"}', /文本/],
    [2024, /数字/],
    [[pingtan2024], /数组/],
  ];
  for (const [input, kind] of cases) {
    const findings = checkSchema(input);
    assert.equal(findings.length, 1, `for ${String(input)}`);
    assert.equal(findings[0]!.rule, 'schema');
    assert.equal(findings[0]!.severity, 'error');
    assert.match(findings[0]!.message['zh-CN'], /年度报告应为一个 JSON 对象/);
    assert.match(findings[0]!.message['zh-CN'], kind);
    assert.match(findings[0]!.message.en, /should be a JSON object/);
  }
});

test('the malformed fixture: every problem is named with its path', () => {
  const findings = checkSchema(malformedReport);
  assert.deepEqual(paths(findings), [
    'remarks',
    'agency',
    'year',
    'sections.problems',
    'sections.other',
    'proactive.rules',
    'proactive.licences',
    'requests.1[0]',
    'requests.3.6',
    'reviews',
  ]);
  assert.ok(findings.every((f) => f.rule === 'schema'));
  // A missing 六 in a 2021 report is worth a look, not fatal.
  assert.deepEqual(
    findings.filter((f) => f.severity === 'warning').map((f) => f.path),
    ['sections.other'],
  );
  const byPath = (path: string) => findings.find((f) => f.path === path)!;
  assert.match(byPath('remarks').message['zh-CN'], /未知的字段“remarks”/);
  assert.match(byPath('proactive.rules').message['zh-CN'], /“规章”行应有 3 个数值，实际有 2 个/);
  assert.match(byPath('proactive.licences').message.en, /2021 format has no row “licences”/);
  assert.match(byPath('requests.3.6').message['zh-CN'], /2021年格式的表三.*没有“3\.6”这一行/);
  assert.equal(byPath('year').actual, '"2024"');
});

test('a string where a number belongs is flagged at its cell', () => {
  const findings = checkSchema(
    withChange(pingtan2024, (d) => {
      d.requests['3.2'][6] = '29件';
    }),
  );
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0]!.cells, [{ table: '三', row: '3.2', column: 6 }]);
  assert.equal(findings[0]!.path, 'requests.3.2[6]');
  assert.match(findings[0]!.message['zh-CN'], /第 7 个数值应为数字或空白（null），实际为文本 "29件"/);
  assert.match(findings[0]!.message.en, /should be a number or null \(blank\), but it is text/);
});

test('采购总金额 may be text in the 2019 format; no other cell may', () => {
  assert.equal(fujianCommerce2020.proactive.procurement![1], '3865200元');
  assert.deepEqual(checkSchema(fujianCommerce2020), []);
  const countAsText = withChange(fujianCommerce2020, (d) => {
    d.proactive.procurement = ['12', '3865200元'];
  });
  assert.deepEqual(paths(checkSchema(countAsText)), ['proactive.procurement[0]']);
  const feeAsText = withChange(pingtan2024, (d) => {
    d.proactive.fees = ['18651.06万元'];
  });
  assert.deepEqual(paths(checkSchema(feeAsText)), ['proactive.fees[0]']);
});

test('NaN, Infinity, objects and nested arrays are not numbers', () => {
  const doc = withChange(pingtan2024, (d) => {
    d.reviews.reconsideration = [Number.NaN, Number.POSITIVE_INFINITY, { n: 3 }, [1], 7];
  });
  assert.deepEqual(paths(checkSchema(doc)), [
    'reviews.reconsideration[0]',
    'reviews.reconsideration[1]',
    'reviews.reconsideration[2]',
    'reviews.reconsideration[3]',
  ]);
});

test('a wrong format value, and rows of the other format', () => {
  const wrongFormat = checkSchema(withChange(pingtan2024, (d) => (d.format = 2021)));
  assert.deepEqual(paths(wrongFormat), ['format']);
  assert.match(wrongFormat[0]!.message['zh-CN'], /“format”应为 "2019".*或 "2021"/);

  const otherServicesIn2021 = withChange(pingtan2024, (d) => {
    d.proactive.otherServices = [1, 0, 2];
  });
  assert.deepEqual(paths(checkSchema(otherServicesIn2021)), ['proactive.otherServices']);
  const subRowIn2019 = withChange(fujianCommerce2020, (d) => {
    d.requests['3.6.1'] = [0, 0, 0, 0, 0, 0, 0];
  });
  assert.deepEqual(paths(checkSchema(subRowIn2019)), ['requests.3.6.1']);
  const unknownGroup = withChange(pingtan2024, (d) => {
    d.reviews.litigation = [0, 0, 0, 0, 0];
  });
  assert.deepEqual(paths(checkSchema(unknownGroup)), ['reviews.litigation']);
});

test('wrong array lengths in 三 and 四, and a row that is not an array', () => {
  const doc = withChange(pingtan2024, (d) => {
    d.requests['1'] = [217, 1, 0, 0, 0, 218];
    d.reviews.litigationDirect = [0, 0, 0, 0, 0, 0];
    d.requests['4'] = 0;
  });
  const findings = checkSchema(doc);
  assert.deepEqual(paths(findings), ['requests.1', 'requests.4', 'reviews.litigationDirect']);
  assert.equal(findings[0]!.expected, 7);
  assert.equal(findings[0]!.actual, 6);
  assert.match(findings[2]!.message['zh-CN'], /“行政诉讼（未经复议直接起诉）”行应有 5 个数值，实际有 6 个/);
});

test('unknown keys in contact and sections, a missing section, a bad date', () => {
  const doc = withChange(pingtan2024, (d) => {
    d.contact.wechat = 'pingtan';
    d.sections.summary = '<p>…</p>';
    delete d.sections.overview;
    d.publishedAt = '2025年3月10日';
  });
  assert.deepEqual(paths(checkSchema(doc)), ['publishedAt', 'contact.wechat', 'sections.summary', 'sections.overview']);
});

test('a format used for the wrong years is a warning', () => {
  const findings = checkSchema(withChange(fujianCommerce2020, (d) => (d.year = 2022)));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'warning');
  assert.match(findings[0]!.message['zh-CN'], /2022年度报告使用了2019年格式/);
});

test('never throws, whatever the input', () => {
  const odd: unknown[] = [
    {},
    { format: '2021' },
    { format: '2019', proactive: null, requests: 'x', reviews: 5, sections: [] },
    { format: '2021', requests: { '1': null, '2': {}, '3.7': [[1]] }, reviews: { reconsideration: 'x' } },
    Object.create(null),
    new Date(),
    () => 1,
    Symbol('report'),
  ];
  for (const input of odd) {
    assert.doesNotThrow(() => checkSchema(input));
    assert.doesNotThrow(() => validateReport(input, { previous: input }));
    assert.ok(checkSchema(input).length > 0);
  }
});
