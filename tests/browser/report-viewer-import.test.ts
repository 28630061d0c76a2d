// <zwgk-report-viewer src="…"> pointed at a published report page (a real one, served by the test runner
// as text/html): the page is imported in the browser and shown as the report, with a note saying where the
// figures come from and what could not be read.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/report-viewer.js';
import type { ZwgkReportViewer } from '../../src/components/report-viewer/report-viewer.js';
import { shadow, textOf } from './helpers.js';

const PAGE = '/tests/fixtures/reports/pingtan-2025.html';

async function viewer(src: string): Promise<ZwgkReportViewer> {
  const el = await fixture<ZwgkReportViewer>(html`<zwgk-report-viewer src=${src}></zwgk-report-viewer>`);
  await waitUntil(() => shadow(el).querySelector('[part="report"], [part="error"]'), 'no report and no error', { timeout: 10000 });
  return el;
}

/** The text of the table-三 cell in the row whose label contains `row`, in data column `column` (0 = 自然人). */
function requestCell(el: Element, row: string, column: number): string {
  const tables = [...shadow(el).querySelectorAll('[part="table"]')];
  const table = tables.find((t) => (t.textContent ?? '').includes('本年新收政府信息公开申请数量'))!;
  const tr = [...table.querySelectorAll('tbody tr')].find((r) => (r.querySelector('th')?.textContent ?? '').includes(row))!;
  return textOf(tr.querySelectorAll('td')[column]!);
}

it('shows a published report page as the report, read in the browser, with a note', async () => {
  const el = await viewer(PAGE);
  const note = shadow(el).querySelector('[part="imported-note"]')!;
  expect(note, 'the note').to.exist;
  expect(textOf(note)).to.contain('以下数据读取自已发布的网页');
  expect(shadow(el).querySelector('[part="imported-problems"]'), 'nothing left unread on this page').to.not.exist;
  expect(textOf(shadow(el).querySelector('[part="title"]')!)).to.contain('平潭综合实验区');
  expect(textOf(shadow(el).querySelector('[part="title"]')!)).to.contain('2025');
  expect(requestCell(el, '本年新收', 0)).to.equal('151');
  expect(requestCell(el, '本机关不掌握', 6)).to.equal('50');
  expect(textOf(shadow(el).querySelector('[part="findings-summary"]')!)).to.not.match(/错误/);
});

it('lists what could not be read, and keeps the cell blank', async () => {
  const page = await (await fetch(PAGE)).text();
  const broken = page
    .replace('<p>49</p>', '<p>见附件</p>')
    .replace(/<p>四、政府信息公开行政复议、行政诉讼情况<\/p><table[\s\S]*?<\/table>/, '');
  const url = URL.createObjectURL(new Blob([broken], { type: 'text/html' }));
  const el = await viewer(url);
  const problems = shadow(el).querySelector('[part="imported-problems"]')!;
  expect(problems, 'the list of what could not be read').to.exist;
  const items = [...problems.querySelectorAll('li')].map(textOf);
  expect(items.some((t) => t.includes('“见附件”不是数字'))).to.equal(true);
  expect(items.some((t) => t.includes('没有找到表四'))).to.equal(true);
  // Blank, not 0 (the checker marks it with the value the rules would give it).
  const cell = requestCell(el, '本机关不掌握', 0);
  expect(cell.replace(/警告\s*\d+/, '').trim()).to.equal('');
  expect(cell).to.contain('警告');
  URL.revokeObjectURL(url);
});

it('a page without any report table is an error with the note, not a blank report', async () => {
  const url = URL.createObjectURL(new Blob(['<html><body><p>通知公告</p></body></html>'], { type: 'text/html' }));
  const el = await viewer(url);
  expect(shadow(el).querySelector('[part="error"]'), 'an error state').to.exist;
  expect(textOf(shadow(el).querySelector('[part="imported-note"]')!)).to.contain('页面上没有找到年度报告的统计表');
  URL.revokeObjectURL(url);
});
