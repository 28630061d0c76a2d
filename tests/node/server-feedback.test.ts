// 意见箱 through the HTTP API: ALTCHA proofs, lookup by code and contact, staff replies, rating, the public list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Challenge } from 'altcha-lib';
import type { FeedbackLetterView, FeedbackReceipt, FeedbackRequest, PublishedLettersPage } from '../../src/api/types/feedback.js';
import type { Problem } from '../../src/api/types/problem.js';
import { createApp } from '../../src/server/app.js';
import { openStorage } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';
import { sampleLetter, solveProof } from '../../src/server/testing.js';

const ADMIN = 'feedback-admin-token';
let storage: Storage;
let app: Hono;
let clock = new Date('2025-03-03T02:00:00Z');
const setDay = (day: string) => (clock = new Date(`${day}T02:00:00Z`));
let keys = 0;

before(async () => {
  storage = await openStorage({ memory: true });
  app = createApp({
    storage,
    adminToken: ADMIN,
    corsOrigins: [],
    rateLimit: false,
    now: () => clock,
    contact: { agency: '福建省商务厅' },
    altcha: { complexity: 'test' },
  });
});
after(() => storage.close());

async function proof(): Promise<string> {
  const response = await app.request('/api/feedback/challenge');
  assert.equal(response.status, 200);
  return solveProof((await response.json()) as Challenge);
}

function send(body: unknown, key: string | null = `fb-${++keys}`) {
  return app.request('/api/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });
}

async function write(overrides: Partial<FeedbackRequest> = {}): Promise<string> {
  const response = await send(sampleLetter({ proof: await proof(), ...overrides }));
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as FeedbackReceipt).queryCode;
}

const lookup = (code: string, contact: string) => app.request(`/api/feedback/${code}?contact=${encodeURIComponent(contact)}`);

