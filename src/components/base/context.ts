/**
 * Language and theme come from the closest ancestor that sets them (`lang`,
 * `theme`), crossing shadow-root boundaries, and follow later changes. One
 * MutationObserver per document serves every element.
 */

import { isServer } from 'lit';

type Listener = () => void;

/** The page around the elements as server rendering knows it (see `setServerContext` in src/ssr.ts). */
export interface ServerContext {
  /** The page's language, e.g. from `<html lang>` or the request. */
  lang?: string;
  /** `elder` when the page is in its elder-friendly (适老化) mode. */
  theme?: 'default' | 'elder';
}
let serverContext: ServerContext = {};
/** What server rendering takes for the page's `lang` and `theme` from now on (an element's own attributes still win). */
export function setServerContext(context: ServerContext): void {
  serverContext = { ...context };
}
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/** The value of `attribute` on `node` or its closest ancestor, looking through shadow hosts. */
export function closestAttribute(node: Element, attribute: string): string | null {
  // Server rendering (Lit SSR) knows the element's own attributes only, not its ancestors: then the page's, if told.
  if (isServer)
    return node.getAttribute(attribute) ?? (attribute === 'lang' || attribute === 'theme' ? serverContext[attribute] : undefined) ?? null;
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
