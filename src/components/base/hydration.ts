import type { ReactiveElement } from 'lit';

/**
 * True while a server-rendered element (declarative shadow DOM from Lit SSR) has not had its first update
 * in the browser. That update hydrates the server's HTML and must render what the server rendered, so what
 * only the browser can read (inline JSON and other children) is read just after it.
 */
export function awaitsHydration(element: ReactiveElement): boolean {
  return !element.hasUpdated && (element.shadowRoot?.childNodes.length ?? 0) > 0;
}
