// Every label of both annual-report formats, checked against reference.md §1.3–1.6
// (the strings below are copied from there, character for character).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMAT_2019, FORMAT_2021, FORMATS, cellLabel, type ReportFormatDef } from '../../src/core/report/index.js';

const zh = (labels: { 'zh-CN': string }[]) => labels.map((l) => l['zh-CN']);
const headerZh = (header: ReportFormatDef['requests']['header']) =>
  header.map((row) => row.map((c) => `${c.label['zh-CN']}:${c.colspan}x${c.rowspan}`));

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

test('both formats have the six section headings in order; 六 is optional only in 2019', () => {
  for (const format of [FORMAT_2019, FORMAT_2021]) {
    assert.deepEqual(zh(format.sections.map((s) => s.heading)), SECTIONS);
    assert.deepEqual(
      format.sections.map((s) => s.key),
      ['overview', 'proactive', 'requests', 'reviews', 'problems', 'other'],
    );
  }
  assert.equal(FORMAT_2019.sections[5]!.optional, true);
  assert.notEqual(FORMAT_2021.sections[5]!.optional, true);
  assert.equal(FORMAT_2021.sections[5]!.note?.['zh-CN'], '（文字描述，收取信息处理费情况在此处报告。）');
  assert.equal(FORMAT_2019.sections[0]!.note?.['zh-CN'], '（文字描述）');
});

test('the formats name their documents', () => {
  assert.equal(FORMAT_2019.document['zh-CN'], '国办公开办函〔2019〕60号');
  assert.equal(FORMAT_2021.document['zh-CN'], '国办公开办函〔2021〕30号');
  assert.equal(FORMAT_2019.formatTitle['zh-CN'], '《中华人民共和国政府信息公开工作年度报告格式（试行）》');
  assert.equal(FORMAT_2021.formatTitle['zh-CN'], '《中华人民共和国政府信息公开工作年度报告格式》');
  assert.equal(FORMATS['2019'], FORMAT_2019);
  assert.equal(FORMATS['2021'], FORMAT_2021);
});

function proactiveZh(format: ReportFormatDef) {
  return format.proactive.subTables.map((t) => ({
    caption: t.caption['zh-CN'],
    columns: [format.proactive.itemHeader['zh-CN'], ...t.columns.map((c) => c.label['zh-CN'])],
    rows: t.rows.map((r) => `${r.key}=${r.label['zh-CN']}`),
  }));
}

test('table 二, 2021 format: four sub-tables, 10 cells', () => {
  assert.deepEqual(proactiveZh(FORMAT_2021), [
    {
      caption: '第二十条第（一）项',
      columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: ['rules=规章', 'normativeDocuments=行政规范性文件'],
    },
    { caption: '第二十条第（五）项', columns: ['信息内容', '本年处理决定数量'], rows: ['licensing=行政许可'] },
    { caption: '第二十条第（六）项', columns: ['信息内容', '本年处理决定数量'], rows: ['penalties=行政处罚', 'coercion=行政强制'] },
    { caption: '第二十条第（八）项', columns: ['信息内容', '本年收费金额（单位：万元）'], rows: ['fees=行政事业性收费'] },
  ]);
  const cells = FORMAT_2021.proactive.subTables.reduce((n, t) => n + t.columns.length * t.rows.length, 0);
  assert.equal(cells, 10);
  assert.equal(FORMAT_2021.proactive.subTables[3]!.columns[0]!.kind, 'money');
});

