import { DROPPED_TAGS, HEADINGS, NARRATIVE_TAGS, VOID_TAGS, narrativeAttributes } from '../../core/report/narrative-policy.js';

/**
 * Sanitises the HTML of a report's narrative parts (一、五、六) before it is rendered.
 * What a CMS editor writes survives: paragraphs, emphasis, lists, tables and links. No
 * script, event-handler attribute, `javascript:` URL, `<style>`, `style`, `class` or `id`
 * attribute gets through, so nothing runs and nothing styles or addresses the element
 * around the text. Headings become bold paragraphs, so the report keeps one outline.
 *
 * The text is parsed into an inert document (DOMParser: no script runs, no image loads, no style
 * applies), and the result is built from fresh elements with only the narrative policy's tags and checked
 * attributes (core/report/narrative-policy.ts, the policy the server's sanitiser applies to an htmlparser2
 * tree: core/report/import/html-tree.ts `sanitizedNarrative`). The viewer renders those nodes as they are:
 * nothing is serialised and parsed again, so markup cannot change meaning between the check and the page
 * (mutation XSS). Why not DOMPurify: docs/decisions/0006-narrative-sanitiser.md.
 */

const DROPPED = new Set(DROPPED_TAGS);
const KEPT = new Set(NARRATIVE_TAGS);
const HEADING = new Set(HEADINGS);
const VOID = new Set(VOID_TAGS);

/** Copies what the policy keeps of `from`'s children into `into`, as new nodes of `doc`. */
function rebuild(from: Node, into: Node, doc: Document): void {
  for (const node of from.childNodes) {
    // Text only; comments, CDATA and processing instructions are dropped.
    if (node.nodeType === Node.TEXT_NODE) {
      into.appendChild(doc.createTextNode((node as Text).data));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const source = node as Element;
    // By local name whatever the namespace: an SVG <style> or <a> is judged as the HTML one, as on the server.
    const tag = source.localName.toLowerCase();
    if (DROPPED.has(tag)) continue;
    if (HEADING.has(tag)) {
      const paragraph = into.appendChild(doc.createElement('p'));
      rebuild(source, paragraph.appendChild(doc.createElement('strong')), doc);
    } else if (KEPT.has(tag)) {
      const element = into.appendChild(doc.createElement(tag));
      const attrs: Record<string, string> = {};
      // The first of a repeated name, as the HTML parser keeps it (an attribute has one name per element anyway).
      for (const { name, value } of source.attributes) attrs[name] ??= value;
      for (const [name, value] of narrativeAttributes(tag, attrs)) element.setAttribute(name, value);
      if (!VOID.has(tag)) rebuild(source, element, doc);
    } else {
      // Not kept (svg, math, form, font, o:p …): unwrapped, only what it holds that the policy keeps stays.
      rebuild(source, into, doc);
    }
  }
}

/**
 * The narrative as new nodes of an inert document, ready to render as they are (Lit takes a node as a
 * child value). Its images start loading only when the fragment is put into the page.
 */
export function sanitizedFragment(html: string): DocumentFragment {
  // In a body, as the text is a part of one: a leading <noscript>, <title> or <meta> stays where the policy drops it.
  const source = new DOMParser().parseFromString(`<body>${html}`, 'text/html');
  const fragment = source.createDocumentFragment();
  if (source.body) rebuild(source.body, fragment, source);
  return fragment;
}

/** The narrative as safe HTML (for an editor that parses it again itself). Plain text (no tags) comes back as text. */
export function sanitizeNarrative(html: string): string {
  const fragment = sanitizedFragment(html);
  // An inert <template> of the same inert document: serialising must not make the page fetch the images in the text.
  const box = fragment.ownerDocument.createElement('template');
  box.content.append(fragment);
  return box.innerHTML;
}
