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
