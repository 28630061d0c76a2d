/**
 * Directory search benchmark (not a test): builds the index over 100,000
 * generated items and times queries as a citizen types them, one character at
 * a time. Run: npx tsx scripts/bench-directory-core.ts [count] [--against REV]
 * With --against, the engine as it is at REV (a commit, e.g. main) runs too,
 * the two alternating build by build and round by round, and each figure is
 * printed with its ratio to REV's: read the ratios when the machine is busy.
 * Figures vary with the load other processes put on the machine: run it twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { DirectoryQuery, DisclosureItem } from '../src/api/types/directory.js';
import { generateDisclosureItems } from '../src/core/directory/generate.js';
import type { DirectoryIndex } from '../src/core/directory/index.js';

v8.setFlagsFromString('--expose_gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt === -1 ? undefined : args.splice(againstAt, 2)[1];
const count = Number(args[0] ?? 100_000);
// Through JSON, as a page receives them: generated strings are built by concatenation,
// and flattening those would otherwise be billed to indexing.
const items = JSON.parse(JSON.stringify(generateDisclosureItems(count, 2020))) as DisclosureItem[];

/** What the benchmark uses of an engine (the same names at every revision since the postings came). */
interface Engine {
  name: string;
  createDirectoryIndex(items: readonly DisclosureItem[]): DirectoryIndex;
  directoryIndexSteps(items: readonly DisclosureItem[]): Generator<void, DirectoryIndex, void>;
  postingsSteps(index: DirectoryIndex): Generator<void, void, void>;
  queryDirectory(index: DirectoryIndex, query: DirectoryQuery): unknown;
  runToEnd<T>(steps: Generator<void, T, void>): T;
}

async function engineAt(name: string, root: string): Promise<Engine> {
  const index = (await import(join(root, 'src/core/directory/index.ts'))) as Omit<Engine, 'name' | 'runToEnd'>;
  const { runToEnd } = (await import(join(root, 'src/core/directory/search-index.ts'))) as Pick<Engine, 'runToEnd'>;
  return { ...index, runToEnd, name };
}

