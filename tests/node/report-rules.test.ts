// The arithmetic rules R1–R9 of the annual report, blank-cell handling, and validateReport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReport, validateReport, type AnnualReport, type Finding } from '../../src/core/report/index.js';
import {
  blankOutcomeTotals,
  brokenR1,
  brokenR2,
  brokenR3,
  brokenR4,
  brokenR5,
  brokenR8,
  brokenR9,
  fujianCommerce2020,
  pingtan2023,
  pingtan2023CarriedOver,
  pingtan2024,
} from '../../src/core/report/fixtures/index.js';

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const rulesOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();
const edit = <T extends AnnualReport>(doc: T, change: (d: T) => void): T => {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
};
const hasCell = (f: Finding, table: string, row: string, column: number) =>
  f.cells.some((c) => c.table === table && c.row === row && c.column === column);

test('the published Pingtan 2024 and 2023 reports and the Fujian 2020 example pass every rule', () => {
  assert.deepEqual(validateReport(pingtan2024), []);
  assert.deepEqual(validateReport(pingtan2023), []);
  assert.deepEqual(validateReport(fujianCommerce2020), []);
  // Also after a trip through JSON, as the viewer receives them.
  assert.deepEqual(validateReport(JSON.parse(JSON.stringify(pingtan2024))), []);
});

test('a report made from published numbers shows no errors; changing one cell shows the rules it breaks, naming the cells', () => {
  assert.deepEqual(errors(checkReport(pingtan2024)), []);
  // 1.本机关不掌握相关政府信息, 自然人: 75 → 76.
  const changed = edit(pingtan2024, (d) => {
    d.requests['3.4.1'] = [76, 0, 0, 0, 0, 0, 75];
  });
  const findings = checkReport(changed);
  assert.deepEqual(rulesOf(findings), ['R2', 'R3']);
  assert.ok(findings.every((f) => f.severity === 'error'));
  for (const f of findings) assert.ok(hasCell(f, '三', '3.4.1', 0), `${f.rule} does not point at the changed cell`);

  const r2 = findings.find((f) => f.rule === 'R2')!;
  assert.equal(r2.actual, 217); // （七）总计 as stated
  assert.equal(r2.expected, 218); // the outcome rows now add up to 218
  assert.match(r2.message['zh-CN'], /表三“自然人”列/);
  assert.match(r2.message['zh-CN'], /（七）总计/);
  assert.match(r2.message.en, /column “Natural persons”/);

  const r3 = findings.find((f) => f.rule === 'R3')!;
  assert.equal(r3.actual, 75);
  assert.equal(r3.expected, 76);
  assert.match(r3.message['zh-CN'], /“（四）无法提供 1\.本机关不掌握相关政府信息”行/);
  assert.match(r3.message['zh-CN'], /“总计”填报为 75/);
  assert.match(r3.message.en, /This agency does not hold the information/);
});

test('R1: 一 + 二 must equal （七）总计 + 四 in every column', () => {
  const findings = checkReport(brokenR1);
  assert.deepEqual(rulesOf(findings), ['R1']);
  assert.deepEqual(
    findings.map((f) => f.cells.find((c) => c.row === '1')!.column),
    [0, 6],
  );
  const natural = findings[0]!;
  assert.equal(natural.severity, 'error');
  assert.equal(natural.expected, 220); // 一 + 二
  assert.equal(natural.actual, 217); // （七）总计 + 四
  assert.match(natural.message['zh-CN'], /一、本年新收政府信息公开申请数量”（220）/);
  assert.match(natural.message['zh-CN'], /相差 3/);
  // Carrying the 3 extra over to next year makes it consistent again.
  const fixed = edit(brokenR1, (d) => {
    d.requests['4'] = [3, 0, 0, 0, 0, 0, 3];
  });
  assert.deepEqual(checkReport(fixed), []);
});

