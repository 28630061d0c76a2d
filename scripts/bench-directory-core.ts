/**
 * Directory search benchmark (not a test): validates 100,000 generated items
 * (parsed from JSON, as the search worker gets them), builds the index over
 * them and times queries as a citizen types them, one character at a time. Run: npx tsx scripts/bench-directory-core.ts [count] [--against REV] [--rounds R]
 * With --against, the engine as it is at REV (a commit, e.g. main) runs too,
 * and each figure is printed with its ratio to REV's: read the ratios when the
 * machine is busy.
 *
 * Each engine runs alone in a process of its own, R of each (3 unless told),
 * alternating (kit, REV, REV, kit, kit, REV …), and the figures pool their
 * samples: two engines in one process would share a heap and its
 * collections, and one process's figures vary more than a pair's ratio
 * (the row "process by process" shows how much). `--against HEAD` on a
 * clean tree shows the noise any ratio carries (it printed 0.83–1.06).
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

/** What one process measures of one engine: what the parent pools. */
interface Figures {
  firstBuildMs: number;
  /** Validating the parsed items (what the worker does before indexing them), 5 times. */
  validations: number[];
  indexHeap: number;
  /** The same once the queries have run: what they keep (the title order, the last matches, reused buffers) counts too. */
  heapAfterQueries: number;
  searchable: number[];
  postings: number[];
  rebuilds: number[];
  samples: Record<string, number[]>;
  firstTitleSortMs: number;
}

const ENGINE_FLAG = '--engine';
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const engineRoot = option(ENGINE_FLAG);
const against = option('--against');
const rounds = Number(option('--rounds') ?? 3);
const count = Number(args[0] ?? 100_000);

/** What the benchmark uses of an engine (the same names at every revision since the postings came). */
interface Engine {
  createDirectoryIndex(items: readonly DisclosureItem[]): DirectoryIndex;
  directoryIndexSteps(items: readonly DisclosureItem[]): Generator<void, DirectoryIndex, void>;
  postingsSteps(index: DirectoryIndex): Generator<void, void, void>;
  queryDirectory(index: DirectoryIndex, query: DirectoryQuery): unknown;
  runToEnd<T>(steps: Generator<void, T, void>): T;
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

/** One engine, in this process alone. */
async function measure(root: string): Promise<Figures> {
  v8.setFlagsFromString('--expose_gc');
  const collectGarbage = vm.runInNewContext('gc') as () => void;
  const index = (await import(join(root, 'src/core/directory/index.ts'))) as Omit<Engine, 'runToEnd'>;
  const { runToEnd } = (await import(join(root, 'src/core/directory/search-index.ts'))) as Pick<Engine, 'runToEnd'>;
  const engine: Engine = { ...index, runToEnd };
  const { validateDisclosureItems } = (await import(join(root, 'src/core/directory/validate.ts'))) as {
    validateDisclosureItems(items: readonly unknown[]): unknown;
  };
  // Through JSON, as a page receives them: generated strings are built by concatenation,
  // and flattening those would otherwise be billed to indexing.
  const items = JSON.parse(JSON.stringify(generateDisclosureItems(count, 2020))) as DisclosureItem[];
  const figures: Figures = {
    firstBuildMs: 0,
    validations: [],
    indexHeap: 0,
    heapAfterQueries: 0,
    searchable: [],
    postings: [],
    rebuilds: [],
    samples: {},
    firstTitleSortMs: 0,
  };

  // Index: the first build (cold code, what a page pays once) and later ones.
  // Memory is the JS heap plus the typed arrays' buffers, which live outside it.
  // V8 frees a dead typed array's buffer on a background thread after the collection, so the count is read once
  // that has had a moment, after a second collection: read at once, it sometimes still counted 15–20 MB of the
  // buffers a build had discarded.
  const held = async (): Promise<number> => {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 100));
    collectGarbage();
    return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  };
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    validateDisclosureItems(items);
    figures.validations.push(performance.now() - start);
  }
  const heapBefore = await held();
  const start = performance.now();
  let built: DirectoryIndex | undefined = engine.createDirectoryIndex(items);
  figures.firstBuildMs = performance.now() - start;
  figures.indexHeap = (await held()) - heapBefore;
  for (let k = 0; k < 5; k++) {
    built = undefined;
    collectGarbage();
    const start = performance.now();
    const index = engine.runToEnd(engine.directoryIndexSteps(items));
    figures.searchable.push(performance.now() - start);
    const postingsStart = performance.now();
    engine.runToEnd(engine.postingsSteps(index));
    figures.postings.push(performance.now() - postingsStart);
    figures.rebuilds.push(performance.now() - start);
    built = index;
  }

  const titleStart = performance.now();
  engine.queryDirectory(built!, { sort: 'title' });
  figures.firstTitleSortMs = performance.now() - titleStart;
  for (const query of Object.values(groups).flat()) engine.queryDirectory(built!, query); // warm up
  for (let round = 0; round < 5; round++) {
    for (const [group, queries] of Object.entries(groups)) {
      const samples = (figures.samples[group] ??= []);
      for (const query of queries) {
        const t = performance.now();
        engine.queryDirectory(built!, query);
        samples.push(performance.now() - t);
      }
    }
  }
  // Against the heap before the first build, whose index this one replaced.
  figures.heapAfterQueries = (await held()) - heapBefore;
  if (!built) throw new Error('no index'); // and keep it alive until here
  return figures;
}

