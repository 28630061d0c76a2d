/**
 * The small HTML tree the importer reads: elements with their attributes and children,
 * text as strings. Both parsers (htmlparser2 in Node, DOMParser in the browser) build it,
 * so everything after parsing is the same pure code on both sides.
 */

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | string;

export const isElement = (node: HtmlNode): node is HtmlElement => typeof node !== 'string';

/** Content that is never part of the report's text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'head', 'select', 'button', 'textarea']);

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

/** Tags kept in the narrative; everything else is unwrapped (its text kept) or dropped with its content (SKIPPED). */
const KEPT_TAGS = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const VOID = new Set(['br']);
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function keptAttributes(el: HtmlElement): string {
  const out: string[] = [];
  if (el.tag === 'a') {
    const href = (el.attrs['href'] ?? '').trim();
    if (SAFE_LINK.test(href)) out.push(`href="${escapeAttribute(href)}"`);
  }
  if (el.tag === 'td' || el.tag === 'th') {
    for (const name of ['colspan', 'rowspan']) {
      const value = el.attrs[name];
      if (value && /^\d{1,3}$/.test(value.trim())) out.push(`${name}="${value.trim()}"`);
    }
  }
  return out.length ? ` ${out.join(' ')}` : '';
}

/**
 * The node as HTML that can only contain an allowlist of tags and attributes, rebuilt from
 * the tree (never by editing the source text): no script, style, event handler, class, id
 * or non-http link survives. Headings become bold paragraphs; divs become paragraphs.
 */
export function sanitizedHtml(node: HtmlNode): string {
  if (!isElement(node)) return escapeText(node);
  if (SKIPPED.has(node.tag)) return '';
  const inner = node.children.map(sanitizedHtml).join('');
  if (HEADINGS.has(node.tag)) return `<p><strong>${inner}</strong></p>`;
  if (node.tag === 'div') return inner.trim() === '' ? '' : hasBlock(node) ? inner : `<p>${inner}</p>`;
  if (!KEPT_TAGS.has(node.tag)) return inner;
  // A link whose address is not http(s), mailto or tel is kept as its text.
  if (node.tag === 'a' && keptAttributes(node) === '') return inner;
  if (VOID.has(node.tag)) return `<${node.tag}>`;
  return `<${node.tag}${keptAttributes(node)}>${inner}</${node.tag}>`;
}

const BLOCK_TAGS = new Set(['p', 'div', 'table', 'ul', 'ol', 'blockquote', ...HEADINGS]);

export function hasBlock(el: HtmlElement): boolean {
  return el.children.some((child) => isElement(child) && (BLOCK_TAGS.has(child.tag) || hasBlock(child)));
}

export const isBlock = (node: HtmlNode): node is HtmlElement => isElement(node) && BLOCK_TAGS.has(node.tag);
