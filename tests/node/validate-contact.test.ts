import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatMessage,
  validateEmail,
  validateLandline,
  validateMobile,
  validatePhone,
  validatePostcode,
  validateText,
  validationMessages,
  MESSAGE_KEYS,
} from '../../src/core/validate/index.js';

const code = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code);

test('mobile numbers: 11 digits 1[3-9]…, optional +86, normalised to 11 digits', () => {
  for (const input of [
    '13912345678',
    '139 1234 5678',
    '139-1234-5678',
    '+86 139 1234 5678',
    '+8613912345678',
    '008613912345678',
    '１３９１２３４５６７８',
  ]) {
    assert.deepEqual(validateMobile(input), { ok: true, value: '13912345678' }, input);
  }
  for (const input of ['12912345678', '1391234567', '139123456789', '23912345678', '+85 13912345678']) {
    assert.equal(code(validateMobile(input)), 'mobile.format', input);
  }
});

test('landlines: the usual ways of writing one normalise to one form', () => {
  for (const input of [
    '0591-87270308',
    '(0591)87270308',
    '（0591）87270308',
    '0591 8727 0308',
    '059187270308',
    '0591-8727-0308',
    '+86 591 87270308',
  ]) {
    assert.deepEqual(validateLandline(input), { ok: true, value: '0591-87270308' }, input);
  }
  for (const input of ['0591-87270308-123', '0591-87270308转123', '0591 87270308 ext 123']) {
    assert.deepEqual(validateLandline(input), { ok: true, value: '0591-87270308-123' }, input);
  }
  assert.deepEqual(validateLandline('010-62345678'), { ok: true, value: '010-62345678' });
  assert.deepEqual(validateLandline('02162345678'), { ok: true, value: '021-62345678' });
  assert.deepEqual(validateLandline('0591-2339101'), { ok: true, value: '0591-2339101' });
});

test('landlines without an area code or with impossible numbers are refused', () => {
  for (const input of [
    '87270308',
    '0591-123456',
    '0591-17270308',
    '0591-872703081',
    '0100-62345678',
    'abc-87270308',
    '0591-87270308-1234567',
  ]) {
    assert.equal(code(validateLandline(input)), 'landline.format', input);
  }
});

test('a phone is a mobile or a landline, each normalised', () => {
  assert.deepEqual(validatePhone('+86 139-1234-5678'), { ok: true, value: '13912345678' });
  assert.deepEqual(validatePhone('(0591)87270308'), { ok: true, value: '0591-87270308' });
  assert.equal(code(validatePhone('87270308')), 'phone.format');
  assert.equal(code(validatePhone('')), 'required');
});

test('邮编 is 6 digits', () => {
  assert.deepEqual(validatePostcode('350400'), { ok: true, value: '350400' });
  assert.deepEqual(validatePostcode('３５０４００'), { ok: true, value: '350400' });
  for (const input of ['35040', '3504001', '35040A']) assert.equal(code(validatePostcode(input)), 'postcode.format', input);
});

test('e-mail: practical check, full-width ＠ and 。 folded, domain lower-cased', () => {
  assert.deepEqual(validateEmail('pzxxgkb＠163.com'), { ok: true, value: 'pzxxgkb@163.com' });
  assert.deepEqual(validateEmail('Zhang.San@Example.GOV.cn '), { ok: true, value: 'Zhang.San@example.gov.cn' });
  assert.deepEqual(validateEmail('name@163。com'), { ok: true, value: 'name@163.com' });
  for (const input of ['name', 'name@163', '@163.com', 'a..b@163.com', 'a b@163.com', 'name@-163.com', 'name@163.c0m', '张三@163.com']) {
    assert.equal(code(validateEmail(input)), 'email.format', input);
  }
});

test('text length counts characters, not UTF-16 units', () => {
  const rare = '𠮷'.repeat(5); // 10 UTF-16 units
  assert.deepEqual(validateText(rare, { max: 5 }), { ok: true, value: rare });
  assert.deepEqual(validateText(rare + '𠮷', { max: 5 }), { ok: false, code: 'text.tooLong', params: { max: 5 } });
  assert.deepEqual(validateText('  ', { max: 5, required: true }), { ok: false, code: 'required' });
});

test('every message exists in both languages and {max} is filled in', () => {
  for (const key of MESSAGE_KEYS) {
    assert.ok(validationMessages['zh-CN'][key].length > 0 && validationMessages.en[key].length > 0, key);
  }
  assert.equal(formatMessage('zh-CN', 'text.tooLong', { max: 50 }), '内容太长了，最多50个字，请删减后再提交');
  assert.equal(formatMessage('zh-CN', 'idNumber.checkDigit'), '身份证号码最后一位校验不对，请核对后重新输入');
});
