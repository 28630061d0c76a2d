// Size report: gzip bytes, against size-budgets.json; exits 1 when a budget is exceeded.
// - lit: Lit alone, for reference (every element shares it).
// - kit runtime: what every element shares beyond Lit (base element, tokens, language, data loading, API client).
// - <entry>: the entry beyond Lit (runtime dependencies are left to the web team's bundler), and the
//   element's own code beyond Lit and the kit runtime; both up front, without what it loads on first use.
// - <entry> when used: the entry with every lazy chunk it loads once used (a report shown, the mailbox's
//   lookup and proof solver …) and its runtime dependency altcha-lib — Lit and English aside.
// - English messages: loaded only by pages in English.
// - cdn/zwgk-kit.js: everything, Lit inside (run `npm run build` first): the file and the chunks it imports
//   up front, then with every lazy chunk too (English aside).
// - page: what a real page downloads under cdn/autoloader.js (scripts/cdn-pages.mjs), in Chromium, with the
//   reference server's demo data: every script it requested, Lit included, until its elements are interactive
//   (and half a second after, for what loads late), against its target and its budget.
// `--explain`: also each page's scripts with their gzip bytes, and what the contact card's page is made of, module
// by module (scripts/size-explain.mjs); `--explain=runtime,forms` (or `all`): the CDN files so named instead.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minifyHTMLLiterals } from 'minify-literals';
import { BROWSER_FLOOR, ESBUILD_SUPPORTED } from './browser-floor.mjs';
import { withoutLitDecorators } from './lit-decorators.mjs';

const root = new URL('../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('packages/zwgk-kit/package.json', root), 'utf8'));
const dependencies = [...Object.keys(pkg.dependencies), 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((n) => [n, `${n}/*`]);
// What only English pages load: the message tables (en.ts whole, and its parts, one an element: en-*.ts), and the
// forms' English validation messages. (A trailing * matches any file that begins so.)
const ENGLISH = ['i18n/locales/en', 'i18n/locales/en-*', 'core/validate/messages-en'];
/** A CDN chunk of English pages only (the messages' chunk, and the validation messages' one). */
const ENGLISH_CHUNK = /^chunks\/(messages-)?en-[\w-]+\.js$/;
// What every element shares; shared parts only some elements use (form fields) count as their code.
const RUNTIME = [
  'components/base/zwgk-element',
  'components/base/context',
  'components/base/controllers/request',
  'components/base/controllers/data-source',
  'components/base/states',
  'components/base/clipboard',
  'components/base/hydration',
  'styles/tokens',
  'styles/host-reset',
  'i18n/locale',
  'i18n/format',
  'api/client',
];

// The same source transforms as the Vite builds: Lit's decorators compiled away (scripts/lit-decorators.mjs), then
// the literals minified (scripts/minify-literals-plugin.mjs).
const minifyLiterals = {
  name: 'minify-literals',
  setup(builder) {
    builder.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
      const original = readFileSync(path, 'utf8');
      const source = withoutLitDecorators(original, path)?.code ?? original;
      const result = await minifyHTMLLiterals(source, { fileName: path });
      return { contents: result?.code ?? source, loader: 'ts' };
    });
  },
};
/** Leaves modules whose resolved path contains one of `parts` out of the bundle. */
const leaveOut = (parts, { lazy = false } = {}) => ({
  name: 'leave-out',
  setup(builder) {
    builder.onResolve({ filter: /^\./ }, ({ path, resolveDir, kind }) => {
      if (kind === 'dynamic-import' && !lazy) return { path, external: true }; // loaded on demand, not up front
      const full = new URL(path, `file://${resolveDir}/`).pathname;
      const matches = (part) =>
        part.endsWith('*') ? full.includes(`/src/${part.slice(0, -1)}`) : full.includes(`/src/${part}.`) || full.endsWith(`/src/${part}`);
      // Named from the root, not the absolute path: the import's text is in the bundle, and a clone's folder must not
      // change the figures.
      return parts.some(matches) ? { path: `./${full.slice(root.pathname.length)}`, external: true } : undefined;
    });
  },
});

