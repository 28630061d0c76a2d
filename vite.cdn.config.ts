import { defineConfig } from 'vite';
import { minifyLitLiterals } from './scripts/minify-literals-plugin.mjs';

// The CDN build: one self-contained, minified ES module (Lit inside) that
// registers every element — what a CMS page loads with <script type="module">.
// No eval and no inline styles: it works under script-src 'self'; style-src 'self'.
export default defineConfig({
  publicDir: false,
  plugins: [minifyLitLiterals()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    lib: { entry: { 'zwgk-kit': 'src/index.ts' }, formats: ['es'] },
    rollupOptions: { output: { entryFileNames: '[name].js', inlineDynamicImports: true } },
  },
});
