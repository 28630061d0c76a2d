import { waitUntil } from '@open-wc/testing';

/** The element's shadow root, typed. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** Visible text of a node, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `selector` matches inside the element's shadow root. */
export async function waitForShadow<T extends Element = Element>(el: Element, selector: string, message?: string): Promise<T> {
  await waitUntil(() => shadow(el).querySelector(selector), message ?? `${selector} never appeared`, { timeout: 10000 });
  return shadow(el).querySelector(selector) as T;
}

/** Strings that must render as text, never as markup or script. */
export const HOSTILE = {
  markup: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  quote: '"><svg onload="window.__pwned=1">',
  url: 'javascript:window.__pwned=1',
};

export function pwned(): boolean {
  return Boolean((window as unknown as { __pwned?: number }).__pwned);
}
