import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyLitLiterals } from './scripts/minify-literals-plugin.mjs';

// The npm build: one ES module per element plus index.js, with every runtime
// dependency (Lit above all) left to the web team's bundler so it is shared.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(pkg.dependencies).map((name) => new RegExp(`^${name.replace('/', '\\/')}(/|$)`));
external.push(/^lit-html(\/|$)/, /^lit-element(\/|$)/, /^@lit\/reactive-element(\/|$)/);

/** src/<entry>.ts files: index.ts and one per element. */
export const entries = Object.fromEntries(
  readdirSync(new URL('./src', import.meta.url))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => [file.replace(/\.ts$/, ''), `src/${file}`]),
);

export default defineConfig({
  publicDir: false,
  plugins: [minifyLitLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rollupOptions: {
      external,
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
