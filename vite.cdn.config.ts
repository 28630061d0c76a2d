import { defineConfig, type Plugin, type Rollup } from 'vite';
import { BROWSER_FLOOR } from './scripts/browser-floor.mjs';
import { minifyLitLiterals } from './scripts/minify-literals-plugin.mjs';

/**
 * The kit runtime: what every element needs at once — Lit's core, Lit Localize, the base element with its
 * language and theme, the data-loading controllers and states, the tokens, the API client, and the small
 * helpers several elements share — in one chunk, so a page fetches it in one request and gzips it as one
 * stream. What only some elements use (form fields, drafts, upload, directives, formatters …) stays out of it:
 * a contact card page does not pay for the forms.
 */
const RUNTIME = [
  /\/node_modules\/lit\/(index|decorators)\.js$/,
  /\/node_modules\/lit-html\/(lit-html|is-server)\.js$/,
  /\/node_modules\/lit-element\/lit-element\.js$/,
  /\/node_modules\/@lit\/reactive-element\/(reactive-element|css-tag|decorators\/(property|state))\.js$/,
  /\/node_modules\/@lit\/localize\//,
  /@oxc-project\+runtime/,
  /\/src\/components\/base\/(zwgk-element|context|states|heading|hydration|clipboard|download)\.ts$/,
  /\/src\/components\/base\/controllers\/(request|data-source)\.ts$/,
  /\/src\/styles\/(tokens|host-reset)\.ts$/,
  /\/src\/i18n\/locale\.ts$/,
  /\/src\/api\/client\.ts$/,
  /\/src\/core\/url\.ts$/,
];

/**
 * Writes into autoloader.js the chunks each element's chunk imports (src/autoloader.ts `PRELOAD`), so the
 * autoloader fetches them in parallel with the element's chunk rather than after it.
 */
function autoloaderPreload(): Plugin {
  return {
    name: 'zwgk-autoloader-preload',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rollup.OutputChunk>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
      const loader = chunks.get('autoloader.js');
      if (!loader) return this.error('no autoloader.js in the CDN build');
      const files: string[] = [];
      const tags: Record<string, number[]> = {};
      for (const file of loader.dynamicImports) {
        // The element's entry module (src/contact-card.ts …) is in the chunk, whether or not it is its facade.
        const entry = chunks.get(file)?.moduleIds.find((id) => /\/src\/[\w-]+\.ts$/.test(id));
        const name = entry?.match(/\/src\/([\w-]+)\.ts$/)?.[1];
        if (!name) continue;
        const imports = new Set<string>();
        const visit = (from: string) => {
          for (const dependency of chunks.get(from)?.imports ?? []) {
            if (imports.has(dependency)) continue;
            imports.add(dependency);
            visit(dependency);
          }
        };
        visit(file);
        tags[`zwgk-${name}`] = [...imports].map((dependency) => {
          const chunk = dependency.replace(/^chunks\/(.*)\.js$/, '$1');
          return files.includes(chunk) ? files.indexOf(chunk) : files.push(chunk) - 1;
        });
      }
      const placeholder = /(["'`])\{"chunks":\[\],"tags":\{\}\}\1/;
      if (!placeholder.test(loader.code)) return this.error('autoloader.js lost its PRELOAD placeholder');
      loader.code = loader.code.replace(placeholder, `'${JSON.stringify({ chunks: files, tags })}'`);
    },
  };
}

// The CDN build: one minified ES module (Lit inside) that registers every element — what a CMS page loads
// with <script type="module"> — and autoloader.js, which defines each element when it first appears,
// loading only that element's chunks. What only some pages use stays in chunks beside it, loaded on first use:
// the English messages, the report viewer's tables and charts, the mailbox's lookup and proof solver.
// No eval and no inline styles: it works under script-src 'self'; style-src 'self'.
// Licence comments (Lit's, DOMPurify's) are kept.
export default defineConfig({
  publicDir: false,
  plugins: [minifyLitLiterals(), autoloaderPreload()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: BROWSER_FLOOR,
    outDir: 'packages/zwgk-kit/dist/cdn',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    lib: { entry: { 'zwgk-kit': 'src/cdn.ts', autoloader: 'src/autoloader.ts' }, formats: ['es'] },
    rollupOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        comments: { legal: true, annotation: false, jsdoc: false },
        minify: true,
        codeSplitting: {
          groups: [{ name: 'runtime', test: (id: string) => RUNTIME.some((pattern) => pattern.test(id)), priority: 10 }],
        },
      },
    },
  },
});
