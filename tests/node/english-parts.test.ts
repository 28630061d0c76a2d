// The English messages an English page loads element by element (scripts/split-english.mjs, run by npm run localize)
// are exactly lit-localize's whole table: no message lost (an element would speak Chinese on an English page), none
// changed, and what every element shares in no element's part.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { templates as whole } from '../../src/i18n/locales/en.ts';

const dir = new URL('../../src/i18n/locales/', import.meta.url);
const partFiles = readdirSync(dir).filter((file) => /^en-[\w-]+\.ts$/.test(file));

describe('English messages in parts', () => {
  it('has the shared part and one for each element folder that writes messages', () => {
    assert.ok(partFiles.includes('en-shared.ts'));
    for (const element of [
      'contact-card',
      'directory',
      'application-form',
      'application-status',
      'feedback-mailbox',
      'report-viewer',
      'request-desk',
      'report-editor',
    ])
      assert.ok(partFiles.includes(`en-${element}.ts`), `no en-${element}.ts`);
  });

  it('holds every message of en.ts, unchanged; a shared one in no other part', async () => {
    const seen = new Map<string, string[]>();
    for (const file of partFiles) {
      const { templates } = (await import(new URL(file, dir).href)) as { templates: Record<string, unknown> };
      for (const [id, template] of Object.entries(templates)) {
        seen.set(id, [...(seen.get(id) ?? []), file]);
        assert.deepEqual(template, (whole as Record<string, unknown>)[id], `${id} in ${file}`);
      }
    }
    assert.deepEqual([...seen.keys()].sort(), Object.keys(whole).sort());
    for (const [id, files] of seen) if (files.includes('en-shared.ts')) assert.deepEqual(files, ['en-shared.ts'], id);
    // 申请编号 (Tracking code) is written by the application form, the status look-up and the desk.
    assert.ok((seen.get('s7403dbbd774bd5c4') ?? []).length >= 2, 'Tracking code: in the part of each element that shows it');
  });
});