test('R2: （七）总计 must be the sum of every outcome row', () => {
  const findings = checkReport(brokenR2);
  assert.deepEqual(rulesOf(findings), ['R2']);
  assert.equal(findings.length, 2);
  assert.equal(findings[0]!.cells.length, 22); // （七）总计 and the 21 outcome rows
  // In the 2019 format （六）其他处理 is one row and counts too.
  const fujian = edit(fujianCommerce2020, (d) => {
    d.requests['3.6'] = [2, 0, 0, 0, 0, 0, 2];
  });
  const r2 = checkReport(fujian).filter((f) => f.rule === 'R2');
  assert.equal(r2.length, 2);
  assert.ok(r2.every((f) => hasCell(f, '三', '3.6', f.cells[0]!.column)));
});

test('R3: every row’s 总计 must be the sum of the six applicant columns', () => {
  const findings = checkReport(brokenR3);
  assert.deepEqual(rulesOf(findings), ['R3']);
  assert.deepEqual(
    findings.map((f) => [f.cells[0]!.row, f.expected, f.actual]),
    [
      ['3.1', 70, 71],
      ['3.2', 30, 29],
    ],
  );
});

test('R4: tables 三 and 四 hold whole numbers ≥ 0', () => {
  const findings = checkReport(brokenR4);
  assert.deepEqual(rulesOf(findings), ['R4']);
  assert.deepEqual(
    findings.map((f) => f.actual),
    [2.5, 0.5],
  );
  assert.match(findings[0]!.message['zh-CN'], /表四“行政复议”中的“结果维持”应为不小于 0 的整数，实际为 2\.5/);
  const negative = edit(pingtan2024, (d) => {
    d.requests['3.3.2'] = [-1, 0, 0, 0, 0, 1, 0];
  });
  const r4 = checkReport(negative).filter((f) => f.rule === 'R4');
  assert.equal(r4.length, 1);
  assert.ok(hasCell(r4[0]!, '三', '3.3.2', 0));
});

test('R5: each group of table 四 must total its four outcomes', () => {
  const findings = checkReport(brokenR5);
  assert.deepEqual(rulesOf(findings), ['R5']);
  assert.equal(findings[0]!.expected, 7);
  assert.equal(findings[0]!.actual, 8);
  assert.match(findings[0]!.message.en, /Administrative reconsideration/);
  const litigation = edit(pingtan2024, (d) => {
    d.reviews.litigationAfterReconsideration = [13, 2, 4, 1, 19];
  });
  const r5 = checkReport(litigation);
  assert.equal(r5.length, 1);
  assert.match(r5[0]!.message['zh-CN'], /行政诉讼（复议后起诉）/);
});

test('R6: this year’s 上年结转 should match last year’s 结转下年度 (warning, needs the previous report)', () => {
  assert.deepEqual(
    checkReport(pingtan2024, { previous: pingtan2023 }).filter((f) => f.rule === 'R6'),
    [],
  );
  const findings = checkReport(pingtan2024, { previous: pingtan2023CarriedOver }).filter((f) => f.rule === 'R6');
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'warning'));
  assert.deepEqual(
    findings.map((f) => [f.cells[0]!.row, f.cells[0]!.column, f.expected, f.actual]),
    [
      ['2', 0, 1, 0],
      ['2', 6, 1, 0],
    ],
  );
  assert.match(findings[0]!.message['zh-CN'], /2023年度报告“四、结转下年度继续办理”为 1/);
  // Without the previous report there is nothing to compare.
  assert.deepEqual(
    checkReport(pingtan2024).filter((f) => f.rule === 'R6'),
    [],
  );
});

test('R6: a previous report from another year is not compared, and the editor is told so', () => {
  const findings = checkReport(pingtan2024, { previous: fujianCommerce2020 });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.rule, 'R6');
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.expected, 2023);
  assert.equal(findings[0]!.actual, 2020);
});

