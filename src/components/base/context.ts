/**
 * Language and theme come from the closest ancestor that sets them (`lang`,
 * `theme`), crossing shadow-root boundaries, and follow later changes. One
 * MutationObserver per document serves every element.
 */

import { isServer } from 'lit';

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/** The value of `attribute` on `node` or its closest ancestor, looking through shadow hosts. */
export function closestAttribute(node: Element, attribute: string): string | null {
  // Server rendering (Lit SSR) knows the element's own attributes only, not its ancestors.
  if (isServer) return node.getAttribute(attribute);
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute(attribute)) return current.getAttribute(attribute);
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}

/** Calls `listener` whenever a `lang` or `theme` attribute changes anywhere in the document. */
export function observeContext(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'theme'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
