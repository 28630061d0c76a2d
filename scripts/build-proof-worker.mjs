// The kit's workers as the builds ship them, each one self-contained, minified ES module beside the bundle:
// the mailbox's proof of work (zwgk-proof-worker.js) and the directory's search (zwgk-directory-worker.js).
// Used by copy-assets (the package), storybook-assets, bench:proof and bench:directory (timed as shipped).
import { build } from 'esbuild';
import { BROWSER_FLOOR, ESBUILD_SUPPORTED } from './browser-floor.mjs';

/** The workers: the file each ships as, its source, and esbuild options beside the common ones. */
export const WORKERS = {
  'zwgk-proof-worker.js': ['../src/components/feedback-mailbox/proof-worker.ts', {}],
  // The directory's search is written as newer syntax than the browser floor: lowered like the bundles.
  'zwgk-directory-worker.js': ['../src/components/directory/search-worker.ts', { target: BROWSER_FLOOR, supported: ESBUILD_SUPPORTED }],
};

/** One worker, bundled from `source` (a path relative to this script, or a URL). */
export async function buildWorker(source, options = {}) {
  const result = await build({
    entryPoints: [new URL(source, import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
    ...options,
  });
  return result.outputFiles[0].contents;
}

export function buildProofWorker() {
  return buildWorker(...WORKERS['zwgk-proof-worker.js']);
}

/** Every worker as `[file name, contents]`. */
export async function buildWorkers() {
  return Promise.all(Object.entries(WORKERS).map(async ([name, [source, options]]) => [name, await buildWorker(source, options)]));
}
