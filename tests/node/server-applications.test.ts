// 依申请公开 through the HTTP API, in-process: submit, replay, look up, lifecycle, deadlines, table 三.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { ApplicationReceipt, ApplicationStatusView } from '../../src/api/types/application.js';
import type { Problem } from '../../src/api/types/problem.js';
import { createHash } from 'node:crypto';
import { createApp } from '../../src/server/app.js';
import { bodyHash } from '../../src/server/http.js';
import { openStorage } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';
import { sampleApplication, sampleOrganizationApplication, samplePdf } from '../../src/server/testing.js';

const ADMIN = 'admin-secret-for-tests';
let storage: Storage;
let app: Hono;
/** The server's clock; China date = UTC date for 02:00Z. */
let clock = new Date('2025-09-26T02:00:00Z');
const setDay = (day: string) => (clock = new Date(`${day}T02:00:00Z`));
let keys = 0;

before(async () => {
  storage = await openStorage({ memory: true });
  app = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: false, now: () => clock });
});
after(() => storage.close());

function submit(body: unknown, key: string | null = `key-${++keys}`, headers: Record<string, string> = {}) {
  return app.request('/api/applications', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function create(body = sampleApplication()): Promise<ApplicationReceipt> {
  const response = await submit(body);
  assert.equal(response.status, 201, await response.clone().text());
  return response.json() as Promise<ApplicationReceipt>;
}

const lookup = (code: string, phone = '13912345678') => app.request(`/api/applications/${code}?phone=${encodeURIComponent(phone)}`);

async function view(code: string, phone = '13912345678'): Promise<ApplicationStatusView> {
  const response = await lookup(code, phone);
  assert.equal(response.status, 200);
  return response.json() as Promise<ApplicationStatusView>;
}

function patch(code: string, body: unknown, token = ADMIN) {
  return app.request(`/api/admin/applications/${code}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

async function step(code: string, body: Record<string, unknown>): Promise<ApplicationStatusView> {
  const response = await patch(code, body);
  assert.equal(response.status, 200, await response.clone().text());
  return response.json() as Promise<ApplicationStatusView>;
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = (await response.json()) as Problem;
  assert.equal(problem.status, status);
  assert.ok(problem.title);
  return problem;
}

describe('POST /applications', () => {
  test('answers 201 with a readable tracking code, the receipt instant and the reply deadline', async () => {
    setDay('2025-09-26');
    const receipt = await create();
    assert.match(receipt.trackingCode, /^YS-[2-9A-HJ-NP-Z]{10}$/);
    assert.equal(receipt.status, 'submitted');
    assert.equal(receipt.receivedAt, '2025-09-26T02:00:00.000Z');
    assert.equal(receipt.agency, '福建省商务厅');
    // Received on the Friday before 国庆: 9-28 (Sunday) and 10-11 (Saturday) are make-up working days, 10-01…10-08 are off.
    assert.equal(receipt.dueDate, '2025-10-30');
  });

  test('tracking codes are random, not sequential', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 12; i++) codes.add((await create()).trackingCode);
    assert.equal(codes.size, 12);
    const sorted = [...codes].sort();
    assert.notDeepEqual([...codes], sorted, 'issued codes do not simply count upwards');
  });

  test('without an Idempotency-Key the request is refused with 400', async () => {
    const problem = await problemOf(await submit(sampleApplication(), null), 400);
    assert.equal(problem.type, 'urn:zwgk:problem:idempotency-key-required');
  });

  test('invalid fields and unknown fields are 422 with JSON pointers and messages in the asked language', async () => {
    const body = { ...sampleApplication(), extra: 1, applicant: { ...sampleApplication().applicant, idNumber: '110105194912310021' } };
    const problem = await problemOf(await submit(body), 422);
    const fields = problem.errors?.map((e) => e.field) ?? [];
    assert.ok(fields.includes('/extra'), fields.join());
    assert.ok(fields.includes('/applicant/idNumber'), fields.join());
    const unknown = problem.errors!.find((e) => e.field === '/extra')!;
    assert.equal(unknown.code, 'field.unknown');
    assert.match(unknown.message, /无法识别/);
    const english = await problemOf(await submit(body, `key-${++keys}`, { 'Accept-Language': 'en-GB,en;q=0.9' }), 422);
    assert.match(english.errors![0]!.message, /[a-z]/);
    assert.doesNotMatch(english.title, /[\u4e00-\u9fff]/);
  });

  test('a body that is not JSON is 400; another media type is 415', async () => {
    const broken = await problemOf(await submit('{"agency":'), 400);
    assert.deepEqual(
      broken.errors?.map((e) => e.field),
      [''],
    );
    const form = await app.request('/api/applications', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k-form', 'Content-Type': 'text/plain' },
      body: 'x',
    });
    await problemOf(form, 415);
  });

  test('an attachment id that was never uploaded is a field error', async () => {
    const problem = await problemOf(await submit(sampleApplication({ attachments: ['0b5b7f6e-0000-4000-8000-000000000000'] })), 422);
    assert.deepEqual(
      problem.errors?.map((e) => [e.field, e.code]),
      [['/attachments/0', 'attachment.invalid']],
    );
  });

  test('an uploaded attachment can be referenced', async () => {
    const form = new FormData();
    form.append('file', new Blob([samplePdf()], { type: 'application/pdf' }), '身份证明.pdf');
    const upload = await app.request('/api/attachments', { method: 'POST', headers: { 'Idempotency-Key': `key-${++keys}` }, body: form });
    assert.equal(upload.status, 201);
    const { id } = (await upload.json()) as { id: string };
    await create(sampleApplication({ attachments: [id] }));
  });

  test('the same key and body replays the original answer; another body under that key is 409', async () => {
    const body = sampleApplication();
    const first = await submit(body, 'replay-key');
    assert.equal(first.status, 201);
    const original = await first.text();
    // Same content with the keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await submit(reordered, 'replay-key');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), original);
    const other = await problemOf(await submit(sampleApplication({ agency: '平潭综合实验区管委会' }), 'replay-key'), 409);
    assert.equal(other.type, 'urn:zwgk:problem:idempotency-conflict');
  });

  test('a body is hashed as its JSON with keys sorted by code unit, so hashes stored by earlier versions still match', () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const body = { b: '张三', a: { d: [3, { f: null, e: true }], c: 1.5 }, '10': 1, '9': 2, A: '"\\' };
    assert.equal(bodyHash(body), sha('{"10":1,"9":2,"A":"\\"\\\\","a":{"c":1.5,"d":[3,{"e":true,"f":null}]},"b":"张三"}'));
    assert.equal(bodyHash({ y: 1, x: [{ q: 2, p: 1 }] }), sha('{"x":[{"p":1,"q":2}],"y":1}'));
    assert.equal(bodyHash('as sent'), sha('as sent'));
  });

  test('a used key answers as before even when the body it comes with would be refused now', async () => {
    const first = await submit(sampleApplication(), 'used-key');
    assert.equal(first.status, 201);
    const invalid = { ...sampleApplication(), agency: '' };
    const conflict = await problemOf(await submit(invalid, 'used-key'), 409);
    assert.equal(conflict.type, 'urn:zwgk:problem:idempotency-conflict');
    // Under a new key the same body is refused for what it is.
    await problemOf(await submit(invalid, 'fresh-key'), 422);
  });

  test('concurrent submissions with one key make one application', async () => {
    setDay('2025-06-16');
    const before = await stats(2025);
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(sampleApplication(), 'concurrent-key')));
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<ApplicationReceipt>));
    assert.deepEqual(
      responses.map((r) => r.status),
      Array(8).fill(201),
    );
    assert.equal(new Set(bodies.map((b) => b.trackingCode)).size, 1);
    const after = await stats(2025);
    assert.equal(after['1']![6]! - before['1']![6]!, 1);
  });

  test('a deadline past the published holiday calendars is taken, with an explicit provisional estimate', async () => {
    // 2026 is the last year with a published arrangement: from mid-December the 20 working days reach into 2027.
    setDay('2026-12-15');
    const response = await submit(sampleApplication());
    assert.equal(response.status, 201, "a citizen's request is never refused for want of next year's calendar");
    const receipt = (await response.json()) as ApplicationReceipt;
    assert.equal(receipt.dueDateProvisional, true);
    assert.equal(receipt.dueDate, '2027-01-12', '20 weekdays after 2026-12-15, with 2027 counted Monday–Friday');
    const status = await view(receipt.trackingCode, '139 1234 5678');
    assert.equal(status.dueDateProvisional, true);
    assert.equal(status.workingDaysLeft, 20);
    setDay('2026-06-01');
    const inside = (await (await submit(sampleApplication())).json()) as ApplicationReceipt;
    assert.equal(inside.dueDateProvisional, undefined, 'no flag inside the published years');
  });
});

describe('GET /applications/{trackingCode}', () => {
  test('needs the phone number; a wrong one is answered exactly like an unknown code', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    const found = await view(trackingCode, '139 1234 5678');
    assert.equal(found.trackingCode, trackingCode);
    assert.equal(found.status, 'submitted');
    assert.deepEqual(found.timeline, [{ status: 'submitted', at: '2025-09-26T02:00:00.000Z' }]);
    assert.equal(found.workingDaysLeft, 20);
    assert.equal((await lookup(trackingCode.toLowerCase())).status, 200, 'codes are read in any case');
    assert.equal((await lookup(trackingCode)).headers.get('cache-control'), 'no-store');

    const wrongPhone = await lookup(trackingCode, '13912345679');
    const unknownCode = await lookup('YS-ZZZZZZZZZZ');
    assert.equal(wrongPhone.status, 404);
    assert.equal(unknownCode.status, 404);
    assert.equal(await wrongPhone.text(), await unknownCode.text());
    await problemOf(await app.request(`/api/applications/${trackingCode}`), 400);
  });

  test('workingDaysLeft is computed when asked: fewer as days pass, negative when overdue', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    setDay('2025-10-09');
    assert.equal((await view(trackingCode)).workingDaysLeft, 16);
    setDay('2025-10-30');
    assert.equal((await view(trackingCode)).workingDaysLeft, 0);
    setDay('2025-10-31');
    assert.equal((await view(trackingCode)).workingDaysLeft, -1);
  });
});

describe('PATCH /admin/applications/{trackingCode}', () => {
  test('the legal path is followed and every step is timestamped in the timeline', async () => {
    setDay('2025-01-24');
    const { trackingCode, dueDate } = await create();
    // 春节 2025: 01-28…02-04 off, 01-26 (Sunday) and 02-08 (Saturday) worked.
    assert.equal(dueDate, '2025-02-27');
    setDay('2025-02-05');
    let state = await step(trackingCode, { status: 'accepted', note: '已受理' });
    assert.equal(state.dueDate, '2025-02-27');
    setDay('2025-02-20');
    state = await step(trackingCode, { status: 'extended', note: '需延期答复' });
    assert.equal(state.dueDate, '2025-03-27', 'twenty more working days, once');
    setDay('2025-03-10');
    state = await step(trackingCode, { status: 'answered', outcome: '3.2' });
    assert.equal(state.outcome, '3.2');
    assert.equal(state.workingDaysLeft, null, 'no clock runs once answered');
    setDay('2025-03-12');
    state = await step(trackingCode, { status: 'closed' });
    assert.deepEqual(
      state.timeline.map((e) => [e.status, e.at.slice(0, 10), e.note ?? null]),
      [
        ['submitted', '2025-01-24', null],
        ['accepted', '2025-02-05', '已受理'],
        ['extended', '2025-02-20', '需延期答复'],
        ['answered', '2025-03-10', null],
        ['closed', '2025-03-12', null],
      ],
    );
    const withoutInternalNotes = {
      ...state,
      timeline: state.timeline.map(({ note, ...entry }) => (entry.status === 'extended' ? { ...entry, note } : entry)),
    };
    assert.deepEqual(
      await view(trackingCode),
      withoutInternalNotes,
      'the citizen sees what staff saw, but not the office’s internal notes',
    );
  });

  test('a 补正 stops the clock; its arrival restarts the twenty working days', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    setDay('2025-09-29');
    const waiting = await step(trackingCode, { status: 'supplement-requested', note: '请补充所需信息的文号' });
    assert.equal(waiting.dueDate, null);
    assert.equal(waiting.workingDaysLeft, null);
    setDay('2025-10-10');
    const restarted = await step(trackingCode, { status: 'accepted', supplementReceivedOn: '2025-10-09' });
    assert.equal(restarted.dueDate, '2025-11-05');
    assert.equal(restarted.workingDaysLeft, 19);
    const extended = await step(trackingCode, { status: 'extended' });
    assert.equal(extended.dueDate, '2025-12-03', 'the extension runs from the restarted clock');
  });

  test('a 补正 that arrives without a date restarts from today', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    await step(trackingCode, { status: 'supplement-requested' });
    setDay('2025-10-09');
    assert.equal((await step(trackingCode, { status: 'accepted' })).dueDate, '2025-11-05');
  });

  test('illegal transitions are 409 and change nothing', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    const skip = await problemOf(await patch(trackingCode, { status: 'extended' }), 409);
    assert.equal(skip.type, 'urn:zwgk:problem:illegal-transition');
    await step(trackingCode, { status: 'accepted' });
    await step(trackingCode, { status: 'extended' });
    await problemOf(await patch(trackingCode, { status: 'extended' }), 409);
    await problemOf(await patch(trackingCode, { status: 'supplement-requested' }), 409);
    await step(trackingCode, { status: 'withdrawn', note: '申请人撤回' });
    for (const status of ['accepted', 'answered', 'closed', 'extended']) {
      await problemOf(await patch(trackingCode, { status, ...(status === 'answered' ? { outcome: '3.1' } : {}) }), 409);
    }
    const state = await view(trackingCode);
    assert.equal(state.status, 'withdrawn');
    assert.equal(state.timeline.length, 4);
    assert.equal(state.outcome, undefined);
  });

  test('answering needs an outcome row; other fields are checked', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    await step(trackingCode, { status: 'accepted' });
    const noOutcome = await problemOf(await patch(trackingCode, { status: 'answered' }), 422);
    assert.deepEqual(
      noOutcome.errors?.map((e) => e.field),
      ['/outcome'],
    );
    const bad = await problemOf(await patch(trackingCode, { status: 'answered', outcome: '3.9', colour: 'red' }), 422);
    assert.deepEqual(bad.errors?.map((e) => e.field).sort(), ['/colour']);
    const badOutcome = await problemOf(await patch(trackingCode, { status: 'answered', outcome: '3.9' }), 422);
    assert.deepEqual(
      badOutcome.errors?.map((e) => e.field),
      ['/outcome'],
    );
    await problemOf(await patch(trackingCode, { status: 'submitted' }), 422);
    await problemOf(await patch(trackingCode, { status: 'extended', outcome: '3.1' }), 422);
    await problemOf(await patch(trackingCode, { status: 'extended', supplementReceivedOn: '2025-09-30' }), 422);
    assert.equal((await view(trackingCode)).status, 'accepted');
  });

  test('staff endpoints need the admin token; unknown codes are 404', async () => {
    setDay('2025-09-26');
    const { trackingCode } = await create();
    const missing = await app.request(`/api/admin/applications/${trackingCode}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: '{"status":"accepted"}',
    });
    await problemOf(missing, 401);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
    await problemOf(await patch(trackingCode, { status: 'accepted' }, 'wrong-token'), 401);
    await problemOf(await patch(trackingCode, { status: 'accepted' }, `${ADMIN}x`), 401);
    assert.equal((await view(trackingCode)).status, 'submitted');
    await problemOf(await patch('YS-ZZZZZZZZZZ', { status: 'accepted' }), 404);
  });
});