test('R7: 现行有效件数 drift from last year (2021 format, warning)', () => {
  // Published: 470 in force end of 2023, 62 issued and 33 repealed in 2024, yet 440 in force.
  const findings = checkReport(pingtan2024, { previous: pingtan2023 });
  assert.deepEqual(rulesOf(findings), ['R7']);
  assert.equal(findings[0]!.severity, 'warning');
  assert.equal(findings[0]!.expected, 499);
  assert.equal(findings[0]!.actual, 440);
  assert.ok(hasCell(findings[0]!, '二', 'normativeDocuments', 2));
  assert.match(findings[0]!.message['zh-CN'], /行政规范性文件/);

  const consistentPrevious = edit(pingtan2023, (d) => {
    d.proactive.normativeDocuments = [77, 132, 411];
  });
  assert.deepEqual(checkReport(pingtan2024, { previous: consistentPrevious }), []);
  // A 2019-format previous year counts differently (对外公开总数量): no comparison.
  const previous2019 = edit(fujianCommerce2020, (d) => {
    d.year = 2023;
  });
  assert.deepEqual(
    checkReport(pingtan2024, { previous: previous2019 }).filter((f) => f.rule === 'R7'),
    [],
  );
});

test('R8: table 二 counts are whole and ≥ 0, but 本年增/减 may be negative and money is decimal', () => {
  // The Fujian example has 本年增/减 = −2 and passes.
  assert.equal(fujianCommerce2020.proactive.licensing![1], -2);
  assert.deepEqual(checkReport(fujianCommerce2020), []);
  const findings = checkReport(brokenR8);
  assert.deepEqual(rulesOf(findings), ['R8']);
  assert.ok(hasCell(findings[0]!, '二', 'licensing', 2));
  assert.match(findings[0]!.message['zh-CN'], /“行政许可”行“处理决定数量”列/);

  const fractionalChange = edit(fujianCommerce2020, (d) => {
    d.proactive.fees = [3, -0.5];
  });
  assert.deepEqual(
    checkReport(fractionalChange).map((f) => [f.rule, f.actual]),
    [['R8', -0.5]],
  );

  // 2021 fees are 万元 with decimals; a negative amount is wrong.
  assert.equal(pingtan2024.proactive.fees![0], 18651.06);
  const negativeFee = edit(pingtan2024, (d) => {
    d.proactive.fees = [-1.5];
  });
  assert.deepEqual(
    checkReport(negativeFee).map((f) => [f.rule, f.actual]),
    [['R8', -1.5]],
  );
  const fractionalCount = edit(pingtan2024, (d) => {
    d.proactive.licensing = [4529.5];
  });
  assert.deepEqual(rulesOf(checkReport(fractionalCount)), ['R8']);
});

test('R9: fee notices issued but 六 never mentions 信息处理费 (2021, warning)', () => {
  const findings = checkReport(brokenR9);
  assert.deepEqual(rulesOf(findings), ['R9']);
  assert.equal(findings[0]!.severity, 'warning');
  assert.ok(hasCell(findings[0]!, '三', '3.6.2', 6));
  const mentioned = edit(brokenR9, (d) => {
    d.sections.other = '<p>本年度收取信息处理费0.01万元。</p>';
  });
  assert.deepEqual(checkReport(mentioned), []);
});

test('blank cells are "not stated": no error, and a blank the rules fix is reported with its value', () => {
  const findings = checkReport(blankOutcomeTotals);
  assert.deepEqual(errors(findings), []);
  // One warning per outcome row whose 总计 was left blank, carrying the value it would have.
  assert.equal(findings.length, 21);
  assert.ok(findings.every((f) => f.rule === 'R3' && f.severity === 'warning' && f.actual === null && f.cells.length === 1));
  const disclosed = findings.find((f) => f.cells[0]!.row === '3.1')!;
  assert.deepEqual(disclosed.cells[0], { table: '三', row: '3.1', column: 6 });
  assert.equal(disclosed.expected, 71);
  assert.match(disclosed.message['zh-CN'], /“总计”未填写.*应为 71/);
  assert.match(disclosed.message.en, /“Total” is blank; .* it would be 71/);
});

