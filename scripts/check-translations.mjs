// English must be complete: every message extracted from the source needs a <target> in xliff/en.xlf.
// Run after `lit-localize extract` (npm run localize), which adds new messages without targets.
import { readFileSync } from 'node:fs';

const xliff = readFileSync(new URL('../xliff/en.xlf', import.meta.url), 'utf8');
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
const missing = units.filter(([, , body]) => !/<target>[\s\S]*?<\/target>/.test(body));
for (const [, id, body] of missing) console.error(`untranslated ${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body)?.[1]}`);
if (missing.length) {
  console.error(`${missing.length} of ${units.length} messages have no English; add <target> to xliff/en.xlf and run npm run localize.`);
  process.exit(1);
}
console.log(`translations: ${units.length} messages, English complete`);
