// Writes the files the package ships beside the bundles: the elder-theme
// stylesheet, the backend contract as OpenAPI JSON (zwgk-kit/openapi.json), and the workers (the mailbox's proof
// of work, the directory's search), self-contained, beside each bundle that loads them (the CDN bundle and the npm
// build's chunks, the autoloader's chunks).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { buildWorkers } from './build-proof-worker.mjs';
import { openApiDocument } from '../src/server/openapi.ts';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('packages/zwgk-kit/dist/themes/', root), { recursive: true });
copyFileSync(new URL('src/styles/elder.css', root), new URL('packages/zwgk-kit/dist/themes/elder.css', root));
copyFileSync(new URL('src/styles/reserve.css', root), new URL('packages/zwgk-kit/dist/themes/reserve.css', root));
writeFileSync(new URL('packages/zwgk-kit/dist/openapi.json', root), `${JSON.stringify(openApiDocument, null, 2)}\n`);
const workers = await buildWorkers();
for (const dir of ['packages/zwgk-kit/dist/cdn/', 'packages/zwgk-kit/dist/cdn/chunks/', 'packages/zwgk-kit/dist/chunks/']) {
  mkdirSync(new URL(dir, root), { recursive: true });
  for (const [name, worker] of workers) writeFileSync(new URL(`${dir}${name}`, root), worker);
}
console.log(
  `wrote dist/themes/{elder,reserve}.css, dist/openapi.json, dist/{cdn,cdn/chunks,chunks}/{${workers.map(([name]) => name).join(',')}}`,
);
