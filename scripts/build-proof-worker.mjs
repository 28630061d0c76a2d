// The mailbox's proof-of-work worker as the builds ship it (zwgk-proof-worker.js): one self-contained, minified
// ES module. Used by copy-assets (the package) and bench:proof (timed as shipped).
import { build } from 'esbuild';

export async function buildProofWorker() {
  const result = await build({
    entryPoints: [new URL('../src/components/feedback-mailbox/proof-worker.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}
