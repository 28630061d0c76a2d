// The first draft of a year's report, prefilled from the system of record, and reading what is typed into a cell.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DisclosureItem } from '../../src/api/types/directory.js';
import { readCellInput } from '../../src/core/report/cell-input.js';
import { blankReport, directoryProactive, formatForYear, prefillReport } from '../../src/core/report/prefill.js';
import { checkReport } from '../../src/core/report/index.js';

const doc = (id: string, publishedAt: string, extra: Partial<DisclosureItem> = {}): DisclosureItem => ({
  id,
  indexNo: id,
  title: id,
  url: `/${id}`,
  publisher: '某厅',
  category: '综合',
  publishedAt,
  ...extra,
});

describe('prefilled draft', () => {
  test('the format follows the year, and a blank report has every row of it blank, never 0', () => {
    assert.equal(formatForYear(2020), '2019');
    assert.equal(formatForYear(2021), '2021');
    const blank = blankReport(2020, '某厅');
    assert.equal(blank.format, '2019');
    assert.deepEqual((blank.requests as Record<string, unknown>)['3.6'], [null, null, null, null, null, null, null]);
    assert.ok(!('3.6.1' in blank.requests));
    assert.deepEqual((blank.proactive as Record<string, unknown>)['procurement'], [null, null]);
    assert.deepEqual(
      checkReport(blank).filter((f) => f.severity === 'error'),
      [],
      'a blank report breaks no rule',
    );
  });

  test('table 二 (一) counts 规章 and 规范性文件 of the directory by date and validity', () => {
    const items = [
      doc('a', '2025-02-01', { keywords: ['规范性文件'] }),
      doc('b', '2024-02-01', { keywords: ['行政规范性文件'] }),
      doc('c', '2024-03-01', { keywords: ['规范性文件'], validity: '废止' }),
      doc('d', '2026-01-05', { keywords: ['规范性文件'] }),
      doc('e', '2025-07-01', { docNo: '福建省人民政府令第200号' }),
      doc('f', '2025-07-01'),
    ];
    const y2025 = directoryProactive(items, 2025);
    assert.deepEqual(y2025.rows['normativeDocuments'], [1, null, 2]);
    assert.deepEqual(y2025.rows['rules'], [1, null, 1]);
    assert.equal(y2025.sources['二|normativeDocuments|2']?.origin, 'directory');
    const y2020 = directoryProactive(items, 2024);
    assert.deepEqual(y2020.rows['normativeDocuments'], [2, null, 1]);
    const old = directoryProactive([doc('x', '2020-05-01', { keywords: ['规范性文件'], writtenAt: '2019-12-20' })], 2020);
    assert.deepEqual(old.rows['normativeDocuments'], [0, 1, 1], '2019 format: 新制作 by 成文日期, 新公开, 对外公开总数量');
  });

  test('table 四 from cases is marked with its source; without it table 四 stays blank', () => {
    const requests = { '1': [1, 0, 0, 0, 0, 0, 1] as [number, number, number, number, number, number, number] };
    const without = prefillReport({ year: 2025, agency: '某厅', requests });
    assert.deepEqual(without.document.reviews.reconsideration, [null, null, null, null, null]);
    const withCases = prefillReport({ year: 2025, agency: '某厅', requests, reviews: { reconsideration: [1, 0, 0, 1, 2] } });
    assert.deepEqual(withCases.document.reviews.reconsideration, [1, 0, 0, 1, 2]);
    assert.equal(withCases.sources['四|reconsideration|4']?.origin, 'cases');
    assert.equal(withCases.sources['三|1|6']?.value, 1);
  });
});

describe('reading a typed cell', () => {
  test('blank is blank, not 0; full-width digits and thousands separators are numbers', () => {
    assert.deepEqual(readCellInput(''), { ok: true, value: null });
    assert.deepEqual(readCellInput('  '), { ok: true, value: null });
    assert.deepEqual(readCellInput('0'), { ok: true, value: 0 });
    assert.deepEqual(readCellInput('１２'), { ok: true, value: 12 });
    assert.deepEqual(readCellInput('1,234'), { ok: true, value: 1234 });
    assert.deepEqual(readCellInput('-185', 'change'), { ok: true, value: -185 });
    assert.deepEqual(readCellInput('-3'), { ok: true, value: -3 }, 'kept so that R4 names it');
    assert.deepEqual(readCellInput('24252.311082', 'money'), { ok: true, value: 24252.311082 });
    assert.deepEqual(readCellInput('251000元', 'moneyOrText'), { ok: true, value: '251000元' });
    assert.deepEqual(readCellInput('十二'), { ok: false, text: '十二' });
  });
});
