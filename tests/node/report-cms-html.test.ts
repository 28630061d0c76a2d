// The HTML a CMS pastes into its 年报 column: the template's layout, inline styles only, nothing that runs;
// and importReport reads it back to the same document, for both formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importReport, reportToCmsHtml } from '../../src/report-import.js';
import { parseWithHtmlparser2 } from '../../src/core/report/import/parse-htmlparser2.js';
import { reportToCmsHtml as coreReportToCmsHtml } from '../../src/core/report/cms-html.js';
import { blankOutcomeTotals, fujianCommerce2020, pingtan2024 } from '../../src/core/report/fixtures/index.js';
import type { AnnualReport } from '../../src/core/report/index.js';

for (const [name, doc] of [
  ['2021 format (平潭综合实验区 2024)', pingtan2024],
  ['2019 format (福建省商务厅 2020, with a negative 本年增/减 and 采购总金额 as text)', fujianCommerce2020],
  ['blank cells (left blank, not 0)', blankOutcomeTotals],
] as [string, AnnualReport][]) {
  test(`export → importReport gives the same document: ${name}`, () => {
    const { report, problems } = importReport(reportToCmsHtml(doc));
    assert.deepEqual(report, doc);
    assert.deepEqual(
      problems.filter((p) => p.severity !== 'info').map((p) => p.message.en),
      [],
    );
  });
}

test('the template layout: 三、本年度办理结果 spans every outcome row, groups span their items, 四 has 15 value cells', () => {
  const html2021 = reportToCmsHtml(pingtan2024);
  assert.match(html2021, /<td rowspan="22" style="[^"]*">三、本年度办理结果<\/td>/);
  assert.match(html2021, /<td rowspan="8" style="[^"]*">（三）不予公开<\/td>/);
  assert.match(html2021, /<td rowspan="3" style="[^"]*">（六）其他处理<\/td>/);
  assert.match(
    html2021,
    /<td colspan="3" rowspan="3" style="[^"]*">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/td>/,
  );
  assert.match(html2021, /<td colspan="3" style="[^"]*">本年处理决定数量<\/td>/);
  const html2019 = reportToCmsHtml(fujianCommerce2020);
  assert.match(html2019, /<td rowspan="20" style="[^"]*">三、本年度办理结果<\/td>/);
  assert.match(html2019, /<td colspan="2" style="[^"]*">（六）其他处理<\/td>/);
  assert.match(html2019, /<td colspan="2" style="[^"]*">3865200元<\/td>/);
  assert.match(html2019, />-2</);
});

test('inline styles only: no script, class, id, event handler, link or external asset, even from hostile narrative', () => {
  const hostile = structuredClone(pingtan2024);
  hostile.sections.other =
    '<p onclick="x()" class="a" style="color:red">无<script>alert(1)</script><img src="https://evil.example/x.png">' +
    '<link rel="stylesheet" href="https://evil.example/x.css"><a href="javascript:alert(1)">链接</a></p>';
  const html = reportToCmsHtml(hostile);
  assert.doesNotMatch(html, /<script|<img|<link|<style|class=|id=|onclick|javascript:|https:\/\/evil/);
  assert.match(html, /<p>无链接<\/p>/);
});

test('the core function needs a parser outside the browser, and takes one', () => {
  assert.throws(() => coreReportToCmsHtml(pingtan2024), /DOMParser/);
  assert.equal(coreReportToCmsHtml(pingtan2024, { parse: parseWithHtmlparser2 }), reportToCmsHtml(pingtan2024));
});