function staff(code: string, body: unknown, token = ADMIN) {
  return app.request(`/api/admin/feedback/${code}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

function rate(code: string, rating: unknown, contact = '13700001111') {
  const body = JSON.stringify({ rating, contact });
  return app.request(`/api/feedback/${code}/rating`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  assert.equal(response.status, status, await response.clone().text());
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return (await response.json()) as Problem;
}

async function publicList(query = ''): Promise<{ page: PublishedLettersPage; text: string }> {
  const response = await app.request(`/api/feedback${query}`);
  assert.equal(response.status, 200);
  const text = await response.text();
  return { page: JSON.parse(text) as PublishedLettersPage, text };
}

describe('sending a letter', () => {
  test('a solved challenge gets the letter in and a 10-character query code back', async () => {
    const challenge = await app.request('/api/feedback/challenge');
    assert.equal(challenge.headers.get('cache-control'), 'no-store');
    const response = await send(sampleLetter({ proof: await solveProof((await challenge.json()) as Challenge) }));
    assert.equal(response.status, 201);
    const receipt = (await response.json()) as FeedbackReceipt;
    assert.match(receipt.queryCode, /^[2-9A-HJ-NP-Z]{10}$/);
    assert.equal(receipt.status, 'received');
  });

  test('a proof is refused the second time, under any key; a retry with the same key replays', async () => {
    const body = sampleLetter({ proof: await proof() });
    const first = await send(body, 'letter-key');
    assert.equal(first.status, 201);
    const original = await first.text();
    const replay = await send(body, 'letter-key');
    assert.equal(replay.status, 201);
    assert.equal(await replay.text(), original);
    const reused = await problemOf(await send({ ...body, subject: '另一封信' }), 403);
    assert.equal(reused.type, 'urn:zwgk:problem:proof-used');
    const sameBodyNewKey = await problemOf(await send(body), 403);
    assert.equal(sameBodyNewKey.type, 'urn:zwgk:problem:proof-used');
    await problemOf(await send({ ...body, subject: '另一封信' }, 'letter-key'), 409);
  });

  test('a forged, tampered or missing proof is refused', async () => {
    const garbage = await problemOf(await send(sampleLetter({ proof: 'bm90IGEgcHJvb2Y=' })), 403);
    assert.equal(garbage.type, 'urn:zwgk:problem:proof-invalid');
    // The derived key is the work done: a wrong one must not pass.
    const real = JSON.parse(Buffer.from(await proof(), 'base64').toString()) as { challenge: Challenge; solution: { derivedKey: string } };
    real.solution.derivedKey = `${real.solution.derivedKey[0] === '0' ? '1' : '0'}${real.solution.derivedKey.slice(1)}`;
    await problemOf(await send(sampleLetter({ proof: Buffer.from(JSON.stringify(real)).toString('base64') })), 403);
    const cheaper = JSON.parse(Buffer.from(await proof(), 'base64').toString()) as { challenge: Challenge };
    cheaper.challenge.parameters.expiresAt = Math.floor(Date.now() / 1000) + 86_400;
    await problemOf(await send(sampleLetter({ proof: Buffer.from(JSON.stringify(cheaper)).toString('base64') })), 403);
    const missing = await problemOf(await send({ ...sampleLetter(), proof: undefined }), 422);
    assert.deepEqual(
      missing.errors?.map((e) => e.field),
      ['/proof'],
    );
  });

  test('without an Idempotency-Key or with bad fields the letter is refused', async () => {
    await problemOf(await send(sampleLetter({ proof: await proof() }), null), 400);
    const invalid = await problemOf(await send({ ...sampleLetter({ proof: await proof() }), category: 'praise', secret: 1 }), 422);
    assert.deepEqual(invalid.errors?.map((e) => e.field).sort(), ['/category', '/secret']);
    const noContact = await problemOf(await send(sampleLetter({ proof: await proof(), phone: undefined, email: undefined })), 422);
    assert.ok(noContact.errors?.length);
  });
});

describe('looking a letter up', () => {
  test('by code with its phone or e-mail; a wrong contact is answered like an unknown code', async () => {
    setDay('2025-03-03');
    const code = await write();
    const byPhone = await lookup(code, '137 0000 1111');
    assert.equal(byPhone.status, 200);
    assert.equal(byPhone.headers.get('cache-control'), 'no-store');
    const letter = (await byPhone.json()) as FeedbackLetterView;
    assert.equal(letter.queryCode, code);
    assert.equal(letter.status, 'received');
    assert.equal(letter.receivedOn, '2025-03-03');
    assert.equal(letter.reply, undefined);
    assert.equal((await lookup(code, 'CHENMING@example.com')).status, 200);
    assert.equal((await lookup(code, 'chenming＠example.com')).status, 200, 'a full-width ＠ is read as @');
    assert.equal((await lookup(code.toLowerCase(), '13700001111')).status, 200);

    const wrong = await lookup(code, '13700001112');
    const unknown = await lookup('ZZZZZZZZZZ', '13700001111');
    assert.equal(wrong.status, 404);
    assert.equal(await wrong.text(), await unknown.text());
    assert.equal((await lookup(code, 'someone@example.com')).status, 404);
    await problemOf(await app.request(`/api/feedback/${code}`), 400);
  });
});

describe('staff replies, publication and rating', () => {
  test('a reply moves the letter to replied with the date and the office as 答复部门', async () => {
    setDay('2025-03-03');
    const code = await write();
    setDay('2025-03-04');
    const processing = await staff(code, { status: 'processing' });
    assert.equal(((await processing.json()) as FeedbackLetterView).status, 'processing');
    setDay('2025-03-06');
    const replied = (await (await staff(code, { reply: '您好，指南可在“政府信息公开”栏目查阅。' })).json()) as FeedbackLetterView;
    assert.equal(replied.status, 'replied');
    assert.deepEqual(replied.reply, {
      text: '您好，指南可在“政府信息公开”栏目查阅。',
      department: '福建省商务厅',
      repliedOn: '2025-03-06',
    });
    const seen = (await (await lookup(code, '13700001111')).json()) as FeedbackLetterView;
    assert.deepEqual(seen.reply, replied.reply);
    await problemOf(await staff(code, { status: 'received' }), 409);
    await problemOf(await staff(code, { status: 'replied', reply: 5 }), 422);
    await problemOf(await staff(code, { mood: 'happy' }), 422);
  });

  test('replying needs text; staff endpoints need the token; unknown codes are 404', async () => {
    const code = await write();
    const noText = await problemOf(await staff(code, { status: 'replied' }), 422);
    assert.deepEqual(
      noText.errors?.map((e) => e.field),
      ['/reply'],
    );
    await problemOf(await staff(code, { status: 'processing' }, 'not-the-token'), 401);
    await problemOf(
      await app.request(`/api/admin/feedback/${code}`, { method: 'PATCH', body: '{}', headers: { 'Content-Type': 'application/json' } }),
      401,
    );
    await problemOf(await staff('ZZZZZZZZZZ', { status: 'processing' }), 404);
  });

  test('the public list shows replied letters whose writers agreed, never a name, phone or e-mail', async () => {
    setDay('2025-03-10');
    const shown = await write({ subject: '同意公开的来信', name: '公开来信人甲', phone: '13811112222', email: 'jia@example.com' });
    const privateLetter = await write({ subject: '不同意公开的来信', name: '不公开来信人乙', publish: false });
    const unanswered = await write({ subject: '尚未答复的来信' });
    setDay('2025-03-12');
    await staff(shown, { reply: '已答复甲', replyDepartment: '办公室' });
    await staff(privateLetter, { reply: '已答复乙' });

    const { page, text } = await publicList('?pageSize=50');
    const subjects = page.items.map((item) => item.subject);
    assert.ok(subjects.includes('同意公开的来信'));
    assert.ok(!subjects.includes('不同意公开的来信'));
    assert.ok(!subjects.includes('尚未答复的来信'));
    const item = page.items.find((i) => i.subject === '同意公开的来信')!;
    assert.deepEqual(
      { ...item, id: undefined },
      {
        id: undefined,
        category: 'consult',
        subject: '同意公开的来信',
        message: sampleLetter().message,
        reply: '已答复甲',
        receivedOn: '2025-03-10',
        repliedOn: '2025-03-12',
        replyDepartment: '办公室',
      },
    );
    for (const secret of [
      '公开来信人甲',
      '13811112222',
      'jia@example.com',
      '陈明',
      '13700001111',
      'chenming@example.com',
      shown,
      unanswered,
    ]) {
      assert.ok(!text.includes(secret), `public list leaks ${secret}`);
    }
    assert.ok(page.stats.received >= 3 && page.stats.replied >= 2);
    assert.equal(typeof page.stats.medianWorkingDaysToReply, 'number');

    // Staff may withhold a published letter, and publish it again; never one the writer kept private.
    await staff(shown, { publish: false });
    assert.ok(!(await publicList('?pageSize=50')).page.items.some((i) => i.subject === '同意公开的来信'));
    await staff(shown, { publish: true });
    assert.ok((await publicList('?pageSize=50')).page.items.some((i) => i.subject === '同意公开的来信'));
    await problemOf(await staff(privateLetter, { publish: true }), 409);
  });

  test('the public list pages; a page past the end gives the last page', async () => {
    const all = (await publicList('?pageSize=50')).page;
    const { page } = await publicList('?page=999&pageSize=1');
    assert.equal(page.page, all.total);
    assert.equal(page.items.length, 1);
    assert.equal(page.pageSize, 1);
  });

  test('a reply can be rated once, within 20 working days', async () => {
    setDay('2025-03-03');
    const code = await write();
    const early = await problemOf(await rate(code, 'satisfied'), 409);
    assert.equal(early.type, 'urn:zwgk:problem:rating-not-allowed');
    setDay('2025-03-05');
    await staff(code, { reply: '已答复' });
    setDay('2025-04-02'); // the 20th working day after 03-05
    const rated = await rate(code, 'basically-satisfied');
    assert.equal(rated.status, 200);
    assert.deepEqual(await rated.json(), { queryCode: code, rating: 'basically-satisfied' });
    assert.equal((await rate(code, 'basically-satisfied')).status, 200, 'the same rating again is a harmless retry');
    await problemOf(await rate(code, 'unsatisfied'), 409);
    assert.equal(((await (await lookup(code, '13700001111')).json()) as FeedbackLetterView).rating, 'basically-satisfied');
  });

  test('after 20 working days the rating window is closed; bad ratings and codes are refused', async () => {
    setDay('2025-03-03');
    const code = await write();
    setDay('2025-03-05');
    await staff(code, { reply: '已答复' });
    setDay('2025-04-03'); // the 21st working day
    await problemOf(await rate(code, 'satisfied'), 409);
    await problemOf(await rate(code, 'delighted'), 422);
    await problemOf(await rate('ZZZZZZZZZZ', 'satisfied'), 404);
  });
});
