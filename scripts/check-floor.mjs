// Fails the build when the browser package ships JavaScript newer than the browser floor
// (scripts/browser-floor.mjs, README "Browser support"):
// - syntax: each shipped file, reprinted by esbuild for the floor and for esnext, must come out the same
//   (a difference is syntax the floor lacks that slipped past the build's own lowering, e.g. in a
//   generated file); what esbuild cannot lower at all (top-level await, …) is an error here too;
// - APIs: no call of a built-in the floor lacks (Array.prototype.at is Chrome 92, …) unless the same file
//   tests for it first (`typeof crypto.randomUUID`);
// - CSS: the elements' styles (Lit `css` literals in the shipped modules) and the themes use nothing the floor
//   drops in a way that breaks a page: a container query only mobile first (min-width) or with its viewport
//   fallback (styles/container-query.ts),
//   container units only after a fallback declaration, no :has(), :is(), :where(), nesting, @layer, newer units or
//   colour functions — unless inside @supports, where the floor skips them on purpose.
import { transform } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BROWSER_FLOOR, ESBUILD_SUPPORTED } from './browser-floor.mjs';

/** Built-ins newer than Chrome 87 / Safari 14, the pattern that finds a use, and the test that excuses it. */
const NEWER_APIS = [
  ['Array.prototype.at / String.prototype.at (Chrome 92, Safari 15.4)', /\.at\(-?\d/],
  ['Object.hasOwn (Chrome 93, Safari 15.4)', /\bObject\.hasOwn\(/],
  ['structuredClone (Chrome 98, Safari 15.4)', /\bstructuredClone\(/],
  ['Array.prototype.findLast (Chrome 97, Safari 15.4)', /\.findLast(Index)?\(/],
  ['change-array-by-copy methods (Chrome 110, Safari 16)', /\.(toSorted|toReversed|toSpliced)\(/],
  ['Object.groupBy / Map.groupBy (Chrome 117)', /\b(Object|Map)\.groupBy\(/],
  ['Promise.withResolvers (Chrome 119)', /\bPromise\.withResolvers\(/],
  ['AbortSignal.timeout / AbortSignal.any (Chrome 103)', /\bAbortSignal\.(timeout|any)\(/],
  ['crypto.randomUUID (Chrome 92, Safari 15.4)', /\bcrypto\.randomUUID\(/, /typeof\s+crypto\.randomUUID/],
  ['Array.fromAsync (Chrome 121)', /\bArray\.fromAsync\(/],
  // The Vite builds keep optional chaining for Chrome 87 (browser-floor.mjs VITE_TARGET) but for this one form.
  [
    'an optional call with a spread before its last argument (throws in Chrome 80–90, crbug.com/42201552)',
    /\?\.(?:[\w$]+)?\([^()]*\.\.\.[^(),]+,/,
  ],
  [
    'String.prototype.replaceAll is fine (Chrome 85); Intl.Segmenter is not (Safari 14.1)',
    /\bnew Intl\.Segmenter\(/,
    // Guarded uses are fine: a feature test (ProseMirror's `if (Intl.Segmenter)`) before the call.
    /typeof\s+Intl\.Segmenter|"Segmenter"\s*in\s+Intl|if\s*\(\s*Intl\.Segmenter\s*\)/,
  ],
];

/** CSS newer than Chrome 87 / Safari 14.1 that a browser at the floor drops (a selector: the whole rule). */
const NEWER_CSS = [
  [':has() (Chrome 105, Safari 15.4)', /:has\(/],
  [':is() / :where() (Chrome 88, Safari 14)', /:(is|where)\(/],
  ['CSS nesting (Chrome 112, Safari 16.5)', /[{;]\s*&/],
  ['@layer (Chrome 99, Safari 15.4)', /@layer\b/],
  ['aspect-ratio (Chrome 88, Safari 15)', /aspect-ratio\s*:/],
  ['overflow: clip (Chrome 90, Safari 16)', /overflow(-[xy])?\s*:\s*clip/],
  ['color-mix(), lab(), lch(), oklab(), oklch() (Chrome 111, Safari 15.4)', /\b(color-mix|lab|lch|oklab|oklch)\(/],
];
/**
 * Units newer than the floor: container units (Chrome 105, Safari 16), dvh/svh/lvh (Chrome 108, Safari 15.4),
 * lh/rlh (Chrome 109, Safari 16.4). Fine after a fallback declaration of the same property, which the floor keeps.
 */
const NEWER_UNIT = /([\w-]+)\s*:[^;{}]*\d(cqi|cqw|cqh|cqb|cqmin|cqmax|[dsl]v(?:h|w|i|b|min|max)|r?lh)\b/g;
const squash = (text) => text.replace(/\s+/g, '').replace(/\/\*.*?\*\//g, '');

/** `text` with the insides of every @supports block blanked out: what the floor reads unconditionally. */
function outsideSupports(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!text.startsWith('@supports', i)) {
      out += text[i];
      continue;
    }
    let depth = 0;
    let j = text.indexOf('{', i);
    for (; j < text.length && j !== -1; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) break;
    }
    out += ' '.repeat(Math.max(0, j - i));
    i = j;
  }
  return out;
}

/** What is wrong at the floor with one stylesheet. */
export function cssProblems(text) {
  const found = [];
  const plain = outsideSupports(text);
  for (const [feature, use] of NEWER_CSS) {
    const match = use.exec(plain);
    if (match) found.push(`${feature}: …${plain.slice(Math.max(0, match.index - 30), match.index + 30).trim()}…`);
  }
  const flat = squash(text);
  for (const [, condition] of flat.matchAll(/@container(\([^{]*\))\{/g)) {
    // The floor ignores container queries: fine for a min-width one (mobile first, the floor keeps the narrow
    // layout); one that narrows the layout needs its viewport fallback, or phones at the floor get the wide one.
    if (!/^\(min-width:[^()]*\)$/.test(condition) && !flat.includes(`@supportsnot(container-type:inline-size){@media${condition}{`))
      found.push(`@container ${condition} without its viewport fallback for the floor (styles/container-query.ts), and not mobile first`);
    if (/\d(\.\d+)?rem/.test(condition)) found.push(`@container ${condition}: rem follows the page's html font-size; write em`);
  }
  for (const match of plain.matchAll(NEWER_UNIT)) {
    const before = plain.slice(0, match.index);
    if (!new RegExp(`(^|[;{])\\s*${match[1]}\\s*:[^;{}]*;\\s*$`).test(before))
      found.push(`${match[0]}: the unit ${match[2]} is newer than the floor; declare ${match[1]} in an older unit just before`);
  }
  return found;
}

/**
 * The CSS of a shipped module: each Lit `css` template literal (nested ones too, each on its own), with its
 * bindings blanked out — so a container query written through styles/container-query.ts is checked there.
 */
function cssLiterals(code) {
  const sheets = [];
  /** Reads the literal whose text starts at `i`; returns the index of its closing backtick. */
  const literal = (i, collect) => {
    let text = '';
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (code.startsWith('${', i)) {
        i = expression(i + 2);
        text += ' ';
      } else text += code[i++];
    }
    if (collect) sheets.push(text);
    return i;
  };
  /** Skips a binding's expression from `i`; returns the index after its closing brace. */
  const expression = (i) => {
    for (let depth = 1; i < code.length; i++) {
      if (code[i] === '`') i = literal(i + 1, false);
      else if (code[i] === "'" || code[i] === '"') i = code.indexOf(code[i], i + 1);
      else if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) return i + 1;
    }
    return i;
  };
  for (const match of code.matchAll(/\bcss`/g)) literal(match.index + 4, true);
  return sheets;
}

// Run as a script (the build); imported (tests/node/css-floor.test.ts), only the functions.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await checkShippedFiles();

async function checkShippedFiles() {
  const dist = new URL('../packages/zwgk-kit/dist/', import.meta.url);
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const url = new URL(name, dir);
      if (statSync(url).isDirectory()) {
        if (name !== 'bin') walk(new URL(`${name}/`, dir)); // bin/ runs in Node
      } else if (name.endsWith('.js') || name.endsWith('.css')) files.push(url);
    }
  };
  walk(dist);

  const problems = [];
  let cssSheets = 0;
  for (const url of files) {
    const code = readFileSync(url, 'utf8');
    const name = url.pathname.slice(dist.pathname.length);
    for (const sheet of name.endsWith('.css') ? [code] : cssLiterals(code)) {
      for (const problem of cssProblems(sheet)) problems.push(`${name}: CSS ${problem}`);
      cssSheets++;
    }
    if (name.endsWith('.css')) continue;
    try {
      const [floor, latest] = await Promise.all([
        transform(code, { format: 'esm', target: BROWSER_FLOOR, supported: ESBUILD_SUPPORTED, logLevel: 'silent' }),
        transform(code, { format: 'esm', target: 'esnext', logLevel: 'silent' }),
      ]);
      if (floor.code !== latest.code) {
        const a = floor.code.split('\n');
        const b = latest.code.split('\n');
        const line = a.findIndex((text, i) => text !== b[i]);
        problems.push(`${name}: syntax newer than ${BROWSER_FLOOR.join(', ')} near: ${b[line]?.trim().slice(0, 120)}`);
      }
    } catch (error) {
      problems.push(`${name}: ${error.errors?.[0]?.text ?? error.message}`);
    }
    for (const [api, use, guard] of NEWER_APIS) {
      const found = use.exec(code);
      if (found && !(guard && guard.test(code)))
        problems.push(`${name}: uses ${api}: …${code.slice(Math.max(0, found.index - 40), found.index + 30)}…`);
    }
  }
  if (problems.length) {
    console.error(`Shipped code is newer than the browser floor (${BROWSER_FLOOR.join(', ')}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(
    `browser floor ${BROWSER_FLOOR.join(', ')}: ${files.length} shipped files checked (${cssSheets} stylesheets), no newer syntax, API or CSS`,
  );
}
