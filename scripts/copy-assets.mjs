// Writes the files the package ships beside the bundles: the elder-theme
// stylesheet and the backend contract as OpenAPI JSON (zwgk-kit/openapi.json).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../src/server/openapi.ts';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('packages/zwgk-kit/dist/themes/', root), { recursive: true });
copyFileSync(new URL('src/styles/elder.css', root), new URL('packages/zwgk-kit/dist/themes/elder.css', root));
writeFileSync(new URL('packages/zwgk-kit/dist/openapi.json', root), `${JSON.stringify(openApiDocument, null, 2)}\n`);
console.log('wrote dist/themes/elder.css and dist/openapi.json');
