import { defineConfig, type Plugin, type Rollup } from 'vite';
import { VITE_TARGET } from './scripts/browser-floor.mjs';
import { litDecoratorsToStatic } from './scripts/lit-decorators.mjs';
import { minifyLitLiterals } from './scripts/minify-literals-plugin.mjs';

/**
 * The kit runtime: what every element needs at once — Lit's core, Lit Localize (but for its lookup of
 * translations), the base element with its language and theme, the data-loading controllers and states, the
 * tokens, the API client, and the small helpers several elements share — in one chunk, so a page fetches it in
 * one request and gzips it as one stream. What only some elements use (form fields, drafts, upload, directives,
 * formatters …) stays out of it: a contact card page does not pay for the forms.
 */
const RUNTIME = [
  /\/node_modules\/lit\/index\.js$/,
  /\/node_modules\/lit-html\/(lit-html|is-server)\.js$/,
  /\/node_modules\/lit-element\/lit-element\.js$/,
  // (no decorators: the build compiles them to `static properties`, scripts/lit-decorators.mjs)
  /\/node_modules\/@lit\/reactive-element\/(reactive-element|css-tag)\.js$/,
  // (not the lookup of translations, with its hashing: English pages only, with their shared messages)
  /\/node_modules\/@lit\/localize\/(?!internal\/(runtime-msg|id-generation|fnv1a64)\.js$)/,
  /\/src\/components\/base\/(zwgk-element|context|states|heading|hydration|clipboard|download)\.ts$/,
  /\/src\/components\/base\/controllers\/(request|data-source)\.ts$/,
  /\/src\/styles\/(tokens|host-reset)\.ts$/,
  /\/src\/i18n\/locale\.ts$/,
  /\/src\/api\/client\.ts$/,
  /\/src\/core\/url\.ts$/,
  // (the contact texts' two helpers, which the card and the report viewer share: ~100 B, not a request of their own)
  /\/src\/core\/contact\/text\.ts$/,
];

/**
 * What an element import()s as soon as it shows its data, which the autoloader preloads with the element's chunk
 * when the element shows data at once (src/autoloader.ts), one round trip earlier: the report viewer's view with
 * its tables, charts and the narratives' sanitiser (static imports of the view, so they come with it), when it
 * has a URL to fetch; the directory's search of its own list, when it has none (a `<table>` child, inline JSON,
 * `data`). Not what waits for the citizen (the card's vCard writer, the mailbox's views, the proof solver).
 */
const WHEN_SHOWN: Record<string, RegExp[]> = {
  'zwgk-report-viewer': [/\/src\/components\/report-viewer\/view\.ts$/],
  'zwgk-directory': [/\/src\/components\/directory\/local-search\.ts$/],
};

/**
 * Saves round trips on a slow link: a chunk's static imports are only discovered once the chunk has arrived,
 * so each level of imports costs one more round trip. This writes
 * - into autoloader.js the chunks each element's chunk imports (src/autoloader.ts `PRELOAD`), which the
 *   autoloader preloads beside the element's chunk, and those WHEN_SHOWN names;
 * - before every other `import()` (the report viewer's tables, the mailbox's views …) a `modulepreload` of the
 *   chunks the loaded one imports and its importer does not already have.
 * (Vite does the second itself outside library mode.) The source maps are not shifted for the inserted text.
 */
