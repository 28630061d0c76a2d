/** Builds the importer's tree with htmlparser2, which runs anywhere (Node has no DOMParser). */
import { Parser } from 'htmlparser2';
import type { HtmlElement } from './html-tree.js';

export function parseWithHtmlparser2(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#document', attrs: {}, children: [] };
  const open: HtmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: HtmlElement = { tag: name.toLowerCase(), attrs, children: [] };
        open[open.length - 1]!.children.push(el);
        open.push(el);
      },
      ontext(text) {
        const parent = open[open.length - 1]!;
        const last = parent.children[parent.children.length - 1];
        // htmlparser2 reports an entity such as &nbsp; as its own text event: join them again.
        if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
        else parent.children.push(text);
      },
      onclosetag(name) {
        const index = open.map((el) => el.tag).lastIndexOf(name.toLowerCase());
        if (index > 0) open.length = index;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root;
}
