import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/application-form.js';
import type {
  ApplicationErrorDetail,
  ApplicationSubmitDetail,
  ApplicationSubmittedDetail,
  ZwgkApplicationForm,
} from '../../src/components/application-form/application-form.js';
import { formatFieldMessage, formatMessage } from '../../src/core/validate/messages.js';
import { creditCodeCheckChar } from '../../src/core/validate/credit-code.js';
import { $, $$, HOSTILE, choose, fill, pwned, shadow, textOf, waitForShadow } from './harness.js';

const zh = (key: Parameters<typeof formatMessage>[1]) => formatMessage('zh-CN', key);
/** A message as the form words it: naming the question it is about (GOV.UK: 请填写姓名). */
const named = (key: Parameters<typeof formatMessage>[1], label: string, params?: Record<string, string | number>) =>
  formatFieldMessage('zh-CN', key, label, params);

const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

/** A fresh form with no draft left by an earlier test. */
async function form(attributes: { agency?: string; draft?: string; lang?: string; theme?: string } = {}): Promise<ZwgkApplicationForm> {
  const wrapper = await fixture(
    html`<div lang=${attributes.lang ?? 'zh-CN'} theme=${attributes.theme ?? ''}>
      <zwgk-application-form
        api-base="/api"
        agency=${attributes.agency ?? '福建省商务厅'}
        draft=${attributes.draft ?? 'local'}
      ></zwgk-application-form>
    </div>`,
  );
  const el = wrapper.querySelector('zwgk-application-form')!;
  await waitForShadow(el, 'form, [part="draft-prompt"]');
  return el;
}