test('table 二, 2019 format: five sub-tables, 22 cells', () => {
  assert.deepEqual(proactiveZh(FORMAT_2019), [
    {
      caption: '第二十条第（一）项',
      columns: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: ['rules=规章', 'normativeDocuments=规范性文件'],
    },
    {
      caption: '第二十条第（五）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['licensing=行政许可', 'otherServices=其他对外管理服务事项'],
    },
    {
      caption: '第二十条第（六）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['penalties=行政处罚', 'coercion=行政强制'],
    },
    { caption: '第二十条第（八）项', columns: ['信息内容', '上一年项目数量', '本年增/减'], rows: ['fees=行政事业性收费'] },
    { caption: '第二十条第（九）项', columns: ['信息内容', '采购项目数量', '采购总金额'], rows: ['procurement=政府集中采购'] },
  ]);
  const cells = FORMAT_2019.proactive.subTables.reduce((n, t) => n + t.columns.length * t.rows.length, 0);
  assert.equal(cells, 22);
  assert.deepEqual(
    FORMAT_2019.proactive.subTables.flatMap((t) => t.columns.map((c) => c.kind)),
    ['count', 'count', 'count', 'count', 'change', 'count', 'count', 'change', 'count', 'count', 'change', 'count', 'moneyOrText'],
  );
});

test('table 三: the note cell, three header levels and 7 columns are the same in both formats', () => {
  for (const format of [FORMAT_2019, FORMAT_2021]) {
    assert.equal(format.requests.note['zh-CN'], '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    assert.deepEqual(headerZh(format.requests.header), [
      ['申请人情况:7x1'],
      ['自然人:1x2', '法人或其他组织:5x1', '总计:1x2'],
      ['商业企业:1x1', '科研机构:1x1', '社会公益组织:1x1', '法律服务机构:1x1', '其他:1x1'],
    ]);
    assert.deepEqual(zh(format.requests.columns), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  }
});

const ROWS_BEFORE_OTHER = [
  '1=一、本年新收政府信息公开申请数量',
  '2=二、上年结转政府信息公开申请数量',
  '3.1=（一）予以公开',
  '3.2=（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '3.3.1=1.属于国家秘密',
  '3.3.2=2.其他法律行政法规禁止公开',
  '3.3.3=3.危及“三安全一稳定”',
  '3.3.4=4.保护第三方合法权益',
  '3.3.5=5.属于三类内部事务信息',
  '3.3.6=6.属于四类过程性信息',
  '3.3.7=7.属于行政执法案卷',
  '3.3.8=8.属于行政查询事项',
  '3.4.1=1.本机关不掌握相关政府信息',
  '3.4.2=2.没有现成信息需要另行制作',
  '3.4.3=3.补正后申请内容仍不明确',
  '3.5.1=1.信访举报投诉类申请',
  '3.5.2=2.重复申请',
  '3.5.3=3.要求提供公开出版物',
  '3.5.4=4.无正当理由大量反复申请',
  '3.5.5=5.要求行政机关确认或重新出具已获取信息',
];
const ROWS_AFTER_OTHER = ['3.7=（七）总计', '4=四、结转下年度继续办理'];

test('table 三, 2021 format: 25 data rows with （六）其他处理 split in three', () => {
  const rows = FORMAT_2021.requests.rows.map((r) => `${r.id}=${r.label['zh-CN']}`);
  assert.deepEqual(rows, [
    ...ROWS_BEFORE_OTHER,
    '3.6.1=1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '3.6.2=2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '3.6.3=3.其他',
    ...ROWS_AFTER_OTHER,
  ]);
  assert.deepEqual(
    FORMAT_2021.requests.groups.map((g) => `${g.id}=${g.label['zh-CN']}`),
    ['3=三、本年度办理结果', '3.3=（三）不予公开', '3.4=（四）无法提供', '3.5=（五）不予处理', '3.6=（六）其他处理'],
  );
  // 三、本年度办理结果 spans 22 rows in the 2021 template.
  assert.equal(FORMAT_2021.requests.rows.filter((r) => r.groups[0] === '3').length, 22);
  assert.deepEqual(FORMAT_2021.requests.rows.find((r) => r.id === '3.6.2')!.groups, ['3', '3.6']);
});