const engines = [await engineAt('kit', new URL('..', import.meta.url).pathname)];
let extracted: string | undefined;
if (against) {
  extracted = mkdtempSync(join(tmpdir(), 'bench-directory-core-'));
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(against)} src | tar -x -C ${JSON.stringify(extracted)}`]);
  engines.push(await engineAt(against, extracted));
}

const median = (samples: number[]): number => percentile(samples, 0.5);
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface Figures {
  firstBuildMs: number;
  indexHeap: number;
  searchable: number[];
  postings: number[];
  rebuilds: number[];
  index?: DirectoryIndex;
  samples: Record<string, number[]>;
  firstTitleSortMs: number;
}
const figures = new Map<Engine, Figures>(
  engines.map((engine) => [
    engine,
    { firstBuildMs: 0, indexHeap: 0, searchable: [], postings: [], rebuilds: [], samples: {}, firstTitleSortMs: 0 },
  ]),
);

// Index: the first build (cold code, what a page pays once) and later ones, engines alternating.
// Memory is the JS heap plus the typed arrays' buffers, which live outside it.
// V8 frees a dead typed array's buffer on a background thread after the collection, so the count is read once
// that has had a moment, after a second collection: read at once, the first engine measured sometimes still
// counted 15–20 MB of the buffers its build had discarded.
async function held(): Promise<number> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 100));
  collectGarbage();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}
for (const engine of engines) {
  const figure = figures.get(engine)!;
  const heapBefore = await held();
  const start = performance.now();
  figure.index = engine.createDirectoryIndex(items);
  figure.firstBuildMs = performance.now() - start;
  figure.indexHeap = (await held()) - heapBefore;
  figure.index = undefined;
}
for (let k = 0; k < 5; k++) {
  for (const engine of engines) {
    const figure = figures.get(engine)!;
    figure.index = undefined;
    collectGarbage();
    const start = performance.now();
    const index = engine.runToEnd(engine.directoryIndexSteps(items));
    figure.searchable.push(performance.now() - start);
    const postingsStart = performance.now();
    engine.runToEnd(engine.postingsSteps(index));
    figure.postings.push(performance.now() - postingsStart);
    figure.rebuilds.push(performance.now() - start);
    figure.index = index;
  }
}

/** Every prefix of the text: what the element queries while the citizen types. */
const typing = (text: string, extra: DirectoryQuery = {}): DirectoryQuery[] =>
  Array.from(text, (_, k) => ({ ...extra, q: text.slice(0, k + 1) }));

const groups: Record<string, DirectoryQuery[]> = {
  typing: [
    ...typing('闽商务〔2020'),
    ...typing('便利店'),
    ...typing('跨境电商 福州'),
    ...typing('FJ0035910/2021-000'),
    ...typing('外贸', { year: 2021 }),
  ],
  'filters and facets, no text': [
    {},
    { category: '商贸、海关、旅游\\国内贸易' },
    { year: 2020, validity: '有效' },
    { publisher: '福建省商务厅', year: 2021 },
  ],
  'deep pages': [{ page: 10_000 }, { q: '通知', page: 500 }, { sort: 'oldest', page: 3 }],
  'title order, after': [{ sort: 'title' }, { sort: 'title', q: '便利店' }],
};

for (const engine of engines) {
  const figure = figures.get(engine)!;
  const start = performance.now();
  engine.queryDirectory(figure.index!, { sort: 'title' });
  figure.firstTitleSortMs = performance.now() - start;
  for (const query of Object.values(groups).flat()) engine.queryDirectory(figure.index!, query); // warm up
}
for (let round = 0; round < 5; round++) {
  for (const engine of engines) {
    const figure = figures.get(engine)!;
    for (const [group, queries] of Object.entries(groups)) {
      const samples = (figure.samples[group] ??= []);
      for (const query of queries) {
        const t = performance.now();
        engine.queryDirectory(figure.index!, query);
        samples.push(performance.now() - t);
      }
    }
  }
}

const [kit, base] = engines.map((engine) => figures.get(engine)!) as [Figures, Figures | undefined];
const ms = (value: number): string => `${value.toFixed(2)} ms`;
/** A kit figure, with its ratio to REV's when REV ran. */
const vs = (value: number, of: (f: Figures) => number, unit = ms): string =>
  base ? `${unit(value)} (÷ ${against}: ${(value / of(base)).toFixed(2)}, ${against} ${unit(of(base))})` : unit(value);
const row = (label: string, value: string): void => console.log(`${label.padEnd(38)}${value}`);
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
row('items', String(count));
row(
  'index build, first',
  vs(kit.firstBuildMs, (f) => f.firstBuildMs),
);
row(
  'index build, again (median of 5)',
  vs(median(kit.rebuilds), (f) => median(f.rebuilds)),
);
row(
  '  of which searchable (text, facets)',
  vs(median(kit.searchable), (f) => median(f.searchable)),
);
row(
  '  of which postings (in idle time)',
  vs(median(kit.postings), (f) => median(f.postings)),
);
row('memory held by the index', `${vs(kit.indexHeap, (f) => f.indexHeap, mb)} (heap and typed-array buffers)`);
row('heap used in total', mb(process.memoryUsage().heapUsed));
for (const [group, queries] of Object.entries(groups)) {
  const label = group === 'typing' ? `typing, ${kit.samples[group]!.length} queries (${queries.length} × 5)` : group;
  const at = (f: Figures, p: number): number => percentile(f.samples[group]!, p);
  row(label, `median ${vs(at(kit, 0.5), (f) => at(f, 0.5))}, p95 ${vs(at(kit, 0.95), (f) => at(f, 0.95))}`);
}
row(
  'title order, first use',
  vs(kit.firstTitleSortMs, (f) => f.firstTitleSortMs),
);
if (extracted) rmSync(extracted, { recursive: true, force: true });