async function stats(year: number): Promise<Record<string, number[]>> {
  const response = await app.request(`/api/applications/stats?year=${year}`);
  assert.equal(response.status, 200);
  return response.json() as Promise<Record<string, number[]>>;
}

describe('GET /applications/stats', () => {
  test('builds table 三 from stored applications: columns by applicant, rows by outcome, carry-over in and out', async () => {
    // 2023: two received, one still open at the end of the year.
    setDay('2023-11-06');
    const carried = await create(sampleOrganizationApplication('legal-services'));
    const closedIn2023 = await create();
    setDay('2023-11-20');
    await step(closedIn2023.trackingCode, { status: 'accepted' });
    await step(closedIn2023.trackingCode, { status: 'answered', outcome: '3.1' });
    // 2024
    setDay('2024-03-04');
    const person = await create();
    const commercial = await create(sampleOrganizationApplication('commercial'));
    const research = await create(sampleOrganizationApplication('research'));
    const welfare = await create(sampleOrganizationApplication('social-welfare'));
    const other = await create(sampleOrganizationApplication('other'));
    setDay('2024-04-01');
    await step(person.trackingCode, { status: 'accepted' });
    await step(person.trackingCode, { status: 'answered', outcome: '3.3.4' });
    await step(commercial.trackingCode, { status: 'supplement-requested' });
    await step(commercial.trackingCode, { status: 'answered', outcome: '3.6.1' });
    await step(research.trackingCode, { status: 'withdrawn' });
    await step(carried.trackingCode, { status: 'accepted' });
    await step(carried.trackingCode, { status: 'answered', outcome: '3.4.1' });
    await step(welfare.trackingCode, { status: 'accepted' });
    void other; // still open at the end of 2024

    const table = await stats(2024);
    assert.deepEqual(table['1'], [1, 1, 1, 1, 0, 1, 5]);
    assert.deepEqual(table['2'], [0, 0, 0, 0, 1, 0, 1]);
    assert.deepEqual(table['3.3.4'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(table['3.4.1'], [0, 0, 0, 0, 1, 0, 1]);
    assert.deepEqual(table['3.6.1'], [0, 1, 0, 0, 0, 0, 1]);
    assert.deepEqual(table['3.6.3'], [0, 0, 1, 0, 0, 0, 1], 'a withdrawal counts under （六）3.其他');
    assert.deepEqual(table['3.1'], [0, 0, 0, 0, 0, 0, 0], 'answered in 2023, so not in 2024');
    assert.deepEqual(table['3.7'], [1, 1, 1, 0, 1, 0, 4]);
    assert.deepEqual(table['4'], [0, 0, 0, 1, 0, 1, 2]);
    for (let column = 0; column < 7; column++) {
      assert.equal(table['1']![column]! + table['2']![column]!, table['3.7']![column]! + table['4']![column]!, `R1 in column ${column}`);
    }
    assert.equal(Object.keys(table).length, 25, 'every row of the 2021 format');

    const previous = await stats(2023);
    assert.deepEqual(previous['4'], table['2'], 'what 2023 carries out is what 2024 carries in');
    assert.deepEqual(previous['3.1'], [1, 0, 0, 0, 0, 0, 1]);
  });

  test('years before 2021 use the 2019 format with one （六） row; a missing year is 400', async () => {
    const table = await stats(2020);
    assert.ok('3.6' in table && !('3.6.1' in table));
    assert.equal(Object.keys(table).length, 23);
    await problemOf(await app.request('/api/applications/stats'), 400);
    await problemOf(await app.request('/api/applications/stats?year=twenty'), 400);
  });
});
