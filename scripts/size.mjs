// Size report: gzip bytes, against size-budgets.json; exits 1 when a budget is exceeded.
// - lit: Lit alone, for reference (every element shares it).
// - kit runtime: what every element shares beyond Lit (base element, tokens, language, data loading, API client).
// - <entry>: the entry beyond Lit (runtime dependencies are left to the web team's bundler), and the
//   element's own code beyond Lit and the kit runtime.
// - English messages: loaded only by pages in English.
// - cdn/zwgk-kit.js: everything, Lit inside (run `npm run build` first).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minifyHTMLLiterals } from 'minify-literals';

const root = new URL('../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const dependencies = [...Object.keys(pkg.dependencies), 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((n) => [n, `${n}/*`]);
const ENGLISH = 'i18n/locales/en';
// What every element shares; shared parts only some elements use (form fields) count as their code.
const RUNTIME = ['components/base/zwgk-element', 'components/base/context', 'components/base/controllers/request', 'components/base/controllers/data-source', 'components/base/states', 'components/base/clipboard', 'styles/tokens', 'i18n/locale', 'api/client'];

// The same literal minification as the Vite builds (scripts/minify-literals-plugin.mjs).
const minifyLiterals = {
  name: 'minify-literals',
  setup(builder) {
    builder.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const result = await minifyHTMLLiterals(source, { fileName: path });
      return { contents: result?.code ?? source, loader: 'ts' };
    });
  },
};
/** Leaves modules whose resolved path contains one of `parts` out of the bundle. */
const leaveOut = (parts) => ({
  name: 'leave-out',
  setup(builder) {
    builder.onResolve({ filter: /^\./ }, ({ path, resolveDir, kind }) => {
      if (kind === 'dynamic-import') return { path, external: true }; // loaded on demand, not up front
      const full = new URL(path, `file://${resolveDir}/`).pathname;
      return parts.some((part) => full.includes(`/src/${part}.`) || full.endsWith(`/src/${part}`)) ? { path: full, external: true } : undefined;
    });
  },
});

async function gzipOf(options) {
  const result = await build({
    bundle: true, minify: true, charset: 'utf8', format: 'esm', target: 'es2022', write: false, logLevel: 'silent',
    tsconfig: new URL('tsconfig.json', root).pathname, external: dependencies, ...options,
    plugins: [...(options.plugins ?? []), minifyLiterals],
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}
const src = (file) => new URL(`src/${file}`, root).pathname;

const rows = [];
let failed = false;
function report(name, bytes, budget) {
  const over = budget !== undefined && bytes > budget;
  failed ||= over;
  rows.push([name, bytes, budget ?? '—', budget === undefined ? '' : over ? 'OVER BUDGET' : 'ok']);
}

report('lit', await gzipOf({ stdin: { contents: "export * from 'lit'; export * from 'lit/decorators.js';", resolveDir: root.pathname }, external: [] }), budgets.lit);
report('kit runtime (shared by every element)', await gzipOf({
  stdin: { contents: RUNTIME.map((file) => `export * from './src/${file}.ts';`).join('\n'), resolveDir: root.pathname },
  plugins: [leaveOut([ENGLISH])],
}), budgets.runtime);
report('English messages (English pages only)', await gzipOf({ entryPoints: [src('i18n/locales/en.ts')] }), budgets.english);

const entries = readdirSync(new URL('src/', root)).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
for (const entry of entries) {
  const budget = budgets.entries[entry] ?? {};
  report(`${entry}.js beyond Lit`, await gzipOf({ entryPoints: [src(`${entry}.ts`)], plugins: [leaveOut([ENGLISH])] }), budget.beyondLit);
  if (entry !== 'index') {
    report(`${entry}.js own code (beyond Lit and kit runtime)`, await gzipOf({ entryPoints: [src(`${entry}.ts`)], plugins: [leaveOut([ENGLISH, ...RUNTIME])] }), budget.own);
  }
}

const cdn = new URL('dist/cdn/zwgk-kit.js', root);
if (existsSync(cdn)) report('cdn/zwgk-kit.js (everything, Lit inside)', gzipSync(readFileSync(cdn), { level: 9 }).length, budgets.cdn);
else rows.push(['cdn/zwgk-kit.js', 'not built', budgets.cdn, 'run npm run build first']);

const width = Math.max(...rows.map((r) => String(r[0]).length));
console.log(`${'what'.padEnd(width)}  gzip bytes  budget  status`);
for (const [name, bytes, budget, status] of rows) {
  console.log(`${String(name).padEnd(width)}  ${String(bytes).padStart(10)}  ${String(budget).padStart(6)}  ${status}`);
}
if (failed) {
  console.error('\nA size budget is exceeded (size-budgets.json).');
  process.exit(1);
}
