/**
 * The zwgk-kit-server tarball ships types for its library entry: a TypeScript project that mounts the
 * reference backend in its own Node server type-checks against the packed package (strict, libraries
 * checked too, package `exports` resolved as Node does), and a wrong use is a type error, not `any`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, WORK, pack } from './pack.ts';

const CONSUMER = `import { createServer } from 'node:http';
import {
  API_BASE,
  createApp,
  createNodeHandler,
  openStorage,
  startServer,
  type AppOptions,
  type RunningServer,
  type Storage,
  type StorageConfig,
} from 'zwgk-kit-server';

const config: StorageConfig = { memory: true };
const storage: Storage = await openStorage(config);
const options: AppOptions = { storage, adminToken: 'a-long-secret', corsOrigins: ['https://www.example.gov.cn'] };
const app = createApp(options);
const base: '/api' = API_BASE;
createServer(createNodeHandler(app)).listen(0);
const running: RunningServer = await startServer({ app, port: 0, host: '127.0.0.1' });
const origin: string = running.origin;
await running.close();
console.log(base, origin);
`;

/** Uses the types must refuse: each line on its own, expected to fail. */
const WRONG = [
  `import { openStorage } from 'zwgk-kit-server';\nawait openStorage({ memory: 'yes' });`,
  `import { createApp } from 'zwgk-kit-server';\ncreateApp({ adminToken: 'x', corsOrigins: [] });`,
  `import { startServer } from 'zwgk-kit-server';\nconst s = await startServer({ port: 0, host: 'h', app: {} as never });\nconst n: number = s.origin;`,
];

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
  },
};

/**
 * The type errors in the consumer and in the package's own declarations. Third-party declarations are checked
 * too but not counted: PGlite's need @types/emscripten, which is PGlite's affair, not this package's.
 */
function typeErrors(dir: string): string[] {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    return output.split('\n').filter((line) => /error TS\d+/.test(line) && !/(^|\/)node_modules\/(?!zwgk-kit-server\/)/.test(line));
  }
}

test('a TypeScript server project type-checks against the packed zwgk-kit-server, and a wrong use does not', () => {
  const { file, files } = pack('zwgk-kit-server');
  assert.ok(files.includes('dist/types/server/index.d.ts'), 'the tarball carries the entry types');
  // Unpacked inside the repository, so the server's own dependencies (hono, pg's types …) resolve to the root node_modules.
  const unpacked = join(WORK, 'server-types-package');
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', unpacked]);
  const write = (name: string, source: string) => {
    const dir = join(WORK, 'server-types', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(join(unpacked, 'package'), join(dir, 'node_modules', 'zwgk-kit-server'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    writeFileSync(join(dir, 'server.ts'), source);
    return dir;
  };
  assert.deepEqual(typeErrors(write('ok', CONSUMER)), []);
  WRONG.forEach((source, i) => {
    const errors = typeErrors(write(`wrong-${i}`, source));
    assert.ok(errors.length > 0, `should not type-check:\n${source}`);
    assert.ok(
      errors.every((line) => /(^|\/)server\.ts\(\d+,\d+\): error TS/.test(line)),
      `the errors are in the consumer, not in the package's types:\n${errors.join('\n')}`,
    );
  });
});