test('two blanks in one relation decide nothing; another relation may still fix them', () => {
  const doc = edit(pingtan2024, (d) => {
    d.requests['3.1'] = [null, 0, 0, 0, 0, 0, null];
  });
  const findings = checkReport(doc);
  assert.deepEqual(errors(findings), []);
  // R3 on row 3.1 has two blanks: silent. R2 fixes each from its column.
  assert.deepEqual(
    findings.map((f) => [f.rule, f.cells[0]!.column, f.expected]),
    [
      ['R2', 0, 71],
      ['R2', 6, 71],
    ],
  );
});

test('a missing row is a blank row, never read as 0', () => {
  const doc = edit(pingtan2024, (d) => {
    delete d.requests['3.3.5'];
  });
  const findings = checkReport(doc);
  assert.deepEqual(errors(findings), []);
  // R2 fixes the missing row column by column: 32 in 自然人 and 总计, 0 elsewhere.
  assert.deepEqual(
    findings.map((f) => [f.rule, f.cells[0]!.row, f.cells[0]!.column, f.expected]),
    [0, 1, 2, 3, 4, 5, 6].map((c) => ['R2', '3.3.5', c, c === 0 || c === 6 ? 32 : 0]),
  );
});

test('a blank that several rules fix to the same value is reported once', () => {
  const doc = edit(pingtan2024, (d) => {
    d.requests['3.7'] = [217, 1, 0, 0, 0, 0, null];
  });
  const findings = checkReport(doc);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.expected, 218);
  assert.deepEqual(findings[0]!.cells, [{ table: '三', row: '3.7', column: 6 }]);
});

test('a blank that would have to be negative is an error: the stated cells already disagree', () => {
  const doc = edit(pingtan2024, (d) => {
    d.requests['1'] = [210, 1, 0, 0, 0, 0, 211];
    d.requests['4'] = [null, 0, 0, 0, 0, 0, 0];
  });
  const r1 = checkReport(doc).filter((f) => f.rule === 'R1');
  const natural = r1.find((f) => f.cells[0]!.column === 0)!;
  assert.equal(natural.severity, 'error');
  assert.equal(natural.expected, -7);
  assert.deepEqual(natural.cells[0], { table: '三', row: '4', column: 0 });
  assert.match(natural.message['zh-CN'], /不能为负/);
});

test('validateReport runs the rules only when the document can be read', () => {
  const notAReport = validateReport('平潭');
  assert.deepEqual(rulesOf(notAReport), ['schema']);
  const badFormat = validateReport({ ...structuredClone(pingtan2024), format: '2020', requests: { '1': [1, 0, 0, 0, 0, 0, 5] } });
  assert.deepEqual(rulesOf(badFormat), ['schema']);
  // Readable but with a string where a number belongs: the schema says so, and the rules read it as blank.
  const stringCell = structuredClone(pingtan2024) as unknown as { requests: Record<string, unknown[]> };
  stringCell.requests['3.1']![0] = '71';
  const findings = validateReport(stringCell);
  assert.deepEqual(
    errors(findings).map((f) => f.rule),
    ['schema'],
  );
  assert.deepEqual(
    findings.filter((f) => f.rule !== 'schema').map((f) => [f.rule, f.severity, f.expected]),
    [['R2', 'warning', 71]], // R3 fixes the same cell to the same value: said once
  );
  // An unreadable previous report is ignored rather than crashing the cross-year rules.
  assert.deepEqual(validateReport(pingtan2024, { previous: 'last year' }), []);
  assert.deepEqual(rulesOf(validateReport(pingtan2024, { previous: pingtan2023CarriedOver })), ['R6', 'R7']);
});
