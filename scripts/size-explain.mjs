// What a CDN file is made of: its gzip bytes attributed to the source modules it was built from, through the
// hidden source maps the CDN build writes beside each file (vite.cdn.config.ts). `npm run size -- --explain`
// prints it for every file the contact card's page loads; `--explain runtime,contact-card` for the chunks whose
// names start so; `--explain all` for every file.
//
// Each generated character belongs to the module of the source-map segment it is in (a segment runs to the next
// one; Rolldown's own code, with no source, is "(bundler glue)"). A module's share is the gzip size of its characters compressed on their
// own, scaled so that the shares add up to the file's real gzip size: compressing a module alone loses the
// matches it would find in its neighbours, so the shares are estimates, good for ranking, exact in their sum.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const gzipLength = (text) => gzipSync(text, { level: 9 }).length;

/** Short names: src/… as is, a package's files as `package/path`. */
function moduleName(source) {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/\\/g, '/');
  const packageFile = path.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+\/.*)$/);
  return packageFile ? packageFile[1] : path;
}

/** [{ module, bytes, gzip }] for the file at `url` (its map beside it), largest first; gzip adds up to the file's. */
export function explainFile(url) {
  const code = readFileSync(url, 'utf8');
  const mapUrl = new URL(`${url.href}.map`);
  const total = gzipLength(code);
  if (!existsSync(mapUrl)) return [{ module: '(no source map)', bytes: code.length, gzip: total }];
  const map = JSON.parse(readFileSync(mapUrl, 'utf8'));
  const pieces = new Map();
  const add = (module, text) => {
    if (!text) return;
    if (!pieces.has(module)) pieces.set(module, []);
    pieces.get(module).push(text);
  };
  // A segment runs to the next one, across line ends (a template literal's later lines have no segment).
  const lines = code.split('\n');
  const mappings = decode(map.mappings);
  let current = '(unmapped)';
  lines.forEach((line, lineIndex) => {
    const segments = mappings[lineIndex] ?? [];
    add(current, line.slice(0, segments[0]?.[0] ?? line.length));
    segments.forEach(([column, sourceIndex], index) => {
      current = sourceIndex === undefined ? '(bundler glue)' : moduleName(map.sources[sourceIndex]);
      add(current, line.slice(column, segments[index + 1]?.[0] ?? line.length));
    });
    add(current, '\n');
  });
  const rows = [...pieces].map(([module, texts]) => {
    const text = texts.join('');
    return { module, bytes: Buffer.byteLength(text), alone: gzipLength(text) };
  });
  const alone = rows.reduce((sum, row) => sum + row.alone, 0);
  return rows
    .map(({ module, bytes, alone: own }) => ({ module, bytes, gzip: Math.round((own / alone) * total) }))
    .sort((a, b) => b.gzip - a.gzip);
}

/** Prints the attribution of each file in `files` (paths relative to `dir`). */
export function printExplanation(dir, files) {
  for (const file of files) {
    const rows = explainFile(new URL(file, dir));
    const total = rows.reduce((sum, row) => sum + row.gzip, 0);
    console.log(`\n${file}: ${total} B gzip`);
    for (const { module, bytes, gzip } of rows) console.log(`  ${String(gzip).padStart(6)}  ${String(bytes).padStart(7)} raw  ${module}`);
  }
}

/** The CDN files whose names (without chunks/ and the hash) start with one of `prefixes`; every file for `all`. */
export function cdnFiles(dir, prefixes) {
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.js')),
    ...readdirSync(new URL('chunks/', dir))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `chunks/${f}`),
  ];
  if (prefixes.includes('all')) return files;
  return files.filter((file) => prefixes.some((prefix) => file.replace(/^chunks\//, '').startsWith(prefix)));
}
