// Splits the English messages that lit-localize generates (src/i18n/locales/en.ts, every element's in one module)
// into one module the elements share (en-shared.ts: what src/components/base/ and src/i18n/messages.ts write) and
// one an element (src/i18n/locales/en-<folder>.ts: the other messages src/components/<folder>/ writes, so a message
// two elements write is in both). An English page then downloads the messages of the elements on it, not those
// of all nine. Run by `npm run localize` after `lit-localize build`;
// en.ts stays whole for what needs every message (SSR, the plural tests).
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const locales = `${root}src/i18n/locales/`;
const config = readConfigFileAndWriteSchema(`${root}lit-localize.json`);
// lit-localize's extraction keeps one file a message; a message written in two folders must be known as such, so
// each file is read alone (the same program, asked for one source file at a time).
const program = new RuntimeLitLocalizer(config).program;
const inputs = program.getSourceFiles().filter((file) => !file.isDeclarationFile && file.fileName.startsWith(`${root}src/`));

/** The element folder a file is in, or 'shared'. */
const partOfFile = (file) =>
  relative(`${root}src/components`, file)
    .match(/^([\w-]+)\//)?.[1]
    ?.replace(/^base$/, 'shared') ?? 'shared';
/** Each message's parts: the folders that write it, or only 'shared' when base/ or i18n/ writes it too. */
const partsOf = new Map();
for (const file of inputs) {
  const { messages, errors } = extractMessagesFromProgram(Object.create(program, { getSourceFiles: { value: () => [file] } }));
  if (errors.length) throw new Error(`split-english: lit-localize cannot read ${file.fileName}; run npm run localize`);
  const part = partOfFile(file.fileName);
  for (const { name } of messages) partsOf.set(name, new Set([...(partsOf.get(name) ?? []), part]));
}
for (const [name, parts] of partsOf) if (parts.has('shared')) partsOf.set(name, new Set(['shared']));

// en.ts: a header, then `export const templates = {`, one entry a line (`'id': …,`; a value may run over lines),
// then `};`.
const generated = readFileSync(`${locales}en.ts`, 'utf8');
const start = generated.indexOf('export const templates = {');
const end = generated.lastIndexOf('};');
if (start < 0 || end < start) throw new Error('split-english: src/i18n/locales/en.ts is not in the shape lit-localize writes');
const header = generated.slice(0, start);
const entries = generated
  .slice(start + 'export const templates = {'.length, end)
  .split(/\n(?=\s*'[^']+': )/)
  .map((entry) => entry.trim())
  .filter(Boolean);

const parts = new Map();
for (const entry of entries) {
  const id = entry.match(/^'([^']+)': /)?.[1];
  if (!id) throw new Error(`split-english: cannot read the entry ${entry.slice(0, 60)}`);
  // A message two elements write goes into both their parts (an English page loads only its elements' parts);
  // one lit-localize keeps but no source file writes any more goes with the shared ones.
  for (const part of partsOf.get(id) ?? ['shared']) {
    if (!parts.has(part)) parts.set(part, []);
    parts.get(part).push(entry.replace(/,$/, ''));
  }
}

for (const file of readdirSync(locales)) if (/^en-.+\.ts$/.test(file)) rmSync(`${locales}${file}`);
const names = [...parts.keys()].sort();
for (const part of names) {
  const body = parts.get(part);
  const imports = /\bstr`/.test(body.join('\n')) ? header : header.replace(/\n\s*import \{str\} from '@lit\/localize';/, '');
  // The shared part also brings Lit Localize's lookup of a translation (src/i18n/locale.ts `translate`): it hashes
  // each message for its id, which only English needs, so Chinese pages never download it.
  const lookup = part === 'shared' ? `\nexport { runtimeMsg as translate } from '@lit/localize/internal/runtime-msg.js';\n` : '';
  writeFileSync(`${locales}en-${part}.ts`, `${imports}export const templates = {\n  ${body.join(',\n  ')},\n};\n${lookup}`);
}
// Each element names its own part (`static override english = () => import('…/en-<folder>.js')`), so its chunk,
// not the runtime, carries the loader; an element that forgets would speak Chinese on an English page.
for (const part of names.filter((name) => name !== 'shared')) {
  const folder = `${root}src/components/${part}/`;
  const named = readdirSync(folder, { recursive: true }).some(
    (file) => file.endsWith('.ts') && readFileSync(`${folder}${file}`, 'utf8').includes(`i18n/locales/en-${part}.js')`),
  );
  if (!named) throw new Error(`split-english: no file in src/components/${part}/ loads its English (i18n/locales/en-${part}.js)`);
}
console.log(
  `english: ${entries.length} messages in ${names.length} parts (${names.map((part) => `${part} ${parts.get(part).length}`).join(', ')})`,
);
