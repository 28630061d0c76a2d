// The server's narrative sanitiser (core/report/import/html-tree.ts `sanitizedNarrative` on an htmlparser2 tree)
// on the shared table of hostile narratives, which the browser's sanitiser passes too (tests/browser/narrative-sanitiser.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type HtmlNode, isElement, sanitizedNarrative } from '../../src/core/report/import/html-tree.js';
import { parseWithHtmlparser2 } from '../../src/core/report/import/parse-htmlparser2.js';
import { HEADINGS, NARRATIVE_ATTRIBUTES, NARRATIVE_TAGS } from '../../src/core/report/narrative-policy.js';
import { HOSTILE_NARRATIVES } from '../fixtures/hostile-narratives.js';

/** What the output's own elements and attributes are, read back: only the policy's, and no unsafe address. */
function assertOnlyPolicy(node: HtmlNode): void {
  if (!isElement(node)) return;
  if (node.tag !== '#document') {
    assert.ok(NARRATIVE_TAGS.includes(node.tag) && !HEADINGS.includes(node.tag), `<${node.tag}> kept`);
    for (const [name, value] of Object.entries(node.attrs)) {
      assert.ok(NARRATIVE_ATTRIBUTES.includes(name) || name === 'rel', `${name}= kept on <${node.tag}>`);
      if (name === 'href' || name === 'src') assert.doesNotMatch(value.replace(/[\u0000-\u0020]/g, ''), /^(javascript|data|vbscript):/i);
    }
  }
  node.children.forEach(assertOnlyPolicy);
}

for (const { name, html, safe, server } of HOSTILE_NARRATIVES) {
  test(`narrative sanitiser (server) — ${name}: ${html}`, () => {
    const out = sanitizedNarrative(parseWithHtmlparser2(html));
    assert.equal(out, server ?? safe);
    assertOnlyPolicy(parseWithHtmlparser2(out));
  });
}
