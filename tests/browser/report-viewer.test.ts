import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/report-viewer.js';
import type { ReportCheckedDetail, ZwgkReportViewer } from '../../src/components/report-viewer/report-viewer.js';
import type { AnnualReport2021 } from '../../src/api/types/report.js';
import {
  blankOutcomeTotals,
  brokenR1,
  brokenR9,
  fujianCommerce2020,
  malformedReport,
  pingtan2023CarriedOver,
  pingtan2024,
} from '../../src/core/report/fixtures/index.js';
import { HOSTILE, pwned, shadow, textOf, waitForShadow } from './helpers.js';

/** A report element once it shows the report (or an error). */
async function viewer(template: Parameters<typeof fixture>[0]): Promise<ZwgkReportViewer> {
  const el = await fixture<ZwgkReportViewer>(template);
  await waitUntil(() => shadow(el).querySelector('[part="report"], [part="error"]'), 'no report and no error', { timeout: 8000 });
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];

/** A label without its official Chinese line (English pages show both). */
function ownText(node: Element): string {
  const own = [...node.childNodes].filter(
    (n) => n.nodeType === Node.TEXT_NODE || (n instanceof Element && !n.classList.contains('official')),
  );
  return textOf({ textContent: own.map((n) => n.textContent).join('') } as Node);
}

/** The labels of every header a cell names in `headers`, in order. */
function headerLabels(el: Element, cell: Element): string[] {
  return (cell.getAttribute('headers') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => {
      const header = shadow(el).getElementById(id);
      expect(header, `header #${id}`).to.exist;
      return ownText(header!);
    });
}

const cellValue = (el: Element, id: string) => textOf($(el, `#${id} .value`));

/** Catches the download link a button clicks, instead of letting the browser save a file. */
function nextDownload(): Promise<HTMLAnchorElement> {
  return new Promise((resolve) => {
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      HTMLAnchorElement.prototype.click = original;
      resolve(this);
    };
  });
}

/** One R5 error (行政复议 总计 8 ≠ 7) and one R9 warning (a fee notice, 六 silent on 信息处理费). */
const errorAndWarning: AnnualReport2021 = structuredClone(brokenR9);
errorAndWarning.reviews.reconsideration = [2, 1, 3, 1, 8];

