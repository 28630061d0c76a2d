// The browser's narrative sanitiser (components/base/sanitize.ts) on the shared table of hostile narratives
// (tests/fixtures/hostile-narratives.ts), which the server's sanitiser passes too (tests/node/narrative-sanitiser.test.ts).
import { expect } from '@open-wc/testing';
import { sanitizeNarrative, sanitizedFragment } from '../../src/components/base/sanitize.js';
import { escapeAttribute, escapeText } from '../../src/core/report/import/html-tree.js';
import { HEADINGS, NARRATIVE_ATTRIBUTES, NARRATIVE_TAGS, VOID_TAGS } from '../../src/core/report/narrative-policy.js';
import { HOSTILE_NARRATIVES } from '../fixtures/hostile-narratives.js';
import { pwned } from './helpers.js';

/** The nodes written out as the server writes its output, so the two compare as strings. */
function written(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return escapeText((node as Text).data);
  const inner = [...node.childNodes].map(written).join('');
  if (node.nodeType !== Node.ELEMENT_NODE) return inner;
  const el = node as Element;
  const open = `<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('')}>`;
  return VOID_TAGS.includes(el.localName) ? open : `${open}${inner}</${el.localName}>`;
}

const parsed = (html: string) => {
  const box = document.createElement('template');
  box.innerHTML = html;
  return box.content;
};

describe('narrative sanitiser (browser)', () => {
  for (const { name, html, safe } of HOSTILE_NARRATIVES) {
    it(`${name}: ${html}`, () => {
      const fragment = sanitizedFragment(html);
      expect(written(fragment)).to.equal(safe);
      // Only the policy's HTML elements and attributes, whatever the text was (no SVG or MathML element survives).
      for (const el of fragment.querySelectorAll('*')) {
        expect(el.namespaceURI).to.equal('http://www.w3.org/1999/xhtml');
        expect(NARRATIVE_TAGS.includes(el.localName) && !HEADINGS.includes(el.localName), `<${el.localName}> kept`).to.equal(true);
        for (const { name } of el.attributes) expect(NARRATIVE_ATTRIBUTES.includes(name) || name === 'rel', `${name}= kept`).to.equal(true);
      }
      // The string form (for the report editor) is the same nodes, written out.
      expect(written(parsed(sanitizeNarrative(html)))).to.equal(safe);
    });
  }

  it('nothing in the table runs once its nodes are in the page', async () => {
    const box = document.createElement('div');
    for (const { html } of HOSTILE_NARRATIVES) box.append(sanitizedFragment(html));
    document.body.append(box);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // time for an onerror to fire, were it there
      expect(pwned()).to.equal(false);
      expect(document.querySelector('base')).to.equal(null);
    } finally {
      box.remove();
    }
  });

  it('loads no image while it sanitises: only once the nodes are shown', async () => {
    const src = `${location.origin}/sanitiser-probe.png?${Date.now()}`;
    const fragment = sanitizedFragment(`<p><img src="${src}" alt="探针"></p>`);
    sanitizeNarrative(`<img src="${src}&string">`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(performance.getEntriesByName(src)).to.have.length(0);
    expect(performance.getEntriesByName(`${src}&string`)).to.have.length(0);
    const box = document.createElement('div');
    box.append(fragment);
    document.body.append(box);
    try {
      expect(box.querySelector('img')!.getAttribute('src')).to.equal(src);
    } finally {
      box.remove();
    }
  });
});
