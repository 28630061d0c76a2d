/**
 * Search engines side by side (a benchmark, not a test): the kit's directory
 * engine against FlexSearch, MiniSearch, Orama, Fuse.js and a naive scan, on
 * the same generated items and the same keystrokes (every prefix of real
 * queries, typed one character at a time). Engines alternate round by round,
 * so a busy machine slows all of them alike: read the ratios to the kit.
 *
 * Run: npm run bench:search [-- count [rounds]] — one round by default, more
 * for steadier medians (`npm run bench:search -- 100000 3`). An engine whose
 * keystrokes would take over 15 s a round (Orama and Fuse.js spend up to
 * seconds on one at 100,000 items) is timed and checked on every n-th
 * keystroke, spread over all the queries, so a round stays within minutes.
 * Printed per engine: index build (median of the rounds), heap and array
 * buffers held, per-keystroke median and p95, how many keystrokes give the
 * kit's exact result set, and two checks a citizen notices — a 文号 typed with
 * other brackets or none, and a Chinese substring in the middle of a title.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import Fuse from 'fuse.js';
import type { DisclosureItem } from '../src/api/types/directory.js';
import { generateDisclosureItems } from '../src/core/directory/generate.js';
import { createDirectoryIndex, normalizeSearchText, queryDirectory, searchTerms } from '../src/core/directory/index.js';
import { matchTerms } from '../src/core/directory/search-index.js';

v8.setFlagsFromString('--expose_gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const count = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 1);
/** Warm-up before timing: every keystroke once, or as many as fit in this time (slow engines are warm after a few). */
const WARM_UP_MS = 2000;
/**
 * About how long an engine's timed keystrokes may take per round: an engine
 * that needs longer for all of them is timed (and checked) on every n-th
 * keystroke only, spread over all the queries, and the table says so.
 */
const TIMED_MS = 15_000;
const items = JSON.parse(JSON.stringify(generateDisclosureItems(count, 2020))) as DisclosureItem[];
// Two real-looking documents every engine must find: one by its 文号 written otherwise, one by a word inside its title.
const docNoTarget = {
  ...items[7]!,
  id: 'target-docno',
  docNo: '闽商务〔2020〕76号',
  title: '福建省商务厅关于做好2020年政务公开工作的通知',
};
const substringTarget = { ...items[8]!, id: 'target-substring', title: '福建省商务厅召开生活必需品市场保供稳价工作推进会' };
items[7] = docNoTarget;
items[8] = substringTarget;

const QUERIES = ['外贸', '电子商务', '闽商务[2020]76号', 'FJ0035910/2020-0013', '便利店', '跨境电商 福州', '政府信息公开'];
const keystrokes = [...new Set(QUERIES.flatMap((text) => Array.from(text, (_, k) => text.slice(0, k + 1).trim())))].filter(Boolean);
const CHECKS = [
  {
    label: '文号 with other brackets or none',
    target: docNoTarget.id,
    queries: ['闽商务[2020]76号', '闽商务(2020)76号', '闽商务2020年76号', '闽商务2020 76号'],
  },
  { label: 'Chinese substring of a title', target: substringTarget.id, queries: ['生活必需品', '保供稳价'] },
];

interface Engine {
  name: string;
  build(): unknown;
  /** The ids found (for the checks), every one. */
  ids(q: string): Set<string> | Promise<Set<string>>;
  /** What a keystroke costs: the query as the element makes it. */
  keystroke(q: string): unknown;
}

const text = (item: DisclosureItem): string => [item.title, item.docNo ?? '', item.indexNo, ...(item.keywords ?? [])].join(' ');

function kit(): Engine {
  let index = createDirectoryIndex([]);
  return {
    name: 'zwgk-kit core/directory',
    build: () => (index = createDirectoryIndex(items)),
    ids: (q) => new Set(Array.from(matchTerms(index, searchTerms(q)).items, (i) => items[i]!.id)),
    keystroke: (q) => queryDirectory(index, { q }),
  };
}

