// After `storybook build`: the mailbox's proof-of-work worker beside the bundled assets, as the package's
// build ships it beside its chunks, so stories solve the proof off the main thread as pages do.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildProofWorker } from './build-proof-worker.mjs';

const assets = new URL('../storybook-static/assets/', import.meta.url);
mkdirSync(assets, { recursive: true });
writeFileSync(new URL('zwgk-proof-worker.js', assets), await buildProofWorker());
console.log('wrote storybook-static/assets/zwgk-proof-worker.js');