test('table 三, 2019 format: 23 data rows with （六）其他处理 as a single row', () => {
  const rows = FORMAT_2019.requests.rows.map((r) => `${r.id}=${r.label['zh-CN']}`);
  assert.deepEqual(rows, [...ROWS_BEFORE_OTHER, '3.6=（六）其他处理', ...ROWS_AFTER_OTHER]);
  assert.deepEqual(
    FORMAT_2019.requests.groups.map((g) => `${g.id}=${g.label['zh-CN']}`),
    ['3=三、本年度办理结果', '3.3=（三）不予公开', '3.4=（四）无法提供', '3.5=（五）不予处理'],
  );
  assert.equal(FORMAT_2019.requests.rows.filter((r) => r.groups[0] === '3').length, 20);
});

test('R2 sums every outcome row and nothing else (no subtotal rows)', () => {
  assert.equal(FORMAT_2021.requests.outcomeRowIds.length, 21);
  assert.equal(FORMAT_2019.requests.outcomeRowIds.length, 19);
  for (const format of [FORMAT_2019, FORMAT_2021]) {
    for (const excluded of ['1', '2', '3.7', '4']) {
      assert.ok(!format.requests.outcomeRowIds.includes(excluded as never));
    }
  }
});

test('table 四: 行政复议 / 行政诉讼 → 未经复议直接起诉 / 复议后起诉, each with five columns', () => {
  for (const format of [FORMAT_2019, FORMAT_2021]) {
    const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    assert.deepEqual(headerZh(format.reviews.header), [
      ['行政复议:5x1', '行政诉讼:10x1'],
      [...five.map((l) => `${l}:1x2`), '未经复议直接起诉:5x1', '复议后起诉:5x1'],
      [...five, ...five].map((l) => `${l}:1x1`),
    ]);
    assert.deepEqual(zh(format.reviews.columns), five);
    assert.deepEqual(
      format.reviews.groups.map((g) => `${g.key}=${g.label['zh-CN']}`),
      ['reconsideration=行政复议', 'litigationDirect=未经复议直接起诉', 'litigationAfterReconsideration=复议后起诉'],
    );
  }
});

/** Every { 'zh-CN', en } pair anywhere in a format. */
function allLabels(value: unknown, out: { 'zh-CN': string; en: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v) => allLabels(v, out));
  else if (value && typeof value === 'object') {
    if ('zh-CN' in value && 'en' in value) out.push(value as { 'zh-CN': string; en: string });
    else Object.values(value).forEach((v) => allLabels(v, out));
  }
  return out;
}

test('every label has an English translation without Chinese characters in it', () => {
  for (const format of [FORMAT_2019, FORMAT_2021]) {
    const labels = allLabels(format);
    assert.ok(labels.length > 60, `only ${labels.length} labels found`);
    for (const label of labels) {
      assert.ok(label.en.trim().length > 0, `no English for ${label['zh-CN']}`);
      assert.doesNotMatch(label.en, /[\u4e00-\u9fff]/, `untranslated: ${label.en}`);
    }
  }
  assert.equal(FORMAT_2021.requests.columns[0]!.en, 'Natural persons');
  assert.equal(FORMAT_2021.requests.rows[0]!.label.en, '1. New applications received this year');
});

test('cells are named by their labels, with the group for sub-rows', () => {
  assert.equal(cellLabel(FORMAT_2021, '三', '3.3.1', 0, 'zh-CN'), '“（三）不予公开 1.属于国家秘密”行“自然人”列');
  assert.equal(cellLabel(FORMAT_2021, '三', '3.1', 6, 'en'), 'row “(1) Disclosed”, column “Total”');
  assert.equal(cellLabel(FORMAT_2019, '二', 'licensing', 1, 'zh-CN'), '“行政许可”行“本年增/减”列');
  assert.equal(cellLabel(FORMAT_2021, '四', 'litigationDirect', 3, 'zh-CN'), '“行政诉讼（未经复议直接起诉）”中的“尚未审结”');
});
