import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/report-editor.js';
import '../../src/report-viewer.js';
import type { ZwgkReportEditor } from '../../src/components/report-editor/report-editor.js';
import type { PublishedVersion, StaffReportYear } from '../../src/api/types/report-draft.js';
import { importReportInBrowser } from '../../src/core/report/import/browser.js';
import { pwned, shadow, textOf, waitForShadow } from './helpers.js';
import { STAFF_PASSWORDS, signInStaff, signOutStaff, staffSession } from './harness.js';

// Year 2025 of the reference server's demo agency: nothing else in the test run writes its report.
const YEAR = 2025;
const password = (role: 'clerk' | 'head') => STAFF_PASSWORDS[role];
/** The demo accounts are named after their roles. */
const nameOf = (role: 'clerk' | 'head') => role;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];

async function editor(): Promise<ZwgkReportEditor> {
  const el = await fixture<ZwgkReportEditor>(html`<zwgk-report-editor api-base="/api" year=${YEAR}></zwgk-report-editor>`);
  await waitUntil(
    () => shadow(el).querySelector('[part="header"], [part="sign-in"], [part="empty"], [part="error"]'),
    'editor never settled',
    {
      timeout: 10000,
    },
  );
  return el;
}

const cell = (el: Element, id: string) => $<HTMLInputElement>(el, `#${id}`);

/** The text a screen reader hears as the cell's description. */
function description(el: Element, input: HTMLInputElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(shadow(el).getElementById(id)))
    .join(' ');
}

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
}

const saved = (el: Element) =>
  waitUntil(() => textOf($(el, '[part="save-state"]')).includes('所有修改已保存'), 'the draft was never saved', { timeout: 8000 });

async function stored(): Promise<StaffReportYear> {
  return (await (await fetch(`/api/staff/reports/${YEAR}`)).json()) as StaffReportYear;
}