function naive(): Engine {
  let texts: string[] = [];
  const find = (q: string) => items.filter((_, i) => texts[i]!.includes(q));
  return {
    name: 'naive filter(includes)',
    build: () => (texts = items.map(text)),
    ids: (q) => new Set(find(q).map((item) => item.id)),
    keystroke: (q) => find(q).slice(0, 20),
  };
}

function flexsearch(context: boolean): Engine {
  // FlexSearch's own types are deep generics; the benchmark uses two calls of it.
  let index: { add(doc: object): void; search(q: string, options: object): unknown };
  const find = (q: string, limit: number): Set<string> => {
    const results = index.search(q, { limit, merge: true }) as unknown as { id: string }[];
    return new Set(results.map((result) => String(result.id)));
  };
  return {
    name: `FlexSearch (CJK${context ? ', context' : ''})`,
    build: () => {
      index = new FlexSearch.Document({
        encoder: FlexSearch.Charset.CJK,
        tokenize: 'forward',
        context,
        document: { id: 'id', index: ['title', 'docNo', 'indexNo', 'keywords'] },
      } as never) as unknown as typeof index;
      for (const item of items) {
        index.add({
          id: item.id,
          title: item.title,
          docNo: item.docNo ?? '',
          indexNo: item.indexNo,
          keywords: (item.keywords ?? []).join(' '),
        });
      }
    },
    ids: (q) => find(q, count),
    keystroke: (q) => find(q, 20),
  };
}

/** Every pair of adjacent characters (and a lone character as itself): MiniSearch's usual way with Chinese. */
const bigrams = (value: string): string[] => {
  const folded = normalizeSearchText(value).replace(/\s+/g, '');
  if (folded.length < 2) return folded ? [folded] : [];
  return Array.from({ length: folded.length - 1 }, (_, k) => folded.slice(k, k + 2));
};

function minisearch(): Engine {
  let index: MiniSearch;
  const find = (q: string) =>
    bigrams(q).length ? index.search(bigrams(q).join(' '), { combineWith: 'AND', prefix: (term) => term.length < 2 }) : [];
  return {
    name: 'MiniSearch (bigrams)',
    build: () => {
      index = new MiniSearch({ fields: ['title', 'docNo', 'indexNo', 'keywords'], tokenize: bigrams, processTerm: (term) => term });
      index.addAll(items.map((item) => ({ ...item, keywords: (item.keywords ?? []).join(' '), docNo: item.docNo ?? '' })));
    },
    ids: (q) => new Set(find(q).map((result) => String(result.id))),
    keystroke: (q) => find(q).slice(0, 20),
  };
}

function orama(): Engine {
  // Orama's schema types are deep generics: the benchmark needs only create, insert and search.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let db: any;
  const find = async (q: string, limit: number) =>
    (await oramaSearch(db, { term: q, properties: ['title', 'docNo', 'indexNo', 'keywords'], limit })).hits;
  return {
    name: 'Orama (mandarin)',
    build: async () => {
      db = create({
        schema: { id: 'string', title: 'string', docNo: 'string', indexNo: 'string', keywords: 'string' },
        components: { tokenizer: createTokenizer() },
      } as never);
      await insertMultiple(
        db,
        items.map((item) => ({
          id: item.id,
          title: item.title,
          docNo: item.docNo ?? '',
          indexNo: item.indexNo,
          keywords: (item.keywords ?? []).join(' '),
        })),
      );
    },
    ids: async (q) => new Set((await find(q, count)).map((hit) => String(hit.document.id))),
    keystroke: (q) => find(q, 20),
  };
}

function fuse(): Engine {
  let index: Fuse<DisclosureItem>;
  return {
    name: 'Fuse.js',
    build: () => (index = new Fuse(items, { keys: ['title', 'docNo', 'indexNo', 'keywords'], ignoreLocation: true, threshold: 0.2 })),
    ids: (q) => new Set(index.search(q).map((result) => result.item.id)),
    keystroke: (q) => index.search(q, { limit: 20 }),
  };
}

