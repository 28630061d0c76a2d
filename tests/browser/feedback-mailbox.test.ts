import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/feedback-mailbox.js';
import type { ZwgkFeedbackMailbox } from '../../src/components/feedback-mailbox/feedback-mailbox.js';
import type { FeedbackSubmittedDetail } from '../../src/components/feedback-mailbox/write.js';
import type { FeedbackRatedDetail } from '../../src/components/feedback-mailbox/lookup.js';
import type { PublishedLettersPage } from '../../src/api/types/feedback.js';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { PROOF_WORK } from '../../src/core/feedback/proof.js';
import { proofWorkerUrl, solve } from '../../src/components/feedback-mailbox/solver.js';
import { HOSTILE, choose, fill, part, pwned, shadow, textOf, waitForShadow } from './harness.js';
import { formatFieldMessage, formatMessage } from '../../src/core/validate/messages.js';

const ADMIN = { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' };

/** A subject no other test uses, so lists can be searched for it. */
function unique(label: string): string {
  return `${label}${Math.random().toString(36).slice(2, 8)}`;
}

function byId<T extends HTMLElement = HTMLElement>(el: Element, id: string): T {
  const found = shadow(el).getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
}

function focused(el: Element): Element | null {
  return shadow(el).activeElement;
}

async function writeLetter(
  el: ZwgkFeedbackMailbox,
  letter: { subject: string; message?: string; publish?: boolean; phone?: string },
): Promise<void> {
  await choose(el, 'category');
  await fill(el, 'subject', letter.subject);
  await fill(el, 'message', letter.message ?? '请问贵厅的政府信息公开指南在哪里可以查阅？');
  await fill(el, 'name', '陈明');
  await fill(el, 'phone', letter.phone ?? '13700001111');
  if (letter.publish) await choose(el, 'publish');
}

async function send(el: ZwgkFeedbackMailbox): Promise<string> {
  part<HTMLButtonElement>(el, 'submit-button')!.click();
  const code = await waitForShadow(el, '[part="query-code"]', 'no query code');
  return textOf(code);
}

async function reply(code: string, text: string, department = '办公室'): Promise<void> {
  const response = await fetch(`/api/admin/feedback/${code}`, {
    method: 'PATCH',
    headers: ADMIN,
    body: JSON.stringify({ reply: text, replyDepartment: department }),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

async function publishedPages(): Promise<PublishedLettersPage> {
  return (await (await fetch('/api/feedback?pageSize=50')).json()) as PublishedLettersPage;
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('zwgk:feedback-mailbox:')) localStorage.removeItem(key);
}

const START_URL = location.href;

describe('<zwgk-feedback-mailbox>', () => {
  beforeEach(clearDrafts);
  afterEach(() => history.replaceState(null, '', START_URL));

  it('copies the query code and says so, then starts another letter on request', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    await writeLetter(el, { subject: unique('复制查询码') });
    const code = await send(el);
    // The system clipboard is shared with the other test files running alongside: record instead of writing it.
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    try {
      part<HTMLButtonElement>(el, 'copy-button')!.click();
      await waitUntil(() => textOf(part(el, 'announcer')) !== '', 'nothing was said');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
    expect(copied).to.deep.equal([code]);
    expect(textOf(part(el, 'announcer'))).to.equal(`已复制查询码：${code}`);
    part<HTMLButtonElement>(el, 'new-letter-button')!.click();
    await waitUntil(() => focused(el)?.id === 'category', 'the new letter did not take focus');
    expect(byId<HTMLInputElement>(el, 'subject').value).to.equal('');
  });

  it('takes a keyboard-only letter from writing to the query code, the look-up, the reply and the rating', async () => {
    const wrapper = await fixture(
      html`<div><button id="before">before</button><zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox></div>`,
    );
    const el = wrapper.querySelector('zwgk-feedback-mailbox')!;
    await el.updateComplete;
    const subject = unique('键盘来信');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('tab-write');
    await sendKeys({ press: 'Tab' }); // the panel
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('category');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('subject');
    await sendKeys({ type: subject });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '请问依申请公开的答复期限是多少个工作日？' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '陈明' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13700002222' });
    const submitted = oneEvent(el, 'zwgk-submitted');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await submitted) as CustomEvent<FeedbackSubmittedDetail>;
    await waitUntil(() => focused(el)?.id === 'confirmation-heading', 'the confirmation did not take focus');
    expect(textOf(focused(el))).to.equal('来信已提交');
    const code = textOf(part(el, 'query-code'));
    expect(code).to.match(/^[23456789A-HJ-NP-Z]{10}$/);
    expect(detail.queryCode).to.equal(code);
    expect(textOf(part(el, 'query-code-warning'))).to.contain('查询码只显示这一次');

    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('copy-button');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('lookup-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'letter-heading', 'the letter found did not take focus');
    expect(byId(el, 'tab-lookup').getAttribute('aria-selected')).to.equal('true');
    expect(textOf(focused(el))).to.equal(subject);
    expect(textOf(part(el, 'status'))).to.equal('已收到');

    await reply(code, '依申请公开一般在20个工作日内答复。');
    await shiftTab();
    expect(focused(el)?.getAttribute('part')).to.equal('lookup-submit-button');
    await sendKeys({ press: 'Enter' });
    await waitForShadow(el, '[part="rating-form"]', 'no rating form for a replied letter');
    expect(textOf(part(el, 'status'))).to.equal('已答复');
    expect(textOf(part(el, 'reply'))).to.contain('依申请公开一般在20个工作日内答复。');
    expect(textOf(part(el, 'reply'))).to.contain('办公室');
    byId(el, 'letter-heading').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('rating');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('rating-submit-button');
    const rated = oneEvent(el, 'zwgk-rated');
    await sendKeys({ press: 'Enter' });
    expect(((await rated) as CustomEvent<FeedbackRatedDetail>).detail).to.deep.equal({ queryCode: code, rating: 'satisfied' });
    await waitUntil(() => focused(el)?.id === 'rating-given', 'the rating given did not take focus');
    expect(textOf(part(el, 'rating'))).to.equal('您的评价：满意');
    expect(part(el, 'rating-form')).to.equal(null);
  });

  it("answers a rating sent without a choice at the choices and in a summary that takes focus, as the mailbox's other forms; it goes once one is chosen", async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    await writeLetter(el, { subject: unique('评价来信'), phone: '13700003333' });
    const code = await send(el);
    await reply(code, '已按您的意见改进。');
    part<HTMLButtonElement>(el, 'lookup-button')!.click();
    await waitUntil(() => focused(el)?.id === 'letter-heading', 'the letter found did not take focus');
    const form = await waitForShadow(el, '[part="rating-form"]', 'no rating form for a replied letter');

    part<HTMLButtonElement>(el, 'rating-submit-button')!.click();
    await waitUntil(() => focused(el)?.id === 'rating-errors', 'the summary did not take focus');
    const summary = part(el, 'error-summary')!;
    expect(textOf(summary.querySelector('h2'))).to.equal('有1处需要修改');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), textOf(a)])).to.deep.equal([['#rating', '请从给出的选项中选择']]);
    expect(textOf(form.querySelector('[part="field-error"]'))).to.contain('请从给出的选项中选择');
    expect(byId(el, 'rating').getAttribute('aria-invalid')).to.equal('true');
    links[0]!.click();
    expect(focused(el)?.id).to.equal('rating');
    await expect(el).to.be.accessible();

    byId<HTMLInputElement>(el, 'rating').click();
    await el.updateComplete;
    expect(part(el, 'error-summary')).to.equal(null);
    expect(form.querySelector('[part="field-error"]')).to.equal(null);
    const rated = oneEvent(el, 'zwgk-rated');
    part<HTMLButtonElement>(el, 'rating-submit-button')!.click();
    expect(((await rated) as CustomEvent<FeedbackRatedDetail>).detail).to.deep.equal({ queryCode: code, rating: 'satisfied' });
  });

  it('switches views as ARIA tabs: arrow keys, Home and End, each tab controlling its panel', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    const tabs = [...shadow(el).querySelectorAll('[role="tab"]')];
    expect(shadow(el).querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('意见箱');
    expect(tabs.map(textOf)).to.deep.equal(['写信', '查询', '来信选登']);
    for (const tab of tabs) expect(byId(el, tab.getAttribute('aria-controls')!).getAttribute('aria-labelledby')).to.equal(tab.id);
    const selected = () => tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.id);
    const tabStops = () => tabs.filter((t) => t.getAttribute('tabindex') === '0').map((t) => t.id);
    expect(selected()).to.deep.equal(['tab-write']);
    byId(el, 'tab-write').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.id).to.equal('tab-lookup');
    expect(selected()).to.deep.equal(['tab-lookup']);
    expect(tabStops()).to.deep.equal(['tab-lookup']);
    expect(byId(el, 'panel-lookup').hidden).to.equal(false);
    expect(byId(el, 'panel-write').hidden).to.equal(true);
    await sendKeys({ press: 'End' });
    expect(focused(el)?.id).to.equal('tab-published');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.id).to.equal('tab-write', 'wraps to the first');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)?.id).to.equal('tab-published', 'wraps to the last');
    await sendKeys({ press: 'Home' });
    expect(selected()).to.deep.equal(['tab-write']);
    await expect(el).to.be.accessible();
  });

  it('follows the page URL: ?mailbox=lookup opens 查询, tabs update it, a prefix keeps two apart, url-state="off" leaves it alone', async () => {
    history.replaceState(null, '', `${location.pathname}?keep=1&mailbox=lookup`);
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox></zwgk-feedback-mailbox>`);
    expect(byId(el, 'tab-lookup').getAttribute('aria-selected')).to.equal('true');
    byId(el, 'tab-published').click();
    await el.updateComplete;
    expect(new URLSearchParams(location.search).get('mailbox')).to.equal('published');
    expect(new URLSearchParams(location.search).get('keep')).to.equal('1');
    byId(el, 'tab-write').click();
    await el.updateComplete;
    expect(new URLSearchParams(location.search).has('mailbox'), 'the default view needs no parameter').to.equal(false);

    history.replaceState(null, '', `${location.pathname}?b-mailbox=published&mailbox=lookup`);
    const prefixed = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-param-prefix="b-"></zwgk-feedback-mailbox>`);
    expect(byId(prefixed, 'tab-published').getAttribute('aria-selected')).to.equal('true');

    history.replaceState(null, '', `${location.pathname}?mailbox=lookup`);
    const off = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off" view="published"></zwgk-feedback-mailbox>`);
    expect(byId(off, 'tab-published').getAttribute('aria-selected')).to.equal('true');
    byId(off, 'tab-write').click();
    await off.updateComplete;
    expect(location.search).to.equal('?mailbox=lookup');
  });

  it('shows the published page in the URL, and Back returns to the page before', async () => {
    history.replaceState(null, '', `${location.pathname}?mailbox=published`);
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox page-size="1"></zwgk-feedback-mailbox>`);
    await waitForShadow(el, '[part="page-status"]');
    expect(textOf(part(el, 'page-status'))).to.match(/这是第1页/);
    const next = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="page-button"]')].find((b) => textOf(b) === '下一页')!;
    next.click();
    await waitUntil(() => /这是第2页/.test(textOf(part(el, 'page-status'))), 'page 2 never came');
    expect(focused(el)?.id, 'focus goes to the page line').to.equal('page-status');
    expect(new URLSearchParams(location.search).get('mailbox-page')).to.equal('2');
    history.back();
    await waitUntil(() => /这是第1页/.test(textOf(part(el, 'page-status'))), 'Back did not return to page 1');
  });

  it('counts characters, speaks the count only near or over the limit once typing pauses, and refuses a subject over the limit', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" subject-max="10" message-max="200"></zwgk-feedback-mailbox>`,
    );
    const status = part(el, 'announcer')!;
    const count = () => textOf(shadow(el).getElementById('subject-count'));
    expect(count()).to.equal('还可以输入10个字');
    expect(textOf(shadow(el).getElementById('message-count'))).to.equal('还可以输入200个字');
    expect(byId(el, 'subject').getAttribute('aria-describedby')).to.contain('subject-count');
    byId(el, 'subject').focus();
    await sendKeys({ type: '关于' });
    expect(count()).to.equal('还可以输入8个字');
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(textOf(status), 'nothing said well within the limit').to.equal('');
    await sendKeys({ type: '指南的咨询' });
    expect(count()).to.equal('还可以输入3个字');
    await waitUntil(() => textOf(status) === '标题：还可以输入3个字', 'the count near the limit was not spoken', { timeout: 3000 });
    await sendKeys({ type: '一二三四五' });
    expect(count()).to.equal('超出了2个字');
    expect(part(el, 'count')!.classList.contains('over')).to.equal(true);
    await waitUntil(() => textOf(status) === '标题：超出了2个字', 'the count over the limit was not spoken', { timeout: 3000 });
    await fill(el, 'message', '内容');
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => focused(el)?.id === 'write-errors', 'the summary did not take focus');
    expect(textOf(shadow(el).getElementById('subject-error'))).to.equal('错误标题太长了，最多10个字，请删减后再提交');
    expect(byId(el, 'subject').getAttribute('aria-invalid')).to.equal('true');
  });

  it('answers an empty letter with a summary that takes focus and links to each field', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => focused(el)?.id === 'write-errors', 'the summary did not take focus');
    const summary = part(el, 'error-summary')!;
    expect(textOf(summary.querySelector('h2'))).to.equal('有5处需要修改');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#category', '#subject', '#message', '#name', '#phone']);
    expect(textOf(links[4])).to.equal('请至少填写联系电话或电子邮箱中的一项，以便我们答复您');
    // Each line names its question: five different lines, never the same words twice.
    expect(links.slice(0, 4).map(textOf)).to.deep.equal(['请选择来信类别', '请填写标题', '请填写来信内容', '请填写姓名']);
    links[2]!.click();
    expect(focused(el)?.id).to.equal('message');
    expect(byId(el, 'message').getAttribute('aria-describedby')).to.contain('message-error');
    expect(byId(el, 'category').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('names each question in its error in English too, in the summary and at the field, and in the look-up', async () => {
    const wrapper = await fixture(html`<div lang="en"><zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox></div>`);
    const el = wrapper.querySelector<ZwgkFeedbackMailbox>('zwgk-feedback-mailbox')!;
    await waitUntil(() => textOf(part(el, 'submit-button')) === 'Send', 'no English');
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => focused(el)?.id === 'write-errors', 'the summary did not take focus');
    const lines = [...part(el, 'error-summary')!.querySelectorAll('a')].map(textOf);
    expect(lines.slice(0, 4)).to.deep.equal(['Choose type of letter.', 'Enter subject.', 'Enter message.', 'Enter name.']);
    expect(new Set(lines).size).to.equal(lines.length);
    expect(textOf(shadow(el).getElementById('name-error'))).to.contain('Enter name.');

    shadow(el).querySelector<HTMLElement>('#tab-lookup')!.click();
    await el.updateComplete;
    const lookupButton = await waitForShadow(el, '[part="lookup-submit-button"]');
    (lookupButton as HTMLButtonElement).click();
    await waitUntil(() => part(el, 'error-summary') !== null, 'no look-up summary');
    const lookupLines = [...part(el, 'error-summary')!.querySelectorAll('a')].map(textOf);
    expect(lookupLines).to.have.length(2);
    expect(new Set(lookupLines).size).to.equal(2);
  });

  it('respects the publish consent: a letter kept private never appears in 来信选登, a published one does once replied', async () => {
    const privateSubject = unique('不公开的来信');
    const publicSubject = unique('同意公开的来信');
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    expect(byId<HTMLInputElement>(el, 'publish-no').checked, 'consent is not pre-ticked').to.equal(true);
    await writeLetter(el, { subject: privateSubject });
    const privateCode = await send(el);
    part<HTMLButtonElement>(el, 'new-letter-button')!.click();
    await el.updateComplete;
    await writeLetter(el, { subject: publicSubject, publish: true });
    const publicCode = await send(el);
    await reply(privateCode, '已答复，不公开。');
    await reply(publicCode, '已答复，可以公开。');

    const list = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" view="published" page-size="50"></zwgk-feedback-mailbox>`,
    );
    await waitForShadow(list, '[part="published-letter"]');
    const subjects = [...shadow(list).querySelectorAll('[part="published-letter"] .letter-title')].map(textOf);
    expect(subjects).to.include(publicSubject);
    expect(subjects).not.to.include(privateSubject);
    expect(JSON.stringify(await publishedPages())).not.to.contain(privateSubject);
    const article = [...shadow(list).querySelectorAll('[part="published-letter"]')].find(
      (a) => textOf(a.querySelector('.letter-title')) === publicSubject,
    )!;
    expect(textOf(article)).to.contain('已答复，可以公开。');
    expect(textOf(article)).not.to.contain('陈明');
    expect(textOf(article)).not.to.contain('13700001111');
  });

  it('sends a retry after a lost answer under the same key, making exactly one letter', async () => {
    const key = unique('retry');
    const subject = unique('重试来信');
    const before = (await publishedPages()).stats.received;
    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" api-base="/__stubs/api-lost-answer/${key}"></zwgk-feedback-mailbox>`,
    );
    await writeLetter(el, { subject });
    const failed = oneEvent(el, 'zwgk-error');
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    const error = ((await failed) as CustomEvent).detail;
    expect(error).to.deep.equal({ operation: 'submit', kind: 'network' });
    const alert = await waitForShadow(el, '[part="submit-error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.contain('来信可能没有送达');
    expect(textOf(alert)).to.contain('重复提交不会产生两封来信');
    expect(byId<HTMLInputElement>(el, 'subject').value, 'nothing typed is lost').to.equal(subject);
    expect((await publishedPages()).stats.received, 'the first attempt did reach the server').to.equal(before + 1);
    const retry = part<HTMLButtonElement>(el, 'submit-button')!;
    expect(textOf(retry)).to.equal('重新提交');
    const code = await send(el);
    expect((await publishedPages()).stats.received, 'the retry made no second letter').to.equal(before + 1);
    const found = await fetch(`/api/feedback/${code}?contact=13700001111`);
    expect(((await found.json()) as { subject: string }).subject).to.equal(subject);
  });

  it('keeps the draft across a reload and drops it once the server confirms', async () => {
    const subject = unique('草稿');
    const first = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    await fill(first, 'subject', subject);
    await fill(first, 'message', '还没写完的来信');
    await choose(first, 'publish');
    first.remove();
    const again = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    expect(byId<HTMLInputElement>(again, 'subject').value).to.equal(subject);
    expect(byId<HTMLTextAreaElement>(again, 'message').value).to.equal('还没写完的来信');
    expect(byId<HTMLInputElement>(again, 'publish').checked).to.equal(true);
    expect(textOf(part(again, 'draft-notice'))).to.contain('已恢复您上次填写但没有提交的内容');
    await writeLetter(again, { subject });
    await send(again);
    again.remove();
    const after = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    expect(byId<HTMLInputElement>(after, 'subject').value).to.equal('');
    expect(part(after, 'draft-notice')).to.equal(null);

    const off = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off" draft="off"></zwgk-feedback-mailbox>`);
    await fill(off, 'subject', subject);
    off.remove();
    const offAgain = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off" draft="off"></zwgk-feedback-mailbox>`);
    expect(byId<HTMLInputElement>(offAgain, 'subject').value, 'draft="off" keeps nothing').to.equal('');
  });

  it('answers an unknown code and a wrong contact in the same words', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off" view="lookup"></zwgk-feedback-mailbox>`);
    (await waitForShadow<HTMLButtonElement>(el, '[part="lookup-submit-button"]', 'the look-up never loaded')).click();
    await waitUntil(() => focused(el)?.id === 'lookup-errors', 'the summary did not take focus');
    expect([...part(el, 'error-summary')!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      '#lookup-code',
      '#lookup-contact',
    ]);

    const answer = async (code: string, contact: string) => {
      await fill(el, 'lookup-code', code);
      await fill(el, 'lookup-contact', contact);
      part<HTMLButtonElement>(el, 'lookup-submit-button')!.click();
      await el.updateComplete; // the previous answer gives way to the skeleton first
      const notFound = await waitForShadow(el, '[part="not-found"]');
      const text = textOf(notFound);
      await fill(el, 'lookup-code', '');
      return { text, role: notFound.getAttribute('role') };
    };
    const unknown = await answer('ZZZZZZZZZZ', '13800000000');
    const wrongContact = await answer('demq4 samp4', '13900000000');
    expect(unknown.text).to.contain('没有找到这封来信');
    expect(unknown.role).to.equal('alert');
    expect(wrongContact).to.deep.equal(unknown);
    await expect(el).to.be.accessible();

    await fill(el, 'lookup-code', 'demq4 samp4');
    await fill(el, 'lookup-contact', '138 0000 0000');
    part<HTMLButtonElement>(el, 'lookup-submit-button')!.click();
    await waitForShadow(el, '[part="letter"]');
    expect(textOf(byId(el, 'letter-heading'))).to.equal('政府信息公开申请是否收费');
    expect(textOf(part(el, 'reply'))).to.contain('依申请提供政府信息不收取费用');
    await expect(el).to.be.accessible();
  });

  it('shows hostile strings as text in the letter, the look-up and the published list', async () => {
    const subject = `${HOSTILE.markup}${unique('')}`.slice(0, 50);
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
    await writeLetter(el, { subject, message: `${HOSTILE.script}\n${HOSTILE.quote}`, publish: true });
    const code = await send(el);
    await reply(code, HOSTILE.quote, HOSTILE.markup);
    part<HTMLButtonElement>(el, 'lookup-button')!.click();
    await waitForShadow(el, '[part="reply"]');
    expect(textOf(byId(el, 'letter-heading'))).to.equal(subject);
    expect(textOf(part(el, 'letter'))).to.contain(HOSTILE.script);
    expect(textOf(part(el, 'reply'))).to.contain(HOSTILE.quote);
    const list = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" view="published" page-size="50"></zwgk-feedback-mailbox>`,
    );
    await waitForShadow(list, '[part="published-letter"]');
    const article = [...shadow(list).querySelectorAll('[part="published-letter"]')].find(
      (a) => textOf(a.querySelector('.letter-title')) === subject,
    )!;
    expect(textOf(article)).to.contain(HOSTILE.script);
    expect(textOf(article)).to.contain(HOSTILE.markup);
    for (const root of [shadow(el), shadow(list)]) expect(root.querySelector('img, script, svg')).to.equal(null);
    expect(pwned()).to.equal(false);
  });

  it('lists published letters with the totals on top, dates, department, and large page buttons', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" view="published" page-size="2"></zwgk-feedback-mailbox>`,
    );
    expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
    await waitForShadow(el, '[part="published-letter"]');
    const api = (await (await fetch('/api/feedback?pageSize=2')).json()) as PublishedLettersPage;
    const totals = [...part(el, 'totals')!.querySelectorAll('dt')].map(textOf);
    expect(totals).to.deep.equal(['收到来信', '已答复', '答复用时（中位数）']);
    expect(textOf(part(el, 'totals'))).to.contain(`${api.stats.received}封`);
    const articles = shadow(el).querySelectorAll('article[part="published-letter"]');
    expect(articles.length).to.equal(2);
    const first = articles[0]!;
    const item = api.items[0]!;
    expect(textOf(first.querySelector('.letter-title'))).to.equal(item.subject);
    expect([...first.querySelectorAll('dt')].map(textOf)).to.deep.equal(['受理日期', '答复日期', '答复部门']);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(item.receivedOn);
    const [y, m, d] = item.receivedOn.split('-').map(Number);
    expect(textOf(first.querySelector('time'))).to.equal(`${y}年${m}月${d}日`);
    expect(textOf(first)).to.contain(item.replyDepartment);
    const pageButtons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part="page-button"]')];
    expect(pageButtons.find((b) => b.getAttribute('aria-current') === 'page')!.getAttribute('aria-label')).to.equal('第1页');
    for (const button of pageButtons) expect(button.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('says when there are no published letters yet, and explains a failed load with Retry', async () => {
    const key = unique('offline');
    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" view="published" api-base="/__stubs/api-offline-once/${key}"></zwgk-feedback-mailbox>`,
    );
    const error = await waitForShadow(el, '[part="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('无法连接到服务器');
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitForShadow(el, '[part="published-letter"]', 'Retry did not load the letters');

    const empty = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" view="published" api-base="/__stubs/feedback-page/empty"></zwgk-feedback-mailbox>`,
    );
    await waitForShadow(empty, '[part="empty"]');
    expect(textOf(part(empty, 'empty'))).to.equal('目前还没有公开的来信。');
    expect(textOf(part(empty, 'totals'))).to.contain('暂无');
    expect(part(empty, 'pagination')).to.equal(null);
    await expect(empty).to.be.accessible();

    const malformed = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" view="published" api-base="/__stubs/feedback-page/malformed"></zwgk-feedback-mailbox>`,
    );
    const invalid = await waitForShadow(malformed, '[part="error"]');
    expect(textOf(invalid)).to.contain('收到的数据格式不正确');
  });

  it('says when the background spam check cannot reach the server, and recovers with Retry', async () => {
    const key = unique('challenge');
    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" api-base="/__stubs/api-offline-once/${key}"></zwgk-feedback-mailbox>`,
    );
    expect(part(el, 'proof-error')).to.equal(null);
    const failed = oneEvent(el, 'zwgk-error');
    await fill(el, 'subject', unique('验证'));
    expect(((await failed) as CustomEvent).detail).to.deep.equal({ operation: 'challenge', kind: 'proof' });
    const problem = await waitForShadow(el, '[part="proof-error"]', 'the failed check was not shown');
    expect(textOf(problem)).to.contain('自动验证没有完成');
    await waitUntil(() => textOf(part(el, 'announcer')).includes('自动验证没有完成'), 'the failure was not announced');
    problem.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => part(el, 'proof-error') === null, 'Retry did not clear the problem');
    await writeLetter(el, { subject: unique('验证后') });
    await send(el);
  });

  it('solves the spam check of a real server setting in a same-origin worker: the page never freezes over 50 ms', async () => {
    // The server's `normal` work, signed here as the server would (the test server runs the near-instant `test` setting).
    const { algorithm, cost, counterMin, counterMax } = PROOF_WORK.normal;
    const secret = 'browser-test-secret';
    const challenge = await createChallenge({
      algorithm,
      cost,
      counter: counterMax,
      deriveKey: pbkdf2,
      hmacSignatureSecret: secret,
    });
    expect(counterMin).to.be.below(counterMax);
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    // Every main-thread task over 50 ms is reported as a long task (Long Tasks API).
    observer.observe({ type: 'longtask' });
    const solution = await solve(challenge, new AbortController());
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(solution, 'not solved').to.not.equal(null);
    expect((await verifySolution({ challenge, solution: solution!, deriveKey: pbkdf2, hmacSignatureSecret: secret })).verified).to.equal(
      true,
    );
    expect(
      longTasks.filter((ms) => ms > 50),
      'main-thread tasks over 50 ms',
    ).to.deep.equal([]);
    const worker = proofWorkerUrl();
    expect(worker.origin).to.equal(location.origin);
    expect(
      performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(worker.href)),
      'the worker file was not loaded',
    ).to.equal(true);
  });

  it('sends a letter with the proof from the worker; the server refuses the same proof twice', async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off" api-base="/api"></zwgk-feedback-mailbox>`);
    const sent: string[] = [];
    const original = window.fetch;
    window.fetch = async (input, init) => {
      if (String(input).endsWith('/api/feedback') && init?.method === 'POST') sent.push(String(init.body));
      return original(input, init);
    };
    try {
      await writeLetter(el, { subject: unique('工作线程') });
      await send(el);
    } finally {
      window.fetch = original;
    }
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(proofWorkerUrl().href))).to.equal(true);
    const replay = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `replay-${unique('k')}` },
      body: sent[0],
    });
    expect(replay.status).to.equal(403);
  });

  it('speaks English under lang="en", with the shared validation messages in English', async () => {
    const wrapper = await fixture(html`<div lang="en"><zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox></div>`);
    const el = wrapper.querySelector('zwgk-feedback-mailbox')!;
    await waitUntil(() => textOf(shadow(el).getElementById('tab-write')) === 'Write', 'no English');
    expect([...shadow(el).querySelectorAll('[role="tab"]')].map(textOf)).to.deep.equal(['Write', 'Look up', 'Published letters']);
    expect(textOf(shadow(el).querySelector('label[for="category"]'))).to.equal('Question');
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'error-summary'), 'no summary');
    expect(textOf(part(el, 'error-summary'))).to.contain('Please give a phone number or an e-mail address so that we can reply.');
    byId(el, 'tab-published').click();
    await waitForShadow(el, '[part="totals"]');
    expect(textOf(part(el, 'totals'))).to.contain('Letters received');
    expect(textOf(shadow(el).querySelector('[part="published-letter"] dt'))).to.equal('Received on');
  });

  it('grows to the elder theme: 18px+ text and 48px targets', async () => {
    const wrapper = await fixture(html`<div theme="elder"><zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox></div>`);
    const el = wrapper.querySelector('zwgk-feedback-mailbox')!;
    await el.updateComplete;
    const root = shadow(el).querySelector('.zwgk-root')!;
    expect(root.getAttribute('data-theme')).to.equal('elder');
    expect(parseFloat(getComputedStyle(root).fontSize)).to.be.at.least(18);
    for (const selector of ['[role="tab"]', '[part="submit-button"]', '.choice label', '#subject']) {
      expect(shadow(el).querySelector(selector)!.getBoundingClientRect().height, selector).to.be.at.least(48);
    }
    await expect(el).to.be.accessible();
  });

  it('fits a 320px screen without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off"></zwgk-feedback-mailbox>`);
      await writeLetter(el, { subject: unique('窄屏') });
      await send(el);
      expect(el.scrollWidth).to.be.at.most(320);
      expect(shadow(el).querySelector('.zwgk-root')!.scrollWidth).to.be.at.most(el.clientWidth);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows a problem only on 提交 by default; validate-on="blur" shows it on leaving the field, and it goes once put right', async () => {
    const byDefault = await fixture<ZwgkFeedbackMailbox>(html`<zwgk-feedback-mailbox url-state="off" draft="off"></zwgk-feedback-mailbox>`);
    await fill(byDefault, 'phone', '123');
    expect(shadow(byDefault).getElementById('phone-error'), 'nothing before 提交').to.equal(null);
    part<HTMLButtonElement>(byDefault, 'submit-button')!.click();
    await waitUntil(() => focused(byDefault)?.id === 'write-errors', 'the summary did not take focus');
    expect(textOf(shadow(byDefault).getElementById('phone-error'))).to.equal(
      `错误${formatFieldMessage('zh-CN', 'phone.format', '联系电话')}`,
    );

    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" draft="off" validate-on="blur"></zwgk-feedback-mailbox>`,
    );
    await fill(el, 'phone', '123', { leave: false });
    expect(shadow(el).getElementById('phone-error'), 'nothing while typing').to.equal(null);
    byId(el, 'phone').blur();
    await el.updateComplete;
    expect(textOf(shadow(el).getElementById('phone-error'))).to.equal(`错误${formatFieldMessage('zh-CN', 'phone.format', '联系电话')}`);
    expect(part(el, 'error-summary'), 'no summary before 提交').to.equal(null);
    await fill(el, 'name', '');
    expect(shadow(el).getElementById('name-error'), 'a field left blank waits for 提交').to.equal(null);
    await fill(el, 'phone', '13700001111', { leave: false });
    expect(shadow(el).getElementById('phone-error'), 'put right: gone at once').to.equal(null);

    // The look-up follows the same attribute.
    byId(el, 'tab-lookup').click();
    await waitForShadow(el, '[part="lookup-submit-button"]');
    await fill(el, 'lookup-code', '   ');
    expect(shadow(el).getElementById('lookup-code-error'), 'blank: nothing until 查询').to.equal(null);
    part<HTMLButtonElement>(el, 'lookup-submit-button')!.click();
    await waitUntil(() => focused(el)?.id === 'lookup-errors', 'the look-up summary did not take focus');
    await fill(el, 'lookup-code', 'ABCD2345');
    expect(shadow(el).getElementById('lookup-code-error'), 'put right: gone').to.equal(null);
  });

  it("words the server's limit in its own figures when message-max is above it: never a literal {max}", async () => {
    const el = await fixture<ZwgkFeedbackMailbox>(
      html`<zwgk-feedback-mailbox url-state="off" draft="off" message-max="5000"></zwgk-feedback-mailbox>`,
    );
    await writeLetter(el, { subject: unique('超长来信'), message: '很长的来信。'.repeat(200) });
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => focused(el)?.id === 'write-errors', 'the server’s refusal did not reach the summary', { timeout: 20000 });
    const error = textOf(shadow(el).getElementById('message-error'));
    expect(error).to.equal(`错误${formatMessage('zh-CN', 'text.tooLong', { max: 1000 })}`);
    expect(textOf(part(el, 'error-summary'))).to.not.contain('{');
    expect(byId(el, 'message').getAttribute('aria-invalid')).to.equal('true');
  });
});
