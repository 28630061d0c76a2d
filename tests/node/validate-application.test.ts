import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateApplication, APPLICATION_LIMITS } from '../../src/core/validate/index.js';

const person = () => ({
  type: 'person',
  name: '张三',
  idType: 'resident-id',
  idNumber: '11010519491231002x',
  phone: '139-1234-5678',
});
const body = (overrides: Record<string, unknown> = {}) => ({
  agency: '福建省商务厅',
  applicant: person(),
  request: { title: '2024年度部门预算' },
  delivery: { formats: ['electronic'], methods: ['pickup'] },
  attachments: [],
  ...overrides,
});
// Independent check characters (GB 11643 MOD 11-2, GB 32100 MOD 31), so tests can build valid numbers.
function idNumber(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return first17 + (value === 10 ? 'X' : String(value));
}
function creditCode(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(first17[i]!) * (3 ** i % 31);
  return first17 + charset[(31 - (sum % 31)) % 31]!;
}
const fields = (result: { errors: { field: string; code: string }[] }) => result.errors.map((e) => `${e.field} ${e.code}`);

test('a complete application passes and comes back normalised', () => {
  const result = validateApplication(body({ request: { title: ' 2024年度部门预算 ', description: '' } }));
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.value, {
    agency: '福建省商务厅',
    applicant: { type: 'person', name: '张三', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13912345678' },
    request: { title: '2024年度部门预算' },
    delivery: { formats: ['electronic'], methods: ['pickup'] },
    attachments: [],
  });
});

test('a body that is not an object is refused as a whole', () => {
  for (const bad of [null, 'x', [], 42]) assert.deepEqual(fields(validateApplication(bad)), [' body.invalid']);
});

test('delivery by e-mail needs an e-mail address, from the delivery block or the applicant', () => {
  const byEmail = { formats: ['electronic'], methods: ['email'] };
  assert.deepEqual(fields(validateApplication(body({ delivery: byEmail }))), ['/delivery/email delivery.emailRequired']);
  assert.deepEqual(validateApplication(body({ delivery: { ...byEmail, email: 'a@163.com' } })).errors, []);
  assert.deepEqual(
    validateApplication(body({ delivery: byEmail, applicant: { ...person(), email: 'a＠163.com' } })).value?.applicant.email,
    'a@163.com',
  );
  // An invalid applicant e-mail is reported once, where it was typed.
  assert.deepEqual(fields(validateApplication(body({ delivery: byEmail, applicant: { ...person(), email: 'a@163' } }))), [
    '/applicant/email email.format',
  ]);
});

test('delivery by post needs an address and a 邮编', () => {
  const byPost = { formats: ['paper'], methods: ['post', 'pickup'] };
  assert.deepEqual(fields(validateApplication(body({ delivery: byPost }))), [
    '/delivery/address delivery.addressRequired',
    '/delivery/postcode delivery.postcodeRequired',
  ]);
  const applicant = { ...person(), address: '福州市鼓楼区某路1号', postcode: '350001' };
  assert.deepEqual(validateApplication(body({ delivery: byPost, applicant })).errors, []);
  assert.deepEqual(fields(validateApplication(body({ delivery: { ...byPost, address: '福州市', postcode: '3500' } }))), [
    '/delivery/postcode postcode.format',
  ]);
});

test('at least one of name, 文号 or description of the information', () => {
  assert.deepEqual(fields(validateApplication(body({ request: {} }))), ['/request/description request.missing']);
  assert.deepEqual(fields(validateApplication(body({ request: { title: ' ', purpose: '科研' } }))), [
    '/request/description request.missing',
  ]);
  assert.deepEqual(validateApplication(body({ request: { docNo: '国办函〔2020〕109号' } })).errors, []);
  assert.deepEqual(validateApplication(body({ request: { description: '2023年某路段改造的批复' } })).errors, []);
});

test('unknown fields are rejected wherever they appear', () => {
  assert.deepEqual(fields(validateApplication(body({ feeWaiver: true }))), ['/feeWaiver field.unknown']);
  assert.deepEqual(fields(validateApplication(body({ applicant: { ...person(), creditCode: '91350100M000100Y43' } }))), [
    '/applicant/creditCode field.unknown',
  ]);
  assert.deepEqual(fields(validateApplication(body({ request: { title: 'x', 'a/b': 1 } }))), ['/request/a~1b field.unknown']);
});

