// Invisible and hostile Unicode in what citizens type: normalised to NFC, control and bidi-override
// characters refused, and a field must show something (a name of zero-width spaces is no name).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateApplication, validateFeedback, validateText } from '../../src/core/validate/index.js';
import { formatMessage } from '../../src/core/validate/messages.js';
import { sampleApplication, sampleLetter } from '../../src/server/testing.js';

const person = (name: string) => {
  const body = sampleApplication();
  return { ...body, applicant: { ...body.applicant, name } };
};
const codesAt = (errors: { field: string; code: string }[], field: string) => errors.filter((e) => e.field === field).map((e) => e.code);

describe('text fields and Unicode', () => {
  test('text is NFC-normalised: a decomposed é and a precomposed one are the same name', () => {
    const result = validateText('Jose\u0301', { max: 10 });
    assert.deepEqual(result, { ok: true, value: 'Jos\u00e9' });
  });

  test('a name with a right-to-left override or another control character is refused', () => {
    for (const name of ['张\u202e三', '\u2066张三\u2069', '张\u0007三', '张\n三', '张\u200f三']) {
      const { errors } = validateApplication(person(name), { today: '2025-06-16' });
      assert.deepEqual(codesAt(errors, '/applicant/name'), ['text.forbiddenCharacters'], JSON.stringify(name));
    }
  });

  test('a name of zero-width spaces, joiners or a BOM shows nothing and is refused', () => {
    for (const name of ['\u200b\u200b', '\u200d', '\u200b\ufeff', '\u2060 \u3000', '\u180e']) {
      const { errors } = validateApplication(person(name), { today: '2025-06-16' });
      assert.deepEqual(codesAt(errors, '/applicant/name'), ['text.invisible'], JSON.stringify(name));
    }
  });

  test('free text keeps its line breaks and tabs but not overrides', () => {
    const kept = validateFeedback(sampleLetter({ message: '第一行\n\t第二行', proof: 'p' }));
    assert.deepEqual(kept.errors, []);
    const refused = validateFeedback(sampleLetter({ message: 'a\u202eb', name: '\u200b', proof: 'p' }));
    assert.deepEqual(codesAt(refused.errors, '/message'), ['text.forbiddenCharacters']);
    assert.deepEqual(codesAt(refused.errors, '/name'), ['text.invisible']);
  });

  test('the new refusals have plain messages in both languages', () => {
    for (const code of ['text.forbiddenCharacters', 'text.invisible'] as const) {
      assert.ok(formatMessage('zh-CN', code).length > 5);
      assert.match(formatMessage('en', code), /Please/);
    }
  });
});