function preloadChunks(): Plugin {
  return {
    name: 'zwgk-preload-chunks',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rollup.OutputChunk>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
      const staticImports = (file: string, into = new Set<string>()): Set<string> => {
        for (const dependency of chunks.get(file)?.imports ?? []) {
          if (into.has(dependency)) continue;
          into.add(dependency);
          staticImports(dependency, into);
        }
        return into;
      };

      const loader = chunks.get('autoloader.js');
      if (!loader) return this.error('no autoloader.js in the CDN build');
      const files: string[] = [];
      const indexOf = (dependency: string) => {
        const chunk = dependency.replace(/^chunks\/(.*)\.js$/, '$1');
        return files.includes(chunk) ? files.indexOf(chunk) : files.push(chunk) - 1;
      };
      const tags: Record<string, number[]> = {};
      const shown: Record<string, number[]> = {};
      for (const file of loader.dynamicImports) {
        // The element's entry module (src/contact-card.ts …) is in the chunk, whether or not it is its facade.
        const name = chunks
          .get(file)
          ?.moduleIds.map((id) => id.match(/\/src\/([\w-]+)\.ts$/)?.[1])
          .find(Boolean);
        if (!name) continue;
        const tag = `zwgk-${name}`;
        const upFront = staticImports(file);
        tags[tag] = [...upFront].map(indexOf);
        const whenShown = new Set<string>();
        for (const module of WHEN_SHOWN[tag] ?? []) {
          const lazy = [file, ...upFront].flatMap((chunk) => chunks.get(chunk)?.dynamicImports ?? []);
          const target = lazy.find((chunk) => chunks.get(chunk)?.moduleIds.some((id) => module.test(id)));
          if (!target) return this.error(`${tag}: no chunk it import()s holds ${module} (WHEN_SHOWN, vite.cdn.config.ts)`);
          for (const chunk of [target, ...staticImports(target)]) if (chunk !== file && !upFront.has(chunk)) whenShown.add(chunk);
        }
        if (whenShown.size) shown[tag] = [...whenShown].map(indexOf);
      }
      const placeholder = /(["'`])\{"chunks":\[\],"tags":\{\},"shown":\{\}\}\1/;
      if (!placeholder.test(loader.code)) return this.error('autoloader.js lost its PRELOAD placeholder');
      loader.code = loader.code.replace(placeholder, `'${JSON.stringify({ chunks: files, tags, shown })}'`);

      for (const [file, chunk] of chunks) {
        if (chunk === loader || !file.startsWith('chunks/')) continue;
        const present = staticImports(file).add(file);
        for (const target of chunk.dynamicImports) {
          const extra = [...staticImports(target)].filter((dependency) => !present.has(dependency));
          if (!extra.length) continue;
          const call = new RegExp(`import\\((["'\`])\\./${target.slice('chunks/'.length).replace(/[.$]/g, '\\$&')}\\1\\)`, 'g');
          const urls = JSON.stringify(extra.map((dependency) => `./${dependency.slice('chunks/'.length)}`));
          const preload = `${urls}.forEach(u=>{let l=document.createElement("link");l.rel="modulepreload";l.href=new URL(u,import.meta.url).href;document.head.append(l)})`;
          if (!call.test(chunk.code)) return this.error(`${file}: no import() of ${target} found to preload beside`);
          chunk.code = chunk.code.replace(call, (match) => `(${preload},${match})`);
        }
      }
    },
  };
}

/** The module of each name that the kit imports through a barrel (`@lit/localize`). */
const BARREL_MODULES: Record<string, Record<string, string>> = {
  '@lit/localize': { msg: '@lit/localize/init/install.js', str: '@lit/localize/internal/str-tag.js' },
};
/**
 * Imports each name from its own module instead of a barrel: `@lit/localize` does not declare itself free of side
 * effects, so its barrel kept runtime mode's module (configureLocalization and its Deferred, ~200 B gzip) though the
 * kit configures the reentrant mode. (`lit/decorators.js` is gone before this runs: scripts/lit-decorators.mjs.)
 * A name missing from BARREL_MODULES fails the build.
 */
function importsPastBarrels(): Plugin {
  return {
    name: 'zwgk-imports-past-barrels',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      let changed = false;
      const result = code.replace(/import \{([^}]*)\} from '(@lit\/localize)';/g, (_, names: string, barrel: string) => {
        changed = true;
        return names
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
          .map((name) => {
            const module = BARREL_MODULES[barrel]![name.split(/\s+as\s+/)[0]!];
            if (!module) this.error(`${id}: add ${name} of ${barrel} to BARREL_MODULES (vite.cdn.config.ts)`);
            return `import { ${name} } from '${module}';`;
          })
          .join('');
      });
      return changed ? { code: result, map: null } : null;
    },
  };
}

