// Look-ups by code and contact cannot be guessed: failed ones are throttled per code and per address
// with a growing wait, ratings need the contact as look-ups do (and answer an unknown code and a wrong
// contact alike), and the public status holds no internal staff notes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApplicationReceipt, ApplicationStatusView } from '../../src/api/types/application.js';
import type { Problem } from '../../src/api/types/problem.js';
import { createDemoServer, type DemoServer } from '../../src/server/demo.js';
import { DEMO_LETTER_PHONE, DEMO_LETTERS } from '../../src/server/seed.js';
import { sampleApplication } from '../../src/server/testing.js';

const ADMIN = 'lookups-admin-token-0123456789abcdefABCDEF';
let demo: DemoServer;
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const get = (path: string, address = '198.51.100.1') => demo.app.request(path, {}, from(address));

before(async () => {
  demo = await createDemoServer({ dataDir: 'memory', adminToken: ADMIN, altchaComplexity: 'test', rateLimit: false });
});
after(() => demo.close());

async function submit(): Promise<string> {
  const response = await demo.app.request('/api/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `lookup-${Math.random()}` },
    body: JSON.stringify(sampleApplication()),
  });
  return ((await response.json()) as ApplicationReceipt).trackingCode;
}

describe('guessing look-ups', () => {
  test('guessing the phone of a known tracking code is stopped after a few tries, with a growing wait', async () => {
    const code = await submit();
    const statuses: number[] = [];
    // Each guess from another address, so only the per-code count can stop them.
    for (let i = 0; i < 10; i++)
      statuses.push((await get(`/api/applications/${code}?phone=1390000${String(i).padStart(4, '0')}`, `203.0.113.${i}`)).status);
    assert.deepEqual(statuses.slice(0, 5), [404, 404, 404, 404, 404]);
    assert.ok(
      statuses.slice(6).every((s) => s === 429),
      statuses.join(),
    );
    const waiting = await get(`/api/applications/${code}?phone=13912345678`, '203.0.113.99');
    assert.equal(waiting.status, 429, 'even the right phone waits: the guesser cannot tell a hit');
    const problem = (await waiting.json()) as Problem;
    assert.equal(problem.type, 'urn:zwgk:problem:too-many-requests');
    assert.ok(Number(waiting.headers.get('retry-after')) >= 2, 'the wait has grown past the first second');
  });

  test('one address trying many codes is stopped too, on applications and letters alike', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) {
      const path = i % 2 ? `/api/applications/YS-GUESS${i}?phone=13912345678` : `/api/feedback/GUESS${i}?contact=${DEMO_LETTER_PHONE}`;
      statuses.push((await get(path, '192.0.2.50')).status);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(404));
    assert.ok(
      statuses.slice(21).every((s) => s === 429),
      statuses.join(),
    );
    assert.equal(
      (await get(`/api/feedback/${DEMO_LETTERS[0]!.queryCode}?contact=${DEMO_LETTER_PHONE}`, '192.0.2.51')).status,
      200,
      'others are not affected',
    );
  });

  test('a citizen who mistypes twice and then gets it right notices nothing', async () => {
    const code = await submit();
    assert.equal((await get(`/api/applications/${code}?phone=13900000000`, '198.51.100.7')).status, 404);
    assert.equal((await get(`/api/applications/${code}?phone=13900000001`, '198.51.100.7')).status, 404);
    assert.equal((await get(`/api/applications/${code}?phone=13912345678`, '198.51.100.7')).status, 200);
  });
});

describe('ratings need the contact', () => {
  const rate = (code: string, body: unknown, address = '198.51.100.20') =>
    demo.app.request(
      `/api/feedback/${code}/rating`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      from(address),
    );

  test('without the contact a rating is refused; an unknown code and a wrong contact answer exactly alike', async () => {
    const known = DEMO_LETTERS[1]!.queryCode;
    const missing = await rate(known, { rating: 'satisfied' });
    assert.equal(missing.status, 422);
    assert.deepEqual(
      ((await missing.json()) as Problem).errors?.map((e) => e.field),
      ['/contact'],
    );
    const wrong = await rate(known, { rating: 'satisfied', contact: '13900000000' });
    const unknown = await rate('ZZZZZZZZZZ', { rating: 'satisfied', contact: '13900000000' });
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await wrong.json(), await unknown.json(), 'no existence oracle');
    const rated = await rate(known, { rating: 'satisfied', contact: DEMO_LETTER_PHONE });
    assert.equal(rated.status, 200, 'the writer can rate');
  });
});

describe('public status', () => {
  test('the applicant sees the notices of 补正 and extension but never the office’s internal notes', async () => {
    const code = await submit();
    const patch = (body: unknown) =>
      demo.app.request(`/api/admin/applications/${code}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify(body),
      });
    assert.equal((await patch({ status: 'supplement-requested', note: '请补充申请人身份证明复印件' })).status, 200);
    assert.equal((await patch({ status: 'accepted', note: '内部：已电话核实，疑似批量申请' })).status, 200);
    assert.equal((await patch({ status: 'extended', note: '需征求第三方意见，答复期限延长20个工作日' })).status, 200);
    const staffView = (await (
      await patch({ status: 'answered', outcome: '3.1', note: '内部：已报分管领导审核' })
    ).json()) as ApplicationStatusView;
    assert.equal(staffView.timeline.filter((e) => e.note).length, 4, 'staff still see their notes');
    const view = (await (await get(`/api/applications/${code}?phone=13912345678`, '198.51.100.30')).json()) as ApplicationStatusView;
    const notes = view.timeline.map((e) => e.note).filter(Boolean);
    assert.deepEqual(
      notes,
      ['请补充申请人身份证明复印件', '需征求第三方意见，答复期限延长20个工作日'],
      'the notices of 补正 and extension',
    );
    assert.ok(!JSON.stringify(view).includes('内部'));
  });
});
