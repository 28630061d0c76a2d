/**
 * Directory search benchmark (not a test): builds the index over 100,000
 * generated items and times queries as a citizen types them, one character at
 * a time. Run: npx tsx scripts/bench-directory-core.ts [count]
 * Figures vary with the load other processes put on the machine: run it twice.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { DirectoryQuery, DisclosureItem } from '../src/api/types/directory.js';
import { generateDisclosureItems } from '../src/core/directory/generate.js';
import {
  createDirectoryIndex,
  directoryIndexSteps,
  postingsSteps,
  queryDirectory,
  type DirectoryIndex,
} from '../src/core/directory/index.js';
import { runToEnd } from '../src/core/directory/search-index.js';

v8.setFlagsFromString('--expose_gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const count = Number(process.argv[2] ?? 100_000);
// Through JSON, as a page receives them: generated strings are built by concatenation,
// and flattening those would otherwise be billed to indexing.
const items = JSON.parse(JSON.stringify(generateDisclosureItems(count, 2020))) as DisclosureItem[];

const median = (samples: number[]): number => percentile(samples, 0.5);
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

// Index: the first build (cold code, what a page pays once) and later ones.
// Memory is the JS heap plus the typed arrays' buffers, which live outside it.
const held = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
collectGarbage();
const heapBefore = held();
let start = performance.now();
let index: DirectoryIndex = createDirectoryIndex(items);
const firstBuildMs = performance.now() - start;
collectGarbage();
const indexHeap = held() - heapBefore;
const rebuilds: number[] = [];
const searchable: number[] = [];
const postings: number[] = [];
for (let k = 0; k < 5; k++) {
  collectGarbage();
  start = performance.now();
  index = runToEnd(directoryIndexSteps(items));
  searchable.push(performance.now() - start);
  const postingsStart = performance.now();
  runToEnd(postingsSteps(index));
  postings.push(performance.now() - postingsStart);
  rebuilds.push(performance.now() - start);
}

function time(queries: DirectoryQuery[], rounds = 5): { median: number; p95: number; runs: number } {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const t = performance.now();
      queryDirectory(index, query);
      samples.push(performance.now() - t);
    }
  }
  return { median: median(samples), p95: percentile(samples, 0.95), runs: samples.length };
}

/** Every prefix of the text: what the element queries while the citizen types. */
const typing = (text: string, extra: DirectoryQuery = {}): DirectoryQuery[] =>
  Array.from(text, (_, k) => ({ ...extra, q: text.slice(0, k + 1) }));

const typed = [
  ...typing('闽商务〔2020'),
  ...typing('便利店'),
  ...typing('跨境电商 福州'),
  ...typing('FJ0035910/2021-000'),
  ...typing('外贸', { year: 2021 }),
];
const faceted: DirectoryQuery[] = [
  {},
  { category: '商贸、海关、旅游\\国内贸易' },
  { year: 2020, validity: '有效' },
  { publisher: '福建省商务厅', year: 2021 },
];
const paged: DirectoryQuery[] = [{ page: 10_000 }, { q: '通知', page: 500 }, { sort: 'oldest', page: 3 }];

start = performance.now();
queryDirectory(index, { sort: 'title' });
const firstTitleSortMs = performance.now() - start;
time([...typed, ...faceted, ...paged], 1); // warm up (also builds the oldest-first order)

const typingTimes = time(typed);
const facetTimes = time(faceted);
const pagingTimes = time(paged);
const titleTimes = time([{ sort: 'title' }, { sort: 'title', q: '便利店' }]);

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const row = (label: string, value: string): void => console.log(`${label.padEnd(34)}${value}`);
row('items', String(count));
row('index build, first', ms(firstBuildMs));
row('index build, again (median of 5)', ms(median(rebuilds)));
row('  of which searchable (text, facets)', ms(median(searchable)));
row('  of which postings (in idle time)', ms(median(postings)));
row('memory held by the index', `${(indexHeap / 1048576).toFixed(1)} MB (heap and typed-array buffers)`);
row('heap used in total', `${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB`);
row(`typing, ${typingTimes.runs} queries`, `median ${ms(typingTimes.median)}, p95 ${ms(typingTimes.p95)}`);
row('filters and facets, no text', `median ${ms(facetTimes.median)}, p95 ${ms(facetTimes.p95)}`);
row('deep pages', `median ${ms(pagingTimes.median)}, p95 ${ms(pagingTimes.p95)}`);
row('title order, first use', ms(firstTitleSortMs));
row('title order, after', `median ${ms(titleTimes.median)}, p95 ${ms(titleTimes.p95)}`);
