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
