import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateIdNumber, validateOtherIdNumber } from '../../src/core/validate/index.js';

// Independent check-digit computation (GB 11643 / ISO 7064 MOD 11-2, written out
// differently from core): weight 2^(17-i) mod 11, check value (12 - S mod 11) mod 11, 10 → X.
function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string) => first17 + checkDigit(first17);

test('the independent check digit reproduces the GB 11643 sample number', () => {
  assert.equal(withCheck('11010519491231002'), '11010519491231002X');
});

test('accepts a valid 18-digit number and normalises a lower-case x to X', () => {
  assert.deepEqual(validateIdNumber('11010519491231002X'), { ok: true, value: '11010519491231002X' });
  assert.deepEqual(validateIdNumber('11010519491231002x'), { ok: true, value: '11010519491231002X' });
});

test('tolerates spaces and full-width digits typed with a Chinese IME', () => {
  assert.deepEqual(validateIdNumber(' 110105 19491231 002x '), { ok: true, value: '11010519491231002X' });
  assert.deepEqual(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ'), { ok: true, value: '11010519491231002X' });
});

test('accepts other valid numbers and refuses every single-digit typo', () => {
  for (const first17 of ['35010219800101123', '44030420001231456', '65010119991111007', '35012820240229001']) {
    const number = withCheck(first17);
    assert.equal(validateIdNumber(number, '2025-01-01').ok, true, number);
    const typo = number.slice(0, 3) + String((Number(number[3]) + 1) % 10) + number.slice(4);
    assert.deepEqual(validateIdNumber(typo, '2025-01-01'), { ok: false, code: 'idNumber.checkDigit' }, typo);
  }
});

test('a wrong last character is reported as a check-digit error', () => {
  assert.deepEqual(validateIdNumber('110105194912310021'), { ok: false, code: 'idNumber.checkDigit' });
});

test('an old 15-digit number gets its own message', () => {
  assert.deepEqual(validateIdNumber('110105491231002'), { ok: false, code: 'idNumber.oldFormat' });
});

test('wrong length or characters is a format error; empty is required', () => {
  assert.equal((validateIdNumber('1101051949123100') as { code: string }).code, 'idNumber.format');
  assert.equal((validateIdNumber('11010519491231002Y') as { code: string }).code, 'idNumber.format');
  assert.equal((validateIdNumber('X10105194912310021') as { code: string }).code, 'idNumber.format');
  assert.deepEqual(validateIdNumber('   '), { ok: false, code: 'required' });
});

test('the birth date must be a real date, even with a matching check digit', () => {
  assert.deepEqual(validateIdNumber(withCheck('11010519490231002')), { ok: false, code: 'idNumber.birthDate' });
  assert.deepEqual(validateIdNumber(withCheck('11010519491301002')), { ok: false, code: 'idNumber.birthDate' });
  assert.deepEqual(validateIdNumber(withCheck('11010520230229002')), { ok: false, code: 'idNumber.birthDate' });
});

test('the birth date may not be after today (today is a parameter)', () => {
  const number = withCheck('11010520300101002');
  assert.deepEqual(validateIdNumber(number, '2029-12-31'), { ok: false, code: 'idNumber.futureBirthDate' });
  assert.deepEqual(validateIdNumber(number, '2030-01-01'), { ok: true, value: number });
});

test('other identity documents get a shape check only', () => {
  assert.deepEqual(validateOtherIdNumber(' e1234 5678 '), { ok: true, value: 'E12345678' });
  assert.deepEqual(validateOtherIdNumber('H1234'), { ok: true, value: 'H1234' });
  assert.deepEqual(validateOtherIdNumber('H12'), { ok: false, code: 'idNumber.otherFormat' });
  assert.deepEqual(validateOtherIdNumber('护照123456'), { ok: false, code: 'idNumber.otherFormat' });
});
