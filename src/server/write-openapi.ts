/**
 * Writes the OpenAPI document as JSON, for the package (`zwgk-kit/openapi.json`):
 *   tsx src/server/write-openapi.ts dist/openapi.json
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openApiDocument } from './openapi.js';

const target = process.argv[2] ?? 'dist/openapi.json';
await mkdir(dirname(target), { recursive: true });
await writeFile(target, `${JSON.stringify(openApiDocument, null, 2)}\n`);
console.log(`wrote ${target}`);
