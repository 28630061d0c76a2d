import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VITE_TARGET } from './scripts/browser-floor.mjs';
import { litDecoratorsToStatic } from './scripts/lit-decorators.mjs';
import { minifyLitLiterals } from './scripts/minify-literals-plugin.mjs';

// The npm build of the browser package (packages/zwgk-kit): one ES module per element plus index.js, with
// every runtime dependency (Lit above all) left to the web team's bundler so it is shared.
const pkg = JSON.parse(readFileSync(new URL('./packages/zwgk-kit/package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(pkg.dependencies).map((name) => new RegExp(`^${name.replace('/', '\\/')}(/|$)`));
external.push(/^lit-html(\/|$)/, /^lit-element(\/|$)/, /^@lit\/reactive-element(\/|$)/);

/** src/<entry>.ts files: index.ts and one per element (cdn.ts is the CDN build's entry, not the package's). */
export const entries = Object.fromEntries(
  readdirSync(new URL('./src', import.meta.url))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'cdn.ts')
    .map((file) => [file.replace(/\.ts$/, ''), `src/${file}`]),
);

export default defineConfig({
  publicDir: false,
  plugins: [litDecoratorsToStatic(), minifyLitLiterals()],
  build: {
    target: VITE_TARGET,
    outDir: 'packages/zwgk-kit/dist',
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
