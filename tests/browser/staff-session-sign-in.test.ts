/**
 * The one staff sign-in (base/staff-sign-in.ts) as both office elements show it, against the reference
 * server: the same words for the same failure in the request desk and the report editor, with the focus on
 * them, so a member of staff hears what happened wherever they sign in.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/request-desk.js';
import '../../src/report-editor.js';
import { $, $$, lockStaffAccount, press, shadow, signInStaff, signOutStaff, textOf } from './harness.js';

const ELEMENTS: [string, () => TemplateResult][] = [
  ['<zwgk-request-desk>', () => html`<zwgk-request-desk api-base="/api"></zwgk-request-desk>`],
  // A year no other test writes: nothing here creates its report.
  ['<zwgk-report-editor>', () => html`<zwgk-report-editor api-base="/api" year="2023"></zwgk-report-editor>`],
];

async function signInForm(template: () => TemplateResult): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(template());
  await waitUntil(() => $(el, '[part="sign-in"]'), 'no sign-in form', { timeout: 10000 });
  return el;
}

const active = (el: Element) => shadow(el).activeElement;

/** Types the name and password as the fields take them, and presses 登录. */
async function submit(el: HTMLElement, name: string, password: string): Promise<void> {
  for (const [id, value] of [
    ['name', name],
    ['password', password],
  ] as const) {
    const input = $<HTMLInputElement>(el, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await press(el, 'sign-in-button');
}

/** The words of the failure, once shown; the focus is on them (a screen reader reads them at once). */
async function failure(el: HTMLElement): Promise<string> {
  await waitUntil(() => $(el, '[part="sign-in-error"]'), 'no failure shown', { timeout: 10000 });
  await waitUntil(() => active(el)?.getAttribute('part') === 'sign-in-error', 'the failure never took focus');
  expect($(el, '[part="sign-in-error"]')!.getAttribute('role')).to.equal('alert');
  expect($<HTMLButtonElement>(el, '[part="sign-in-button"]')!.disabled, 'the button is usable again').to.equal(false);
  return textOf($(el, '[part="sign-in-error"]'));
}

/** A name no account has, fresh for each test: its failures lock no one else out. */
const nobody = () => `nobody-${Math.random().toString(36).slice(2, 10)}`;

describe('staff sign-in, the same in the desk and the report editor', () => {
  beforeEach(signOutStaff);
  after(signOutStaff);

  it('a wrong password gets the same words in both, with the focus on them; the name stays, the password goes', async () => {
    const name = nobody();
    const said: string[] = [];
    for (const [tag, template] of ELEMENTS) {
      const el = await signInForm(template);
      await submit(el, name, 'wrong-password-123');
      said.push(await failure(el));
      expect($<HTMLInputElement>(el, '#name')!.value, tag).to.equal(name);
      expect($<HTMLInputElement>(el, '#password')!.value, tag).to.equal('');
      await expect(el).to.be.accessible();
    }
    expect(said).to.deep.equal([
      '用户名或密码不正确。请核对后重新输入（注意大小写）。',
      '用户名或密码不正确。请核对后重新输入（注意大小写）。',
    ]);
  });

  it('an account locked after repeated failures says so, and what to do, in both', async () => {
    const name = nobody();
    await lockStaffAccount(name);
    for (const [, template] of ELEMENTS) {
      const el = await signInForm(template);
      await submit(el, name, 'any-password');
      expect(await failure(el)).to.equal('登录失败次数过多，账户已暂时锁定。请稍后再试，或联系管理员重置密码。');
    }
  });

  it('a server that cannot be reached is said in words in both, and the form stays to try again', async () => {
    const realFetch = window.fetch;
    // Stub: the network fails for the sign-in itself, after the session check reached the server (the one
    // failure the reference server cannot be made to cause between two requests).
    window.fetch = (input, init) =>
      init?.method === 'POST' && String(input instanceof Request ? input.url : input).endsWith('/staff/session')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : realFetch(input, init);
    try {
      for (const [tag, template] of ELEMENTS) {
        const el = await signInForm(template);
        await submit(el, 'clerk', 'demo-clerk-password');
        expect(await failure(el), tag).to.equal('无法连接到服务器，请检查网络后重试。');
        expect($(el, '[part="sign-in"]'), `${tag}: the form, not an error state`).to.exist;
        expect($<HTMLInputElement>(el, '#name')!.value, tag).to.equal('clerk');
      }
    } finally {
      window.fetch = realFetch;
    }
  });

  it('blank fields are listed in a summary that takes the focus, and marked at each field, in both', async () => {
    for (const [tag, template] of ELEMENTS) {
      const el = await signInForm(template);
      await press(el, 'sign-in-button');
      await waitUntil(() => active(el)?.id === 'sign-in-summary', `${tag}: the summary takes focus`);
      expect($$(el, '#sign-in-summary a').map(textOf), tag).to.deep.equal(['请输入用户名', '请输入密码']);
      expect($$(el, '[part="field-error"]').map(textOf), tag).to.deep.equal(['错误请输入用户名', '错误请输入密码']);
      expect($(el, '#password')!.getAttribute('aria-invalid'), tag).to.equal('true');
      // A link of the summary takes the user to the field.
      $<HTMLAnchorElement>(el, '#sign-in-summary a[href="#password"]')!.click();
      expect(active(el)?.id, tag).to.equal('password');
    }
  });

  it('the editor says when the session ended, that the changes are kept, and moves the focus to the heading', async () => {
    await signInStaff('clerk');
    const el = await fixture<HTMLElement>(html`<zwgk-report-editor api-base="/api" year="2023"></zwgk-report-editor>`);
    await waitUntil(() => $(el, '[part="empty"], [part="header"]'), 'the editor never opened the year', { timeout: 10000 });
    await signOutStaff(); // as if the session timed out
    const start = $$<HTMLButtonElement>(el, '[part="empty"] button').find((b) => textOf(b) === '开始编制');
    expect(start, 'a clerk may start the year').to.exist;
    start!.click();
    await waitUntil(() => $(el, '[part="session-expired"]'), 'the editor never said the session ended', { timeout: 10000 });
    expect(textOf($(el, '[part="session-expired"]'))).to.equal('登录已过期，请重新登录。您的修改仍保留在本浏览器中，登录后可以继续保存。');
    await waitUntil(() => active(el)?.id === 'sign-in-title', 'the heading takes focus');
    expect(textOf($(el, '#sign-in-title + p'))).to.equal('编制年度报告需要登录。');
  });
});
