// The 意见箱 model: the letter form against the shared validation, counts, answers, URL state, proof format, rating window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveChallenge } from 'altcha-lib';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';
import {
  characterCount,
  countWorthSpeaking,
  emptyFeedbackValues,
  encodeProof,
  feedbackFieldOfPointer,
  hasAnyFeedbackValue,
  hrefWithMailboxState,
  normalizeQueryCode,
  orderFeedbackIssues,
  pageItems,
  parseFeedbackDraft,
  parseFeedbackLetter,
  parseFeedbackReceipt,
  parsePublishedLettersPage,
  ratingWindow,
  readChallenge,
  readMailboxState,
  sameLetter,
  validateFeedbackForm,
  type FeedbackFormValues,
} from '../../src/core/feedback/index.js';
import { createAltcha } from '../../src/server/altcha.js';

function letter(overrides: Partial<FeedbackFormValues> = {}): FeedbackFormValues {
  return {
    ...emptyFeedbackValues(),
    category: 'consult',
    subject: '关于政府信息公开指南的咨询',
    message: '请问贵厅的政府信息公开指南在哪里可以查阅？',
    name: '陈明',
    phone: '13700001111',
    ...overrides,
  };
}

test('a complete letter becomes the body the server validates, without asking the citizen for a proof', () => {
  const { letter: body, issues } = validateFeedbackForm(letter({ email: ' ', publish: 'yes' }));
  assert.deepEqual(issues, []);
  assert.deepEqual(body, {
    category: 'consult',
    subject: '关于政府信息公开指南的咨询',
    message: '请问贵厅的政府信息公开指南在哪里可以查阅？',
    name: '陈明',
    phone: '13700001111',
    publish: true,
  });
});

test('consent to publish is off unless the writer chose it', () => {
  assert.equal(emptyFeedbackValues().publish, 'no');
  assert.equal(validateFeedbackForm(letter()).letter?.publish, false);
});

test('an empty form names each field that needs filling, in the order of the form', () => {
  const { letter: body, issues } = validateFeedbackForm(emptyFeedbackValues());
  assert.equal(body, undefined);
  assert.deepEqual(
    orderFeedbackIssues(issues).map((i) => [i.field, i.code]),
    [
      ['category', 'required'],
      ['subject', 'required'],
      ['message', 'required'],
      ['name', 'required'],
      ['phone', 'feedback.contactRequired'],
    ],
  );
});

test('the portal’s limits apply: one character over is refused with the limit in the message', () => {
  const limits = { subject: 10, message: 20 };
  assert.deepEqual(validateFeedbackForm(letter({ subject: '一二三四五六七八九十', message: '字'.repeat(20) }), limits).issues, []);
  const { issues } = validateFeedbackForm(letter({ subject: '一二三四五六七八九十一', message: '字'.repeat(21) }), limits);
  assert.deepEqual(issues, [
    { field: 'subject', code: 'text.tooLong', params: { max: 10 } },
    { field: 'message', code: 'text.tooLong', params: { max: 20 } },
  ]);
});

test('a malformed phone or e-mail is pointed at its own field', () => {
  const { issues } = validateFeedbackForm(letter({ phone: '12345', email: 'chen@' }));
  assert.deepEqual(
    issues.map((i) => i.field),
    ['phone', 'email'],
  );
});

test('server pointers map onto fields; the proof and the body are nobody’s field', () => {
  assert.equal(feedbackFieldOfPointer('/message'), 'message');
  assert.equal(feedbackFieldOfPointer('/proof'), undefined);
  assert.equal(feedbackFieldOfPointer(''), undefined);
  assert.equal(feedbackFieldOfPointer('/secret'), undefined);
});

test('two letters are the same request only when every field is equal', () => {
  const a = validateFeedbackForm(letter()).letter!;
  assert.equal(sameLetter(a, validateFeedbackForm(letter()).letter!), true);
  assert.equal(sameLetter(a, validateFeedbackForm(letter({ message: a.message + '。' })).letter!), false);
  assert.equal(sameLetter(a, validateFeedbackForm(letter({ email: 'a@example.com' })).letter!), false);
});