describe('<zwgk-report-editor>', () => {
  before(async () => {
    await signOutStaff();
  });
  after(async () => {
    await signOutStaff();
  });

  it('asks staff to sign in, and says so when the password is wrong', async () => {
    const el = await editor();
    const form = $<HTMLFormElement>(el, '[part="sign-in"]');
    expect(textOf(form)).to.include('工作人员登录');
    await expect(el).to.be.accessible();
    cell(el, 'name').value = nameOf('clerk');
    cell(el, 'password').value = 'wrong-password';
    $<HTMLButtonElement>(el, '[part="sign-in"] button[type="submit"]').click();
    await waitForShadow(el, '[part="sign-in"] [role="alert"]');
    expect(textOf($(el, '[role="alert"]'))).to.include('用户名或密码不正确');

    cell(el, 'password').value = password('clerk');
    $<HTMLButtonElement>(el, '[part="sign-in"] button[type="submit"]').click();
    await waitForShadow(el, '[part="empty"]');
    expect(textOf($(el, '[part="empty"]'))).to.include(`${YEAR}年度报告尚未开始编制`);
  });

  it('opens the year prefilled in the 2021 format, every prefilled cell saying where it came from', async () => {
    const el = await editor();
    const start = $$<HTMLButtonElement>(el, '[part="empty"] button').find((b) => textOf(b) === '开始编制')!;
    start.click();
    await waitForShadow(el, '[part="header"]');
    await waitForShadow(el, '.rich-text');
    expect(textOf($(el, '[part="header"]'))).to.include('《中华人民共和国政府信息公开工作年度报告格式》');
    expect(textOf($(el, '[part="header"]'))).to.include('草稿');

    // Table 三 from the applications handled in the year; 二、上年结转 from the 2024 report's 四.
    const received = cell(el, 'cell-3-1-6');
    expect(received.value).to.match(/^\d+$/);
    expect(received.closest('td')!.querySelector('[part="cell-source"]')).to.exist;
    expect(description(el, received)).to.include('来源：依申请公开办理记录');
    const carried = cell(el, 'cell-3-2-0');
    expect(description(el, carried)).to.include('来源：上年度报告');
    expect(description(el, carried)).to.include('2024年度报告“四、结转下年度继续办理”');
    // Table 二 (一) from the directory; 本年废止件数 has no source and stays blank for hand entry.
    expect(description(el, cell(el, 'cell-2-normativeDocuments-2'))).to.include('来源：政府信息公开目录');
    expect(cell(el, 'cell-2-normativeDocuments-1').value).to.equal('');
    // Table 四 from the 复议 and 诉讼 recorded on cases (none in 2025 on this server).
    expect(cell(el, 'cell-4-reconsideration-4').value).to.equal('0');
    expect(description(el, cell(el, 'cell-4-reconsideration-4'))).to.include('来源：复议诉讼登记');
    // Every input is named by its row and column.
    expect(received.getAttribute('aria-label')).to.equal('一、本年新收政府信息公开申请数量，总计');
    await expect(el).to.be.accessible();
  });

  it('marks a wrong number at its cell as it is typed, and clears the mark once fixed', async () => {
    const el = await editor();
    const person = cell(el, 'cell-3-1-0');
    const before = person.value;
    await typeInto(person, String(Number(before) + 5));
    await waitUntil(() => person.getAttribute('aria-invalid') === 'true', 'the cell never showed the error');
    const marks = person.closest('td')!.querySelectorAll('[part="cell-mark"]');
    expect(marks.length).to.be.greaterThan(0);
    expect(description(el, person)).to.include('R3');
    expect(description(el, person)).to.include('总计等于各类申请人之和');
    expect(description(el, person)).to.include('已手工修改');
    expect(person.closest('td')!.querySelector('[part="cell-source"]')!.textContent).to.include('*');
    expect(textOf($(el, '[part="findings"]'))).to.match(/[1-9]\d* 个错误/);
    await expect(el).to.be.accessible();
    // From the finding back to its cell, by keyboard.
    const finding = shadow(el).getElementById(
      person
        .getAttribute('aria-describedby')!
        .split(' ')
        .find((id) => id.startsWith('finding-'))!,
    )!;
    finding.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    const focused = shadow(el).activeElement as HTMLInputElement;
    expect(focused.localName).to.equal('input');
    expect(focused.getAttribute('aria-describedby')).to.include(finding.id, 'focus is on a cell of that finding');
    await typeInto(person, before);
    await waitUntil(() => !person.hasAttribute('aria-invalid'), 'the error stayed after the fix');
    expect(description(el, person)).to.include('来源：依申请公开办理记录');
    // Blank is not 0: a blank total is a warning that says what it would be, not an error.
    const total = cell(el, 'cell-3-1-6');
    const value = total.value;
    await typeInto(total, '');
    await waitUntil(() => description(el, total).includes(`应为 ${value}`), 'no derivation for the blank cell');
    expect(total.getAttribute('aria-invalid')).to.be.null;
    await typeInto(total, value);
    await saved(el);
    const doc = (await stored()).versions[0]!.document;
    expect((doc.requests as Record<string, unknown[]>)['1']![6]).to.equal(Number(value));
  });

  it('cleans Word HTML pasted into a section, shows the count, and saves it', async () => {
    const el = await editor();
    const overview = await waitForShadow<HTMLElement>(el, '[data-rich-text="overview"].rich-text');
    overview.focus();
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
      <!--StartFragment--><p class="MsoNormal" style="margin:0cm;font-family:宋体"><b><span style="font-size:14pt">2025年</span></b><span
      lang="EN-US">，我厅全面推进政务公开。<o:p></o:p></span></p><script>window.__pwned=1</script>
      <p class="MsoListParagraph" onclick="window.__pwned=1"><font color="red">主动公开信息</font><img src=x onerror="window.__pwned=1"></p>
      <!--EndFragment--></body></html>`;
    const data = new DataTransfer();
    data.setData('text/html', word);
    data.setData('text/plain', '2025年，我厅全面推进政务公开。主动公开信息');
    overview.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await waitUntil(() => textOf(overview).includes('主动公开信息'), 'the paste never arrived');
    expect(overview.innerHTML).not.to.match(/Mso|style=|<font|<script|onclick|onerror|o:p/);
    expect(overview.querySelector('strong')?.textContent).to.equal('2025年');
    expect(pwned()).to.equal(false);
    expect(textOf($(el, '[part="count"]'))).to.match(/已写 \d+ 字，建议不超过 1000 字/);
    // Formatting by keyboard: Ctrl+B bolds what is typed next, and the toolbar says so.
    overview.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyB' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: '重点' });
    await waitUntil(() => [...overview.querySelectorAll('strong')].some((b) => b.textContent === '重点'), 'Ctrl+B did not bold');
    const bold = $$<HTMLButtonElement>(el, '[data-rich-text="overview"]')[0]!.previousElementSibling!.querySelector('button')!;
    expect(bold.getAttribute('aria-pressed')).to.equal('true');
    await saved(el);
    const html = (await stored()).versions[0]!.document.sections.overview;
    expect(html).to.include('<strong>2025年</strong>');
    expect(html).to.include('<strong>重点</strong>');
    expect(html).to.include('我厅全面推进政务公开');
    expect(html).not.to.match(/Mso|style|font|script|onclick|onerror|<img/);
  });

  it('keeps what was typed when someone else saved in between, and says so', async () => {
    const el = await editor();
    const year = await stored();
    const current = year.versions[0]!;
    // Another tab saves first.
    const csrf = (await staffSession())!.csrfToken;
    const other = await fetch(`/api/staff/reports/${YEAR}/versions/${current.version}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${current.version}.${current.revision}"`, 'X-CSRF-Token': csrf },
      body: JSON.stringify({ document: current.document }),
    });
    expect(other.status).to.equal(200);
    const licensing = cell(el, 'cell-2-licensing-0');
    await typeInto(licensing, '37');
    await waitUntil(() => textOf($(el, '[part="save-state"]')).includes('其他人已保存了更新的内容'), 'no conflict shown', {
      timeout: 8000,
    });
    expect(licensing.value).to.equal('37');
    // Loading their version is the user's choice; it shows the stored text again.
    $$<HTMLButtonElement>(el, '[part="save-state"] button')
      .find((b) => textOf(b) === '载入最新内容')!
      .click();
    await waitUntil(() => textOf($(el, '[part="save-state"]')).includes('所有修改已保存'));
    await typeInto(cell(el, 'cell-2-licensing-0'), '37');
    await saved(el);
  });

  it('never loses what was typed when the session ends before it is saved', async () => {
    const el = await editor();
    await signOutStaff(); // as if the session timed out, or someone signed out in another tab
    const penalties = cell(el, 'cell-2-penalties-0');
    await typeInto(penalties, '5');
    await waitForShadow(el, '[part="sign-in"]', 'the editor never asked to sign in again');
    const copies = Object.keys(localStorage).filter((key) => key.includes('report-editor'));
    expect(copies.length, 'a copy of the unsaved edits in this browser').to.equal(1);
    cell(el, 'name').value = nameOf('clerk');
    cell(el, 'password').value = password('clerk');
    $<HTMLButtonElement>(el, '[part="sign-in"] button[type="submit"]').click();
    await waitForShadow(el, '[part="header"]');
    expect(cell(el, 'cell-2-penalties-0').value).to.equal('5');
    expect(textOf($(el, '[part="save-state"]'))).to.include('保存失败，您的修改仍保留在本页和本浏览器中');
    $$<HTMLButtonElement>(el, '[part="save-state"] button')
      .find((b) => textOf(b) === '重新保存')!
      .click();
    await saved(el);
    expect((await stored()).versions[0]!.document.proactive.penalties).to.deep.equal([5]);
    expect(Object.keys(localStorage).filter((key) => key.includes('report-editor'))).to.deep.equal([], 'the copy goes once saved');
  });

  it('a clerk submits for review; a head publishes; the viewer shows it', async () => {
    let el = await editor();
    const submit = $$<HTMLButtonElement>(el, '[part="actions"] button').find((b) => textOf(b) === '提交审核')!;
    const statusEvent = oneEvent(el, 'zwgk-report-status');
    submit.click();
    expect((await statusEvent).detail).to.include({ year: YEAR, version: 1, status: 'review' });
    await waitUntil(() => textOf($(el, '[part="header"]')).includes('审核中'));
    expect(cell(el, 'cell-3-1-0').readOnly).to.equal(true);
    expect($$<HTMLButtonElement>(el, '[part="actions"] button').some((b) => textOf(b) === '审核通过并发布')).to.equal(
      false,
      'a clerk cannot publish',
    );

    await signInStaff('head');
    el = await editor();
    expect(textOf($(el, '[part="header"]'))).to.include('负责人');
    const publish = $$<HTMLButtonElement>(el, '[part="actions"] button').find((b) => textOf(b) === '审核通过并发布')!;
    expect(publish.disabled).to.equal(false);
    publish.click();
    await waitUntil(() => textOf($(el, '[part="header"]')).includes('已发布'), 'never published');
    expect(textOf($(el, '[part="save-state"]'))).to.include('已发布的版本不能修改');

    const viewer = await fixture(html`<zwgk-report-viewer src="/api/reports/${YEAR}"></zwgk-report-viewer>`);
    await waitForShadow(viewer, '[part="report"]');
    expect(textOf(shadow(viewer).querySelector('[part="title"]'))).to.include(`${YEAR}年度政府信息公开工作年度报告`);
    expect(textOf(shadow(viewer).querySelector('[part="narrative"]'))).to.include('我厅全面推进政务公开');
  });

  it('publishes a correction with a note as version 2, and keeps both versions', async () => {
    const el = await editor();
    const note = $<HTMLTextAreaElement>(el, '#correction-note');
    note.value = '更正表二行政许可处理决定数量。';
    $$<HTMLButtonElement>(el, '[part="actions"] button')
      .find((b) => textOf(b) === '开始更正')!
      .click();
    await waitUntil(() => textOf($(el, '[part="header"]')).includes('第 2 版'), 'no version 2');
    expect(textOf($(el, '[part="header"]'))).to.include('更正说明：更正表二行政许可处理决定数量。');
    await typeInto(cell(el, 'cell-2-licensing-0'), '38');
    await saved(el);
    $$<HTMLButtonElement>(el, '[part="actions"] button')
      .find((b) => textOf(b) === '提交审核')!
      .click();
    await waitUntil(() => textOf($(el, '[part="header"]')).includes('审核中'));
    $$<HTMLButtonElement>(el, '[part="actions"] button')
      .find((b) => textOf(b) === '审核通过并发布')!
      .click();
    await waitUntil(() => textOf($(el, '[part="header"]')).includes('已发布'));
    expect($$(el, '[part="versions"] li').length).to.equal(2);

    const history = (await (await fetch(`/api/reports/${YEAR}/versions`)).json()) as PublishedVersion[];
    expect(history.map((v) => [v.version, v.note])).to.deep.equal([
      [2, '更正表二行政许可处理决定数量。'],
      [1, null],
    ]);
    const newest = await (await fetch(`/api/reports/${YEAR}`)).json();
    expect(newest.proactive.licensing).to.deep.equal([38]);
    const first = await (await fetch(`/api/reports/${YEAR}/versions/1`)).json();
    expect(first.proactive.licensing).to.deep.equal([37]);
  });

  it('the viewer offers the version history and opens the older version with the correction note', async () => {
    const viewer = await fixture(
      html`<zwgk-report-viewer src="/api/reports/${YEAR}" versions-src="/api/reports/${YEAR}/versions"></zwgk-report-viewer>`,
    );
    await waitForShadow(viewer, '[part="versions"] li');
    const history = () => shadow(viewer).querySelector('[part="versions"]')!;
    expect(textOf(history())).to.include('第 2 版更正说明：更正表二行政许可处理决定数量。');
    expect(shadow(viewer).querySelectorAll('[part="versions"] li').length).to.equal(2);
    const licensing = () => textOf(shadow(viewer).querySelector('#cell-2-licensing-0 .value'));
    await waitUntil(() => licensing() === '38', 'version 2 not shown');
    [...history().querySelectorAll('button')].find((b) => textOf(b) === '查看第 1 版')!.click();
    await waitUntil(() => licensing() === '37', 'version 1 never opened');
    expect(textOf(history())).to.include('您正在查看第 1 版，它已被第 2 版更正。');
    [...history().querySelectorAll('button')].find((b) => textOf(b) === '查看最新版本')!.click();
    await waitUntil(() => licensing() === '38', 'back to the newest');
  });

  it('exports the HTML a CMS pastes, which the importer reads back to the same document', async () => {
    const el = await editor();
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    $$<HTMLButtonElement>(el, '[part="exports"] button')
      .find((b) => textOf(b) === 'CMS 年报栏目 HTML')!
      .click();
    const link = await clicked;
    expect(link.download).to.equal(`福建省商务厅-${YEAR}.html`);
    const page = await (await fetch(link.href)).text();
    expect(page).not.to.match(/<script|<link|class=|src=/i);
    const published = await (await fetch(`/api/reports/${YEAR}`)).json();
    const { report } = importReportInBrowser(page);
    // The importer names the report by its printed title, which the document left to be derived.
    const { title, ...rest } = report as typeof published;
    expect(title).to.equal(`福建省商务厅${YEAR}年度政府信息公开工作年度报告`);
    expect(rest).to.deep.equal(published);
  });

  it('speaks English with the official Chinese labels beside', async () => {
    const el = await fixture<ZwgkReportEditor>(
      html`<div lang="en"><zwgk-report-editor api-base="/api" year=${YEAR}></zwgk-report-editor></div>`,
    );
    const editorEl = el.querySelector('zwgk-report-editor')!;
    await waitForShadow(editorEl, '[part="header"]');
    expect(textOf($(editorEl, '[part="header"]'))).to.include('Published');
    expect(textOf($(editorEl, '[part="versions"]'))).to.include('Version 2');
    expect(cell(editorEl, 'cell-3-1-6').getAttribute('aria-label')).to.include('Total');
  });
});
