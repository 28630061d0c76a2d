/**
 * The two packages as published: the browser kit carries no server weight, the server package runs
 * from its tarball, and both have a licence. Needs `npm run build` first and the npm registry.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { installed, npm, pack, ROOT, WORK } from './pack.ts';

// htmlparser2 reads report pages in Node (the browser uses DOMParser); ProseMirror is the report editor's rich text.
const BROWSER_DEPENDENCIES = [
  '@lit/localize',
  'altcha-lib',
  'htmlparser2',
  'lit',
  'prosemirror-commands',
  'prosemirror-history',
  'prosemirror-keymap',
  'prosemirror-model',
  'prosemirror-schema-list',
  'prosemirror-state',
  'prosemirror-view',
];
const SERVER_ONLY = ['@electric-sql/pglite', 'pg', 'hono', '@hono/node-server'];
const manifestOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8'));

test('zwgk-kit depends only on what runs in a browser', () => {
  const manifest = manifestOf('zwgk-kit');
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), BROWSER_DEPENDENCIES);
  assert.equal(manifest.peerDependencies?.react === undefined || manifest.peerDependenciesMeta?.react?.optional, true);
});

test('the zwgk-kit tarball holds the browser build, its licence and no server file', () => {
  const { files, size, unpackedSize } = pack('zwgk-kit');
  console.log(`zwgk-kit tarball: ${(size / 1024).toFixed(1)} KB, ${(unpackedSize / 1024).toFixed(1)} KB unpacked, ${files.length} files`);
  for (const required of ['LICENSE', 'README.md', 'package.json', 'custom-elements.json', 'dist/index.js', 'dist/cdn/zwgk-kit.js']) {
    assert.ok(files.includes(required), `${required} is in the tarball`);
  }
  // By path segment: a browser file may well be named for what it does with a server's answer (server-errors.js).
  const serverFiles = files.filter((path) => /(^|\/)server(\/|\.)|pglite|hono|(^|\/)storage(\/|\.)|migrations/i.test(path));
  assert.deepEqual(serverFiles, [], 'no server code in the browser package');
  // Every entry the package.json names is really in the tarball.
  const manifest = manifestOf('zwgk-kit');
  const targets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  for (const target of [...targets, ...Object.values((manifest.bin ?? {}) as Record<string, string>)]) {
    assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} (package.json) is in the tarball`);
  }
});

test('npx zwgk-report-import works from the installed tarball: a real published page becomes the report document', () => {
  const app = join(WORK, 'install-browser');
  if (!existsSync(join(app, 'node_modules', 'zwgk-kit'))) {
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true }));
    npm(['install', '--no-audit', '--no-fund', '--no-package-lock', pack('zwgk-kit').file], app);
  }
  const page = join(ROOT, 'tests/fixtures/reports/pingtan-2024.html');
  const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/reports/pingtan-2024.expected.json'), 'utf8'));
  const run = (args: string[]) => spawnSync(join(app, 'node_modules/.bin/zwgk-report-import'), args, { cwd: app, encoding: 'utf8' });
  const imported = run([page]);
  assert.equal(imported.status, 0, imported.stderr);
  const report = JSON.parse(imported.stdout);
  assert.equal(report.format, '2021');
  assert.equal(report.year, 2024);
  assert.deepEqual(report.requests, expected.requests, 'table 三 cell by cell, as read off the page by hand');
  assert.deepEqual(report.reviews, expected.reviews, 'table 四 cell by cell');
  const checked = run(['--check', page]);
  assert.equal(checked.status, 0, checked.stderr);
  const noTable = join(WORK, 'no-report.html');
  writeFileSync(noTable, '<html><body><p>政府信息公开指南</p></body></html>');
  assert.equal(run([noTable]).status, 1, 'exit status 1 when no report table is found');
});

test('the CDN build keeps the licence headers of what it bundles', () => {
  const { files } = pack('zwgk-kit');
  const chunks = files.filter((path) => path.startsWith('dist/cdn/') && path.endsWith('.js'));
  const all = chunks.map((path) => readFileSync(join(ROOT, 'packages/zwgk-kit', path), 'utf8')).join('\n');
  assert.match(all, /@license[\s\S]{0,80}Google LLC/, "Lit's licence header");
});

test('installing the zwgk-kit tarball adds only browser packages', () => {
  const app = join(WORK, 'install-browser');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--no-package-lock', pack('zwgk-kit').file], app);
  const { packages, bytes } = installed(app);
  console.log(`npm install zwgk-kit.tgz: ${packages.length} packages, ${(bytes / 1024 / 1024).toFixed(2)} MB: ${packages.join(', ')}`);
  for (const name of [...SERVER_ONLY, 'altcha']) assert.ok(!packages.includes(name), `${name} is not installed`);
  for (const name of BROWSER_DEPENDENCIES) assert.ok(packages.includes(name), `${name} is installed`);
  // ProseMirror (the report editor) and htmlparser2 (the report importer in Node) are most of it.
  assert.ok(bytes < 16 * 1024 * 1024, `under 16 MB installed (${bytes} bytes)`);
});

test('the zwgk-kit-server tarball runs the reference server from its bin', async () => {
  const { file, files, size } = pack('zwgk-kit-server');
  console.log(`zwgk-kit-server tarball: ${(size / 1024).toFixed(1)} KB, ${files.length} files`);
  const manifest = manifestOf('zwgk-kit-server');
  for (const name of SERVER_ONLY) assert.ok(manifest.dependencies[name], `${name} is a dependency of the server`);
  assert.ok(!manifest.dependencies.lit, 'the server does not depend on Lit');
  for (const required of ['LICENSE', 'README.md', 'dist/main.js', 'dist/index.js', 'dist/openapi.json'])
    assert.ok(files.includes(required), required);
  // Unpacked inside the repository, so its dependencies resolve to the root node_modules (no second install).
  const dir = join(WORK, 'server-package');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', dir]);
  const bin = join(dir, 'package', manifest.bin['zwgk-kit-server']);
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const child = spawn(process.execPath, [bin], {
    env: { ...process.env, PORT: '0', ZWGK_DATA_DIR: join(dir, 'data'), ZWGK_QUIET: '1', ZWGK_STATIC_DIR: join(dir, 'none') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(out);
        if (found) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    const contact = await (await fetch(`${url}/contact`)).json();
    assert.equal(typeof contact.agency, 'string');
  } finally {
    child.kill('SIGTERM');
  }
});

test('the shipped custom-elements.json points at shipped files and records every tag', () => {
  const { files } = pack('zwgk-kit');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/zwgk-kit/custom-elements.json'), 'utf8'));
  const tags: string[] = [];
  for (const module of manifest.modules) {
    assert.ok(files.includes(module.path), `${module.path} is in the tarball`);
    for (const declaration of module.declarations) {
      if (!declaration.customElement || !declaration.tagName) continue; // the base class has no tag
      tags.push(declaration.tagName);
      const definition = module.exports.find(
        (e: { kind: string; name: string }) => e.kind === 'custom-element-definition' && e.name === declaration.tagName,
      );
      assert.ok(definition, `<${declaration.tagName}> is recorded as a definition`);
      assert.ok(
        declaration.cssParts.some((p: { name: string }) => p.name === 'announcer'),
        `<${declaration.tagName}> documents its announcer part`,
      );
      for (const attribute of declaration.attributes)
        assert.ok(attribute.type?.text, `<${declaration.tagName}> ${attribute.name} is typed`);
    }
  }
  assert.deepEqual(tags.sort(), [
    'zwgk-application-form',
    'zwgk-application-status',
    'zwgk-contact-card',
    'zwgk-directory',
    'zwgk-feedback-mailbox',
    'zwgk-report-editor',
    'zwgk-report-viewer',
    'zwgk-request-desk',
  ]);
});
