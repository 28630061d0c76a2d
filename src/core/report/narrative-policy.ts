/**
 * The narrative policy: which tags, attributes and URL schemes a report's narrative parts keep. Its own
 * module so the browser's DOMPurify configuration loads these lists without the server's tree sanitiser.
 */

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
 * both of its sanitisers use: DOMPurify in the browser (components/base/sanitize.ts) and
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
