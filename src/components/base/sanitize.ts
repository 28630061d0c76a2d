import createDOMPurify from 'dompurify';
import { safeHref } from '../../core/url.js';

/**
 * Sanitises the HTML of a report's narrative parts (一、五、六) before it is rendered.
 * What a CMS editor writes survives: paragraphs, emphasis, lists, tables and links. No
 * script, event-handler attribute, `javascript:` URL, `<style>`, `style`, `class` or `id`
 * attribute gets through, so nothing runs and nothing styles or addresses the element
 * around the text. Headings become bold paragraphs, so the report keeps one outline.
 */

// A private instance: hooks added here must not change DOMPurify for anyone else on the page.
const purifier = createDOMPurify(window);

const ALLOWED_TAGS = [
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
  'span',
  'div',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'colspan', 'rowspan', 'scope', 'lang', 'dir', 'start'];

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement) {
    const href = safeHref(node.getAttribute('href'), ['http:', 'https:', 'mailto:', 'tel:']);
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  } else if (node instanceof HTMLImageElement) {
    const src = safeHref(node.getAttribute('src'), ['http:', 'https:']);
    if (src) node.setAttribute('src', src);
    else node.removeAttribute('src');
    // No alternative given: treated as decorative (the narrative's text carries the content), never left unlabelled.
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
});

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
} as const;

/** The narrative as safe HTML, ready for `unsafeHTML`. Plain text (no tags) comes back as text. */
export function sanitizeNarrative(html: string): string {
  const fragment = purifier.sanitize(html, CONFIG);
  for (const heading of fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const paragraph = document.createElement('p');
    const strong = document.createElement('strong');
    strong.append(...heading.childNodes);
    paragraph.append(strong);
    heading.replaceWith(paragraph);
  }
  // An inert <template>, not a <div>: serialising must not make the page fetch the images in the text.
  const box = document.createElement('template');
  box.content.append(fragment);
  return box.innerHTML;
}
