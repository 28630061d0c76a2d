/**
 * What every browser test does to an element, in one place (after material-web's
 * harness.ts): find things in its shadow root, type and leave a field as a citizen
 * does, choose an option, press a button. Assertions stay in the tests.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { shadow, textOf } from './helpers.js';

export { HOSTILE, pwned, shadow, textOf, waitForShadow } from './helpers.js';

/** The first match of `selector` in the element's shadow root, or null. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return shadow(el).querySelector<T>(selector);
}

/** Every match of `selector` in the element's shadow root. */
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...shadow(el).querySelectorAll<T>(selector)];
}

/** The element's `::part(name)` (one of its parts). */
export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return $<T>(el, `[part~="${name}"]`);
}

async function settled(el: Element): Promise<void> {
  await (el as LitElement).updateComplete;
}

/** Types `value` into the control with `id` and leaves it (focus, input event, blur), as a citizen does. */
export async function fill(el: Element, id: string, value: string, { leave = true } = {}): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`);
  expect(control, `#${id}`).to.exist;
  control!.focus();
  control!.value = value;
  control!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (leave) control!.blur();
  await settled(el);
}

/** Clicks the radio button or checkbox with `id`. */
export async function choose(el: Element, id: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${CSS.escape(id)}`);
  expect(input, `#${id}`).to.exist;
  input!.click();
  await settled(el);
}

