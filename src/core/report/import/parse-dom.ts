/** Builds the importer's tree with the browser's own DOMParser, so the browser needs no parser library. */
import type { HtmlElement, HtmlNode } from './html-tree.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function convert(node: Node): HtmlNode | undefined {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== ELEMENT_NODE) return undefined;
  const el = node as Element;
  const attrs: Record<string, string> = {};
  for (const attr of Array.from(el.attributes)) attrs[attr.name.toLowerCase()] = attr.value;
  // <template> content lives in a fragment, not in childNodes; it is skipped anyway.
  const children = Array.from(el.childNodes).flatMap((child) => {
    const converted = convert(child);
    return converted === undefined ? [] : [converted];
  });
  return { tag: el.localName.toLowerCase(), attrs, children };
}

/** Parses without running anything: DOMParser documents have no scripting and load no subresources. */
export function parseWithDomParser(html: string): HtmlElement {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = convert(doc.documentElement);
  return { tag: '#document', attrs: {}, children: root ? [root] : [] };
}
