/**
 * Every element renders on the server (@lit-labs/ssr in Node) from attributes, `data`, inline JSON and
 * with theme="elder", touching no browser global, into declarative shadow DOM that shows the content.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASES, renderToString } from './render.ts';

const BROWSER_GLOBALS = [
  'window',
  'document',
  'location',
  'Element',
  'ShadowRoot',
  'MutationObserver',
  'localStorage',
  'sessionStorage',
  'history',
];

test('Node has none of the browser globals an element could lean on', () => {
  for (const name of BROWSER_GLOBALS) assert.equal(name in globalThis, false, `${name} is not defined in Node`);
});

for (const [name, { template, shows }] of Object.entries(CASES)) {
  test(`server rendering: ${name}`, () => {
    const out = renderToString(template);
    assert.match(out, /<template shadowroot="open" shadowrootmode="open">/, 'declarative shadow DOM');
    assert.match(out, shows);
    assert.doesNotMatch(out, /part="error"/, 'no error state');
  });
}

test('server rendering: given data, the contact card and the directory render ready, not empty or loading', () => {
  for (const name of ['contact card from data', 'directory from data']) {
    const out = renderToString(CASES[name].template);
    assert.doesNotMatch(out, /part="(empty|loading)"/, name);
  }
});