/** Clicks the button whose part is `name` (or that matches a selector, when it starts with # . or [). */
export async function press(el: Element, name: string): Promise<void> {
  const button = /^[#.[]/.test(name) ? $<HTMLButtonElement>(el, name) : part<HTMLButtonElement>(el, name);
  expect(button, name).to.exist;
  button!.click();
  await settled(el);
}

/** Waits until the element's visible text contains `text`. */
export async function waitForText(el: Element, text: string, message?: string): Promise<void> {
  await waitUntil(() => textOf(shadow(el)).includes(text), message ?? `“${text}” never appeared`, { timeout: 10000 });
}

/**
 * A small well-formed PDF file (one empty page, a real cross-reference table): the server checks an upload
 * to its end, so a bare "%PDF-1.4" is refused. The same shape as the server tests' samplePdf().
 */
export function pdfFile(name: string, note?: string): File {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  // A note (ASCII) goes in a comment line, so a test can recognise the file it downloads.
  let text = note ? `%PDF-1.7\n% ${note}\n` : '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length); // ASCII only: characters are bytes
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new File([text], name, { type: 'application/pdf' });
}

/**
 * Hostile legacy stylesheets, as old CMS pages carry them: a shrunken rem, `* { font-size: 12px }`, a
 * jQuery-era stylesheet pushing inherited styles onto everything, a realistic old-portal stylesheet (it
 * styles `.main` and `div`: put the element in `<div class="main"><div>…`).
 */
export const HOSTILE_STYLESHEETS: Record<string, string> = {
  'html { font-size: 62.5% }': 'html { font-size: 62.5%; } body { font-size: 1.4rem; }',
  '* { font-size: 12px }': '* { font-size: 12px; }',
  'a jQuery-era stylesheet': `* { font-style: italic; font-weight: bold; letter-spacing: 2px; word-spacing: 6px; text-indent: 2em;
    white-space: nowrap; text-transform: uppercase; line-height: 1; text-align: center; cursor: crosshair;
    font-family: SimSun, serif; color: #999; direction: rtl; font-variant: small-caps; }`,
  'an old portal stylesheet': `html { font-size: 62.5%; }
    body { font: 12px/1.5 "宋体", SimSun, Arial; color: #333; text-align: center; background: #f0f0f0; }
    body, div, ul, li, p, h1, h2, h3, h4, table, td, th, form, input, button { margin: 0; padding: 0; }
    div { font-size: 1.2rem; letter-spacing: 1px; text-indent: 2em; }
    td, th { white-space: nowrap; } a { color: #333; text-decoration: none; } ul, li { list-style: none; }
    .main { width: 1000px; margin: 0 auto; text-align: left; font-weight: bold; font-style: oblique; }
    input, button { font-size: 12px; height: 22px; line-height: 22px; }`,
};

/** The computed styles a host stylesheet could reach, read from every node of the element's `.zwgk-root`. */
export const HOST_CSS_PROPERTIES = [
  'fontSize',
  'fontStyle',
  'fontWeight',
  'fontFamily',
  'fontVariant',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'whiteSpace',
  'lineHeight',
  'textAlign',
  'direction',
  'visibility',
  'cursor',
  'color',
  'minHeight',
  'paddingTop',
  'paddingInlineStart',
  'boxSizing',
] as const;

/** The computed styles of every node in the element's shadow tree, as `tag[part=…]: property=value` lines. */
export function computedStyles(el: Element): string[] {
  const root = shadow(el).querySelector('.zwgk-root')!;
  return [root, ...root.querySelectorAll('*')].flatMap((node) => {
    const computed = getComputedStyle(node);
    const name = `${node.localName}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}`;
    return HOST_CSS_PROPERTIES.map((property) => `${name}: ${property}=${computed[property]}`);
  });
}

/** The `.button`s a visitor can see (some are shown on narrow screens only). */
export function shownButtons(el: Element): HTMLButtonElement[] {
  return $$<HTMLButtonElement>(el, 'button.button').filter((button) => button.getClientRects().length > 0);
}

/** Runs `body` with `css` in a <style> in the page's head, removed afterwards. */
export async function withStylesheet<T>(css: string, body: () => Promise<T>): Promise<T> {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  try {
    return await body();
  } finally {
    style.remove();
  }
}

/**
 * What an element promises under host CSS, for one state of it: on a clean page 16px text and buttons at least
 * 44px high; 20px text when the browser's default is 20px; and under each of HOSTILE_STYLESHEETS the same
 * computed styles as on the clean page, buttons still at least 44px. `render()` puts the element on the page
 * (inside `<div class="main"><div>`, where the old portal stylesheet reaches) and resolves once it shows the state.
 */
export function describeHostCss(name: string, render: () => Promise<Element>): void {
  describe(`${name} under host CSS`, () => {
    let clean: string[];
    before(async () => {
      clean = computedStyles(await render());
    });

    it('has 16px text and targets of at least 44px on a clean page', async () => {
      const element = await render();
      expect(getComputedStyle($(element, '.zwgk-root')!).fontSize).to.equal('16px');
      const buttons = shownButtons(element);
      expect(buttons.length, 'buttons to measure').to.be.above(0);
      for (const button of buttons) expect(button.getBoundingClientRect().height, button.textContent ?? '').to.be.at.least(44);
    });

    it("still grows with a larger default font size (the browser's setting)", async () => {
      await withStylesheet('html { font-size: 20px; }', async () => {
        const element = await render();
        expect(getComputedStyle($(element, '.zwgk-root')!).fontSize).to.equal('20px');
      });
    });

    for (const [sheet, css] of Object.entries(HOSTILE_STYLESHEETS)) {
      it(`looks the same under ${sheet}`, async () => {
        await withStylesheet(css, async () => {
          const element = await render();
          const hostile = computedStyles(element);
          expect(hostile.length).to.equal(clean.length);
          const changed = hostile.flatMap((line, i) =>
            line === clean[i] ? [] : [`${clean[i]} → ${line.slice(line.lastIndexOf('=') + 1)}`],
          );
          expect(changed, changed.slice(0, 8).join('\n')).to.deep.equal([]);
          for (const button of shownButtons(element)) {
            expect(button.getBoundingClientRect().height, button.textContent ?? '').to.be.at.least(44);
          }
        });
      });
    }
  });
}

/** The page's own fetch, taken before any test stubs `window.fetch`. */
const pageFetch = window.fetch.bind(window);

/**
 * A citizen's application submitted to the reference server as the application form sends it; returns its
 * tracking code and the phone number (a fresh one, starting with `phonePrefix`) that proves it.
 */
export async function submitApplication(
  options: { phonePrefix?: string; describe?: (phone: string) => string; delivery?: object } = {},
): Promise<{ code: string; phone: string }> {
  const phone = `${options.phonePrefix ?? '139'}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const response = await pageFetch('/api/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      agency: '福建省商务厅',
      applicant: { type: 'person', name: '李四', idType: 'resident-id', idNumber: '11010519491231002X', phone },
      request: { description: options.describe?.(phone) ?? '2024年福州市商务发展专项资金分配结果' },
      delivery: options.delivery ?? { formats: ['paper'], methods: ['pickup'] },
      attachments: [],
    }),
  });
  expect(response.status).to.equal(201);
  return { code: ((await response.json()) as { trackingCode: string }).trackingCode, phone };
}

/** The demo's fixed staff accounts in memory, by role (src/server/staff/demo-staff.ts; server code cannot load in the browser). */
export const STAFF_PASSWORDS = { clerk: 'demo-clerk-password', head: 'demo-head-password', admin: 'demo-admin-password' } as const;

/** The browser's staff session on the reference server, or undefined when signed out. */
export async function staffSession(): Promise<{ csrfToken: string } | undefined> {
  const response = await pageFetch('/api/staff/session');
  return response.ok ? ((await response.json()) as { csrfToken: string }) : undefined;
}

/** Ends the browser's staff session on the server, if there is one: as signing out in another tab, or a timeout, does. */
export async function signOutStaff(): Promise<void> {
  const current = await staffSession();
  if (current) await pageFetch('/api/staff/session', { method: 'DELETE', headers: { 'X-CSRF-Token': current.csrfToken } });
}

/** Signs the browser in as the demo account of `role` (signed out first); returns the session's CSRF token. */
export async function signInStaff(role: keyof typeof STAFF_PASSWORDS): Promise<string> {
  await signOutStaff();
  const response = await pageFetch('/api/staff/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: role, password: STAFF_PASSWORDS[role] }),
  });
  expect(response.status).to.equal(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Picks the option with `value` in the `<select>` with `id` (a change event, as a citizen's pick fires). */
export async function chooseOption(el: Element, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${CSS.escape(id)}`);
  expect(select, `#${id}`).to.exist;
  select!.value = value;
  select!.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(el);
}

/**
 * Fails to sign in as `name` until the reference server locks the account (429), as repeated wrong passwords
 * do; use a name of no real account, so no other test is locked out. (Each failure also counts against this
 * browser's address, which locks at 20 within 15 minutes: lock one name per test file at most.)
 */
export async function lockStaffAccount(name: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await pageFetch('/api/staff/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password: 'not-the-password' }),
    });
    if (response.status === 429) return;
    expect(response.status).to.equal(401);
  }
  throw new Error(`${name} was never locked`);
}
