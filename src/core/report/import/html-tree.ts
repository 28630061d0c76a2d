/**
 * The small HTML tree the importer reads: elements with their attributes and children,
 * text as strings. Both parsers (htmlparser2 in Node, DOMParser in the browser) build it,
 * so everything after parsing is the same pure code on both sides.
 */
import {
  DROPPED_TAGS,
  HEADINGS,
  IMAGE_PROTOCOLS,
  LINK_PROTOCOLS,
  NARRATIVE_ATTRIBUTES,
  NARRATIVE_TAGS,
  SKIPPED_TAGS,
  TABLE_TAGS,
  TEXT_TAGS,
  VOID_TAGS,
  cellSpans,
  narrativeAttributes,
} from '../narrative-policy.js';

export { IMAGE_PROTOCOLS, LINK_PROTOCOLS, NARRATIVE_ATTRIBUTES, NARRATIVE_TAGS };

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | string;

export const isElement = (node: HtmlNode): node is HtmlElement => typeof node !== 'string';

/** Content that is never part of the report's text. */
const SKIPPED = new Set(SKIPPED_TAGS);

const BLOCK_BREAK = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The text of a node as a reader sees it, without scripts; a table below the node is left out
 * unless asked for (a layout cell's text is not the text of the report table inside it).
 */
export function textOf(node: HtmlNode, options: { nestedTables?: boolean } = {}): string {
  if (!isElement(node)) return node;
  if (SKIPPED.has(node.tag)) return '';
  const inner = node.children
    .map((child) => (isElement(child) && child.tag === 'table' && !options.nestedTables ? '' : textOf(child, options)))
    .join('');
  return BLOCK_BREAK.has(node.tag) ? `${inner}\n` : inner;
}

/** Every element below `node` (depth first, document order) that passes `test`; does not look inside a match when `stop`. */
export function findAll(node: HtmlNode, test: (el: HtmlElement) => boolean, stop = false): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (current: HtmlNode) => {
    if (!isElement(current)) return;
    if (test(current)) {
      found.push(current);
      if (stop) return;
    }
    current.children.forEach(walk);
  };
  walk(node);
  return found;
}

/** The chain of elements from `root` down to `target` (both included), or undefined when it is not below root. */
export function pathTo(root: HtmlElement, target: HtmlElement): HtmlElement[] | undefined {
  if (root === target) return [root];
  for (const child of root.children) {
    if (!isElement(child)) continue;
    const below = pathTo(child, target);
    if (below) return [root, ...below];
  }
  return undefined;
}

// ---- Sanitised serialisation ----

const HEADING_TAGS = new Set(HEADINGS);

/** Content dropped with everything inside it, beyond what is never the report's text (see DROPPED_TAGS). */
const DROPPED = new Set(DROPPED_TAGS);
const VOID = new Set(VOID_TAGS);

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

interface Policy {
  tags: ReadonlySet<string>;
  dropped: ReadonlySet<string>;
  /** The attributes kept on `el`, checked, in order. */
  attributes: (el: HtmlElement) => [string, string][];
  /** Divs become paragraphs (the importer's clean text) instead of staying divs. */
  divsToParagraphs: boolean;
}

function serialise(node: HtmlNode, policy: Policy): string {
  if (!isElement(node)) return escapeText(node);
  if (policy.dropped.has(node.tag)) return '';
  const inner = node.children.map((child) => serialise(child, policy)).join('');
  if (HEADING_TAGS.has(node.tag)) return `<p><strong>${inner}</strong></p>`;
  if (node.tag === 'div' && policy.divsToParagraphs) return inner.trim() === '' ? '' : hasBlock(node) ? inner : `<p>${inner}</p>`;
  if (!policy.tags.has(node.tag)) return inner;
  const attributes = policy.attributes(node);
  // The importer keeps a link whose address is not http(s), mailto or tel as its text.
  if (node.tag === 'a' && policy.divsToParagraphs && attributes.length === 0) return inner;
  const open = `<${node.tag}${attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')}>`;
  return VOID.has(node.tag) ? open : `${open}${inner}</${node.tag}>`;
}

const spans = (el: HtmlElement): [string, string][] => cellSpans(el.tag, el.attrs);

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const IMPORTED: Policy = {
  tags: new Set([...TEXT_TAGS, ...TABLE_TAGS]),
  dropped: SKIPPED,
  divsToParagraphs: true,
  attributes: (el) => {
    const href = (el.attrs['href'] ?? '').trim();
    return el.tag === 'a' ? (SAFE_LINK.test(href) ? [['href', href]] : []) : spans(el);
  },
};

/**
 * The node as HTML that can only contain an allowlist of tags and attributes, rebuilt from
 * the tree (never by editing the source text): no script, style, event handler, class, id
 * or non-http link survives. Headings become bold paragraphs; divs become paragraphs.
 */
export function sanitizedHtml(node: HtmlNode): string {
  return serialise(node, IMPORTED);
}

/**
 * The viewer's policy, rebuilt from a tree as above: NARRATIVE_TAGS and NARRATIVE_ATTRIBUTES, links
 * only to LINK_PROTOCOLS (with rel="noopener noreferrer"), images only from IMAGE_PROTOCOLS and never
 * without a text alternative (narrativeAttributes). What components/base/sanitize.ts does in the browser, for server
 * rendering, where there is no DOM.
 */
export function sanitizedNarrative(root: HtmlElement): string {
  const policy: Policy = {
    tags: new Set(NARRATIVE_TAGS),
    dropped: DROPPED,
    divsToParagraphs: false,
    attributes: (el) => narrativeAttributes(el.tag, el.attrs),
  };
  return root.children.map((child) => serialise(child, policy)).join('');
}

const BLOCK_TAGS = new Set(['p', 'div', 'table', 'ul', 'ol', 'blockquote', ...HEADINGS]);

export function hasBlock(el: HtmlElement): boolean {
  return el.children.some((child) => isElement(child) && (BLOCK_TAGS.has(child.tag) || hasBlock(child)));
}

export const isBlock = (node: HtmlNode): node is HtmlElement => isElement(node) && BLOCK_TAGS.has(node.tag);