const engines: Engine[] = [kit(), naive(), flexsearch(false), flexsearch(true), minisearch(), orama(), fuse()];

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};

interface Figures {
  builds: number[];
  heapMb: number;
  keystrokes: number[];
  /** Every n-th keystroke is timed and checked (1: all). */
  stride: number;
}
const figures = new Map<Engine, Figures>(engines.map((engine) => [engine, { builds: [], heapMb: 0, keystrokes: [], stride: 1 }]));
const sampled = (figure: Figures): string[] => keystrokes.filter((_, k) => k % figure.stride === 0);

for (let round = 0; round < rounds; round++) {
  // Rotate the order each round: no engine always runs first (cold) or last (after the others' garbage).
  const order = engines.map((_, k) => engines[(k + round) % engines.length]!);
  for (const engine of order) {
    const figure = figures.get(engine)!;
    collectGarbage();
    const before = process.memoryUsage();
    const start = performance.now();
    await engine.build();
    figure.builds.push(performance.now() - start);
    collectGarbage();
    const after = process.memoryUsage();
    figure.heapMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1048576;
    const warmUpStart = performance.now();
    let warmed = 0;
    for (const q of keystrokes) {
      await engine.keystroke(q);
      warmed++;
      if (performance.now() - warmUpStart > WARM_UP_MS) break;
    }
    const perKeystroke = (performance.now() - warmUpStart) / warmed;
    figure.stride = Math.max(figure.stride, Math.ceil((perKeystroke * keystrokes.length) / TIMED_MS));
    for (const q of sampled(figure)) {
      const t = performance.now();
      await engine.keystroke(q);
      figure.keystrokes.push(performance.now() - t);
    }
    process.stderr.write(`round ${round + 1}/${rounds}: ${engine.name}\n`);
  }
}

// Correctness on the last build of each engine: the kit's result set is the reference.
const reference = new Map<string, Set<string>>();
for (const q of keystrokes) reference.set(q, await engines[0]!.ids(q));
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((id) => b.has(id));

const kitFigures = figures.get(engines[0]!)!;
const kitBuild = percentile(kitFigures.builds, 0.5);
const kitMedian = percentile(kitFigures.keystrokes, 0.5);
const kitP95 = percentile(kitFigures.keystrokes, 0.95);
console.log(`${count} items, ${keystrokes.length} keystrokes × ${rounds} rounds, engines alternating\n`);
console.log(
  '| engine | index build ms (÷ kit) | heap + buffers MB | keystroke median ms (÷ kit) | p95 ms (÷ kit) | kit’s results | ' +
    CHECKS.map((check) => check.label).join(' | ') +
    ' |',
);
console.log('|---|---|---|---|---|---|' + CHECKS.map(() => '---|').join(''));
for (const engine of engines) {
  const figure = figures.get(engine)!;
  const build = percentile(figure.builds, 0.5);
  const median = percentile(figure.keystrokes, 0.5);
  const p95 = percentile(figure.keystrokes, 0.95);
  let agreeing = 0;
  const checked = sampled(figure);
  for (const q of checked) if (sameSet(await engine.ids(q), reference.get(q)!)) agreeing++;
  const checks: string[] = [];
  for (const check of CHECKS) {
    let found = 0;
    for (const q of check.queries) if ((await engine.ids(q)).has(check.target)) found++;
    checks.push(`${found}/${check.queries.length}`);
  }
  console.log(
    `| ${engine.name}${figure.stride > 1 ? ` (every ${figure.stride}th keystroke)` : ''} | ${build.toFixed(0)} (${(build / kitBuild).toFixed(2)}) | ${figure.heapMb.toFixed(0)} | ` +
      `${median.toFixed(2)} (${(median / kitMedian).toFixed(2)}) | ${p95.toFixed(2)} (${(p95 / kitP95).toFixed(2)}) | ` +
      `${agreeing}/${checked.length} | ${checks.join(' | ')} |`,
  );
}