/** Shared by the citizen's forms (the application form, the status look-up, the mailbox) and the office's. */
const FORMS = [
  /\/src\/components\/base\/(fields|fields\.styles|form\.styles)\.ts$/,
  /\/src\/components\/base\/controllers\/(focus|submission|draft|server-errors)\.ts$/,
  // (the citizen's rating after an answer: the office's pages carry it too, one request fewer on each citizen form)
  /\/src\/components\/base\/controllers\/form-feedback\.ts$/,
  // (not the holiday calendar: only the application form's receipt and the mailbox's rating load it, lazily)
  /\/src\/core\/(draft\/|calendar\/today|application\/(?!deadline))/,
  // (not the English validation messages: English pages only, in a lazy chunk of their own)
  /\/src\/core\/validate\/(?!feedback|messages-en)/,
  // (the forms' requests: uploads, the Idempotency-Key, URLs under an api-base)
  /\/src\/api\/(upload|idempotency|url)\.ts$/,
  /\/src\/api\/types\/application\.ts$/,
  /\/node_modules\/lit-html\/directives\/(live|if-defined)\.js$/,
];
/** Small pieces most elements but the contact card use, in one chunk rather than one request each. */
const COMMON = [
  /\/src\/i18n\/format\.ts$/,
  /\/src\/events\//,
  /\/src\/components\/base\/controllers\/url-state\.ts$/,
  // (the directory's and the report viewer's container queries)
  /\/src\/styles\/container-query\.ts$/,
  // (what loads a module on first use: every element but the card has one)
  /\/src\/components\/base\/lazy-module\.ts$/,
  // (directive-helpers: the forms' directives and the report viewer's async narrative directive both use it.)
  /\/node_modules\/lit-html\/(directive|directive-helpers)\.js$/,
];
/** The report viewer's narratives: the DOM sanitiser and the policy it applies, fetched together. */
const NARRATIVE = [/\/src\/components\/base\/sanitize\.ts$/, /\/src\/core\/report\/narrative-policy\.ts$/];
/** What the application status look-up and the office share: the staff API's types and the uploaded-files list. */
const CASE_FILES = [/\/src\/api\/types\/staff\.ts$/, /\/src\/components\/base\/uploaded-files\.ts$/];
const group = (name: string, patterns: RegExp[], priority: number) => ({
  name,
  test: (id: string) => patterns.some((pattern) => pattern.test(id)),
  priority,
});

// The CDN build: one minified ES module (Lit inside) that registers every element — what a CMS page loads
// with <script type="module"> — and autoloader.js, which defines each element when it first appears,
// loading only that element's chunks. What only some pages use stays in chunks beside it, loaded on first use:
// the English messages, the report viewer's tables and charts, the mailbox's lookup and proof solver.
// No eval and no inline styles: it works under script-src 'self'; style-src 'self'. The source maps are written
// beside each file without the sourceMappingURL comment (35 bytes gzip a file, ~0.8 KB on a page of six elements):
// devtools find them when a developer adds them, citizens do not download the comments.
// Licence comments (Lit's) are kept.
export default defineConfig({
  publicDir: false,
  plugins: [litDecoratorsToStatic(), importsPastBarrels(), minifyLitLiterals(), preloadChunks()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: VITE_TARGET,
    outDir: 'packages/zwgk-kit/dist/cdn',
    emptyOutDir: true,
    minify: true,
    sourcemap: 'hidden',
    lib: { entry: { 'zwgk-kit': 'src/cdn.ts', autoloader: 'src/autoloader.ts' }, formats: ['es'] },
    rollupOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        comments: { legal: true, annotation: false, jsdoc: false },
        minify: true,
        codeSplitting: {
          groups: [
            group('runtime', RUNTIME, 30),
            group('common', COMMON, 20),
            group('forms', FORMS, 10),
            group('narrative', NARRATIVE, 10),
            group('case-files', CASE_FILES, 10),
          ],
        },
      },
    },
  },
});
