/**
 * The CSS half of the browser-floor check (scripts/check-floor.mjs, run by `npm run build` over every shipped
 * stylesheet): what Chrome 87 / Safari 14.1 would drop is found, what degrades safely passes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { css } from 'lit';
import { cssProblems } from '../../scripts/check-floor.mjs';
import { containerQuery } from '../../src/styles/container-query.ts';

test('finds CSS the browser floor drops', () => {
  const newer: Record<string, string> = {
    ':has()': '.a:has(b) { color: red }',
    ':is()': ':is(.a, .b) { color: red }',
    nesting: '.a { & .b { color: red } }',
    '@layer': '@layer base { .a { color: red } }',
    'a container unit with no fallback': '.a { min-width: 45cqi }',
    'dvh with no fallback': '.a { height: 100dvh }',
    'lh with no fallback': '.a { min-height: 1lh }',
    'oklch()': '.a { color: oklch(0.5 0.1 200) }',
    'a narrowing container query with no fallback': '@container (max-width: 30em) { .a { display: block } }',
  };
  for (const [name, sheet] of Object.entries(newer)) assert.notDeepEqual(cssProblems(sheet), [], name);
  assert.match(cssProblems('@container (min-width: 36rem) { .a { display: grid } }').join(), /rem follows the page/);
  assert.notDeepEqual(cssProblems('@container (width > 30em) { .a { display: grid } }'), []);
});

test('passes what degrades safely: a fallback declaration, @supports, and containerQuery()', () => {
  const safe = [
    '.a { min-width: 45vw; min-width: 45cqi }',
    '.a { height: 100vh; height: 100dvh }',
    '.a { min-height: calc(1.6 * 1em); min-height: 1lh }',
    '@supports selector(:has(a)) { .a:has(b) { color: red } }',
    '.a:focus-visible { outline: 3px solid } .b { gap: 1rem; inset: 0; margin-inline: auto }',
    containerQuery(
      'max-width: 30em',
      css`
        .a {
          display: block;
        }
      `,
    ).cssText,
  ];
  for (const sheet of safe) assert.deepEqual(cssProblems(sheet), [], sheet);
});
