import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCreditCode } from '../../src/core/validate/index.js';

// Independent GB 32100 computation: weight 3^i mod 31, check = (31 - S mod 31) mod 31.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * (3 ** i % 31);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}
// Independent GB 11714 check of the embedded 组织机构代码.
function orgCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first8].reduce((s, c, i) => s + parseInt(c, 36) * weights[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
const withCheck = (first17: string) => first17 + checkChar(first17);

test('the independent computation reproduces the known valid code 91350100M000100Y43', () => {
  assert.equal(withCheck('91350100M000100Y4'), '91350100M000100Y43');
  assert.equal(orgCheck('M000100Y'), '4');
});

test('accepts a valid code and normalises case, spaces and full-width letters', () => {
  assert.deepEqual(validateCreditCode('91350100M000100Y43'), { ok: true, value: '91350100M000100Y43' });
  assert.deepEqual(validateCreditCode(' 91350100m000100y43 '), { ok: true, value: '91350100M000100Y43' });
  assert.deepEqual(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３'), { ok: true, value: '91350100M000100Y43' });
});

test('a wrong check character is refused', () => {
  assert.deepEqual(validateCreditCode('91350100M000100Y44'), { ok: false, code: 'creditCode.checkChar' });
  assert.deepEqual(validateCreditCode('91350100M000100Y34'), { ok: false, code: 'creditCode.checkChar' });
});

test('letters outside the GB 32100 set (I O S V Z) are refused with their own message', () => {
  assert.deepEqual(validateCreditCode('91350100MO00100Y43'), { ok: false, code: 'creditCode.charset' });
  assert.deepEqual(validateCreditCode('91350100M000100I43'), { ok: false, code: 'creditCode.charset' });
});

test('wrong length is refused; empty is required', () => {
  assert.deepEqual(validateCreditCode('91350100M000100Y4'), { ok: false, code: 'creditCode.length' });
  assert.deepEqual(validateCreditCode('91350100M000100Y433'), { ok: false, code: 'creditCode.length' });
  assert.deepEqual(validateCreditCode(''), { ok: false, code: 'required' });
});

test('positions 3–8 must be digits even when the check character matches', () => {
  assert.deepEqual(validateCreditCode(withCheck('9135A100M000100Y4')), { ok: false, code: 'creditCode.region' });
});

test('the first two characters are not whitelisted (e.g. 31… of a 律师事务所)', () => {
  for (const prefix of ['31', '11', '52', 'Y1', 'A1', 'N3']) {
    const code = withCheck(`${prefix}350000M000100Y4`);
    assert.deepEqual(validateCreditCode(code), { ok: true, value: code }, code);
  }
});

test('a bad embedded 组织机构代码 check is only a warning', () => {
  const first17 = '91350100M000100Y5'; // GB 11714 wants 4 here
  assert.notEqual(orgCheck('M000100Y'), '5');
  const code = withCheck(first17);
  assert.deepEqual(validateCreditCode(code), { ok: true, value: code, warning: 'creditCode.orgCodeCheck' });
});
