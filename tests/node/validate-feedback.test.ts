import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFeedback } from '../../src/core/validate/index.js';

const letter = (overrides: Record<string, unknown> = {}) => ({
  category: 'consult',
  subject: '关于政府信息公开指南的咨询',
  message: '请问依申请公开可以网上提交吗？',
  name: '张三',
  phone: '139 1234 5678',
  publish: true,
  proof: 'eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=',
  ...overrides,
});
const fields = (result: { errors: { field: string; code: string }[] }) => result.errors.map((e) => `${e.field} ${e.code}`);

test('a complete letter passes and is normalised', () => {
  const result = validateFeedback(letter({ email: 'a＠163.com' }));
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.value, { ...letter(), phone: '13912345678', email: 'a@163.com' });
});

test('at least one of phone or e-mail is needed', () => {
  assert.deepEqual(fields(validateFeedback(letter({ phone: '' }))), ['/phone feedback.contactRequired']);
  assert.deepEqual(validateFeedback(letter({ phone: undefined, email: 'a@163.com' })).errors, []);
  assert.deepEqual(fields(validateFeedback(letter({ phone: '12345' }))), ['/phone phone.format']);
});

test('subject ≤ 50 and message ≤ 1000 characters by default; a portal may set its own limits', () => {
  assert.deepEqual(validateFeedback(letter({ subject: '字'.repeat(50), message: '𠮷'.repeat(1000) })).errors, []);
  assert.deepEqual(validateFeedback(letter({ subject: '字'.repeat(51) })).errors, [
    { field: '/subject', code: 'text.tooLong', params: { max: 50 } },
  ]);
  assert.deepEqual(validateFeedback(letter({ message: '字'.repeat(1001) })).errors, [
    { field: '/message', code: 'text.tooLong', params: { max: 1000 } },
  ]);
  assert.deepEqual(validateFeedback(letter({ subject: '字'.repeat(26) }), { subject: 25 }).errors, [
    { field: '/subject', code: 'text.tooLong', params: { max: 25 } },
  ]);
  assert.deepEqual(validateFeedback(letter({ message: '字'.repeat(601) }), { message: 600 }).errors, [
    { field: '/message', code: 'text.tooLong', params: { max: 600 } },
  ]);
});

test('required fields, categories and unknown fields', () => {
  assert.deepEqual(fields(validateFeedback({ phone: '13912345678' })), [
    '/category required',
    '/subject required',
    '/message required',
    '/name required',
    '/proof required',
  ]);
  assert.deepEqual(fields(validateFeedback(letter({ category: 'petition' }))), ['/category choice.invalid']);
  assert.deepEqual(fields(validateFeedback(letter({ idNumber: '11010519491231002X' }))), ['/idNumber field.unknown']);
  assert.deepEqual(fields(validateFeedback('hello')), [' body.invalid']);
});

test('publishing needs explicit consent: absent means no, non-booleans are refused', () => {
  assert.equal(validateFeedback(letter({ publish: undefined })).value?.publish, false);
  assert.deepEqual(fields(validateFeedback(letter({ publish: 'yes' }))), ['/publish type.invalid']);
});