async function gzipOf(options) {
  const result = await build({
    bundle: true,
    minify: true,
    charset: 'utf8',
    format: 'esm',
    target: BROWSER_FLOOR,
    supported: ESBUILD_SUPPORTED,
    write: false,
    logLevel: 'silent',
    tsconfig: new URL('tsconfig.json', root).pathname,
    external: dependencies,
    ...options,
    plugins: [...(options.plugins ?? []), minifyLiterals],
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}
const src = (file) => new URL(`src/${file}`, root).pathname;

const explainArgument = process.argv.find((arg) => arg === '--explain' || arg.startsWith('--explain='));
const explained = [];

const rows = [];
let failed = false;
function report(name, bytes, budget) {
  const over = budget !== undefined && bytes > budget;
  failed ||= over;
  rows.push([name, bytes, budget ?? '—', budget === undefined ? '' : over ? 'OVER BUDGET' : 'ok']);
}
/** A row for something missing or wrong (no figure to weigh): the report fails. */
function fault(name, what, why) {
  rows.push([name, what, '—', why]);
  failed = true;
}

report(
  'lit',
  await gzipOf({ stdin: { contents: "export * from 'lit'; export * from 'lit/decorators.js';", resolveDir: root.pathname }, external: [] }),
  budgets.lit,
);
report(
  'kit runtime (shared by every element)',
  await gzipOf({
    stdin: { contents: RUNTIME.map((file) => `export * from './src/${file}.ts';`).join('\n'), resolveDir: root.pathname },
    plugins: [leaveOut(ENGLISH)],
  }),
  budgets.runtime,
);
report(
  'English messages, all in one (en.ts: what SSR loads; a page loads its parts)',
  await gzipOf({ entryPoints: [src('i18n/locales/en.ts')] }),
  budgets.english,
);

// The package's entries (cdn.ts is the CDN file's, measured below as cdn/zwgk-kit.js).
const entries = readdirSync(new URL('src/', root))
  .filter((f) => f.endsWith('.ts') && f !== 'cdn.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
for (const entry of entries) {
  const budget = budgets.entries[entry] ?? {};
  report(`${entry}.js beyond Lit`, await gzipOf({ entryPoints: [src(`${entry}.ts`)], plugins: [leaveOut(ENGLISH)] }), budget.beyondLit);
  if (entry !== 'index') {
    report(
      `${entry}.js own code (beyond Lit and kit runtime)`,
      await gzipOf({ entryPoints: [src(`${entry}.ts`)], plugins: [leaveOut([...ENGLISH, ...RUNTIME])] }),
      budget.own,
    );
    // esbuild without code splitting inlines what import() loads, so this is everything the element ever fetches
    // (the autoloader's import()s are every element: its pages are measured in tests/integration/autoloader.test.ts).
    const lazyDependencies = ['altcha-lib'];
    if (entry !== 'autoloader')
      report(
        `${entry}.js when used (lazy chunks, altcha-lib; not Lit)`,
        await gzipOf({
          entryPoints: [src(`${entry}.ts`)],
          plugins: [leaveOut(ENGLISH, { lazy: true })],
          external: dependencies.filter((name) => !lazyDependencies.some((dep) => name === dep || name === `${dep}/*`)),
        }),
        budget.used,
      );
  }
}

/** The CDN file and its chunks: what it imports up front, and what it loads with import() (English aside). */
function cdnChunks(dir, file) {
  const upFront = new Set([file]);
  const lazy = new Set();
  const visit = (name, into) => {
    const code = readFileSync(new URL(name, dir), 'utf8');
    for (const [, imported] of code.matchAll(/\bfrom\s*["'`]\.\/(?:\.\.\/)?(?:chunks\/)?([\w.-]+\.js)["'`]/g))
      add(`chunks/${imported}`, into);
    for (const [, imported] of code.matchAll(/\bimport\(\s*["'`]\.\/(?:\.\.\/)?(?:chunks\/)?([\w.-]+\.js)["'`]\s*\)/g))
      add(`chunks/${imported}`, lazy);
  };
  const add = (name, into) => {
    if (name === file || upFront.has(name) || lazy.has(name) || !existsSync(new URL(name, dir))) return;
    into.add(name);
    visit(name, into);
  };
  visit(file, upFront);
  for (const name of lazy) if (upFront.has(name)) lazy.delete(name);
  const english = [...lazy].filter((name) => ENGLISH_CHUNK.test(name));
  english.forEach((name) => lazy.delete(name));
  return { upFront: [...upFront], lazy: [...lazy], english };
}
const gzipFiles = (dir, names) => names.reduce((sum, name) => sum + gzipSync(readFileSync(new URL(name, dir)), { level: 9 }).length, 0);
const cdnDir = new URL('packages/zwgk-kit/dist/cdn/', root);
if (existsSync(new URL('zwgk-kit.js', cdnDir))) {
  const { upFront, lazy, english } = cdnChunks(cdnDir, 'zwgk-kit.js');
  report(`cdn/zwgk-kit.js up front (${upFront.length} files, Lit inside)`, gzipFiles(cdnDir, upFront), budgets.cdn);
  report(
    `cdn/zwgk-kit.js with every lazy chunk (${upFront.length + lazy.length} files)`,
    gzipFiles(cdnDir, [...upFront, ...lazy]),
    budgets.cdnUsed,
  );
  // The shared chunks of the CDN build (vite.cdn.config.ts): the runtime every element loads, the small pieces
  // most elements share, the forms' shared code.
  const chunkFiles = readdirSync(new URL('chunks/', cdnDir));
  for (const [name, what] of [
    ['runtime', 'Lit and the kit runtime, every element'],
    ['common', 'formatters, events, url-state, lazy loading: every element but the card'],
    ['forms', "the forms' shared code"],
  ]) {
    const file = chunkFiles.find((f) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(f));
    if (file) report(`cdn chunk ${name} (${what})`, gzipFiles(cdnDir, [`chunks/${file}`]), budgets.cdnChunks?.[name]);
    else fault(`cdn chunk ${name}`, 'missing', 'vite.cdn.config.ts no longer makes it');
  }
  // English: one chunk the elements share and one an element (src/i18n/locales/en-*.ts); a page loads its own.
  const messages = english.filter((name) => /^chunks\/en-/.test(name));
  if (!messages.some((name) => /^chunks\/en-shared-/.test(name)))
    fault('cdn English messages', 'missing', 'no en-shared chunk (scripts/split-english.mjs)');
  else report(`cdn English messages, all ${messages.length} parts (English pages only)`, gzipFiles(cdnDir, messages), budgets.englishParts);
} else rows.push(['cdn/zwgk-kit.js', 'not built', budgets.cdn, 'run npm run build first']);

// Pages: measured from a real page load, as tests/integration/autoloader.test.ts does.
const FORM_TAGS = ['zwgk-application-form', 'zwgk-application-status', 'zwgk-feedback-mailbox'];
const TARGETS = {
  contactCard: 14 * 1024,
  directory: 20 * 1024,
  directoryClient: 20 * 1024,
  applicationForm: 28 * 1024,
  reportViewerShown: 30 * 1024,
  everyElement: 80 * 1024,
};
if (existsSync(new URL('autoloader.js', cdnDir)) && !process.argv.includes('--no-pages')) {
  const { register } = await import('tsx/esm/api');
  register();
  const { PAGES, interactive, loadPage, pageHtml, startPageServer } = await import('./cdn-pages.mjs');
  const { default: puppeteer } = await import('puppeteer-core');
  const { browserArgs, findBrowser } = await import('./browser-path.mjs');
  const server = await startPageServer();
  const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
  try {
    for (const [name, page] of Object.entries(PAGES)) {
      const url = server.page(`/${name}`, pageHtml(page.tags, undefined, undefined, page.body));
      const { bytes, scripts, errors } = await loadPage(browser, url, interactive(page.tags), { settleMs: 500 });
      if (errors.length) fault(`page: ${page.title}`, 'errors', errors.join('; '));
      const target = TARGETS[name];
      report(`page: ${page.title} (${scripts.length} scripts; target ${target})`, bytes, budgets.pages?.[name]);
      if (explainArgument) explained.push([name, page.title, scripts]);
      const versusTarget = bytes > target ? `${((bytes / target - 1) * 100).toFixed(0)}% over target` : 'within target';
      rows.at(-1)[3] = [rows.at(-1)[3], versusTarget].filter(Boolean).join(', ');
      // A Chinese page never fetches the English messages, nor the proof solver before anyone types.
      const early = scripts.filter((path) => ENGLISH_CHUNK.test(path) || /^chunks\/solver-[\w-]+\.js$/.test(path));
      if (early.length) fault(`page: ${page.title}`, 'loads', `${early.join(', ')} it does not need`);
      // Only a page with a form loads the forms' shared code (a Lit helper grouped with it once pulled all of
      // it into the report viewer's page).
      const forms = FORM_TAGS.some((tag) => page.tags.includes(tag))
        ? []
        : scripts.filter((path) => /^chunks\/forms-[\w-]+\.js$/.test(path));
      if (forms.length) fault(`page: ${page.title}`, 'loads', `${forms.join(', ')}: no form on it`);
      // A directory searched by its server (remote mode) or its worker (a client-mode src, as on every page
      // here) does not load the search on the page.
      const search = scripts.filter((path) => /^chunks\/local-search-[\w-]+\.js$/.test(path));
      if (search.length) fault(`page: ${page.title}`, 'loads', `${search.join(', ')}: its directory does not search on the page`);
    }
    // The same card on an English page: the messages every element shares and the card's own come as two chunks
    // more, and no other element's.
    const english = server.page('/contactCardEnglish', pageHtml(['zwgk-contact-card'], '/cdn/autoloader.js', 'en'));
    const { bytes, scripts } = await loadPage(browser, english, interactive(['zwgk-contact-card']), { settleMs: 500 });
    report(`page: one contact card, in English (${scripts.length} scripts)`, bytes, budgets.pages.contactCardEnglish);
    const parts = scripts.map((path) => path.match(/^chunks\/en-([\w-]+)-[\w-]{8}\.js$/)?.[1]).filter(Boolean);
    if (parts.sort().join() !== 'contact-card,shared') {
      rows.at(-1)[3] += `, English parts loaded: ${parts.join(', ') || 'none'} (want shared, contact-card)`;
      failed = true;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const width = Math.max(...rows.map((r) => String(r[0]).length));
console.log(`${'what'.padEnd(width)}  gzip bytes  budget  status`);
for (const [name, bytes, budget, status] of rows) {
  console.log(`${String(name).padEnd(width)}  ${String(bytes).padStart(10)}  ${String(budget).padStart(6)}  ${status}`);
}
if (explainArgument) {
  const { cdnFiles, printExplanation } = await import('./size-explain.mjs');
  for (const [, title, scripts] of explained) {
    console.log(`\npage: ${title}`);
    for (const script of scripts) console.log(`  ${String(gzipFiles(cdnDir, [script])).padStart(6)}  ${script}`);
  }
  const names = explainArgument.split('=')[1];
  const cardPage = explained.find(([name]) => name === 'contactCard')?.[2] ?? [];
  printExplanation(cdnDir, names ? cdnFiles(cdnDir, names.split(',')) : cardPage);
}
if (failed) {
  console.error('\nA size budget is exceeded (size-budgets.json).');
  process.exit(1);
}
