// Fails the build when the browser package ships JavaScript newer than the browser floor
// (scripts/browser-floor.mjs, README "Browser support"):
// - syntax: each shipped file, reprinted by esbuild for the floor and for esnext, must come out the same
//   (a difference is syntax the floor lacks that slipped past the build's own lowering, e.g. in a
//   generated file); what esbuild cannot lower at all (top-level await, …) is an error here too;
// - APIs: no call of a built-in the floor lacks (Array.prototype.at is Chrome 92, …) unless the same file
//   tests for it first (`typeof crypto.randomUUID`).
import { transform } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { BROWSER_FLOOR, ESBUILD_SUPPORTED } from './browser-floor.mjs';

/** Built-ins newer than Chrome 87 / Safari 14, the pattern that finds a use, and the test that excuses it. */
const NEWER_APIS = [
  ['Array.prototype.at / String.prototype.at (Chrome 92, Safari 15.4)', /\.at\(-?\d/],
  ['Object.hasOwn (Chrome 93, Safari 15.4)', /\bObject\.hasOwn\(/],
  ['structuredClone (Chrome 98, Safari 15.4)', /\bstructuredClone\(/],
  ['Array.prototype.findLast (Chrome 97, Safari 15.4)', /\.findLast(Index)?\(/],
  ['change-array-by-copy methods (Chrome 110, Safari 16)', /\.(toSorted|toReversed|toSpliced)\(/],
  ['Object.groupBy / Map.groupBy (Chrome 117)', /\b(Object|Map)\.groupBy\(/],
  ['Promise.withResolvers (Chrome 119)', /\bPromise\.withResolvers\(/],
  ['AbortSignal.timeout / AbortSignal.any (Chrome 103)', /\bAbortSignal\.(timeout|any)\(/],
  ['crypto.randomUUID (Chrome 92, Safari 15.4)', /\bcrypto\.randomUUID\(/, /typeof\s+crypto\.randomUUID/],
  ['Array.fromAsync (Chrome 121)', /\bArray\.fromAsync\(/],
  [
    'String.prototype.replaceAll is fine (Chrome 85); Intl.Segmenter is not (Safari 14.1)',
    /\bnew Intl\.Segmenter\(/,
    // Guarded uses are fine: a feature test (ProseMirror's `if (Intl.Segmenter)`) before the call.
    /typeof\s+Intl\.Segmenter|"Segmenter"\s*in\s+Intl|if\s*\(\s*Intl\.Segmenter\s*\)/,
  ],
];

const dist = new URL('../packages/zwgk-kit/dist/', import.meta.url);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory())
      name !== 'bin' && walk(new URL(`${name}/`, dir)); // bin/ runs in Node
    else if (name.endsWith('.js')) files.push(url);
  }
};
walk(dist);

const problems = [];
for (const url of files) {
  const code = readFileSync(url, 'utf8');
  const name = url.pathname.slice(dist.pathname.length);
  try {
    const [floor, latest] = await Promise.all([
      transform(code, { format: 'esm', target: BROWSER_FLOOR, supported: ESBUILD_SUPPORTED, logLevel: 'silent' }),
      transform(code, { format: 'esm', target: 'esnext', logLevel: 'silent' }),
    ]);
    if (floor.code !== latest.code) {
      const a = floor.code.split('\n');
      const b = latest.code.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      problems.push(`${name}: syntax newer than ${BROWSER_FLOOR.join(', ')} near: ${b[line]?.trim().slice(0, 120)}`);
    }
  } catch (error) {
    problems.push(`${name}: ${error.errors?.[0]?.text ?? error.message}`);
  }
  for (const [api, use, guard] of NEWER_APIS) {
    const found = use.exec(code);
    if (found && !(guard && guard.test(code)))
      problems.push(`${name}: uses ${api}: …${code.slice(Math.max(0, found.index - 40), found.index + 30)}…`);
  }
}
if (problems.length) {
  console.error(`Shipped code is newer than the browser floor (${BROWSER_FLOOR.join(', ')}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`browser floor ${BROWSER_FLOOR.join(', ')}: ${files.length} shipped files checked, no newer syntax or API`);
