// Builds the reference server package (packages/zwgk-kit-server): esbuild bundles of the server with
// src/core inlined and every npm dependency left external (they are the package's dependencies), the
// `zwgk-kit-server` bin (src/server/main.ts) and the library entry (src/server/index.ts), plus the
// backend contract as openapi.json, and the library entry's types (dist/types/server/index.d.ts, with the
// declarations of everything it reaches in src/). Also bundles any `src/bin/<name>.ts` into the browser package's
// dist/bin/<name>.js (the command-line tools that ship with zwgk-kit, such as zwgk-report-import).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { openApiDocument } from '../src/server/openapi.ts';

const root = new URL('../', import.meta.url);
const path = (file) => new URL(file, root).pathname;
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  legalComments: 'inline',
  sourcemap: true,
  logLevel: 'warning',
  tsconfig: path('tsconfig.json'),
};
const shebang = { js: '#!/usr/bin/env node' };

const serverDist = path('packages/zwgk-kit-server/dist/');
rmSync(serverDist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { main: path('src/server/main.ts'), index: path('src/server/index.ts') },
  outdir: serverDist,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: shebang,
});
writeFileSync(`${serverDist}openapi.json`, `${JSON.stringify(openApiDocument, null, 2)}\n`);

// The types of the library entry, from the repository's compiler options (no DOM: this runs in Node).
const { options } = ts.getParsedCommandLineOfConfigFile(
  path('tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
const declarations = ts
  .createProgram([path('src/server/index.ts')], {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationDir: `${serverDist}types`,
    rootDir: path('src'),
    allowImportingTsExtensions: false,
    rewriteRelativeImportExtensions: false,
    types: ['node'],
  })
  .emit();
if (declarations.emitSkipped || declarations.diagnostics.length) {
  const text = ts.formatDiagnostics(declarations.diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => path(''),
    getNewLine: () => '\n',
  });
  throw new Error(`zwgk-kit-server types were not written:\n${text}`);
}

const bins = existsSync(path('src/bin/')) ? readdirSync(path('src/bin/')).filter((f) => f.endsWith('.ts')) : [];
if (bins.length) {
  const entryPoints = Object.fromEntries(bins.map((file) => [file.replace(/\.ts$/, ''), path(`src/bin/${file}`)]));
  await build({ ...common, entryPoints, outdir: path('packages/zwgk-kit/dist/bin/'), banner: shebang });
}
mkdirSync(path('packages/zwgk-kit/bin/'), { recursive: true });
copyFileSync(path('README.md'), path('packages/zwgk-kit/README.md'));
// The kit's own command-line tools (bin/*.js, which load the kit from ../dist): zwgk-report-import.
for (const file of readdirSync(path('bin/')).filter((f) => f.endsWith('.js')))
  copyFileSync(path(`bin/${file}`), path(`packages/zwgk-kit/bin/${file}`));
console.log(
  `wrote packages/zwgk-kit-server/dist (main.js, index.js, types/server/index.d.ts, openapi.json)${bins.length ? `, packages/zwgk-kit/dist/bin (${bins.join(', ')})` : ''}`,
);