async function next(el: ZwgkApplicationForm): Promise<void> {
  $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

const stepTitle = (el: Element) => textOf($(el, '#step-title'));
const errorAt = (el: Element, id: string) =>
  textOf($(el, `#${id}-error`))
    .replace(/^错误\s*/, '')
    .replace(/^Error\s*/, '');
const focused = (el: Element) => shadow(el).activeElement;
const summaryItems = (el: Element) =>
  $$<HTMLAnchorElement>(el, '.error-summary li').map((li) => [textOf(li), li.querySelector('a')?.getAttribute('href') ?? null]);

async function fillPerson(el: ZwgkApplicationForm, overrides: Record<string, string> = {}): Promise<void> {
  await choose(el, 'applicantType');
  const values = { name: '张三', idNumber: ID_NUMBER, phone: PHONE, ...overrides };
  for (const [id, value] of Object.entries(values)) await fill(el, id, value);
}

/** Fills every step with a valid person's request and stops on the review step. */
async function toReview(el: ZwgkApplicationForm, overrides: Record<string, string> = {}): Promise<void> {
  await fillPerson(el, overrides);
  await next(el);
  await fill(el, 'description', overrides.description ?? '2024年福州市商务发展专项资金分配结果');
  await next(el);
  await choose(el, 'formats-electronic');
  await choose(el, 'methods-pickup');
  await next(el);
  expect(stepTitle(el)).to.equal('核对并提交');
}

/** Original window.fetch, restored after each test that stubs it. */
const realFetch = window.fetch.bind(window);
const urlOf = (input: RequestInfo | URL) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
const isSubmit = (input: RequestInfo | URL, init?: RequestInit) => /\/api\/applications$/.test(urlOf(input)) && init?.method === 'POST';

/**
 * Stub: the submission is answered with a receipt from the Friday before 国庆 2025, whose deadline is counted across
 * the holiday. The real server answers with today's date, whose deadline may run into a year whose public holidays are
 * not announced yet, and is then explained as an estimate.
 */
function answerSubmitBeforeNationalDay(): void {
  window.fetch = async (input, init) => {
    if (!isSubmit(input, init)) return realFetch(input, init);
    const receipt = {
      trackingCode: 'YS-TEST234567',
      status: 'submitted',
      receivedAt: '2025-09-26T02:00:00.000Z',
      dueDate: '2025-10-30',
      agency: '福建省商务厅',
    };
    return new Response(JSON.stringify(receipt), { status: 201, headers: { 'Content-Type': 'application/json' } });
  };
}

async function lookUp(code: string, phone = PHONE) {
  const response = await realFetch(`/api/applications/${code}?phone=${phone}`);
  return { status: response.status, body: await response.json() };
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A well-formed PNG of `size` bytes (the server walks every chunk and its CRC): IHDR, one IDAT, IEND. */
function pngFile(name: string, size = 64): File {
  const bytes = new Uint8Array(Math.max(size, 58));
  const view = new DataView(bytes.buffer);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunk = (at: number, type: string, data: Uint8Array | number) => {
    const length = typeof data === 'number' ? data : data.length;
    view.setUint32(at, length);
    bytes.set(new TextEncoder().encode(type), at + 4);
    if (typeof data !== 'number') bytes.set(data, at + 8);
    view.setUint32(at + 8 + length, crc32(bytes.subarray(at + 4, at + 8 + length)));
    return at + 12 + length;
  };
  let at = chunk(8, 'IHDR', new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
  at = chunk(at, 'IDAT', bytes.length - at - 24);
  chunk(at, 'IEND', new Uint8Array());
  return new File([bytes], name, { type: 'image/png' });
}

function filesOf(...files: File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

/** Picks files with the file input and waits until the form has taken them (listed) or refused them (an error). */
async function pick(el: ZwgkApplicationForm, ...files: File[]): Promise<void> {
  const state = () => `${$$(el, '.attachment').length}|${textOf($(el, '#attachments-error'))}`;
  const before = state();
  const input = $<HTMLInputElement>(el, '#attachments')!;
  input.files = filesOf(...files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => state() !== before, 'the files were neither listed nor refused');
}

/** Presses Tab until the control with `id` has focus: proves it is reachable, in order, by keyboard. */
async function tabTo(el: Element, id: string, most = 20): Promise<void> {
  for (let i = 0; i < most; i++) {
    await sendKeys({ press: 'Tab' });
    if (focused(el)?.id === id) return;
  }
  throw new Error(`#${id} was not reached with Tab (focus is on ${focused(el)?.outerHTML.slice(0, 80)})`);
}

describe('<zwgk-application-form>', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('keeps focus on the chosen radio when the applicant type is first chosen (Space, arrow) and on controls that reveal fields', async () => {
    const el = await form();
    const first = $<HTMLInputElement>(el, '#applicantType')!;
    first.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(first.checked).to.equal(true);
    expect(first.isConnected, 'the radio was replaced by a new copy').to.equal(true);
    expect(focused(el), 'focus left the radio for the page').to.equal(first);
    expect(document.activeElement).to.equal(el);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const organization = $<HTMLInputElement>(el, 'input[name="applicantType"][value="organization"]')!;
    expect(organization.checked).to.equal(true);
    expect(focused(el)).to.equal(organization);
    // A choice that reveals fields under it keeps the focus too.
    await fillPerson(el);
    await next(el);
    await fill(el, 'description', '2024年福州市商务发展专项资金分配结果');
    await next(el);
    const post = $<HTMLInputElement>(el, '#methods')!; // 邮寄, the first method
    post.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '#deliveryAddress'), 'the address field did not appear').to.exist;
    expect(post.isConnected).to.equal(true);
    expect(focused(el)).to.equal(post);
  });
  afterEach(async () => {
    window.fetch = realFetch;
    await setViewport({ width: 800, height: 600 });
  });

  it('can be completed with the keyboard alone, and the application exists on the server', async () => {
    const wrapper = await fixture(
      html`<div>
        <button id="before">before</button>
        <zwgk-application-form api-base="/api" agency="福建省商务厅"></zwgk-application-form>
      </div>`,
    );
    const el = wrapper.querySelector('zwgk-application-form')!;
    await waitForShadow(el, 'form');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    expect(textOf($(el, '[part="progress"]'))).to.equal('第 1 步，共 4 步');
    await tabTo(el, 'applicantType');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'name');
    await sendKeys({ type: '张三' });
    await tabTo(el, 'idNumber');
    await sendKeys({ type: '11010519491231002x' });
    await tabTo(el, 'phone');
    await sendKeys({ type: PHONE });
    await tabTo(el, 'email');
    await sendKeys({ press: 'Enter' }); // Enter in a field continues, like any form
    await el.updateComplete;
    await waitUntil(() => stepTitle(el) === '所需政府信息', 'Enter did not continue to step 2');
    expect(focused(el)?.id, 'focus moves to the new step heading').to.equal('step-title');
    expect(textOf($(el, '[part="progress"]'))).to.equal('第 2 步，共 4 步');

    await tabTo(el, 'description');
    await sendKeys({ type: '2024年福州市商务发展专项资金分配结果' });
    await tabTo(el, 'purpose');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('next-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepTitle(el) === '获取信息的方式', 'did not reach step 3');

    await tabTo(el, 'formats-electronic');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'methods-email');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'deliveryEmail');
    await sendKeys({ type: 'zhang@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => stepTitle(el) === '核对并提交', 'did not reach the review');

    await tabTo(el, 'declaration');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(textOf(focused(el))).to.equal('提交申请');
    const submitted = oneEvent(el, 'zwgk-submitted');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await submitted) as CustomEvent<ApplicationSubmittedDetail>;
    await el.updateComplete;
    await el.updateComplete;

    expect(detail.trackingCode).to.match(/^YS-[2-9A-HJ-NP-Z]{10}$/);
    expect(textOf($(el, '[part="tracking-code"]'))).to.equal(detail.trackingCode);
    expect(focused(el)?.id, 'focus moves to the confirmation').to.equal('receipt-title');
    const found = await lookUp(detail.trackingCode);
    expect(found.status).to.equal(200);
    expect(found.body.status).to.equal('submitted');
    expect(localStorage.length, 'the draft is gone once the server confirmed').to.equal(0);
  });

  it('every entry of the error summary is its own, naming its question, in Chinese and in English', async () => {
    const el = await form();
    await choose(el, 'applicantType');
    await next(el);
    const chinese = summaryItems(el).map(([text]) => text);
    expect(chinese).to.deep.equal(['请填写姓名', '请填写证件号码', '请填写联系电话']);
    // The page switches to English: the same summary, in English, each entry still its own.
    el.parentElement!.setAttribute('lang', 'en');
    await waitUntil(() => textOf($(el, '[part="progress"]')) === 'Step 1 of 4', 'no English', { timeout: 5000 });
    await next(el);
    const english = summaryItems(el).map(([text]) => text!);
    expect(new Set(english).size, english.join(' | ')).to.equal(3);
    for (const text of english) expect(text, 'English, not Chinese').to.match(/^[\x20-\x7e‘’“”]+$/);
  });

  it('an empty step: the summary takes focus and links to each field; the fields say the same', async () => {
    const el = await form();
    await next(el);
    expect(focused(el)?.classList.contains('error-summary')).to.equal(true);
    expect($(el, '.error-summary')!.getAttribute('role'), 'not an alert: focus reads it once').to.equal(null);
    expect(textOf($(el, '.error-summary h2'))).to.equal('有1处需要修改');
    expect(summaryItems(el)).to.deep.equal([[named('choice.invalid', '申请人类型'), '#applicantType']]);

    await choose(el, 'applicantType');
    expect($(el, '.error-summary li'), 'a choice made clears its error').to.equal(null);
    await next(el);
    expect(summaryItems(el)).to.deep.equal([
      [named('required', '姓名'), '#name'],
      [named('required', '证件号码'), '#idNumber'],
      [named('required', '联系电话'), '#phone'],
    ]);
    const labels: Record<string, string> = { name: '姓名', idNumber: '证件号码', phone: '联系电话' };
    for (const id of ['name', 'idNumber', 'phone']) {
      expect(errorAt(el, id)).to.equal(named('required', labels[id]!));
      const input = $(el, `#${id}`)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain(`${id}-error`);
    }
    expect($(el, '#email')!.hasAttribute('aria-invalid'), 'optional fields are not errors').to.equal(false);
    expect(textOf($(el, 'label[for="email"]'))).to.equal('电子邮箱（选填）');
    expect(textOf($(el, 'label[for="name"]')), 'required fields carry no mark').to.equal('姓名');

    const link = $<HTMLAnchorElement>(el, '.error-summary a[href="#idNumber"]')!;
    link.click();
    expect(focused(el)?.id, 'a summary link focuses its field').to.equal('idNumber');
    expect(stepTitle(el), 'still on step 1').to.equal('申请人信息');
  });

  it('checks a field on leaving it, never while the first characters are typed; a mended error goes at once', async () => {
    const el = await form();
    await choose(el, 'applicantType');
    const phone = $<HTMLInputElement>(el, '#phone')!;
    phone.focus();
    phone.value = '139';
    phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '#phone-error'), 'no error while typing').to.equal(null);
    phone.blur();
    await el.updateComplete;
    expect(errorAt(el, 'phone')).to.equal(named('phone.format', '联系电话'));
    phone.focus();
    phone.value = PHONE;
    phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '#phone-error'), 'mended: gone without leaving the field').to.equal(null);

    // Tabbing through an empty required field says nothing until Continue.
    $<HTMLInputElement>(el, '#name')!.focus();
    $<HTMLInputElement>(el, '#name')!.blur();
    await el.updateComplete;
    expect($(el, '#name-error')).to.equal(null);
  });

  it('checks the 居民身份证号码 (check digit, birth date, the old 15 digits) and sends a lower-case x as X', async () => {
    const el = await form();
    await choose(el, 'applicantType');
    const cases: [string, Parameters<typeof zh>[0]][] = [
      ['110105194912310021', 'idNumber.checkDigit'],
      ['110105194902300028', 'idNumber.birthDate'],
      ['110105203001010025', 'idNumber.futureBirthDate'],
      ['110105491231002', 'idNumber.oldFormat'],
      ['11010519491231002', 'idNumber.format'],
    ];
    for (const [value, key] of cases) {
      await fill(el, 'idNumber', value);
      expect(errorAt(el, 'idNumber'), value).to.equal(named(key, '证件号码'));
    }
    await fill(el, 'idNumber', '11010519491231002x');
    expect($(el, '#idNumber-error')).to.equal(null);
    // Other documents are checked by shape only.
    const select = $<HTMLSelectElement>(el, '#idType')!;
    select.value = 'passport';
    select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(textOf($(el, '#idNumber-hint'))).to.equal('证件上的号码，字母和数字');
    await fill(el, 'idNumber', 'E1');
    expect(errorAt(el, 'idNumber')).to.equal(named('idNumber.otherFormat', '证件号码'));
    select.value = 'resident-id';
    select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;

    await fillPerson(el, { idNumber: '11010519491231002x' });
    await next(el);
    await fill(el, 'title', '某文件');
    await next(el);
    await choose(el, 'formats');
    await choose(el, 'methods-inspect');
    await next(el);
    await choose(el, 'declaration');
    let sent: ApplicationSubmitDetail | undefined;
    el.addEventListener('zwgk-submit', (event) => {
      sent = (event as CustomEvent<ApplicationSubmitDetail>).detail;
      event.preventDefault(); // cancelable: the page may stop it
    });
    await next(el);
    expect(sent!.request.applicant).to.deep.include({ idNumber: ID_NUMBER, phone: PHONE });
    expect($(el, '[part="confirmation"]'), 'a cancelled submit sends nothing').to.equal(null);
    expect(textOf($(el, '[part="next-button"]'))).to.equal('提交申请');
  });

  it('organisations: the annual-report category, the credit code check, a doubtful 组织机构代码 only warns', async () => {
    const el = await form();
    await choose(el, 'applicantType-organization');
    const categories = $$(el, 'input[name="orgType"]').map((input) => textOf($(el, `label[for="${input.id}"]`)));
    expect(categories).to.deep.equal(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    await next(el);
    expect(summaryItems(el).map(([, href]) => href)).to.deep.equal([
      '#orgType',
      '#orgName',
      '#creditCode',
      '#legalRepresentative',
      '#contactName',
      '#phone',
    ]);
    expect(textOf($(el, 'label[for="phone"]'))).to.equal('联系人电话');

    await fill(el, 'creditCode', '91350100M000100Y44');
    expect(errorAt(el, 'creditCode')).to.equal(named('creditCode.checkChar', '统一社会信用代码'));
    await fill(el, 'creditCode', '91350100M000100O43');
    expect(errorAt(el, 'creditCode')).to.equal(named('creditCode.charset', '统一社会信用代码'));

    const doubtful = '91350100M000100Y5' + creditCodeCheckChar('91350100M000100Y5');
    await choose(el, 'orgType-legal-services');
    await fill(el, 'orgName', '某律师事务所');
    await fill(el, 'creditCode', doubtful.toLowerCase());
    expect($(el, '#creditCode-error')).to.equal(null);
    expect(textOf($(el, '#creditCode-warning'))).to.contain(zh('creditCode.orgCodeCheck'));
    expect($(el, '#creditCode')!.getAttribute('aria-describedby')).to.contain('creditCode-warning');
    await fill(el, 'legalRepresentative', '李四');
    await fill(el, 'contactName', '王五');
    await fill(el, 'phone', '0591-87270308-123');
    await next(el);
    expect(stepTitle(el), 'a warning does not block').to.equal('所需政府信息');
  });

  it('step 2 needs at least one of title, 文号 or description, each within its length', async () => {
    const el = await form();
    await fillPerson(el);
    await next(el);
    expect(textOf($(el, '.intro'))).to.equal('请至少填写名称、文号、内容描述中的一项，以便行政机关查找。');
    await next(el);
    expect(summaryItems(el)).to.deep.equal([[named('request.missing', '内容描述'), '#description']]);
    await fill(el, 'docNo', '国办函〔2020〕109号');
    expect($(el, '#description-error'), 'a 文号 alone is enough').to.equal(null);
    await fill(el, 'title', '长'.repeat(201));
    expect(errorAt(el, 'title')).to.equal(named('text.tooLong', '政府信息名称', { max: 200 }));
    await fill(el, 'title', '');
    await next(el);
    expect(stepTitle(el)).to.equal('获取信息的方式');
  });

  it('delivery: e-mail needs an address, post needs an address and 邮编, pre-filled from the applicant step', async () => {
    const el = await form();
    await fillPerson(el, { email: 'zhang@example.com', address: '福州市铜盘路118号' });
    await next(el);
    await fill(el, 'description', '某信息');
    await next(el);
    await next(el);
    expect(summaryItems(el)).to.deep.equal([
      [named('choice.required', '信息的载体形式'), '#formats'],
      [named('choice.required', '获取信息的方式'), '#methods'],
    ]);
    await choose(el, 'formats');
    await choose(el, 'methods');
    expect($<HTMLInputElement>(el, '#deliveryAddress')!.value, 'pre-filled').to.equal('福州市铜盘路118号');
    expect($<HTMLInputElement>(el, '#deliveryPostcode')!.value).to.equal('');
    await choose(el, 'methods-email');
    expect($<HTMLInputElement>(el, '#deliveryEmail')!.value).to.equal('zhang@example.com');
    await fill(el, 'deliveryEmail', '');
    await next(el);
    expect(summaryItems(el)).to.deep.equal([
      [named('delivery.emailRequired', '接收信息的电子邮箱'), '#deliveryEmail'],
      [named('delivery.postcodeRequired', '邮政编码'), '#deliveryPostcode'],
    ]);
    await fill(el, 'deliveryPostcode', '35000');
    expect(errorAt(el, 'deliveryPostcode')).to.equal(named('postcode.format', '邮政编码'));
    await fill(el, 'deliveryEmail', 'zhang@');
    expect(errorAt(el, 'deliveryEmail')).to.equal(named('email.format', '接收信息的电子邮箱'));
    // Unticking 邮寄 hides its fields and their errors with them.
    await choose(el, 'methods');
    expect($(el, '#deliveryPostcode')).to.equal(null);
    await fill(el, 'deliveryEmail', 'zhang@example.com');
    await next(el);
    expect(stepTitle(el)).to.equal('核对并提交');
  });

  it('the review shows every answer with 修改, and the declaration is required', async () => {
    const el = await form();
    await toReview(el, { workUnit: '福州某公司', email: 'zhang@example.com' });
    const rows = Object.fromEntries($$(el, '.review-row').map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]));
    expect(rows).to.deep.include({
      受理机关: '福建省商务厅',
      申请人类型: '公民',
      姓名: '张三',
      证件类型: '居民身份证',
      证件号码: ID_NUMBER,
      工作单位: '福州某公司',
      联系电话: PHONE,
      电子邮箱: 'zhang@example.com',
      内容描述: '2024年福州市商务发展专项资金分配结果',
      信息的载体形式: '电子文档',
      获取信息的方式: '当面领取',
    });
    await next(el);
    expect(summaryItems(el)).to.deep.equal([['请阅读并勾选承诺后再提交。', '#declaration']]);
    const edit = $$<HTMLButtonElement>(el, '[part="edit-button"]');
    expect(edit.map((b) => b.getAttribute('aria-describedby'))).to.deep.equal(['review-applicant', 'review-request', 'review-delivery']);
    edit[1]!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(stepTitle(el)).to.equal('所需政府信息');
    expect(focused(el)?.id).to.equal('step-title');
    expect($<HTMLTextAreaElement>(el, '#description')!.value).to.equal('2024年福州市商务发展专项资金分配结果');
  });

  it('a page without an agency says so instead of sending a request no one receives', async () => {
    const el = await form({ agency: '' });
    await toReview(el);
    await choose(el, 'declaration');
    await next(el);
    expect(summaryItems(el)).to.deep.equal([['这个页面没有正确设置受理机关，暂时无法提交。请联系网站管理员。', null]]);
    expect($(el, '[part="confirmation"]')).to.equal(null);
  });

  it('keeps the draft while typing and offers it back after a reload; files are listed to add again', async () => {
    let el = await form();
    expect($(el, '[part="draft-notice"]'), 'nothing saved before anything is typed').to.equal(null);
    await fillPerson(el, { address: '福州市铜盘路118号' });
    await pick(el, pngFile('身份证正面.png'));
    await waitUntil(() => textOf($(el, '.attachment')).includes('已上传'), 'upload did not finish', { timeout: 8000 });
    await next(el);
    await fill(el, 'title', '某文件');
    expect(textOf($(el, '[part="draft-notice"] p'))).to.equal('草稿已自动保存在本机');
    el.parentElement!.remove();

    el = await form();
    const prompt = $(el, '[part="draft-prompt"]')!;
    expect(textOf(prompt.querySelector('h2'))).to.equal('继续填写上次的草稿？');
    expect(textOf(prompt)).to.contain('上次选择的附件需要重新添加：身份证正面.png');
    const [resume] = [...prompt.querySelectorAll('button')];
    expect(textOf(resume)).to.equal('继续');
    resume!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(stepTitle(el), 'back on the step left').to.equal('所需政府信息');
    expect($<HTMLInputElement>(el, '#title')!.value).to.equal('某文件');
    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('张三');
    expect($<HTMLInputElement>(el, '#address')!.value).to.equal('福州市铜盘路118号');
    expect(textOf($(el, '[part="attachments"] .warning-message'))).to.contain('身份证正面.png');
    expect(localStorage.getItem(localStorage.key(0)!), 'never the bytes of a file').not.to.contain('iVBOR');

    el.parentElement!.remove();
    el = await form();
    const restart = [...$(el, '[part="draft-prompt"]')!.querySelectorAll('button')][1]!;
    expect(textOf(restart)).to.equal('重新开始');
    restart.click();
    await el.updateComplete;
    expect(stepTitle(el)).to.equal('申请人信息');
    expect($<HTMLInputElement>(el, '#applicantType')!.checked).to.equal(false);
    expect(localStorage.length, '重新开始 discards the draft').to.equal(0);
  });

  it('清除 removes the draft and what was typed, after asking', async () => {
    const el = await form();
    await fillPerson(el);
    const notice = () => $(el, '[part="draft-notice"]')!;
    notice().querySelector('button')!.click();
    await el.updateComplete;
    expect(textOf(notice())).to.contain('不能恢复');
    const [confirm] = [...notice().querySelectorAll('button')];
    expect(textOf(confirm)).to.equal('确定清除');
    confirm!.click();
    await el.updateComplete;
    expect(localStorage.length).to.equal(0);
    expect($<HTMLInputElement>(el, '#applicantType')!.checked).to.equal(false);
    await waitUntil(() => textOf($(el, '[role="status"]')) === '草稿已清除，已填写的内容已删除。');
  });

  it('a draft older than 7 days is not offered; draft="session" uses this tab only; draft="off" keeps nothing', async () => {
    let el = await form();
    await fillPerson(el);
    const key = localStorage.key(0)!;
    const stored = JSON.parse(localStorage.getItem(key)!);
    stored.savedAt = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    localStorage.setItem(key, JSON.stringify(stored));
    el.parentElement!.remove();
    el = await form();
    expect($(el, '[part="draft-prompt"]')).to.equal(null);
    expect(localStorage.length, 'the expired draft is deleted').to.equal(0);
    el.parentElement!.remove();

    el = await form({ draft: 'session' });
    await fillPerson(el);
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(1);
    expect(textOf($(el, '[part="draft-notice"] p'))).to.equal('草稿已暂存在这个浏览器标签页，关闭后即删除');
    el.parentElement!.remove();
    sessionStorage.clear();

    el = await form({ draft: 'off' });
    await fillPerson(el);
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect($(el, '[part="draft-notice"]')).to.equal(null);
  });

  it('drafts of two agencies do not mix', async () => {
    let el = await form({ agency: '福建省商务厅' });
    await fillPerson(el);
    el.parentElement!.remove();
    el = await form({ agency: '平潭综合实验区管委会' });
    expect($(el, '[part="draft-prompt"]')).to.equal(null);
  });

  it('attachments: picked or dropped, checked before upload, progress shown, removable, and sent with the application', async () => {
    const el = await form();
    await fillPerson(el);
    let sawProgress = false;
    const watcher = new MutationObserver(() => {
      if (shadow(el).querySelector('.attachment progress')) sawProgress = true;
    });
    watcher.observe(shadow(el), { childList: true, subtree: true });

    await pick(el, new File(['not a picture'], '说明.txt', { type: 'text/plain' }));
    expect(errorAt(el, 'attachments')).to.equal('“说明.txt”不是PDF、JPG或PNG文件，无法上传。');
    expect($$(el, '.attachment')).to.have.length(0);
    await pick(el, new File([new TextEncoder().encode('<html>')], '伪装.pdf', { type: 'application/pdf' }));
    expect(errorAt(el, 'attachments')).to.equal('“伪装.pdf”不是PDF、JPG或PNG文件，无法上传。');
    const big = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), new Uint8Array(10 * 1024 * 1024)], '扫描件.pdf', {
      type: 'application/pdf',
    });
    await pick(el, big);
    expect(errorAt(el, 'attachments')).to.equal('“扫描件.pdf”有10 MB，超过了10 MB，无法上传。请压缩或分成几个文件。');

    await pick(el, pngFile('身份证正面.png', 300 * 1024));
    expect($(el, '#attachments-error'), 'a good file clears the refusal').to.equal(null);
    const zone = $(el, '[part="drop-zone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }));
    await el.updateComplete;
    expect(zone.classList.contains('dragging')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: filesOf(pngFile('身份证反面.png')) }));
    await waitUntil(() => $$(el, '.attachment .done').length === 2, 'both uploads should finish', { timeout: 8000 });
    watcher.disconnect();
    expect(sawProgress, 'an upload shows its progress').to.equal(true);
    expect($$(el, '.file-name').map(textOf)).to.deep.equal(['身份证正面.png', '身份证反面.png']);
    await waitUntil(() => textOf($(el, '[role="status"]')).startsWith('已上传'));

    const remove = $$<HTMLButtonElement>(el, '.attachment button')[0]!;
    expect(textOf(remove)).to.equal('删除身份证正面.png');
    remove.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($$(el, '.file-name').map(textOf)).to.deep.equal(['身份证反面.png']);
    expect(focused(el)?.id, 'focus goes back to the picker').to.equal('attachments');

    await next(el);
    await fill(el, 'description', '某信息');
    await next(el);
    await choose(el, 'formats');
    await choose(el, 'methods-pickup');
    await next(el);
    expect(textOf($$(el, '.review-row').find((row) => textOf(row.querySelector('dt')) === '身份证明材料'))).to.contain('身份证反面.png');
    await choose(el, 'declaration');
    const submit = oneEvent(el, 'zwgk-submit');
    await next(el);
    const { detail } = (await submit) as CustomEvent<ApplicationSubmitDetail>;
    expect(detail.request.attachments).to.have.length(1);
    await waitForShadow(el, '[part="confirmation"]');
  });

  it('Continue waits for uploads: a failed upload must be retried or removed', async () => {
    const el = await form();
    await fillPerson(el);
    // Stub: the upload endpoint unreachable for this test (XMLHttpRequest to a closed port).
    el.apiBase = 'http://127.0.0.1:9';
    await pick(el, pngFile('身份证.png'));
    await waitUntil(() => $(el, '.attachment.failed'), 'the upload should fail', { timeout: 8000 });
    expect(textOf($(el, '.attachment.failed'))).to.contain('无法连接到服务器');
    await next(el);
    expect(summaryItems(el)).to.deep.equal([['有附件没有上传成功，请点击“重试”或删除该附件。', '#attachments']]);
    el.apiBase = '/api';
    const retry = $$<HTMLButtonElement>(el, '.attachment button').find((b) => textOf(b).startsWith('重试'))!;
    retry.click();
    await waitUntil(() => $(el, '.attachment .done'), 'retry should upload', { timeout: 8000 });
    expect($(el, '#attachments-error')).to.equal(null);
    await next(el);
    expect(stepTitle(el)).to.equal('所需政府信息');
  });

  it('a dropped connection keeps everything; Retry reuses the key and exactly one application is created', async () => {
    const el = await form();
    await toReview(el);
    await choose(el, 'declaration');
    const keys: string[] = [];
    let lost: { trackingCode: string } | undefined;
    let replayed: string | null = null;
    // Stub: the first submission reaches the real server, but its answer is lost on the way back.
    window.fetch = async (input, init) => {
      if (!isSubmit(input, init)) return realFetch(input, init);
      keys.push(new Headers(init!.headers).get('Idempotency-Key')!);
      const response = await realFetch(input, init);
      if (!lost) {
        lost = await response.json();
        throw new TypeError('Failed to fetch');
      }
      replayed = response.headers.get('Idempotent-Replayed');
      return response;
    };
    const failed = oneEvent(el, 'zwgk-error');
    await next(el);
    const { detail } = (await failed) as CustomEvent<ApplicationErrorDetail>;
    expect(detail.kind).to.equal('network');
    await el.updateComplete;
    await el.updateComplete;
    const failure = $(el, '[part="failure"]')!;
    expect(textOf(failure)).to.contain('申请没有提交成功');
    expect(textOf(failure)).to.contain('无法连接到服务器');
    expect(textOf(failure)).to.contain('您填写的内容都还在，不会丢失。');
    expect(focused(el), 'focus moves to the failure').to.equal(failure);
    expect(localStorage.length, 'the draft is kept').to.equal(1);
    expect(localStorage.getItem(localStorage.key(0)!), 'with the key of the attempt').to.contain(keys[0]);
    expect(textOf($$(el, '.review-row').find((row) => textOf(row.querySelector('dt')) === '姓名'))).to.contain('张三');

    const submitted = oneEvent(el, 'zwgk-submitted');
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    const receipt = ((await submitted) as CustomEvent<ApplicationSubmittedDetail>).detail;
    expect(keys).to.have.length(2);
    expect(keys[1], 'the same Idempotency-Key on retry').to.equal(keys[0]);
    expect(replayed, 'the server answered with the stored original').to.equal('true');
    expect(receipt.trackingCode, 'the application the lost answer was about: no second one').to.equal(lost!.trackingCode);
    expect((await lookUp(receipt.trackingCode)).status).to.equal(200);
    expect(localStorage.length).to.equal(0);
  });

  it('a reload after a lost answer resubmits with the saved key: still one application', async () => {
    let el = await form();
    await toReview(el);
    await choose(el, 'declaration');
    let lost: { trackingCode: string } | undefined;
    // Stub: the answer to the first submission is lost.
    window.fetch = async (input, init) => {
      if (!isSubmit(input, init) || lost) return realFetch(input, init);
      lost = await (await realFetch(input, init)).json();
      throw new TypeError('Failed to fetch');
    };
    await next(el);
    await waitForShadow(el, '[part="failure"]');
    el.parentElement!.remove();
    el = await form();
    [...$(el, '[part="draft-prompt"]')!.querySelectorAll('button')][0]!.click();
    await el.updateComplete;
    expect(stepTitle(el)).to.equal('核对并提交');
    const submitted = oneEvent(el, 'zwgk-submitted');
    await next(el);
    expect(((await submitted) as CustomEvent<ApplicationSubmittedDetail>).detail.trackingCode).to.equal(lost!.trackingCode);
  });

  it('cannot be submitted twice', async () => {
    const el = await form();
    await toReview(el);
    await choose(el, 'declaration');
    let posts = 0;
    window.fetch = (input, init) => {
      if (isSubmit(input, init)) posts++;
      return realFetch(input, init);
    };
    const button = $<HTMLButtonElement>(el, '[part="next-button"]')!;
    button.click();
    await el.updateComplete;
    expect(textOf(button)).to.equal('正在提交…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    button.click();
    await waitForShadow(el, '[part="confirmation"]');
    expect(posts).to.equal(1);
  });

  it("the server's field errors land on their fields and stay until the value changes", async () => {
    const el = await form();
    await toReview(el);
    $$<HTMLButtonElement>(el, '[part="edit-button"]')[1]!.click();
    await el.updateComplete;
    await fill(el, 'docNo', '闽商务〔2024〕1号');
    await next(el);
    await next(el);
    await choose(el, 'declaration');
    // Stub: a portal's backend with rules the element does not know answers 422 with field pointers.
    let answered = false;
    window.fetch = async (input, init) => {
      if (!isSubmit(input, init) || answered) return realFetch(input, init);
      answered = true;
      return new Response(
        JSON.stringify({
          type: 'urn:zwgk:problem:validation-failed',
          title: '提交的内容有误，请按提示修改',
          status: 422,
          errors: [
            { field: '/request/docNo', message: '本机关没有这个文号的文件，请核对', code: 'custom.docNo' },
            { field: '/applicant/phone', message: 'Phone looks wrong', code: 'phone.format' },
          ],
        }),
        { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
      );
    };
    await next(el);
    await waitUntil(() => stepTitle(el) === '申请人信息', 'the first step with a problem is shown');
    expect(focused(el)?.classList.contains('error-summary')).to.equal(true);
    expect(summaryItems(el)).to.deep.equal([[named('phone.format', '联系电话'), '#phone']]);
    expect(errorAt(el, 'phone'), "a known code in the element's own words").to.equal(named('phone.format', '联系电话'));
    await next(el);
    expect(stepTitle(el), 'the server said so, not the element: it stays until the value changes').to.equal('申请人信息');
    await fill(el, 'phone', '13912345679');
    expect($(el, '#phone-error')).to.equal(null);
    await next(el);
    expect(errorAt(el, 'docNo')).to.equal('本机关没有这个文号的文件，请核对');
    await next(el);
    expect(summaryItems(el)).to.deep.equal([['本机关没有这个文号的文件，请核对', '#docNo']]);
    await fill(el, 'docNo', '闽商务〔2024〕2号');
    await next(el);
    await next(el);
    await next(el);
    await waitForShadow(el, '[part="confirmation"]');
  });

  it('renders no blank lines from template whitespace under 答复期限 (as the minified build), and keeps typed line breaks', async () => {
    const el = await form();
    await fillPerson(el);
    await next(el);
    await fill(el, 'description', '第一行：2024年专项资金\n第二行：分配结果');
    await next(el);
    await choose(el, 'formats-electronic');
    await choose(el, 'methods-pickup');
    await next(el);
    const typed = $$(el, '.review-row dd').find((dd) => textOf(dd).includes('第一行'))!;
    expect(getComputedStyle(typed).whiteSpace, 'the typed description keeps its line break').to.equal('pre-wrap');
    await choose(el, 'declaration');
    await next(el);
    await waitForShadow(el, '[part="due-date"]', 'no confirmation');
    for (const dd of $$(el, '.review-row dd')) {
      const first = dd.firstElementChild ?? dd;
      const gap = first.getBoundingClientRect().top - dd.getBoundingClientRect().top;
      expect(gap, `a blank line above “${textOf(dd).slice(0, 12)}”`).to.be.below(4);
      // Each value is as tall as its own lines: no whitespace-only line under it either.
      const last = dd.lastElementChild ?? dd;
      expect(
        dd.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom,
        `a blank line under “${textOf(dd).slice(0, 12)}”`,
      ).to.be.below(4);
    }
  });

  it('shows the tracking code on one line at 320 px in elder mode, in groups, and speaks it letter by letter', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await form({ theme: 'elder' });
      await toReview(el);
      await choose(el, 'declaration');
      await next(el);
      const code = await waitForShadow(el, '[part="tracking-code"]', 'no confirmation');
      const groups = [...code.querySelectorAll('.code-group')];
      expect(groups.length).to.be.at.least(3);
      expect(new Set(groups.map((g) => Math.round(g.getBoundingClientRect().top))).size, 'the code breaks across lines').to.equal(1);
      expect(code.scrollWidth, 'the code overflows its box').to.be.at.most(code.clientWidth + 1);
      expect(code.getBoundingClientRect().right).to.be.at.most(320);
      const text = textOf(code);
      expect(text).to.match(/^YS-[23456789A-HJ-NP-Z]{10}$/);
      expect(groups.map(textOf)).to.deep.equal([text.slice(0, 3), text.slice(3, 7), text.slice(7, 11), text.slice(11)]);
      const spoken = textOf(code.nextElementSibling);
      expect(spoken).to.equal(groups.map((g) => [...textOf(g).replace('-', '')].join(' ')).join('，'));
      // The widest code the alphabet allows fits as well (monospace: every code is as wide).
      groups.forEach((group, i) => (group.textContent = i === 0 ? 'YS-' : 'W'.repeat(textOf(group).length)));
      expect(new Set(groups.map((g) => Math.round(g.getBoundingClientRect().top))).size, 'a code of W breaks').to.equal(1);
      expect(code.scrollWidth, 'a code of W overflows').to.be.at.most(code.clientWidth + 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('修改 on the review returns to the review after that one step (check answers), which shows the normalised values', async () => {
    const el = await form();
    await toReview(el, { idNumber: '110105 19491231 002x', phone: '139 1234 5678' });
    const value = (label: string) =>
      textOf(
        $$(el, '.review-row')
          .find((row) => textOf(row.querySelector('dt')) === label)
          ?.querySelector('dd'),
      );
    expect(value('证件号码')).to.equal(ID_NUMBER);
    expect(value('联系电话')).to.equal(PHONE);
    $$<HTMLButtonElement>(el, '[part="edit-button"]')[0]!.click();
    await el.updateComplete;
    expect(stepTitle(el)).to.not.equal('核对并提交');
    expect(textOf($(el, '[part="next-button"]'))).to.equal('返回核对页');
    await fill(el, 'name', '李四');
    await next(el);
    expect(stepTitle(el), 'one step, then back to the review').to.equal('核对并提交');
    expect(value('姓名')).to.equal('李四');
    // Past the review again, 下一步 walks the steps in order.
    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await el.updateComplete;
    expect(textOf($(el, '[part="next-button"]'))).to.equal('下一步');
  });

  it('the confirmation: tracking code to copy and print, date received, and the deadline counted across 国庆', async () => {
    const el = await form();
    await toReview(el);
    await choose(el, 'declaration');
    answerSubmitBeforeNationalDay();
    const submitted = oneEvent(el, 'zwgk-submitted');
    await next(el);
    expect(((await submitted) as CustomEvent<ApplicationSubmittedDetail>).detail.dueDate).to.equal('2025-10-30');
    await el.updateComplete;
    expect(textOf($(el, '#receipt-title'))).to.equal('申请已提交');
    expect(textOf($(el, '[part="tracking-code"]'))).to.equal('YS-TEST234567');
    expect(textOf($(el, '[part="received-date"]'))).to.equal('2025年9月26日星期五');
    const due = $(el, '[part="due-date"]')!;
    expect(textOf(due.querySelector('strong'))).to.equal('2025年10月30日星期四');
    expect(textOf(due.querySelector('[part="deadline-explanation"]'))).to.equal(
      '自收到申请的次日（2025年9月27日星期六）起算20个工作日。 其间有14天周末和法定节假日，不计算在内。 调休上班的2天计算在内。',
    );
    expect($$(el, '[part="next-steps"] li').map(textOf)[0]).to.contain('7个工作日内一次性告知');
    expect($(el, 'form'), 'the form is gone').to.equal(null);

    $<HTMLButtonElement>(el, '[part="copy-button"]')!.click();
    await waitUntil(() => textOf($(el, '[role="status"]')) === '已复制申请编号：YS-TEST234567', 'no spoken confirmation');
    expect(await navigator.clipboard.readText()).to.equal('YS-TEST234567');

    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, '[part="print-button"]')!.click();
    } finally {
      window.print = print;
    }
    expect(printed).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('hostile strings in every field are sent as typed and shown back as text', async () => {
    const el = await form({ agency: HOSTILE.markup });
    await choose(el, 'applicantType');
    const typed = {
      name: HOSTILE.markup,
      workUnit: HOSTILE.script,
      address: HOSTILE.quote,
      idNumber: ID_NUMBER,
      phone: PHONE,
    };
    for (const [id, value] of Object.entries(typed)) await fill(el, id, value);
    await pick(el, pngFile(`${HOSTILE.quote}.png`));
    await waitUntil(() => $(el, '.attachment .done'), 'upload', { timeout: 8000 });
    expect(textOf($(el, '.file-name'))).to.equal(`${HOSTILE.quote}.png`);
    await next(el);
    const request = { title: HOSTILE.markup, docNo: HOSTILE.quote, description: HOSTILE.script, purpose: HOSTILE.url };
    for (const [id, value] of Object.entries(request)) await fill(el, id, value);
    await next(el);
    await choose(el, 'formats');
    await choose(el, 'methods');
    await fill(el, 'deliveryAddress', HOSTILE.script);
    await fill(el, 'deliveryPostcode', '350003');
    await next(el);
    const rows = Object.fromEntries(
      $$(el, '.review-row').map((row) => [textOf(row.querySelector('dt')), row.querySelector('dd')!.textContent!.trim()]),
    );
    expect(rows).to.deep.include({
      受理机关: HOSTILE.markup,
      姓名: HOSTILE.markup,
      工作单位: HOSTILE.script,
      通信地址: HOSTILE.quote,
      政府信息名称: HOSTILE.markup,
      文号或索引号: HOSTILE.quote,
      内容描述: HOSTILE.script,
      用途: HOSTILE.url,
      邮寄地址: HOSTILE.script,
    });
    expect($$(el, 'img, script, svg').length, 'no markup from the strings').to.equal(0);
    await choose(el, 'declaration');
    const submit = oneEvent(el, 'zwgk-submit');
    await next(el);
    const { request: sent } = ((await submit) as CustomEvent<ApplicationSubmitDetail>).detail;
    expect(sent.agency).to.equal(HOSTILE.markup);
    expect(sent.applicant).to.deep.include({ name: HOSTILE.markup, workUnit: HOSTILE.script, address: HOSTILE.quote });
    expect(sent.request).to.deep.equal(request);
    await waitForShadow(el, '[part="confirmation"]');
    expect(textOf($$(el, '.review-row dd')[0])).to.equal(HOSTILE.markup);
    expect(pwned()).to.equal(false);
  });

  it('speaks English: labels, code lists, validation messages and the progress', async () => {
    const el = await form({ lang: 'en' });
    await waitUntil(() => textOf($(el, '[part="progress"]')) === 'Step 1 of 4', 'no English', { timeout: 5000 });
    expect(stepTitle(el)).to.equal('Applicant');
    await choose(el, 'applicantType');
    expect(textOf($(el, 'label[for="email"]'))).to.equal('Email (optional)');
    expect($$<HTMLOptionElement>(el, '#idType option').map((o) => o.textContent!.trim())[0]).to.equal('Resident identity card');
    await fill(el, 'idNumber', '110105194912310021');
    expect(errorAt(el, 'idNumber')).to.equal(formatFieldMessage('en', 'idNumber.checkDigit', 'Document number'));
    await next(el);
    expect(textOf($(el, '.error-summary h2'))).to.equal('There are 3 problems to fix');
    await fill(el, 'name', 'Zhang San');
    await fill(el, 'idNumber', ID_NUMBER);
    await fill(el, 'phone', PHONE);
    await next(el);
    expect(stepTitle(el)).to.equal('The information you want');
    await fill(el, 'description', 'Allocation of the 2024 commerce fund');
    await next(el);
    expect(textOf($(el, 'label[for="methods-inspect"]'))).to.equal('Read and copy on site');
    await choose(el, 'formats');
    await choose(el, 'methods-pickup');
    await next(el);
    await choose(el, 'declaration');
    answerSubmitBeforeNationalDay();
    await next(el);
    await waitForShadow(el, '[part="confirmation"]');
    expect(textOf($(el, '#receipt-title'))).to.equal('Application submitted');
    expect(textOf($(el, '[part="deadline-explanation"]'))).to.equal(
      'Counted as 20 working days from the day after receipt (Saturday, 27 September 2025). 14 weekend days and public ' +
        'holidays in between are not counted. 2 weekend days that are official working days (调休) are counted.',
    );
  });

  it('grows to the elder theme and fits 320 px without sideways scrolling', async () => {
    const el = await form({ theme: 'elder' });
    await choose(el, 'applicantType');
    const root = $(el, '.zwgk-root')!;
    expect(parseFloat(getComputedStyle(root).fontSize)).to.be.at.least(18);
    expect($(el, '.choice')!.getBoundingClientRect().height).to.be.at.least(44);
    expect($(el, '#name')!.getBoundingClientRect().height).to.be.at.least(44);
    expect($(el, '[part="next-button"]')!.getBoundingClientRect().height).to.be.at.least(44);
    await setViewport({ width: 320, height: 640 });
    await next(el);
    await el.updateComplete;
    expect(root.scrollWidth).to.be.at.most(root.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('is accessible on every step, with errors, the prompt and a failure', async () => {
    let el = await form();
    await expect(el).to.be.accessible();
    await next(el);
    await expect(el).to.be.accessible();
    await choose(el, 'applicantType-organization');
    await next(el);
    await expect(el).to.be.accessible();
    await choose(el, 'applicantType');
    await fillPerson(el);
    await next(el);
    await expect(el).to.be.accessible();
    await fill(el, 'description', '某信息');
    await next(el);
    await choose(el, 'methods');
    await choose(el, 'methods-email');
    await next(el);
    await expect(el).to.be.accessible();
    await choose(el, 'formats');
    await fill(el, 'deliveryEmail', 'zhang@example.com');
    await fill(el, 'deliveryAddress', '福州市铜盘路118号');
    await fill(el, 'deliveryPostcode', '350003');
    await next(el);
    await expect(el).to.be.accessible();
    await choose(el, 'declaration');
    // Stub: no network for this submission.
    window.fetch = async (input, init) =>
      isSubmit(input, init) ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    await next(el);
    await waitForShadow(el, '[part="failure"]');
    await expect(el).to.be.accessible();
    el.parentElement!.remove();
    el = await form();
    await waitForShadow(el, '[part="draft-prompt"]');
    await expect(el).to.be.accessible();
  });

  it('validate-on="submit": leaving a field says nothing, 下一步 shows every problem, and a mended one goes at once', async () => {
    const el = await form();
    el.validateOn = 'submit';
    await choose(el, 'applicantType');
    await fill(el, 'phone', '139');
    expect($(el, '#phone-error'), 'nothing on leaving the field').to.equal(null);
    await next(el);
    expect(focused(el)?.classList.contains('error-summary')).to.equal(true);
    expect(errorAt(el, 'phone')).to.equal(named('phone.format', '联系电话'));
    expect(summaryItems(el)).to.deep.include([named('phone.format', '联系电话'), '#phone']);
    await fill(el, 'phone', PHONE);
    expect($(el, '#phone-error'), 'mended: gone').to.equal(null);
    await fill(el, 'phone', '139');
    expect($(el, '#phone-error'), 'a new problem waits for 下一步 again').to.equal(null);
  });

  it('validate-on="input": a problem shows as the citizen types, and goes as they put it right', async () => {
    const wrapper = await fixture(
      html`<div lang="zh-CN">
        <zwgk-application-form api-base="/api" agency="福建省商务厅" draft="off" validate-on="input"></zwgk-application-form>
      </div>`,
    );
    const el = wrapper.querySelector('zwgk-application-form')!;
    await waitForShadow(el, 'form');
    expect(el.validateOn).to.equal('input');
    await choose(el, 'applicantType');
    await fill(el, 'phone', '139', { leave: false });
    expect(errorAt(el, 'phone'), 'shown without leaving the field').to.equal(named('phone.format', '联系电话'));
    await fill(el, 'phone', PHONE, { leave: false });
    expect($(el, '#phone-error')).to.equal(null);
    await fill(el, 'name', '', { leave: false });
    expect($(el, '#name-error'), 'a blank field waits for 下一步').to.equal(null);
  });
});
