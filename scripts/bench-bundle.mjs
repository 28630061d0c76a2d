// The kit bundled as a page gets it, for the benchmarks that load it into the machine's Chromium (bench:directory,
// bench:directory-trace, bench:cls): one ES module in memory, production Lit, nothing written to disk.
import { build } from 'esbuild';

/** The items a directory benchmark's page makes (`window.makeItems(n)`), the kit's and the generator's sources at `src`. */
export const DIRECTORY_ITEMS = `
  import { generateDisclosureItems } from './src/core/directory/generate.ts';
  import { FUJIAN_COMMERCE_2020_DOCUMENTS } from './src/core/directory/fixtures.ts';
  // Round-tripped through JSON, as if the items had come over the network.
  window.makeItems = (n) => JSON.parse(JSON.stringify([...FUJIAN_COMMERCE_2020_DOCUMENTS, ...generateDisclosureItems(n - FUJIAN_COMMERCE_2020_DOCUMENTS.length, 2020)]));
`;

/** Bundles `options` (an entry point or stdin, and any option to add or override) into one ES module's text. */
export async function bundleForPage(options) {
  const result = await build({
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    ...options,
  });
  return result.outputFiles[0].contents;
}
