// CSV export of the statistical tables: labels in the header rows, blanks empty, RFC 4180 quoting,
// no spreadsheet formulas from text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_BOM, tableToCsv, type AnnualReport2019 } from '../../src/core/report/index.js';
import { blankOutcomeTotals, fujianCommerce2020, pingtan2024 } from '../../src/core/report/fixtures/index.js';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += ch;
  }
  assert.equal(field + row.join(''), '', 'the last record ends with CRLF');
  return rows;
}

const withProcurement = (amount: string | number | null): AnnualReport2019 => {
  const doc = structuredClone(fujianCommerce2020);
  doc.proactive.procurement = [12, amount];
  return doc;
};

test('CSV_BOM is the UTF-8 byte-order mark, and the table text does not include it', () => {
  assert.equal(CSV_BOM, '\uFEFF');
  assert.ok(!tableToCsv(pingtan2024, '三', 'zh-CN').startsWith(CSV_BOM));
});

test('table 三 in Chinese: the three header rows as printed, then one line per row', () => {
  const csv = tableToCsv(pingtan2024, '三', 'zh-CN');
  assert.ok(csv.endsWith('\r\n'));
  assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\n/);
  const rows = parseCsv(csv);
  assert.deepEqual(rows.slice(0, 3), [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '', '', '', '', '', ''],
    ['', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ]);
  assert.equal(rows.length, 3 + 25);
  assert.ok(rows.every((r) => r.length === 8));
  assert.deepEqual(rows[3], ['一、本年新收政府信息公开申请数量', '217', '1', '0', '0', '0', '0', '218']);
  assert.deepEqual(rows[7], ['三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '4', '0', '0', '0', '0', '0', '4']);
  assert.deepEqual(rows.at(-1), ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0']);
});

test('blank cells are empty in the CSV, not 0; a missing row is an empty row', () => {
  const rows = parseCsv(tableToCsv(blankOutcomeTotals, '三', 'zh-CN'));
  const disclosed = rows.find((r) => r[0]!.endsWith('（一）予以公开'))!;
  assert.deepEqual(disclosed, ['三、本年度办理结果 / （一）予以公开', '71', '0', '0', '0', '0', '0', '']);
  const missing = structuredClone(pingtan2024);
  delete missing.requests['3.3.2'];
  const row = parseCsv(tableToCsv(missing, '三', 'zh-CN')).find((r) => r[0]!.endsWith('2.其他法律行政法规禁止公开'))!;
  assert.deepEqual(row.slice(1), ['', '', '', '', '', '', '']);
});

test('table 二: each sub-table with its caption and headers; decimals and negatives kept', () => {
  const rows = parseCsv(tableToCsv(pingtan2024, '二', 'zh-CN'));
  assert.deepEqual(rows.slice(0, 4), [
    ['第二十条第（一）项', '', '', ''],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
    ['行政规范性文件', '62', '33', '440'],
  ]);
  assert.deepEqual(rows.at(-1), ['行政事业性收费', '18651.06', '', '']);
  const fujian = parseCsv(tableToCsv(fujianCommerce2020, '二', 'zh-CN'));
  assert.deepEqual(
    fujian.find((r) => r[0] === '行政许可'),
    ['行政许可', '27', '-2', '1362'],
  );
  assert.deepEqual(
    fujian.find((r) => r[0] === '政府集中采购'),
    ['政府集中采购', '12', '3865200元', ''],
  );
});

test('table 四 in English: group headers over the 15 cells, then the numbers', () => {
  const csv = tableToCsv(pingtan2024, '四', 'en');
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], [
    'Administrative reconsideration',
    '',
    '',
    '',
    '',
    'Administrative litigation',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  assert.deepEqual(rows[1]!.slice(0, 6), [
    'Upheld',
    'Corrected',
    'Other result',
    'Pending',
    'Total',
    'Filed directly, without reconsideration',
  ]);
  assert.deepEqual(rows[2]!.slice(5, 10), ['Upheld', 'Corrected', 'Other result', 'Pending', 'Total']);
  assert.deepEqual(rows[3], ['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19']);
  // The header with a comma is quoted (RFC 4180).
  assert.match(csv, /,"Filed directly, without reconsideration",/);
});

test('quotes, commas and line breaks in text are quoted and doubled', () => {
  const csv = tableToCsv(withProcurement('约 1,000元 "含税"\n另计'), '二', 'zh-CN');
  assert.match(csv, /,"约 1,000元 ""含税""\n另计",/);
  assert.deepEqual(
    parseCsv(csv).find((r) => r[0] === '政府集中采购'),
    ['政府集中采购', '12', '约 1,000元 "含税"\n另计', ''],
  );
});

test('text that a spreadsheet would run as a formula is neutralised; negative numbers are not', () => {
  for (const formula of ['=HYPERLINK("http://x","y")', '+1+2', '-1+2', '@SUM(A1)']) {
    const row = parseCsv(tableToCsv(withProcurement(formula), '二', 'zh-CN')).find((r) => r[0] === '政府集中采购')!;
    assert.equal(row[2], `'${formula}`);
  }
  const numeric = parseCsv(tableToCsv(withProcurement(-5), '二', 'zh-CN')).find((r) => r[0] === '政府集中采购')!;
  assert.equal(numeric[2], '-5');
  assert.match(tableToCsv(fujianCommerce2020, '二', 'zh-CN'), /\r\n行政许可,27,-2,1362\r\n/);
});
