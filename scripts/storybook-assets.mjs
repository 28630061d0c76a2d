// After `storybook build`: the workers (the mailbox's proof of work, the directory's search) beside the bundled
// assets, as the package's build ships them beside its chunks, so stories work off the main thread as pages do.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildWorkers } from './build-proof-worker.mjs';

const assets = new URL('../storybook-static/assets/', import.meta.url);
mkdirSync(assets, { recursive: true });
const workers = await buildWorkers();
for (const [name, worker] of workers) writeFileSync(new URL(name, assets), worker);
console.log(`wrote storybook-static/assets/{${workers.map(([name]) => name).join(',')}}`);