test('a draft is read back field by field; junk and empty drafts give nothing', () => {
  assert.deepEqual(parseFeedbackDraft({ ...letter(), publish: 'yes' }), { ...letter(), publish: 'yes' });
  assert.deepEqual(parseFeedbackDraft({ category: 'praise', subject: 12, message: '只写了正文', publish: true }), {
    ...emptyFeedbackValues(),
    message: '只写了正文',
  });
  assert.equal(parseFeedbackDraft({ subject: '  ' }), undefined);
  assert.equal(parseFeedbackDraft('text'), undefined);
  assert.equal(parseFeedbackDraft(null), undefined);
  assert.equal(hasAnyFeedbackValue(emptyFeedbackValues()), false);
  assert.equal(hasAnyFeedbackValue({ ...emptyFeedbackValues(), publish: 'yes' }), true);
});

test('query codes typed back in any case, with spaces or full-width characters, are read as printed', () => {
  assert.equal(normalizeQueryCode(' demq4 samp4 '), 'DEMQ4SAMP4');
  assert.equal(normalizeQueryCode('ＤＥＭＱ４－ＳＡＭＰ４'), 'DEMQ4SAMP4');
});

test('counts in characters as the server does, near in the last tenth, over past the limit', () => {
  assert.deepEqual(characterCount('𠮷'.repeat(3), 50), { length: 3, max: 50, remaining: 47, band: 'ok' });
  assert.equal(characterCount('字'.repeat(44), 50).band, 'ok');
  assert.equal(characterCount('字'.repeat(45), 50).band, 'near');
  assert.equal(characterCount('字'.repeat(50), 50).band, 'near');
  assert.deepEqual(characterCount('字'.repeat(53), 50), { length: 53, max: 50, remaining: -3, band: 'over' });
  assert.equal(characterCount('字'.repeat(899), 1000).band, 'ok');
  assert.equal(characterCount('字'.repeat(900), 1000).band, 'near');
});

test('counts are spoken near or over the limit and once on getting back, never while well within it', () => {
  const count = (n: number) => characterCount('字'.repeat(n), 50);
  assert.equal(countWorthSpeaking(count(10), undefined), false);
  assert.equal(countWorthSpeaking(count(46), undefined), true);
  assert.equal(countWorthSpeaking(count(46), count(46)), false, 'the same count twice');
  assert.equal(countWorthSpeaking(count(52), count(46)), true);
  assert.equal(countWorthSpeaking(count(30), count(52)), true, 'back within the limit');
  assert.equal(countWorthSpeaking(count(20), count(30)), false);
});

test('answers of the wrong shape are problems, not letters', () => {
  assert.deepEqual(parseFeedbackReceipt({ queryCode: 'K7M2Q9X4PB', status: 'received' }), {
    value: { queryCode: 'K7M2Q9X4PB', status: 'received' },
  });
  assert.ok('problems' in parseFeedbackReceipt({ status: 'received' }));
  const view = {
    queryCode: 'K7M2Q9X4PB',
    category: 'suggest',
    subject: '标题',
    message: '正文',
    status: 'replied',
    publish: false,
    receivedOn: '2025-03-03',
    reply: { text: '答复', department: '办公室', repliedOn: '2025-03-05' },
  };
  assert.deepEqual(parseFeedbackLetter(view), { value: view });
  assert.ok('problems' in parseFeedbackLetter({ ...view, status: 'closed' }));
  assert.ok('problems' in parseFeedbackLetter({ ...view, reply: { text: '答复' } }));
  assert.ok('problems' in parseFeedbackLetter({ ...view, rating: 'great' }));
});

