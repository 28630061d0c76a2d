/**
 * Packs the two packages as `npm publish` would (run `npm run build` first) into .integration/, once per
 * test process, and installs tarballs into throw-away apps there — exactly what a web team gets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const WORK = join(ROOT, '.integration');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function npm(args: string[], cwd: string): string {
  return execFileSync(NPM, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

export interface Packed {
  file: string;
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[];
  size: number;
  unpackedSize: number;
}

const packed = new Map<string, Packed>();

/** `npm pack` of packages/<name> into .integration/. */
export function pack(name: 'zwgk-kit' | 'zwgk-kit-server'): Packed {
  const known = packed.get(name);
  if (known) return known;
  const dist = join(ROOT, 'packages', name, 'dist');
  if (!existsSync(dist)) throw new Error(`packages/${name}/dist is missing: run npm run build first`);
  mkdirSync(WORK, { recursive: true });
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', WORK], join(ROOT, 'packages', name))) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  const result = {
    file: join(WORK, info.filename),
    files: info.files.map((f) => f.path),
    size: info.size,
    unpackedSize: info.unpackedSize,
  };
  packed.set(name, result);
  return result;
}

/** The packages installed in an app (name@version, from `npm ls`), and their bytes on disk. */
export function installed(app: string): { packages: string[]; bytes: number } {
  const paths = npm(['ls', '--all', '--parseable'], app).trim().split('\n').slice(1);
  const packages = [...new Set(paths.map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)))].sort();
  return { packages, bytes: bytesUnder(join(app, 'node_modules')) };
}

function bytesUnder(path: string): number {
  let bytes = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) bytes += bytesUnder(full);
    else if (entry.isFile()) bytes += statSync(full).size;
  }
  return bytes;
}
