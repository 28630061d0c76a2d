import createDOMPurify from 'dompurify';
import { safeHref } from '../../core/url.js';
import { IMAGE_PROTOCOLS, LINK_PROTOCOLS, NARRATIVE_ATTRIBUTES, NARRATIVE_TAGS } from '../../core/report/narrative-policy.js';

/**
 * Sanitises the HTML of a report's narrative parts (一、五、六) before it is rendered.
 * What a CMS editor writes survives: paragraphs, emphasis, lists, tables and links. No
 * script, event-handler attribute, `javascript:` URL, `<style>`, `style`, `class` or `id`
 * attribute gets through, so nothing runs and nothing styles or addresses the element
 * around the text. Headings become bold paragraphs, so the report keeps one outline. The lists are
 * the ones the server's sanitiser uses too (core/report/import/html-tree.ts `sanitizedNarrative`).
 */

// A private instance: hooks added here must not change DOMPurify for anyone else on the page.
const purifier = createDOMPurify(window);

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement) {
    const href = safeHref(node.getAttribute('href'), LINK_PROTOCOLS);
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  } else if (node instanceof HTMLImageElement) {
    const src = safeHref(node.getAttribute('src'), IMAGE_PROTOCOLS);
    if (src) node.setAttribute('src', src);
    else node.removeAttribute('src');
    // No alternative given: treated as decorative (the narrative's text carries the content), never left unlabelled.
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
});

const CONFIG = {
  ALLOWED_TAGS: [...NARRATIVE_TAGS],
  ALLOWED_ATTR: [...NARRATIVE_ATTRIBUTES],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true as const,
};

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
