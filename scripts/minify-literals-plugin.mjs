// Minifies the HTML and CSS inside Lit's html`` and css`` templates at build
// time (minify-literals), which a JS minifier leaves untouched.
import { minifyHTMLLiterals } from 'minify-literals';

export function minifyLitLiterals() {
  return {
    name: 'zwgk-minify-lit-literals',
    apply: 'build',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