/** Runs the engines' processes, alternating, and prints the pooled figures with their ratios. */
function compare(): void {
  const roots: [string, string][] = [['kit', new URL('..', import.meta.url).pathname]];
  let extracted: string | undefined;
  if (against) {
    extracted = mkdtempSync(join(tmpdir(), 'bench-directory-core-'));
    // With its package.json, which says the files are ES modules: without it, tsx compiled them to CommonJS, whose
    // imports are getters on an exports object, and REV measured up to 2.3× slower than the same code here.
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(against)} src package.json | tar -x -C ${JSON.stringify(extracted)}`]);
    roots.push([against, extracted]);
  }
  const runs = new Map<string, Figures[]>(roots.map(([name]) => [name, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      // kit, REV, REV, kit …: a machine that speeds up or slows down during the run favours neither.
      const order = round % 2 === 0 ? roots : [...roots].reverse();
      for (const [name, root] of order) {
        const output = execFileSync(
          process.execPath,
          ['--import', 'tsx', new URL(import.meta.url).pathname, String(count), ENGINE_FLAG, root],
          { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        runs.get(name)!.push(JSON.parse(output.trim().split('\n').pop()!) as Figures);
      }
    }
  } finally {
    if (extracted) rmSync(extracted, { recursive: true, force: true });
  }
  report(runs.get('kit')!, against ? runs.get(against) : undefined);
}

const median = (samples: number[]): number => percentile(samples, 0.5);
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function report(kit: Figures[], base: Figures[] | undefined): void {
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
  /** A figure over the kit's processes, with its ratio to REV's when REV ran. */
  const vs = (of: (runs: Figures[]) => number, unit = ms): string => {
    const value = of(kit);
    return base ? `${unit(value)} (÷ ${against}: ${(value / of(base)).toFixed(2)}, ${against} ${unit(of(base))})` : unit(value);
  };
  /** The median of one value per process. */
  const each = (value: (f: Figures) => number) => (runs: Figures[]) => median(runs.map(value));
  /** A percentile of the samples of every process, pooled. */
  const pooled = (samples: (f: Figures) => number[], p: number) => (runs: Figures[]) => percentile(runs.flatMap(samples), p);
  const row = (label: string, value: string): void => console.log(`${label.padEnd(38)}${value}`);
  row('items', String(count));
  row('processes per engine', `${kit.length}, alternating`);
  row('validation of the parsed items', vs(pooled((f) => f.validations, 0.5)));
  row('index build, first', vs(each((f) => f.firstBuildMs)));
  row('index build, again (median)', vs(pooled((f) => f.rebuilds, 0.5)));
  row('  of which searchable (text, facets)', vs(pooled((f) => f.searchable, 0.5)));
  row('  of which postings (in idle time)', vs(pooled((f) => f.postings, 0.5)));
  row(
    'memory held by the index',
    `${vs(
      each((f) => f.indexHeap),
      mb,
    )} (heap and typed-array buffers)`,
  );
  // A revision from before this figure was measured prints no ratio for it.
  row(
    '  and once the queries have run',
    base?.[0]?.heapAfterQueries === undefined
      ? mb(each((f) => f.heapAfterQueries)(kit))
      : vs(
          each((f) => f.heapAfterQueries),
          mb,
        ),
  );
  for (const [group, queries] of Object.entries(groups)) {
    const samples = (f: Figures): number[] => f.samples[group]!;
    const label = group === 'typing' ? `typing, ${queries.length} queries × 5 × ${kit.length}` : group;
    row(label, `median ${vs(pooled(samples, 0.5))}, p95 ${vs(pooled(samples, 0.95))}`);
  }
  // How far apart the processes of one engine were: the noise any ratio above carries.
  const spread = (runs: Figures[]): string => runs.map((f) => median(f.samples.typing!).toFixed(2)).join(', ');
  row('typing median, process by process', `kit ${spread(kit)}${base ? `; ${against} ${spread(base)}` : ''} ms`);
  row('title order, first use', vs(each((f) => f.firstTitleSortMs)));
}

// Last: what runs uses the constants above.
if (engineRoot) console.log(JSON.stringify(await measure(engineRoot)));
else compare();
