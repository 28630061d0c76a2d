import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/request-desk.js';
import { defineElement } from '../../src/components/base/zwgk-element.js';
import type { ZwgkRequestDesk } from '../../src/components/request-desk/request-desk.js';
import { shadow, textOf, waitForShadow } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];

/** The demo server's fixed passwords in memory (src/server/staff/demo-staff.ts). */
const PASSWORDS = { clerk: 'demo-clerk-password', head: 'demo-head-password', admin: 'demo-admin-password' };

async function signOutEverywhere(): Promise<void> {
  const session = await fetch('/api/staff/session');
  if (session.status !== 200) return;
  const { csrfToken } = await session.json();
  await fetch('/api/staff/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } });
}

async function desk(lang = 'zh-CN'): Promise<ZwgkRequestDesk> {
  const wrapper = await fixture(html`<div lang=${lang}><zwgk-request-desk api-base="/api"></zwgk-request-desk></div>`);
  const el = wrapper.querySelector('zwgk-request-desk')!;
  await waitUntil(() => $(el, '[part="sign-in"], [part="bar"]'), 'the desk never showed sign-in or the bar', { timeout: 10000 });
  return el;
}

const active = (el: Element) => shadow(el).activeElement as HTMLElement | null;

/** Types into whatever has focus, as a keyboard does. */
async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Tabs forward until `selector` has focus (at most 60 presses): the way a keyboard user gets there. */
async function tabTo(el: Element, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 60; i++) {
    if (active(el)?.matches(selector)) return active(el)!;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${selector} (focus is on ${active(el)?.outerHTML.slice(0, 120)})`);
}

async function signIn(el: ZwgkRequestDesk, name: string, password: string): Promise<void> {
  $<HTMLInputElement>(el, '#name')!.focus();
  await type(name);
  await tabTo(el, '#password');
  await type(password);
  await press('Enter');
}

describe('<zwgk-request-desk> sign-in', () => {
  beforeEach(signOutEverywhere);
  after(signOutEverywhere);

  it('says in words what is missing, and a wrong password without saying which part was wrong', async () => {
    const el = await desk();
    expect(textOf($(el, 'h2'))).to.equal('工作人员登录');
    $<HTMLInputElement>(el, '#name')!.focus();
    await press('Enter');
    await waitUntil(() => active(el)?.id === 'sign-in-summary', 'the summary takes focus');
    expect($$(el, '#sign-in-summary a').map(textOf)).to.deep.equal(['请输入用户名', '请输入密码']);

    await signIn(el, 'nobody-here', 'wrong-password-123');
    await waitForShadow(el, '[part="sign-in-error"]');
    expect(textOf($(el, '[part="sign-in-error"]'))).to.equal('用户名或密码不正确。请核对后重新输入（注意大小写）。');
    expect(active(el)?.getAttribute('part')).to.equal('sign-in-error');
    expect($<HTMLInputElement>(el, '#password')!.value, 'the wrong password is cleared').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('signs in with the keyboard, signs out, and says so when the session ends elsewhere', async () => {
    const events: string[] = [];
    const el = await desk();
    el.addEventListener('zwgk-signed-in', (e) => events.push(`in:${e.detail.role}`));
    el.addEventListener('zwgk-signed-out', (e) => events.push(`out:${e.detail.reason}`));
    await signIn(el, 'clerk', PASSWORDS.clerk);
    await waitForShadow(el, '[part="bar"]');
    await waitUntil(() => active(el)?.id === 'queue-title', 'focus moves to the queue');
    expect(textOf($(el, '.who'))).to.equal('clerk（经办人）');

    await tabTo(el, '#sign-out');
    await press('Enter');
    await waitForShadow(el, '[part="sign-in"]');
    expect(textOf($(el, '[part="sign-in"] .notice'))).to.equal('已退出登录。');
    expect((await fetch('/api/staff/session')).status, 'the server ended the session').to.equal(401);

    await signIn(el, 'clerk', PASSWORDS.clerk);
    await waitForShadow(el, '[part="bar"]');
    // The session ends on the server (signed out in another tab): the next request brings sign-in back.
    await signOutEverywhere();
    await tabTo(el, '[part="status-counts"] button');
    await press('Enter');
    await waitForShadow(el, '[part="session-expired"]');
    expect(textOf($(el, '[part="session-expired"]'))).to.equal('登录已过期，请重新登录。未提交的内容没有保存。');
    expect(active(el)?.id).to.equal('sign-in-title');
    expect(events).to.deep.equal(['in:clerk', 'out:signed-out', 'in:clerk', 'out:expired']);
    await expect(el).to.be.accessible();
  });

  it('finds a session that is already there', async () => {
    const signedIn = await fetch('/api/staff/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'head', password: PASSWORDS.head }),
    });
    expect(signedIn.status).to.equal(200);
    const el = await desk();
    await waitForShadow(el, '[part="bar"]');
    expect(textOf($(el, '.who'))).to.equal('head（负责人）');
  });

  it('speaks English', async () => {
    const el = await desk('en');
    await waitUntil(() => textOf($(el, 'h2')) === 'Staff sign-in', 'no English', { timeout: 5000 });
    expect(textOf($(el, 'label[for="password"]'))).to.equal('Password');
  });

  it('defining the element twice does not throw', () => {
    expect(() => defineElement('zwgk-request-desk', class extends HTMLElement {})).not.to.throw();
  });
});
