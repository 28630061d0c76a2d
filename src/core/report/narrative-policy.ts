/**
 * The narrative policy: which tags, attributes and URL schemes a report's narrative parts keep, and how a
 * kept element's attributes are checked. Its own module so the browser's sanitiser (components/base/sanitize.ts)
 * loads the lists without the server's tree sanitiser (import/html-tree.ts); both build their output from here.
 */
import { safeHref } from '../url.js';

export const HEADINGS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The tags both narrative policies keep: paragraphs, emphasis, lists, links and tables. */
export const TEXT_TAGS: readonly string[] = [
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
];
export const TABLE_TAGS: readonly string[] = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];

/**
 * What the report viewer keeps of a narrative part (一、五、六) as a CMS editor wrote it — the one list
 * both of its sanitisers use: the DOM one in the browser (components/base/sanitize.ts) and
 * `sanitizedNarrative` (import/html-tree.ts) on the server. Headings are kept here only to become bold paragraphs.
 */
export const NARRATIVE_TAGS: readonly string[] = [
  ...TEXT_TAGS,
  ...['span', 'div', 'pre', 'dl', 'dt', 'dd', 'img', 'colgroup', 'col'],
  ...TABLE_TAGS,
  ...HEADINGS,
];
export const NARRATIVE_ATTRIBUTES: readonly string[] = [
  'href',
  'title',
  'alt',
  'src',
  'colspan',
  'rowspan',
  'scope',
  'lang',
  'dir',
  'start',
];
/** Where a narrative's links and images may point. */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:'];
export const IMAGE_PROTOCOLS: readonly string[] = ['http:', 'https:'];

/** Content that is never part of the report's text: dropped with everything inside it, by both policies. */
export const SKIPPED_TAGS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'head',
  'select',
  'button',
  'textarea',
];

/**
 * What a narrative drops with everything inside it. Not <svg> or <math>: htmlparser2 does not end them at a
 * paragraph as browsers do, and an unclosed one would take the rest of the text with it; unwrapped (like every
 * tag not kept), only their text stays. Matched on the local name whatever the namespace, so an SVG <style> goes too.
 */
export const DROPPED_TAGS: readonly string[] = [...SKIPPED_TAGS, 'object', 'embed', 'title', 'noembed', 'noframes', 'xmp', 'plaintext'];

/** Elements written without an end tag and without children. */
export const VOID_TAGS: readonly string[] = ['br', 'img', 'col'];

const SPAN = /^\d{1,3}$/;

/** A table cell's colspan and rowspan, when they are small whole numbers. */
export function cellSpans(tag: string, attrs: Readonly<Record<string, string>>): [string, string][] {
  if (tag !== 'td' && tag !== 'th') return [];
  return (['colspan', 'rowspan'] as const).flatMap((name): [string, string][] => {
    const value = attrs[name]?.trim();
    return value && SPAN.test(value) ? [[name, value]] : [];
  });
}

const KEPT_ATTRIBUTES = new Set(NARRATIVE_ATTRIBUTES);

/**
 * The attributes a kept narrative element gets, checked, in the order both sanitisers write them: spans, then
 * the plain kept ones as given, then a link's address (only to LINK_PROTOCOLS, with rel="noopener noreferrer"),
 * an image's source (only from IMAGE_PROTOCOLS) and its text alternative (alt="" when none is given).
 */
export function narrativeAttributes(tag: string, attrs: Readonly<Record<string, string>>): [string, string][] {
  const out = cellSpans(tag, attrs);
  for (const [name, value] of Object.entries(attrs)) {
    if (!KEPT_ATTRIBUTES.has(name) || name === 'colspan' || name === 'rowspan' || name === 'href' || name === 'src') continue;
    out.push([name, value]);
  }
  const href = tag === 'a' ? safeHref(attrs['href'], LINK_PROTOCOLS) : undefined;
  if (href) out.push(['href', href], ['rel', 'noopener noreferrer']);
  if (tag === 'img') {
    const src = safeHref(attrs['src'], IMAGE_PROTOCOLS);
    if (src) out.push(['src', src]);
    // No alternative given: decorative (the narrative's text carries the content), never unlabelled.
    if (attrs['alt'] === undefined) out.push(['alt', '']);
  }
  return out;
}