describe('<zwgk-report-viewer>', () => {
  // The reference server starts on its first request, which takes seconds on a busy machine: wait for it once.
  before(async function () {
    this.timeout(60_000);
    await fetch('/api/reports');
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
  });

  it('never leaves a narrative image without a text alternative, and keeps no unsafe source (Storybook “Hostile strings”)', async () => {
    const overview =
      '<p>正文</p><img src=x onerror=alert(1)><img src="javascript:alert(1)"><p><img src="https://example.gov.cn/a.png"></p>' +
      '<img src="https://example.gov.cn/b.png" alt="机构图">';
    const el = await viewer(
      html`<zwgk-report-viewer .data=${{ ...pingtan2024, sections: { ...pingtan2024.sections, overview } }}></zwgk-report-viewer>`,
    );
    const images = [...shadow(el).querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('alt'))).to.deep.equal(['', '', '', '机构图']);
    expect(
      images.some((img) => /^\s*(javascript|data|vbscript):/i.test(img.getAttribute('src') ?? '')),
      'an unsafe source kept',
    ).to.equal(false);
    expect(images.some((img) => img.hasAttribute('onerror'))).to.equal(false);
  });

  it('shows the 2021 report: title, details, contents and the six parts in order', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    expect(textOf($(el, 'h2'))).to.equal('平潭综合实验区2024年度政府信息公开工作年度报告');
    expect($$(el, 'h3').map(textOf)).to.deep.equal([
      '核对结果',
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
      '统计图',
    ]);
    expect(textOf($(el, '[part="meta"]')))
      .to.contain('2025年3月10日')
      .and.contain('国办公开办函〔2021〕30号');
    const toc = $$<HTMLAnchorElement>(el, '[part="toc-link"]');
    expect(toc.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#section-findings',
      '#section-overview',
      '#section-proactive',
      '#section-requests',
      '#section-reviews',
      '#section-problems',
      '#section-other',
      '#section-charts',
    ]);
    expect(textOf($(el, '#section-other').parentElement)).to.contain('2024年，无收取信息处理费情况。');
    expect($$(el, 'table').length).to.equal(4 + 1 + 1);
  });

  it('puts the title at heading-level and the parts one level below', async () => {
    const el = await viewer(html`<zwgk-report-viewer heading-level="3" .data=${pingtan2024}></zwgk-report-viewer>`);
    expect(textOf($(el, 'h3'))).to.equal('平潭综合实验区2024年度政府信息公开工作年度报告');
    expect($$(el, 'h4').length).to.equal(8);
    expect($$(el, 'h2').length).to.equal(0);
  });

  it('shows the 2019 format with its five sub-tables of 二 and without the optional 六', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${fujianCommerce2020}></zwgk-report-viewer>`);
    expect($$(el, 'h3').map(textOf)).to.not.include('六、其他需要报告的事项');
    expect($$(el, '#section-proactive ~ [part="table-scroll"] caption').map(textOf)).to.deep.equal([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ]);
    expect(cellValue(el, 'cell-2-licensing-1')).to.equal('-2');
    expect(cellValue(el, 'cell-2-procurement-1')).to.equal('3865200元');
    // 三 has one （六）其他处理 row in this format.
    expect(textOf($(el, '#table-3-row-3_6'))).to.equal('（六）其他处理');
  });

  it('heads table 二 with scoped column and row headers', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const first = $(el, '#section-proactive ~ [part="table-scroll"] table');
    expect([...first.querySelectorAll('thead th')].map((th) => [textOf(th), th.getAttribute('scope')])).to.deep.equal([
      ['信息内容', 'col'],
      ['本年制发件数', 'col'],
      ['本年废止件数', 'col'],
      ['现行有效件数', 'col'],
    ]);
    const row = first.querySelector('#cell-2-normativeDocuments-2')!.parentElement!;
    expect(row.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(textOf(row.querySelector('th'))).to.equal('行政规范性文件');
    expect(cellValue(el, 'cell-2-normativeDocuments-2')).to.equal('440');
    expect(cellValue(el, 'cell-2-fees-0')).to.equal('18,651.06');
  });

  it('heads table 三 with its three header levels, row groups and headers= on every cell', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const table = $(el, 'table.requests');
    const rows = [...table.querySelectorAll('thead tr')];
    expect(rows.length).to.equal(3);
    const describe = (cell: Element) => [
      textOf(cell),
      cell.localName,
      cell.getAttribute('colspan'),
      cell.getAttribute('rowspan'),
      cell.getAttribute('scope'),
    ];
    expect([...rows[0]!.children].map(describe)).to.deep.equal([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'td', null, '3', null],
      ['申请人情况', 'th', '7', '1', 'colgroup'],
    ]);
    expect([...rows[1]!.children].map(describe)).to.deep.equal([
      ['自然人', 'th', '1', '2', 'col'],
      ['法人或其他组织', 'th', '5', '1', 'colgroup'],
      ['总计', 'th', '1', '2', 'col'],
    ]);
    expect([...rows[2]!.children].map(textOf)).to.deep.equal(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);

    expect(headerLabels(el, $(el, '#cell-3-1-0'))).to.deep.equal(['申请人情况', '自然人', '一、本年新收政府信息公开申请数量']);
    expect(headerLabels(el, $(el, '#cell-3-3_3_1-2'))).to.deep.equal([
      '申请人情况',
      '法人或其他组织',
      '科研机构',
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
    ]);
    expect(headerLabels(el, $(el, '#cell-3-3_7-6'))).to.deep.equal(['申请人情况', '总计', '三、本年度办理结果', '（七）总计']);
    const group = $(el, '#table-3-group-3_3');
    expect([group.getAttribute('scope'), group.getAttribute('colspan')]).to.deep.equal(['rowgroup', '8']);
    expect($(el, '#table-3-row-3_3_1').getAttribute('scope')).to.equal('row');
    // Every data cell names existing headers, and 25 rows × 7 columns of them are there.
    const cells = [...table.querySelectorAll('tbody td')];
    expect(cells.length).to.equal(25 * 7);
    for (const cell of cells) expect(headerLabels(el, cell).length).to.be.at.least(3);
    expect(cellValue(el, 'cell-3-3_4_1-0')).to.equal('75');
  });

  it('heads table 四 with 行政复议 and the two kinds of 行政诉讼 over 15 cells', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const table = $(el, 'table.reviews');
    const rows = [...table.querySelectorAll('thead tr')];
    expect([...rows[0]!.children].map((c) => [textOf(c), c.getAttribute('colspan'), c.getAttribute('scope')])).to.deep.equal([
      ['行政复议', '5', 'colgroup'],
      ['行政诉讼', '10', 'colgroup'],
    ]);
    expect([...rows[1]!.children].map((c) => [textOf(c), c.getAttribute('colspan'), c.getAttribute('rowspan')])).to.deep.equal([
      ['结果维持', '1', '2'],
      ['结果纠正', '1', '2'],
      ['其他结果', '1', '2'],
      ['尚未审结', '1', '2'],
      ['总计', '1', '2'],
      ['未经复议直接起诉', '5', '1'],
      ['复议后起诉', '5', '1'],
    ]);
    expect(rows[2]!.children.length).to.equal(10);
    expect(table.querySelectorAll('tbody td').length).to.equal(15);
    expect(headerLabels(el, $(el, '#cell-4-reconsideration-0'))).to.deep.equal(['行政复议', '结果维持']);
    expect(headerLabels(el, $(el, '#cell-4-litigationAfterReconsideration-4'))).to.deep.equal(['行政诉讼', '复议后起诉', '总计']);
    expect(cellValue(el, 'cell-4-litigationAfterReconsideration-4')).to.equal('19');
  });

  it('right-aligns numbers in tabular figures', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const style = getComputedStyle($(el, '#cell-3-1-0'));
    expect(['right', 'end']).to.include(style.textAlign);
    expect(style.fontVariantNumeric).to.equal('tabular-nums');
  });

  it('leaves blank cells blank, not 0, and says which value a rule would give them', async () => {
    const doc = structuredClone(blankOutcomeTotals);
    delete doc.requests['3.3.2'];
    const el = await viewer(html`<zwgk-report-viewer .data=${doc}></zwgk-report-viewer>`);
    expect(cellValue(el, 'cell-3-3_1-6')).to.equal('');
    expect(cellValue(el, 'cell-3-3_1-0')).to.equal('71');
    for (let column = 0; column < 7; column++) expect(cellValue(el, `cell-3-3_3_2-${column}`)).to.equal('');
    // The blank 总计 of （一） is derivable (R3): a warning mark, with the value in words.
    const mark = $(el, '#cell-3-3_1-6 [part="cell-mark"]');
    expect(textOf(mark)).to.match(/^警告 \d+$/);
    const finding = $(el, mark.getAttribute('href')!);
    expect(textOf(finding)).to.contain('应为 71');
    // Charts say "not stated" instead of drawing a 0.
    expect(textOf($(el, '#chart-outcomes-desc'))).to.contain('（一）予以公开：未填写');
  });

  it('summarises the findings, links each to its cells and marks the cells with an icon and text', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${errorAndWarning}></zwgk-report-viewer>`);
    expect(textOf($(el, '[part="findings-summary"]'))).to.equal('1 个错误，1 个警告');
    const findings = $$(el, '[part="finding"]');
    expect(findings.map((f) => f.id)).to.deep.equal(['finding-1', 'finding-2']);
    expect(textOf(findings[0])).to.contain('错误 1').and.contain('规则 R5').and.contain('行政复议');
    expect(textOf(findings[1])).to.contain('警告 2').and.contain('信息处理费');
    // The error's cells: its links, and a mark on each cell.
    const links = [...findings[0]!.querySelectorAll<HTMLAnchorElement>('.cells a')];
    expect(links[0]!.getAttribute('href')).to.equal('#cell-4-reconsideration-4');
    expect(textOf(links[0])).to.equal('表四：“行政复议”中的“总计”');
    const cell = $(el, '#cell-4-reconsideration-4');
    expect(cell.classList.contains('error')).to.equal(true);
    const mark = cell.querySelector('[part="cell-mark"]')!;
    expect(textOf(mark)).to.equal('错误 1');
    expect(mark.querySelector('svg.icon')).to.exist;
    expect(mark.getAttribute('href')).to.equal('#finding-1');
    expect(textOf($(el, '#cell-3-3_6_2-0 [part="cell-mark"]'))).to.equal('警告 2');
    // Following a finding's link moves focus to the cell, and the cell's mark back to the finding.
    links[0]!.click();
    await waitUntil(() => shadow(el).activeElement === cell, 'focus did not move to the cell');
    (mark as HTMLElement).click();
    await waitUntil(() => shadow(el).activeElement === findings[0], 'focus did not move back to the finding');
  });

  it('says when there is nothing to report', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    expect(textOf($(el, '[part="findings-summary"]'))).to.equal('未发现问题');
    expect($$(el, '[part="cell-mark"]').length).to.equal(0);
  });

  it('exposes the findings and fires zwgk-checked with the counts, and announces them', async () => {
    const el = await fixture<ZwgkReportViewer>(html`<zwgk-report-viewer></zwgk-report-viewer>`);
    expect(el.findings).to.deep.equal([]);
    const checked = oneEvent(el, 'zwgk-checked');
    el.data = errorAndWarning;
    const { detail } = (await checked) as CustomEvent<ReportCheckedDetail>;
    expect(detail.errors).to.equal(1);
    expect(detail.warnings).to.equal(1);
    expect(detail.findings.map((f) => [f.rule, f.severity])).to.deep.equal([
      ['R5', 'error'],
      ['R9', 'warning'],
    ]);
    expect(el.findings).to.equal(detail.findings);
    const status = $(el, '[part="announcer"]');
    await waitUntil(() => textOf(status) !== '', 'nothing announced');
    expect(textOf(status)).to.equal('年度报告已核对：1 个错误，1 个警告');
  });

  it('downloads a table as CSV with a BOM, its labels and blank cells left empty', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${blankOutcomeTotals}></zwgk-report-viewer>`);
    const button = $$<HTMLButtonElement>(el, '[part="csv-button"]').find((b) => b.dataset['table'] === '三')!;
    expect(textOf(button)).to.equal('下载表三（CSV）');
    const download = nextDownload();
    button.click();
    const link = await download;
    expect(link.download).to.equal('平潭综合实验区管委会-2024-表三.csv');
    const response = await fetch(link.href);
    expect(response.headers.get('content-type')).to.contain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[1]).to.contain('自然人').and.contain('法人或其他组织');
    expect(lines).to.include('三、本年度办理结果 / （一）予以公开,71,0,0,0,0,0,');
  });

  it('downloads the document as JSON', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const download = nextDownload();
    $<HTMLButtonElement>(el, '[part="json-button"]').click();
    const link = await download;
    expect(link.download).to.equal('平潭综合实验区管委会-2024.json');
    const response = await fetch(link.href);
    expect(response.headers.get('content-type')).to.contain('application/json');
    expect(await response.json()).to.deep.equal(pingtan2024);
  });

  it('sanitises the narrative: nothing runs or escapes, and the text stays', async () => {
    const doc = structuredClone(pingtan2024);
    doc.agency = HOSTILE.markup;
    delete doc.title;
    doc.sections.overview = [
      '<p>正文一</p>',
      HOSTILE.script,
      HOSTILE.markup,
      HOSTILE.quote,
      `<p><a href="${HOSTILE.url}">危险链接</a> <a href="https://www.pingtan.gov.cn/">门户网站</a></p>`,
      '<style>:host, .zwgk-root { display: none !important }</style>',
      '<p style="position: fixed; inset: 0" onclick="window.__pwned=1" class="visually-hidden" id="report-title">样式文字</p>',
      '<h1>小标题</h1>',
      '<form action="https://example.com"><input name="q"><button>提交</button></form>',
    ].join('');
    const el = await viewer(html`<zwgk-report-viewer .data=${doc}></zwgk-report-viewer>`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // time for an onerror to fire, were it there
    const narrative = $(el, '#section-overview ~ [part="narrative"]');
    expect(narrative.querySelector('script, style, svg, form, input, button, h1')).to.equal(null);
    expect(
      [...narrative.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^(on|style$|class$|id$)/.test(a.name))),
    ).to.deep.equal([]);
    const links = [...narrative.querySelectorAll('a')];
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).to.deep.equal([
      ['危险链接', null],
      ['门户网站', 'https://www.pingtan.gov.cn/'],
    ]);
    expect(textOf(narrative)).to.contain('正文一').and.contain('样式文字').and.contain('小标题').and.not.contain('display: none');
    expect(textOf(narrative.querySelector('p > strong'))).to.equal('小标题');
    expect($$(el, '#report-title').length).to.equal(1);
    expect(getComputedStyle($(el, '.zwgk-root')).display).to.not.equal('none');
    // The agency is text wherever it shows.
    expect(textOf($(el, 'h2'))).to.equal(`${HOSTILE.markup}2024年度政府信息公开工作年度报告`);
    expect(pwned()).to.equal(false);
  });

  it('speaks English with the official Chinese label kept beneath', async () => {
    // lang and theme on the element itself: a wrapper <div> would make fixture() wait for an animation frame.
    const el = await fixture<ZwgkReportViewer>(html`<zwgk-report-viewer lang="en" .data=${brokenR1}></zwgk-report-viewer>`);
    await waitUntil(
      () => shadow(el).querySelector('[part="findings-summary"]') && textOf($(el, '[part="findings-summary"]')) === '2 errors, 0 warnings',
      'no English summary',
      { timeout: 5000 },
    );
    const heading = $(el, '#section-requests');
    expect(ownText(heading)).to.equal('3. Disclosure applications received and handled');
    const official = heading.querySelector('.official')!;
    expect(official.getAttribute('lang')).to.equal('zh-CN');
    expect(textOf(official)).to.equal('三、收到和处理政府信息公开申请情况');
    const natural = $(el, '#table-3-col-1-0');
    expect(ownText(natural)).to.equal('Natural persons');
    expect(textOf(natural.querySelector('[lang="zh-CN"]'))).to.equal('自然人');
    expect(ownText($(el, 'h2'))).to.equal('Annual report on government information disclosure, 2024');
    expect(textOf($(el, 'h2 .official'))).to.equal('平潭综合实验区2024年度政府信息公开工作年度报告');
    expect(textOf($(el, '#finding-1 .message'))).to.match(/^Table 3, column “Natural persons”/);
    expect(textOf($(el, '#cell-3-1-0 [part="cell-mark"]'))).to.equal('Error 1');
    expect(textOf($(el, '[part="csv-button"]'))).to.equal('Download Table 2 (CSV)');
  });

  it('compares with the previous year: R6 on the carried-over cells and a change column', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024} .compareData=${pingtan2023CarriedOver}></zwgk-report-viewer>`);
    const r6 = el.findings.filter((f) => f.rule === 'R6');
    expect(r6.map((f) => [f.cells[0]!.row, f.cells[0]!.column])).to.deep.equal([
      ['2', 0],
      ['2', 6],
    ]);
    expect(textOf($(el, '#cell-3-2-0 [part="cell-mark"]'))).to.match(/^警告 \d+$/);
    expect(textOf($(el, '.compare-note'))).to.contain('已与2023年度报告做跨年度核对');
    const comparison = $(el, 'table.comparison');
    expect([...comparison.querySelectorAll('thead th')].map(textOf)).to.deep.equal(['项目（总计）', '2023年', '2024年', '增减']);
    const received = [...comparison.querySelectorAll('tbody tr')].find(
      (tr) => textOf(tr.querySelector('th')) === '一、本年新收政府信息公开申请数量',
    )!;
    expect([...received.querySelectorAll('td')].map(textOf)).to.deep.equal(['82', '218', '+136']);
    const carried = [...comparison.querySelectorAll('tbody tr')].find((tr) => textOf(tr.querySelector('th')) === '四、结转下年度继续办理')!;
    expect([...carried.querySelectorAll('td')].map(textOf)).to.deep.equal(['1', '0', '−1']);
    expect($$<HTMLAnchorElement>(el, '[part="toc-link"]').map(textOf)).to.include('与2023年度比较');
    // The charts put both years side by side, each bar labelled with its year.
    expect(textOf($(el, '#chart-outcomes-desc')))
      .to.contain('（一）予以公开：2023年：')
      .and.contain('2024年：71');
  });

  it('loads both years from the reference server with src and compare-src', async () => {
    const el = await viewer(html`<zwgk-report-viewer src="/api/reports/2024" compare-src="/api/reports/2023"></zwgk-report-viewer>`);
    expect(textOf($(el, 'h2'))).to.equal('平潭综合实验区2024年度政府信息公开工作年度报告');
    expect($(el, 'table.comparison')).to.exist;
    expect(el.findings.map((f) => f.rule)).to.deep.equal(['R7']);
  });

  it('still shows the report when last year’s cannot be loaded, and says so', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024} compare-src="/api/reports/1999"></zwgk-report-viewer>`);
    const notice = $(el, '[part="compare-error"]');
    expect(textOf(notice)).to.contain('未能加载上年报告（没有找到所需的信息）');
    expect($(el, '[part="compare-retry-button"]')).to.exist;
    expect($(el, 'table.comparison')).to.equal(null);
    expect(textOf($(el, 'h2'))).to.contain('2024年度');

    // A failure that passes: “重新加载上年报告” brings the comparison, the report staying on screen.
    const key = `compare-${Math.random().toString(36).slice(2)}`;
    const flaky = await viewer(
      html`<zwgk-report-viewer
        .data=${pingtan2024}
        compare-src="/__stubs/fail-once-then/${key}?then=/api/reports/2023"
      ></zwgk-report-viewer>`,
    );
    expect(textOf($(flaky, '[part="compare-error"]'))).to.contain('服务器出现错误（503）');
    $<HTMLButtonElement>(flaky, '[part="compare-retry-button"]').click();
    await flaky.updateComplete;
    expect($(flaky, '[part="report"]'), 'the report stays while last year’s reloads').to.exist;
    await waitForShadow(flaky, 'table.comparison');
    expect($(flaky, '[part="compare-error"]')).to.equal(null);
  });

  it('shows a document that cannot be read as an error listing what is wrong', async () => {
    const checked = new Promise<ReportCheckedDetail>((resolve) =>
      document.addEventListener('zwgk-checked', (e) => resolve((e as CustomEvent<ReportCheckedDetail>).detail), { once: true }),
    );
    const el = await viewer(html`<zwgk-report-viewer .data=${malformedReport}></zwgk-report-viewer>`);
    const error = $(el, '[part="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('无法显示这份年度报告');
    const problems = [...error.querySelectorAll('[part="problems"] li')].map(textOf);
    expect(problems).to.include('缺少报告主体（“agency”应为机构名称）。');
    expect(problems).to.include('年度报告中有未知的字段“remarks”。');
    expect(problems.some((p) => p.includes('“year”'))).to.equal(true);
    expect($(el, '[part="retry-button"]'), 'no Retry for a document given as data').to.equal(null);
    expect((await checked).errors).to.be.greaterThan(0);
    expect($(el, '[part="report"]')).to.equal(null);

    const notAnObject = await viewer(html`<zwgk-report-viewer .data=${[1, 2]}></zwgk-report-viewer>`);
    expect(textOf($(notAnObject, '[part="problems"]'))).to.contain('年度报告应为一个 JSON 对象');
  });

  it('shows a report whose cells are wrong, with those cells marked', async () => {
    const doc = structuredClone(pingtan2024) as unknown as Record<string, Record<string, unknown[]>>;
    doc['requests']!['3.1'] = ['71', 0, 0, 0, 0, 0, 71];
    const el = await viewer(html`<zwgk-report-viewer .data=${doc}></zwgk-report-viewer>`);
    expect(cellValue(el, 'cell-3-3_1-0')).to.equal('71');
    expect(textOf($(el, '#cell-3-3_1-0 [part="cell-mark"]'))).to.equal('错误 1');
    expect(textOf($(el, '#finding-1')))
      .to.contain('数据格式')
      .and.contain('应为数字或空白');
  });

  it('shows a skeleton while loading, and a JSON that is not a report as an error', async () => {
    const el = await fixture<ZwgkReportViewer>(html`<zwgk-report-viewer src="/__stubs/slow?ms=400"></zwgk-report-viewer>`);
    expect($(el, '[part="loading"]').getAttribute('aria-busy')).to.equal('true');
    const error = await waitForShadow(el, '[part="error"]');
    expect(textOf(error)).to.contain('无法显示这份年度报告');
    expect($(el, '[part="retry-button"]'), 'Retry, since the server may be fixed').to.exist;
  });

  it('explains a failed request and recovers with Retry', async () => {
    const key = `report-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<ZwgkReportViewer>(
      html`<zwgk-report-viewer src="/__stubs/fail-once-then/${key}?then=/api/reports/2024"></zwgk-report-viewer>`,
    );
    const error = await waitForShadow(el, '[part="error"]');
    expect(textOf(error)).to.contain('服务器出现错误（503）');
    $<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await waitForShadow(el, '[part="report"]');
    expect(textOf($(el, 'h2'))).to.equal('平潭综合实验区2024年度政府信息公开工作年度报告');

    const broken = await fixture<ZwgkReportViewer>(html`<zwgk-report-viewer src="/__stubs/not-json"></zwgk-report-viewer>`);
    expect(textOf(await waitForShadow(broken, '[part="error"]'))).to.contain('收到的数据格式不正确');
  });

  it('reads an inline JSON child and says so when there is no report', async () => {
    // Lit cannot bind inside <script>: the page's own markup, as a CMS template would write it.
    const inline = await viewer(
      `<zwgk-report-viewer><script type="application/json">${JSON.stringify(fujianCommerce2020)}</script></zwgk-report-viewer>`,
    );
    expect(textOf($(inline, 'h2'))).to.equal('福建省商务厅2020年政府信息公开工作年度报告');
    const empty = await fixture<ZwgkReportViewer>(html`<zwgk-report-viewer></zwgk-report-viewer>`);
    expect(textOf($(empty, '[part="empty"]'))).to.equal('暂无年度报告。');
  });

  it('moves focus with the table of contents, by mouse and by keyboard, keeping real hrefs', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const links = $$<HTMLAnchorElement>(el, '[part="toc-link"]');
    const requests = links.find((a) => textOf(a) === '三、收到和处理政府信息公开申请情况')!;
    expect(requests.getAttribute('href')).to.equal('#section-requests');
    requests.click();
    await waitUntil(() => shadow(el).activeElement?.id === 'section-requests', 'focus did not move to 三');
    expect(location.hash).to.equal('');
    const charts = links.find((a) => textOf(a) === '统计图')!;
    charts.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.id === 'section-charts', 'Enter did not move focus to the charts');
  });

  it('draws the charts as SVG images with a title, every number in text and a link to the table', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const chart = $(el, '[part="chart"] svg');
    expect(chart.getAttribute('role')).to.equal('img');
    expect(textOf(chart.querySelector('title'))).to.equal('申请办理结果（总计列）');
    expect(textOf($(el, '#chart-outcomes-desc'))).to.equal(
      '（一）予以公开：71；（二）部分公开：29；（三）不予公开：39；（四）无法提供：75；（五）不予处理：1；（六）其他处理：3',
    );
    expect([...chart.querySelectorAll('text.bar-value')].map(textOf)).to.deep.equal(['71', '29', '39', '75', '1', '3']);
    expect(textOf($(el, '#chart-applicants-desc')))
      .to.contain('自然人：217')
      .and.contain('商业企业：1');
    expect(chart.getBoundingClientRect().height).to.be.greaterThan(100);
    const source = $<HTMLAnchorElement>(el, '.chart-source a');
    expect(source.getAttribute('href')).to.equal('#section-requests');
  });

  it('keeps row labels in place while the numbers scroll on a 320 px phone', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    const region = $(el, 'table.requests').parentElement!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(textOf(shadow(el).getElementById(region.getAttribute('aria-labelledby')!))).to.equal('表三：三、收到和处理政府信息公开申请情况');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    const label = $(el, '#table-3-row-3_1');
    const before = label.getBoundingClientRect().left;
    region.scrollLeft = 200; // getBoundingClientRect() lays out again
    expect(label.getBoundingClientRect().left).to.be.closeTo(before, 1);
    expect($(el, '#cell-3-3_1-0').getBoundingClientRect().left).to.be.lessThan(before);
  });

  it('prints every table with its header repeated and no buttons', async () => {
    const el = await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, 'table.requests thead')).display).to.equal('table-header-group');
    for (const button of $$(el, 'button')) expect(button.getClientRects().length, textOf(button)).to.equal(0);
    expect(getComputedStyle($(el, 'table.requests').parentElement!).overflowX).to.equal('visible');
  });

  it('grows to the elder theme: 18px+ text and 44px+ buttons', async () => {
    const el = await viewer(html`<zwgk-report-viewer theme="elder" .data=${pingtan2024}></zwgk-report-viewer>`);
    expect($(el, '.zwgk-root').getAttribute('data-theme')).to.equal('elder');
    expect(parseFloat(getComputedStyle($(el, '.zwgk-root')).fontSize)).to.be.at.least(18);
    expect($(el, '[part="json-button"]').getBoundingClientRect().height).to.be.at.least(44);
  });

  // One axe run a test (six in one took longer than a test's 15 s on a loaded 2-core machine).
  describe('passes axe', () => {
    it('a report in the current format', async () => {
      await expect(await viewer(html`<zwgk-report-viewer .data=${pingtan2024}></zwgk-report-viewer>`)).to.be.accessible();
    });
    it('a report in the 2019 format', async () => {
      await expect(await viewer(html`<zwgk-report-viewer .data=${fujianCommerce2020}></zwgk-report-viewer>`)).to.be.accessible();
    });
    it('with findings', async () => {
      await expect(await viewer(html`<zwgk-report-viewer .data=${errorAndWarning}></zwgk-report-viewer>`)).to.be.accessible();
    });
    it('with a comparison', async () => {
      await expect(
        await viewer(html`<zwgk-report-viewer .data=${pingtan2024} .compareData=${pingtan2023CarriedOver}></zwgk-report-viewer>`),
      ).to.be.accessible();
    });
    it('in English, elder theme', async () => {
      const english = await fixture<ZwgkReportViewer>(
        html`<zwgk-report-viewer lang="en" theme="elder" .data=${blankOutcomeTotals}></zwgk-report-viewer>`,
      );
      await waitUntil(() => textOf(shadow(english).querySelector('h3')) === 'Check results', 'no English', { timeout: 5000 });
      await expect(english).to.be.accessible();
    });
    it('the error state', async () => {
      await expect(await viewer(html`<zwgk-report-viewer .data=${malformedReport}></zwgk-report-viewer>`)).to.be.accessible();
    });
  });
});
