// An element's folder is its own: what two elements share lives in components/base/ or styles/
// (CONTRIBUTING.md, “Layout”). This fails when any file in src/components/<a>/ imports from
// src/components/<b>/ for b other than a and base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const components = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/components');
const IMPORT = /(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** `element folder → the other element folders it imports`, as “a/file.ts → b/file.ts” lines. */
export function crossElementImports(root: string): string[] {
  const found: string[] = [];
  for (const file of files(root)) {
    const own = relative(root, file).split(sep)[0];
    if (own === 'base') continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), specifier));
      const folder = target.split(sep)[0];
      if (target.startsWith('..') || folder === own || folder === 'base') continue;
      found.push(`${relative(root, file)} → ${target}`);
    }
  }
  return found;
}

test('no element imports from another element’s folder', () => {
  assert.deepEqual(crossElementImports(components), []);
});

test('the check sees a cross-element import (static, dynamic and re-export)', () => {
  const sample = [
    "import { x } from '../application-form/steps.js';",
    "const y = import('../directory/view.js');",
    "export { z } from '../contact-card/contact-card.js';",
    "import '../report-viewer/report-viewer.js';",
  ].join('\n');
  const specifiers = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
  assert.deepEqual(specifiers, [
    '../application-form/steps.js',
    '../directory/view.js',
    '../contact-card/contact-card.js',
    '../report-viewer/report-viewer.js',
  ]);
});