test('a published page is checked letter by letter and figure by figure', () => {
  const item = {
    id: 'a1',
    category: 'consult',
    subject: '标题',
    message: '正文',
    reply: '答复',
    receivedOn: '2025-03-03',
    repliedOn: '2025-03-05',
    replyDepartment: '办公室',
  };
  const page = { items: [item], total: 1, page: 1, pageSize: 10, stats: { received: 4, replied: 3, medianWorkingDaysToReply: 2.5 } };
  assert.deepEqual(parsePublishedLettersPage(page), { value: page });
  assert.ok('value' in parsePublishedLettersPage({ ...page, stats: { ...page.stats, medianWorkingDaysToReply: null } }));
  assert.ok('problems' in parsePublishedLettersPage({ ...page, items: [{ ...item, name: 1, repliedOn: '5 March' }] }));
  assert.ok('problems' in parsePublishedLettersPage({ ...page, stats: { received: '4' } }));
  assert.ok('problems' in parsePublishedLettersPage({ ...page, total: -1 }));
  assert.ok('problems' in parsePublishedLettersPage([]));
});

test('page buttons: first, last, current and neighbours, with gaps', () => {
  assert.deepEqual(pageItems(1, 1), [1]);
  assert.deepEqual(pageItems(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(pageItems(5, 10), [1, 'gap', 4, 5, 6, 'gap', 10]);
  assert.deepEqual(pageItems(3, 10), [1, 2, 3, 4, 'gap', 10]);
});

test('the view and page live in the URL beside other parameters, under a prefix', () => {
  assert.deepEqual(readMailboxState('?mailbox=lookup'), { view: 'lookup' });
  assert.deepEqual(readMailboxState('?a-mailbox=published&a-mailbox-page=3&mailbox=lookup', 'a-'), { view: 'published', page: 3 });
  assert.deepEqual(readMailboxState('?mailbox=admin&mailbox-page=abc'), {});
  assert.deepEqual(readMailboxState('?mailbox-page=0'), {});
  const base = 'https://gov.example.cn/zwgk/hdjl?id=7#top';
  assert.equal(hrefWithMailboxState(base, { view: 'lookup', page: 1 }), 'https://gov.example.cn/zwgk/hdjl?id=7&mailbox=lookup#top');
  assert.equal(
    hrefWithMailboxState(base, { view: 'published', page: 2 }, 'a-'),
    'https://gov.example.cn/zwgk/hdjl?id=7&a-mailbox=published&a-mailbox-page=2#top',
  );
  assert.equal(
    hrefWithMailboxState(`${base.replace('#top', '')}&mailbox=lookup`, { view: 'write', page: 4 }),
    'https://gov.example.cn/zwgk/hdjl?id=7',
  );
  assert.equal(
    hrefWithMailboxState(base, { view: 'write', page: 1 }, '', 'lookup'),
    'https://gov.example.cn/zwgk/hdjl?id=7&mailbox=write#top',
  );
});

test('a proof made by encodeProof from a solved challenge is accepted by the reference server', async () => {
  const altcha = createAltcha({ hmacKey: 'test-key', complexity: 'test' });
  const raw: unknown = JSON.parse(JSON.stringify(await altcha.challenge()));
  const challenge = readChallenge(raw);
  assert.ok(challenge, 'a server challenge is readable');
  const solution = await solveChallenge({ challenge, deriveKey: sha });
  assert.ok(solution);
  const check = await altcha.verify(encodeProof(challenge, solution));
  assert.equal(check.ok, true);
  assert.equal(readChallenge({ parameters: { ...challenge.parameters, algorithm: 'ARGON2ID' } }), undefined, 'not solvable in a browser');
  assert.equal(readChallenge({ parameters: { ...challenge.parameters, nonce: 'not hex' } }), undefined);
  assert.equal(readChallenge('challenge'), undefined);
});

test('a letter may be rated within 20 working days of the reply, once', () => {
  const replied = { status: 'replied' as const, reply: { text: '答复', department: '办公室', repliedOn: '2025-09-26' } };
  // 国庆 2025: 10-01…10-08 off, 09-28 and 10-11 worked; the 20th working day after 09-26 is 10-30.
  assert.deepEqual(ratingWindow(replied, '2025-10-30'), { open: true, lastDay: '2025-10-30' });
  assert.deepEqual(ratingWindow(replied, '2025-10-31'), { open: false, lastDay: '2025-10-30' });
  assert.equal(ratingWindow({ ...replied, rating: 'satisfied' }, '2025-09-29').open, false);
  assert.equal(ratingWindow({ status: 'processing' }, '2025-09-29').open, false);
});
