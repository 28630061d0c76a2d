// Copies the files the package ships as they are: the elder-theme stylesheet and,
// when the reference server is present, its OpenAPI document.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('dist/themes/', root), { recursive: true });
copyFileSync(new URL('src/styles/elder.css', root), new URL('dist/themes/elder.css', root));

if (existsSync(new URL('src/server/openapi.ts', root))) {
  const { openApiDocument } = await import('../src/server/openapi.ts');
  writeFileSync(new URL('dist/openapi.json', root), JSON.stringify(openApiDocument, null, 2) + '\n');
}
console.log('copied dist/themes/elder.css' + (existsSync(new URL('dist/openapi.json', root)) ? ' and dist/openapi.json' : ''));
