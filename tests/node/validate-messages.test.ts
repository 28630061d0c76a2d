import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGE_KEYS, formatFieldMessage, type MessageLocale } from '../../src/core/validate/messages.js';

const LABELS: Record<MessageLocale, string[]> = {
  'zh-CN': ['姓名', '标题', '来信内容', '来信类别', '信息的载体形式', '获取信息的方式'],
  en: ['Name', 'Subject', 'Message', 'Category', 'Form of the information', 'How to receive it'],
};

test('every message names its question, so that no two questions read the same', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const key of MESSAGE_KEYS) {
      const texts = LABELS[locale].map((label) => formatFieldMessage(locale, key, label, { max: 5 }));
      assert.equal(new Set(texts).size, texts.length, `${locale} ${key}: ${texts.join(' | ')}`);
      LABELS[locale].forEach((label, i) =>
        assert.ok(texts[i]!.toLowerCase().includes(label.toLowerCase()), `${locale} ${key} does not name ${label}: ${texts[i]}`),
      );
      for (const text of texts) assert.doesNotMatch(text, /\{\w+\}/, `${locale} ${key} left a placeholder: ${text}`);
    }
  }
});

test('the plain words GOV.UK uses: 请填写姓名, 请选择信息的载体形式, Enter name.', () => {
  assert.equal(formatFieldMessage('zh-CN', 'required', '姓名'), '请填写姓名');
  assert.equal(formatFieldMessage('zh-CN', 'choice.required', '信息的载体形式'), '请选择信息的载体形式');
  assert.equal(formatFieldMessage('en', 'required', 'Name'), 'Enter name.');
  assert.equal(formatFieldMessage('en', 'choice.required', 'Form of the information'), 'Choose form of the information.');
  assert.equal(formatFieldMessage('zh-CN', 'text.tooLong', '标题', { max: 10 }), '标题太长了，最多10个字，请删减后再提交');
  assert.equal(formatFieldMessage('zh-CN', 'mobile.format', '联系电话'), '联系电话：手机号码应为以1开头的11位数字，请核对后重新输入');
  // A message that names its question already is not prefixed with it again.
  assert.equal(formatFieldMessage('zh-CN', 'feedback.contactRequired', '联系电话'), '请至少填写联系电话或电子邮箱中的一项，以便我们答复您');
  assert.equal(
    formatFieldMessage('en', 'email.format', 'E-mail'),
    'This e-mail address does not look right; it should look like name@example.com. Please check it.',
  );
});
