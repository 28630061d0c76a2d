import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/application-status.js';
import type { ZwgkApplicationStatus } from '../../src/components/application-status/application-status.js';
import type { ApplicationStatusView } from '../../src/api/types/application.js';
import { formatFieldMessage, formatMessage } from '../../src/core/validate/messages.js';
import { HOSTILE, pwned, shadow, textOf, waitForShadow } from './helpers.js';
import { $, $$, fill, pdfFile, submitApplication } from './harness.js';

const realFetch = window.fetch.bind(window);

/** A fresh application on the reference server; returns its tracking code and phone. */
const createApplication = () => submitApplication();

/** A staff step through the admin endpoint; returns the view the citizen will see. */
async function staff(code: string, body: Record<string, unknown>): Promise<ApplicationStatusView> {
  const response = await realFetch(`/api/admin/applications/${code}`, {
    method: 'PATCH',
    headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, JSON.stringify(body)).to.equal(200);
  return response.json();
}

async function statusElement(lang = 'zh-CN', theme = ''): Promise<ZwgkApplicationStatus> {
  const wrapper = await fixture(
    html`<div lang=${lang} theme=${theme}><zwgk-application-status api-base="/api"></zwgk-application-status></div>`,
  );
  const el = wrapper.querySelector('zwgk-application-status')!;
  await waitForShadow(el, 'form');
  return el;
}

/** Looks up `code` with `phone` and waits for an answer of any kind. */
async function look(el: ZwgkApplicationStatus, code: string, phone: string): Promise<void> {
  await fill(el, 'code', code);
  await fill(el, 'phone', phone);
  $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
  await el.updateComplete;
  await waitUntil(() => !$(el, '[part="loading"]') && $(el, '[part="result"], [part="not-found"], [part="error"]'), 'no answer', {
    timeout: 10000,
  });
}

const current = (el: Element) => textOf($(el, '[part="current-status"] dd'));
const deadline = (el: Element) => textOf($(el, '[part="deadline"] dd'));
const timeline = (el: Element) => $$(el, '[part="timeline"] li').map((li) => textOf(li.querySelector('.what')));

describe('<zwgk-application-status>', () => {
  afterEach(async () => {
    window.fetch = realFetch;
    await setViewport({ width: 800, height: 600 });
  });

  it('follows an application through every state of its lifecycle', async () => {
    const { code, phone } = await createApplication();
    const el = await statusElement();

    const submitted = await (await realFetch(`/api/applications/${code}?phone=${phone}`)).json();
    await look(el, code, phone);
    expect(textOf($(el, '#result-title'))).to.equal(`申请编号 ${code}`);
    expect(shadow(el).activeElement?.id, 'focus moves to the result').to.equal('result-title');
    expect(current(el)).to.equal('已提交 申请已收到，正在等待受理。');
    expect(deadline(el)).to.contain(`还有${submitted.workingDaysLeft}个工作日`);
    expect(timeline(el)).to.deep.equal(['已提交（当前）']);
    expect($(el, '[part="timeline"]')!.localName).to.equal('ol');
    expect($(el, '[part="timeline"] time')!.getAttribute('datetime')).to.equal(submitted.timeline[0].at);

    await staff(code, { status: 'supplement-requested', note: '请补充所需信息涉及的年份。' });
    await look(el, code, phone);
    expect(current(el)).to.contain('需补正');
    expect(deadline(el)).to.equal('暂停计算：收到您的补正后，重新计算20个工作日。');
    expect(textOf($(el, '[part="supplement"] .note'))).to.equal('请补充所需信息涉及的年份。');
    expect(timeline(el)).to.deep.equal(['已提交', '需补正（当前）']);

    const accepted = await staff(code, { status: 'accepted' });
    await look(el, code, phone);
    expect(current(el)).to.equal('已受理 申请已受理，正在办理。');
    expect(deadline(el)).to.contain(`还有${accepted.workingDaysLeft}个工作日`);
    expect($(el, '[part="supplement"]')).to.equal(null);

    const extended = await staff(code, { status: 'extended', note: '需要征求第三方意见' });
    await look(el, code, phone);
    expect(current(el)).to.contain('延期答复');
    expect(deadline(el)).to.contain(`还有${extended.workingDaysLeft}个工作日`);
    expect(extended.workingDaysLeft!).to.be.greaterThan(accepted.workingDaysLeft!);

    await staff(code, { status: 'answered', outcome: '3.3.1' });
    await look(el, code, phone);
    expect(current(el)).to.contain('已答复');
    expect($(el, '[part="deadline"]'), 'no clock once answered').to.equal(null);
    expect(textOf($(el, '[part="outcome"] strong'))).to.equal('不予公开');
    expect(textOf($(el, '[part="outcome"] .report-row'))).to.equal('年度报告中的类别：（三）不予公开 1.属于国家秘密');

    await staff(code, { status: 'closed' });
    await look(el, code, phone);
    expect(current(el)).to.equal('办结 申请已办理完毕。');
    expect(textOf($(el, '[part="outcome"] strong'))).to.equal('不予公开');
    expect(timeline(el)).to.deep.equal(['已提交', '需补正', '已受理', '延期答复', '已答复', '办结（当前）']);
    expect($$(el, '[part="timeline"] li .note').map(textOf)).to.deep.equal(['请补充所需信息涉及的年份。', '需要征求第三方意见']);
    await expect(el).to.be.accessible();
  });

  it('shows a withdrawn application, and a 予以公开 answer with its report row', async () => {
    const withdrawn = await createApplication();
    await staff(withdrawn.code, { status: 'withdrawn' });
    const el = await statusElement();
    await look(el, withdrawn.code, withdrawn.phone);
    expect(current(el)).to.equal('已撤回 申请已撤回，不再办理。');
    expect($(el, '[part="deadline"]')).to.equal(null);

    const disclosed = await createApplication();
    await staff(disclosed.code, { status: 'accepted' });
    await staff(disclosed.code, { status: 'answered', outcome: '3.1' });
    await look(el, disclosed.code, disclosed.phone);
    expect(textOf($(el, '[part="outcome"] dd'))).to.equal('予以公开 年度报告中的类别：（一）予以公开');
  });

  it('says how far past the deadline, or that today is the last day', async () => {
    const { code, phone } = await createApplication();
    const real = await (await realFetch(`/api/applications/${code}?phone=${phone}`)).json();
    const el = await statusElement();
    for (const [left, text] of [
      [-3, '已逾期已超过答复期限3个工作日。您可以联系受理机关询问办理情况。'],
      [0, '今天是答复期限的最后一天'],
    ] as const) {
      // Stub: the reference server's clock cannot be moved, so this answer says what it would on a later day (a due date
      // in a year whose public holidays are announced: not an estimate, whatever today's deadline is).
      window.fetch = async () =>
        new Response(JSON.stringify({ ...real, workingDaysLeft: left, dueDate: '2026-12-23', dueDateProvisional: false }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      await look(el, code, phone);
      expect(deadline(el)).to.equal(`2026年12月23日星期三 ${text}`);
      expect($(el, '.days-left')!.classList.contains('overdue')).to.equal(left < 0);
      window.fetch = realFetch;
    }
  });

  it('a wrong phone number and an unknown code get the same answer', async () => {
    const { code } = await createApplication();
    const el = await statusElement();
    await look(el, code, '13911112222');
    const wrongPhone = textOf($(el, '[part="not-found"]'));
    expect(wrongPhone).to.equal('没有找到这份申请 请核对申请编号和联系电话是否与提交申请时填写的一致。');
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('not-found');
    await look(el, 'YS-2222222222', '13911112222');
    expect(textOf($(el, '[part="not-found"]'))).to.equal(wrongPhone);
  });

  it('accepts the code in lower case and the phone as people write it', async () => {
    const { code, phone } = await createApplication();
    const el = await statusElement();
    await look(el, ` ${code.toLowerCase()} `, `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    expect(textOf($(el, '#result-title'))).to.equal(`申请编号 ${code}`);
  });

  it('checks the two fields: summary with links that take focus, errors at the fields', async () => {
    const el = await statusElement();
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).activeElement?.classList.contains('error-summary')).to.equal(true);
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).to.deep.equal([
      [formatFieldMessage('zh-CN', 'required', '申请编号'), '#code'],
      [formatFieldMessage('zh-CN', 'required', '联系电话'), '#phone'],
    ]);
    links[1]!.click();
    expect(shadow(el).activeElement?.id).to.equal('phone');
    await fill(el, 'phone', '12345');
    expect(textOf($(el, '#phone-error'))).to.contain(formatMessage('zh-CN', 'phone.format'));
    expect($(el, '#phone')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part="result"]'), 'nothing looked up').to.equal(null);
  });

  it('a network failure says so and Retry looks up again; a malformed answer is an error, not a blank', async () => {
    const { code, phone } = await createApplication();
    const el = await statusElement();
    // Stub: no network for one lookup.
    window.fetch = async () => {
      window.fetch = realFetch;
      throw new TypeError('Failed to fetch');
    };
    await look(el, code, phone);
    expect(textOf($(el, '[part="error"]'))).to.contain('无法连接到服务器');
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitForShadow(el, '[part="result"]');
    expect(textOf($(el, '#result-title'))).to.contain(code);

    // Stub: a backend that answers with the wrong shape.
    window.fetch = async () => new Response(JSON.stringify({ trackingCode: code, status: 'lost', timeline: 'none' }), { status: 200 });
    await look(el, code, phone);
    expect(textOf($(el, '[part="error"]'))).to.contain('收到的数据格式不正确');
  });

  it('shows hostile notes as text', async () => {
    const { code, phone } = await createApplication();
    await staff(code, { status: 'supplement-requested', note: `${HOSTILE.markup}${HOSTILE.script}` });
    const el = await statusElement();
    await look(el, code, phone);
    expect(textOf($(el, '[part="supplement"] .note'))).to.equal(`${HOSTILE.markup}${HOSTILE.script}`);
    expect($$(el, 'img, script').length).to.equal(0);
    expect(pwned()).to.equal(false);
  });

  it('fills in the tracking code from its attribute', async () => {
    const wrapper = await fixture(
      html`<div><zwgk-application-status api-base="/api" tracking-code="YS-ABCDEFGHJK"></zwgk-application-status></div>`,
    );
    const el = wrapper.querySelector('zwgk-application-status')!;
    await waitForShadow(el, 'form');
    expect($<HTMLInputElement>(el, '#code')!.value).to.equal('YS-ABCDEFGHJK');
  });

  it('speaks English, with the report row in English', async () => {
    const { code, phone } = await createApplication();
    await staff(code, { status: 'accepted' });
    await staff(code, { status: 'answered', outcome: '3.4.1' });
    const el = await statusElement('en');
    await waitUntil(() => textOf($(el, 'h2')) === 'Check the progress of an application', 'no English', { timeout: 5000 });
    expect(textOf($(el, 'label[for="code"]'))).to.equal('Tracking code');
    await look(el, code, phone);
    expect(current(el)).to.equal('Answered The agency has replied. Please check the reply.');
    expect(textOf($(el, '[part="outcome"] dd'))).to.equal(
      'Cannot be provided Annual report category: (4) Cannot be provided 1. This agency does not hold the information',
    );
    expect(timeline(el)).to.deep.equal(['Submitted', 'Accepted', 'Answered (current)']);
  });

  it('grows to the elder theme and fits 320 px', async () => {
    const { code, phone } = await createApplication();
    const el = await statusElement('zh-CN', 'elder');
    await setViewport({ width: 320, height: 640 });
    await look(el, code, phone);
    const root = $(el, '.zwgk-root')!;
    expect(parseFloat(getComputedStyle(root).fontSize)).to.be.at.least(18);
    expect($(el, '[part="submit-button"]')!.getBoundingClientRect().height).to.be.at.least(44);
    expect(root.scrollWidth).to.be.at.most(root.clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it('is accessible empty, with errors, and when nothing is found', async () => {
    const el = await statusElement();
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await look(el, 'YS-2222222222', '13911112222');
    await expect(el).to.be.accessible();
  });

  it('answers a 补正 online with text and a file: the clock restarts on receipt', async () => {
    const { code, phone } = await createApplication();
    await staff(code, { status: 'supplement-requested', note: '请补充所需信息涉及的年份。' });
    const el = await statusElement();
    const supplemented: string[] = [];
    el.addEventListener('zwgk-supplemented', (e) => supplemented.push(e.detail.trackingCode));
    await look(el, code, phone);
    expect(deadline(el)).to.equal('暂停计算：收到您的补正后，重新计算20个工作日。');

    $<HTMLButtonElement>(el, '[part="supplement-submit"]')!.click();
    await el.updateComplete;
    expect(textOf($(el, '#supplement-text-error'))).to.contain('请写明补正的内容，或上传补充材料');

    const text = $<HTMLTextAreaElement>(el, '#supplement-text')!;
    text.value = '所需信息为2024年度。';
    text.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const transfer = new DataTransfer();
    transfer.items.add(pdfFile('身份证明.pdf'));
    const files = $<HTMLInputElement>(el, '#supplement-files')!;
    files.files = transfer.files;
    files.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitUntil(() => $$(el, '.supplement-form .files li').length === 1, 'the file uploads', { timeout: 10000 });
    $<HTMLButtonElement>(el, '[part="supplement-submit"]')!.click();
    await waitUntil(() => $(el, '.action-result'), 'the supplement is confirmed', { timeout: 10000 });
    expect(textOf($(el, '.action-result'))).to.equal('补正已提交。答复期限从收到补正之日起重新计算。');
    expect(shadow(el).activeElement?.classList.contains('action-result')).to.equal(true);
    expect($(el, '[part="supplement-form"]'), 'nothing more to send').to.equal(null);
    const after = await (await realFetch(`/api/applications/${code}?phone=${phone}`)).json();
    expect(after.workingDaysLeft, 'the clock runs again').to.be.a('number');
    expect(deadline(el)).to.contain(`还有${after.workingDaysLeft}个工作日`);
    expect(supplemented).to.deep.equal([code]);
    await expect(el).to.be.accessible();
  });

  it('withdraws only after a second, explicit yes', async () => {
    const { code, phone } = await createApplication();
    const el = await statusElement();
    await look(el, code, phone);
    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('withdraw-question');
    expect(textOf($(el, '#withdraw-question'))).to.contain('确定要撤回这份申请吗？');
    $<HTMLButtonElement>(el, '#withdraw-cancel')!.click();
    await el.updateComplete;
    const stillOpen = await (await realFetch(`/api/applications/${code}?phone=${phone}`)).json();
    expect(stillOpen.status, 'cancelling sends nothing').to.equal('submitted');
    $<HTMLButtonElement>(el, '#withdraw')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#withdraw-confirm')!.click();
    await waitUntil(() => $(el, '.action-result'), 'the withdrawal is confirmed', { timeout: 10000 });
    expect(current(el)).to.equal('已撤回 申请已撤回，不再办理。');
    expect($(el, '#withdraw')).to.equal(null);
  });

  it('a wrong phone downloads nothing', async () => {
    const { code, phone } = await createApplication();
    const wrong = phone.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    for (const path of ['answer-letter', 'files/any-id']) {
      const response = await realFetch(`/api/applications/${code}/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: wrong }),
      });
      expect(response.status, path).to.equal(404);
      expect(response.headers.get('Content-Disposition'), path).to.equal(null);
    }
  });
});