test('strings are limited in characters', () => {
  const max = APPLICATION_LIMITS.description;
  assert.deepEqual(validateApplication(body({ request: { description: '𠮷'.repeat(max) } })).errors, []);
  assert.deepEqual(validateApplication(body({ request: { description: '字'.repeat(max + 1) } })).errors, [
    { field: '/request/description', code: 'text.tooLong', params: { max } },
  ]);
  assert.deepEqual(fields(validateApplication(body({ agency: 42 }))), ['/agency type.invalid']);
});

test('a person needs name, document type and number, and phone; the ID number is checked', () => {
  assert.deepEqual(fields(validateApplication(body({ applicant: { type: 'person' } }))), [
    '/applicant/phone required',
    '/applicant/name required',
    '/applicant/idType required',
    '/applicant/idNumber required',
  ]);
  assert.deepEqual(fields(validateApplication(body({ applicant: { ...person(), idNumber: '110105194912310021' } }))), [
    '/applicant/idNumber idNumber.checkDigit',
  ]);
  assert.deepEqual(validateApplication(body({ applicant: { ...person(), idType: 'passport', idNumber: 'e12345678' } })).value?.applicant, {
    type: 'person',
    name: '张三',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13912345678',
  });
  assert.deepEqual(fields(validateApplication(body({ applicant: { ...person(), idType: 'driving-licence' } }))), [
    '/applicant/idType choice.invalid',
  ]);
});

test('the ID number birth date is checked against the given today', () => {
  const born2030 = idNumber('11010520300101002');
  const result = validateApplication(body({ applicant: { ...person(), idNumber: born2030 } }), { today: '2029-06-01' });
  assert.deepEqual(fields(result), ['/applicant/idNumber idNumber.futureBirthDate']);
  assert.deepEqual(validateApplication(body({ applicant: { ...person(), idNumber: born2030 } }), { today: '2030-06-01' }).errors, []);
});

test('an organisation needs its annual-report type, credit code, representative and contact', () => {
  const org = {
    type: 'organization',
    orgType: 'legal-services',
    name: '福建某某律师事务所',
    creditCode: creditCode('31350000M000100Y4').toLowerCase(),
    legalRepresentative: '李四',
    contactName: '王五',
    phone: '0591-87270308',
  };
  const ok = validateApplication(body({ applicant: org }));
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.value?.applicant.type === 'organization' && ok.value.applicant.creditCode, creditCode('31350000M000100Y4'));
  assert.deepEqual(fields(validateApplication(body({ applicant: { ...org, orgType: undefined, contactName: '' } }))), [
    '/applicant/orgType required',
    '/applicant/contactName required',
  ]);
  assert.deepEqual(fields(validateApplication(body({ applicant: { ...org, orgType: 'government' } }))), [
    '/applicant/orgType choice.invalid',
  ]);
  assert.deepEqual(fields(validateApplication(body({ applicant: { ...org, creditCode: '91350100M000100Y44' } }))), [
    '/applicant/creditCode creditCode.checkChar',
  ]);
});

test('a doubtful embedded 组织机构代码 is a warning and does not block', () => {
  // M000100Y5: GB 11714 wants 4 as the organisation code's check character, not 5.
  const org = {
    type: 'organization',
    orgType: 'commercial',
    name: '某公司',
    creditCode: creditCode('91350100M000100Y5'),
    legalRepresentative: '李四',
    contactName: '王五',
    phone: '13912345678',
  };
  const result = validateApplication(body({ applicant: org }));
  assert.deepEqual(result.errors, []);
  assert.ok(result.value);
  assert.deepEqual(result.warnings, [{ field: '/applicant/creditCode', code: 'creditCode.orgCodeCheck' }]);
});

test('formats and methods are non-empty lists of known codes', () => {
  assert.deepEqual(fields(validateApplication(body({ delivery: { formats: [], methods: ['pickup', 'fax'] } }))), [
    '/delivery/formats choice.required',
    '/delivery/methods/1 choice.invalid',
  ]);
  assert.deepEqual(validateApplication(body({ delivery: { formats: ['paper', 'paper'], methods: ['pickup'] } })).value?.delivery.formats, [
    'paper',
  ]);
});

test('attachments are a short list of upload ids', () => {
  assert.deepEqual(validateApplication(body({ attachments: ['a1', 'b2'] })).value?.attachments, ['a1', 'b2']);
  assert.deepEqual(fields(validateApplication(body({ attachments: ['ok', '../etc/passwd'] }))), ['/attachments/1 attachment.invalid']);
  const many = Array.from({ length: APPLICATION_LIMITS.attachments + 1 }, (_, i) => `f${i}`);
  assert.deepEqual(validateApplication(body({ attachments: many })).errors, [
    { field: '/attachments', code: 'list.tooMany', params: { max: APPLICATION_LIMITS.attachments } },
  ]);
});
