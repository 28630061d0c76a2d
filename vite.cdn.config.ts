import { defineConfig } from 'vite';
import { BROWSER_FLOOR } from './scripts/browser-floor.mjs';
import { minifyLitLiterals } from './scripts/minify-literals-plugin.mjs';

// The CDN build: one minified ES module (Lit inside) that registers every element — what a CMS page loads
// with <script type="module"> — and autoloader.js, which defines each element when it first appears,
// loading only that element's chunks. What only some pages use stays in chunks beside it, loaded on first use:
// the English messages, the report viewer's tables and charts, the mailbox's lookup and proof solver.
// No eval and no inline styles: it works under script-src 'self'; style-src 'self'.
// Licence comments (Lit's, DOMPurify's) are kept.
export default defineConfig({
  publicDir: false,
  plugins: [minifyLitLiterals()],
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
      },
    },
  },
});
