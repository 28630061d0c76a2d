// The 答复书 generator (core/answer-letter): every element of the Jiangsu norm for every outcome row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTCOME_IDS } from '../../src/api/types/application.js';
import {
  ANSWER_LETTER_FIELDS,
  answerLetterText,
  chineseDate,
  generateAnswerLetter,
  type AnswerLetterInput,
} from '../../src/core/answer-letter/index.js';

const input = (overrides: Partial<AnswerLetterInput> = {}): AnswerLetterInput => ({
  trackingCode: 'YS-7K3M9QX2PA',
  agency: '福建省商务厅',
  applicantName: '张三',
  submittedOn: '2025-09-26',
  receivedOn: '2025-09-28',
  request: { title: '福建省商务厅2020年政务公开工作要点', docNo: '闽商务〔2020〕76号' },
  outcome: '3.1',
  files: ['工作要点.pdf'],
  answeredOn: '2025-10-15',
  ...overrides,
});

test('every outcome row gives a letter with all nine elements of the norm', () => {
  for (const outcome of OUTCOME_IDS) {
    const letter = generateAnswerLetter(input({ outcome }));
    for (const field of ANSWER_LETTER_FIELDS) assert.ok(letter[field].trim().length > 0, `${outcome}: ${field}`);
    assert.equal(letter.title, '政府信息公开申请答复书');
    assert.equal(letter.applicantName, '张三');
    assert.equal(letter.issuer, '福建省商务厅');
    assert.equal(letter.date, '2025年10月15日');
    assert.match(letter.legalBasis, /《中华人民共和国政府信息公开条例》/);
    assert.match(letter.remedies, /六十日内.*行政复议.*六个月内.*行政诉讼/);
  }
});

test('the legal basis follows the row: art. 14 for secrets, 15 for third parties, 16 for process information, 30 for 补正', () => {
  const basis = (outcome: (typeof OUTCOME_IDS)[number]) => generateAnswerLetter(input({ outcome })).legalBasis;
  assert.match(basis('3.3.1'), /第十四条/);
  assert.match(basis('3.3.4'), /第十五条/);
  assert.match(basis('3.3.6'), /第十六条第二款/);
  assert.match(basis('3.4.2'), /第三十八条/);
  assert.match(basis('3.5.2'), /第三十六条第（六）项/);
  assert.match(basis('3.6.1'), /第三十条/);
  assert.match(basis('3.6.2'), /国办函〔2020〕109号/);
  assert.match(generateAnswerLetter(input({ outcome: '3.1' })).decision, /予以公开.*工作要点\.pdf/);
  assert.match(generateAnswerLetter(input({ outcome: '3.3.1' })).decision, /不予公开/);
});

test('the facts give the day of receipt, what was asked and any 补正', () => {
  const letter = generateAnswerLetter(input({ supplement: { requestedOn: '2025-09-29', receivedOn: '2025-10-09' } }));
  assert.match(letter.facts, /2025年9月28日收到.*YS-7K3M9QX2PA.*“福建省商务厅2020年政务公开工作要点（闽商务〔2020〕76号）”/);
  assert.match(letter.facts, /2025年9月29日告知您补正申请，于2025年10月9日收到您的补正/);
  const vague = generateAnswerLetter(input({ receivedOn: null, request: { description: '一'.repeat(300) } }));
  assert.match(vague.facts, /2025年9月26日收到/);
  assert.match(vague.facts, /一{200}……”/);
  assert.equal(chineseDate('2026-01-05'), '2026年1月5日');
});

test('the printable text holds every element in the norm’s order', () => {
  const letter = generateAnswerLetter(input());
  const text = answerLetterText(letter);
  let at = -1;
  for (const field of ANSWER_LETTER_FIELDS) {
    const next = text.indexOf(letter[field], at + 1);
    assert.ok(next > at, `${field} is there, after the previous element`);
    at = next;
  }
});
