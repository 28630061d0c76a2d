// The storage suite: runs on embedded PGlite always, and on PostgreSQL when
// TEST_DATABASE_URL is set (each run in a fresh schema, dropped afterwards).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sampleLetterRecord, sampleProof, sampleRecord, storageBackends, unique } from './storage-backends.js';
import { migrate, MIGRATIONS, openStorage } from '../../src/server/storage/index.js';
import { openDatabase } from '../../src/server/storage/index.js';
import { pgliteDatabase, pgliteInternalsMissing } from '../../src/server/storage/sql.js';
import { createSqlStorage } from '../../src/server/storage/storage.js';
import type { ApplicationRecord, IdempotencyRequest, Storage } from '../../src/server/storage/types.js';
import { sampleApplication } from '../../src/server/testing.js';

const backends = storageBackends('zwgk_test');

const key = (hash = 'h1'): IdempotencyRequest => ({ scope: 'applications', key: unique('key'), hash });
const application = sampleRecord;
const letter = sampleLetterRecord;
const proof = sampleProof;

for (const backend of backends) {
  describe(`storage on ${backend.name}`, () => {
    let storage: Storage;

    before(async () => {
      const db = await openDatabase(backend.config);
      const every = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
      assert.deepEqual(every.slice(0, 2), [1, 2], 'migrations 1 and 2 exist');
      assert.deepEqual(await migrate(db), every, 'a new database gets every migration, in order');
      assert.deepEqual(await migrate(db), [], 'a second run applies nothing');
      const [row] = await db.query<{ versions: number[] }>(`SELECT array_agg(version ORDER BY version) AS versions FROM schema_migrations`);
      assert.deepEqual(row?.versions, every);
      storage = createSqlStorage(db);
    });

    after(async () => {
      await storage?.close();
      await backend.cleanup?.();
    });

    test('a created application is found only with its phone number', async () => {
      const record = application({ body: sampleApplication({ agency: '平潭综合实验区管委会' }) });
      const outcome = await storage.createApplication(key(), record, { status: 201, body: { trackingCode: record.trackingCode } });
      assert.equal(outcome.kind, 'created');
      const found = await storage.findApplication(record.trackingCode, '13912345678');
      assert.equal(found?.agency, '福建省商务厅');
      assert.equal(found?.body.agency, '平潭综合实验区管委会');
      assert.equal(found?.receivedOn, '2025-03-10');
      assert.equal(found?.receivedAt, '2025-03-10T02:00:00.000Z');
      assert.equal(found?.dueDate, '2025-04-08');
      assert.deepEqual(found?.timeline, record.timeline);
      assert.equal(await storage.findApplication(record.trackingCode, '13912345679'), null);
      assert.equal(await storage.findApplication('YS-NOSUCHCODE', '13912345678'), null);
    });

    test('the same key replays the stored response; another body under it is a conflict', async () => {
      const idem = key('body-a');
      const first = application();
      const receipt = { status: 201, body: { trackingCode: first.trackingCode, agency: '福建省商务厅', status: 'submitted' } };
      assert.equal((await storage.createApplication(idem, first, receipt)).kind, 'created');
      const before = await storage.countAllApplications();

      const replay = await storage.createApplication(idem, application(), { status: 201, body: { trackingCode: 'other' } });
      assert.deepEqual(replay, { kind: 'replay', response: receipt });
      assert.deepEqual(await storage.findReplay(idem), { kind: 'replay', response: receipt });
      assert.deepEqual(await storage.findReplay({ ...idem, hash: 'body-b' }), { kind: 'conflict' });
      assert.deepEqual(await storage.createApplication({ ...idem, hash: 'body-b' }, application(), receipt), { kind: 'conflict' });
      assert.equal(await storage.countAllApplications(), before, 'no second record');
      assert.equal(await storage.findReplay(key()), null, 'a fresh key has no stored answer');
      // Keys are per endpoint: the same key on another endpoint is fresh.
      assert.equal(await storage.findReplay({ ...idem, scope: 'feedback' }), null);
    });

    test('concurrent requests with one key store one record and all get its answer', async () => {
      const idem = key('same-body');
      const before = await storage.countAllApplications();
      const attempts = Array.from({ length: 6 }, () => application());
      const outcomes = await Promise.all(
        attempts.map((record) => storage.createApplication(idem, record, { status: 201, body: { trackingCode: record.trackingCode } })),
      );
      const created = outcomes.filter((o) => o.kind === 'created');
      assert.equal(created.length, 1);
      assert.equal(await storage.countAllApplications(), before + 1);
      const winner = created[0]!.kind === 'created' ? created[0]!.response.body : null;
      for (const outcome of outcomes) {
        assert.notEqual(outcome.kind, 'conflict');
        if (outcome.kind !== 'conflict') assert.deepEqual(outcome.response.body, winner);
      }
    });

    test("a new application's event waits for the worker unless its plan makes no delivery", async () => {
      await storage.notifications.planEvents(500, () => []); // what earlier tests left in the outbox
      const nothing = application();
      const something = application();
      const unplanned = application();
      const mail = {
        channel: 'email',
        recipient: 'a@example.com',
        kind: 'application-received',
        state: 'waiting-for-configuration',
      } as const;
      await storage.createApplication(key(), nothing, { status: 201, body: {} }, () => []);
      await storage.createApplication(key(), something, { status: 201, body: {} }, () => [mail]);
      await storage.createApplication(key(), unplanned, { status: 201, body: {} });
      const seen: string[] = [];
      await storage.notifications.planEvents(500, (event) => {
        seen.push(event.caseId);
        return [];
      });
      assert.deepEqual(seen.sort(), [something.trackingCode, unplanned.trackingCode].sort(), 'the worker plans only these two');
    });

    test('an update appends to the timeline; a refused one writes nothing', async () => {
      const record = application();
      await storage.createApplication(key(), record, { status: 201, body: {} });
      await assert.rejects(
        storage.updateApplication(record.trackingCode, () => {
          throw new Error('refused');
        }),
        /refused/,
      );
      assert.equal((await storage.findApplication(record.trackingCode, record.phoneDigits))?.timeline.length, 1);

      const updated = await storage.updateApplication(record.trackingCode, (current) => ({
        status: 'accepted',
        clockStart: current.clockStart,
        extended: false,
        dueDate: current.dueDate,
        outcome: null,
        resolvedOn: null,
        entry: { status: 'accepted', at: '2025-03-11T01:00:00.000Z', note: '已受理' },
      }));
      assert.equal(updated?.status, 'accepted');
      const stored = await storage.findApplication(record.trackingCode, record.phoneDigits);
      assert.equal(stored?.status, 'accepted');
      assert.deepEqual(
        stored?.timeline.map((e) => e.status),
        ['submitted', 'accepted'],
      );
      assert.equal(stored?.timeline[1]?.note, '已受理');
      assert.equal(await storage.updateApplication('YS-UNKNOWN', () => assert.fail('not called')), null);
    });

    test('counts for table 三 split received, carried over, resolved and still open by column', async () => {
      // A separate year no other test writes to.
      const rows: Partial<ApplicationRecord>[] = [
        { receivedOn: '2031-12-20', applicantColumn: 0 }, // carried over, answered in 2032
        { receivedOn: '2031-12-28', applicantColumn: 4 }, // carried over, still open
        { receivedOn: '2031-11-02', applicantColumn: 1, resolvedOn: '2031-12-01', outcome: '3.1' }, // closed before: neither
        { receivedOn: '2032-03-01', applicantColumn: 1 }, // received, open at end
        { receivedOn: '2032-05-06', applicantColumn: 2, resolvedOn: '2032-06-01', outcome: '3.4.1' },
        { receivedOn: '2032-07-07', applicantColumn: 0, resolvedOn: '2032-07-08' }, // withdrawn
        { receivedOn: '2032-12-30', applicantColumn: 5, resolvedOn: '2033-01-05', outcome: '3.2' }, // open at year end
      ];
      rows[0]!.resolvedOn = '2032-02-10';
      rows[0]!.outcome = '3.1';
      // Applications of other tests are still open, so they carry over into 2032 too: compare with a baseline.
      const baseline = await storage.countApplications('2032-01-01', '2032-12-31');
      for (const row of rows) await storage.createApplication(key(), application(row), { status: 201, body: {} });
      const counts = await storage.countApplications('2032-01-01', '2032-12-31');
      const added = (now: number[], then: number[]) => now.map((n, i) => n - then[i]!);
      assert.deepEqual(counts.received, [1, 1, 1, 0, 0, 1]);
      assert.deepEqual(added(counts.carriedOver, baseline.carriedOver), [1, 0, 0, 0, 1, 0]);
      assert.deepEqual(added(counts.openAtEnd, baseline.openAtEnd), [0, 1, 0, 0, 1, 1]);
      assert.deepEqual(baseline.resolved, []);
      const resolved = [...counts.resolved].sort((a, b) => a.column - b.column || String(a.outcome).localeCompare(String(b.outcome)));
      assert.deepEqual(resolved, [
        { outcome: '3.1', column: 0, count: 1 },
        { outcome: null, column: 0, count: 1 },
        { outcome: '3.4.1', column: 2, count: 1 },
      ]);
    });

    test('attachments: stored bytes are known by id, unknown ids are reported', async () => {
      const id = unique('att');
      const content = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff]);
      const idem: IdempotencyRequest = { scope: 'attachments', key: unique('k'), hash: 'x' };
      const outcome = await storage.createAttachment(
        idem,
        { id, name: '身份证明.pdf', type: 'application/pdf', size: content.length, content },
        { status: 201, body: { id } },
      );
      assert.equal(outcome.kind, 'created');
      assert.deepEqual(await storage.missingAttachments([id, 'nope']), ['nope']);
      assert.deepEqual(await storage.missingAttachments([]), []);
    });

    test('a proof counts once, even under another idempotency key', async () => {
      const spent = proof();
      const first = await storage.createFeedback(
        { scope: 'feedback', key: unique('k'), hash: 'a' },
        letter(),
        { status: 201, body: {} },
        spent,
      );
      assert.equal(first.kind, 'created');
      const again = await storage.createFeedback(
        { scope: 'feedback', key: unique('k'), hash: 'b' },
        letter(),
        { status: 201, body: {} },
        spent,
      );
      assert.deepEqual(again, { kind: 'proof-used' });
      // The refused letter left no idempotency record behind either.
      assert.equal((await storage.feedbackFigures()).received, 1);
    });

    test('letters are found by code with their phone (any punctuation) or e-mail (any case) only', async () => {
      const record = letter();
      await storage.createFeedback({ scope: 'feedback', key: unique('k'), hash: 'a' }, record, { status: 201, body: {} }, proof());
      assert.equal((await storage.findFeedback(record.queryCode, { phoneDigits: '13700001111', email: '' }))?.queryCode, record.queryCode);
      assert.equal((await storage.findFeedback(record.queryCode, { phoneDigits: '', email: 'chenming@EXAMPLE.com' }))?.name, '陈明');
      assert.equal(await storage.findFeedback(record.queryCode, { phoneDigits: '13700001112', email: '' }), null);
      assert.equal(await storage.findFeedback(record.queryCode, { phoneDigits: '', email: 'other@example.com' }), null);
      assert.equal(await storage.findFeedback(record.queryCode, { phoneDigits: '', email: '' }), null, 'an empty contact matches nothing');
      const noPhone = letter({ phone: null, phoneDigits: null });
      await storage.createFeedback({ scope: 'feedback', key: unique('k'), hash: 'a' }, noPhone, { status: 201, body: {} }, proof());
      assert.equal(await storage.findFeedback(noPhone.queryCode, { phoneDigits: '', email: '' }), null);
    });

    test('the public list holds only replied, consented, not withheld letters, and no personal data', async () => {
      const shown = letter({ repliedOn: '2025-04-02' });
      const newer = letter({ repliedOn: '2025-04-03' });
      const hidden = [
        letter({ publish: false }),
        letter({ withheld: true }),
        letter({ status: 'processing', reply: null, repliedOn: null }),
      ];
      for (const record of [shown, newer, ...hidden]) {
        await storage.createFeedback({ scope: 'feedback', key: unique('k'), hash: 'a' }, record, { status: 201, body: {} }, proof());
      }
      const { items, total } = await storage.listPublishedFeedback(0, 100);
      const ids = items.map((item) => item.id);
      assert.ok(ids.includes(shown.publicId) && ids.includes(newer.publicId));
      for (const record of hidden) assert.ok(!ids.includes(record.publicId));
      assert.ok(ids.indexOf(newer.publicId) < ids.indexOf(shown.publicId), 'newest reply first');
      assert.equal(total, items.length);
      for (const item of items) {
        assert.deepEqual(Object.keys(item).sort(), [
          'category',
          'id',
          'message',
          'receivedOn',
          'repliedOn',
          'reply',
          'replyDepartment',
          'subject',
        ]);
      }
      const text = JSON.stringify(items);
      for (const secret of ['陈明', '13700001111', '137-0000-1111', 'ChenMing@example.com', shown.queryCode])
        assert.ok(!text.includes(secret), secret);
      assert.deepEqual((await storage.listPublishedFeedback(1, 1)).items.length, 1, 'offset and limit page the list');
    });

    test('feedback updates are stored; unknown codes give null', async () => {
      const record = letter({ status: 'received', reply: null, repliedOn: null, replyDepartment: null });
      await storage.createFeedback({ scope: 'feedback', key: unique('k'), hash: 'a' }, record, { status: 201, body: {} }, proof());
      const updated = await storage.updateFeedback(record.queryCode, (current) => ({
        ...current,
        status: 'replied',
        reply: '已答复',
        replyDepartment: '办公室',
        repliedOn: '2025-03-20',
        rating: 'satisfied',
        ratedAt: '2025-03-21T01:00:00.000Z',
      }));
      assert.equal(updated?.reply, '已答复');
      const stored = await storage.findFeedback(record.queryCode, { phoneDigits: '13700001111', email: '' });
      assert.equal(stored?.repliedOn, '2025-03-20');
      assert.equal(stored?.rating, 'satisfied');
      assert.equal(stored?.ratedAt, '2025-03-21T01:00:00.000Z');
      assert.equal(await storage.updateFeedback('NOSUCHCODE', (c) => c), null);
    });

    test('a seed runs once per database', async () => {
      let runs = 0;
      const name = unique('seed');
      assert.equal(await storage.seedOnce(name, async () => void runs++), true);
      assert.equal(await storage.seedOnce(name, async () => void runs++), false);
      assert.equal(runs, 1);
      const failing = unique('seed');
      await assert.rejects(
        storage.seedOnce(failing, async () => Promise.reject(new Error('boom'))),
        /boom/,
      );
      assert.equal(await storage.seedOnce(failing, async () => void runs++), true, 'a failed seed may run again');
    });
  });
}

test('PGlite keeps its data in the data directory across a restart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zwgk-storage-'));
  try {
    const first = await openStorage({ dataDir: dir });
    const record = application();
    await first.createApplication(key(), record, { status: 201, body: {} });
    await first.close();
    const second = await openStorage({ dataDir: dir });
    assert.equal((await second.findApplication(record.trackingCode, record.phoneDigits))?.trackingCode, record.trackingCode);
    // One server per data directory: a second one at the same time would corrupt it.
    await assert.rejects(openStorage({ dataDir: dir }), /in use by process/);
    await second.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the server package pins the PGlite it was built against, and that PGlite has every member the prepared statements use', async () => {
  const read = async (path: string) => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as Record<string, never>;
  const pinned = (await read('../../packages/zwgk-kit-server/package.json')).dependencies['@electric-sql/pglite'] as string;
  const installed = (await read('../../node_modules/@electric-sql/pglite/package.json')).version as string;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'an exact version: a new PGlite is taken on purpose, with this test run against it');
  assert.equal(installed, pinned);
  const db = await PGlite.create();
  try {
    assert.deepEqual(pgliteInternalsMissing(db), [], `PGlite ${installed} renamed or dropped what src/server/storage/sql.ts uses`);
  } finally {
    await db.close();
  }
});

test('without those members PGlite is queried through its public query() and transaction(), with the same answers', async () => {
  const db = await PGlite.create();
  // A stand-in for a PGlite release without the transaction lock: every other member is the real one, bound to it.
  let protocolCalls = 0;
  const withoutLock = new Proxy(db, {
    get(target, name) {
      if (name === '_runExclusiveTransaction') return undefined;
      const value = Reflect.get(target, name) as unknown;
      if (typeof value !== 'function') return value;
      const member = (value as (...args: unknown[]) => unknown).bind(target);
      return name === 'execProtocol' ? (...args: unknown[]) => (protocolCalls++, member(...args)) : member;
    },
  });
  assert.deepEqual(pgliteInternalsMissing(withoutLock), ['_runExclusiveTransaction']);
  const sql = pgliteDatabase(withoutLock);
  try {
    await sql.query(`CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL)`);
    await sql.query(`INSERT INTO t VALUES ($1, $2)`, [1, '甲']);
    await sql.transaction(async (tx) => {
      await tx.query(`INSERT INTO t VALUES ($1, $2)`, [2, '乙']);
    });
    await assert.rejects(
      sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO t VALUES ($1, $2)`, [3, '丙']);
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.deepEqual(await sql.query(`SELECT id, name FROM t WHERE id > $1 ORDER BY id`, [0]), [
      { id: 1, name: '甲' },
      { id: 2, name: '乙' },
    ]);
    assert.equal(await sql.execute(`UPDATE t SET name = name WHERE id >= $1`, [2]), 1, 'the rows its command tag counts');
    assert.equal(await sql.execute(`UPDATE t SET name = name WHERE id >= $1`, [3]), 0);
    assert.equal(protocolCalls, 0, 'no prepared statement was made');
  } finally {
    await sql.close();
  }
});

test(
  'on PostgreSQL a query with parameters is a named statement, prepared once per connection',
  { skip: !process.env.TEST_DATABASE_URL },
  async () => {
    const [backend] = storageBackends('zwgk_prepared').filter((b) => b.name === 'PostgreSQL');
    const db = await openDatabase({ ...(backend!.config as { databaseUrl: string; schema: string }), maxConnections: 1 });
    try {
      const text = `SELECT $1::integer + 1 AS n`;
      for (const n of [1, 2, 3]) assert.deepEqual(await db.query(text, [n]), [{ n: n + 1 }]);
      await db.transaction(async (tx) => assert.deepEqual(await tx.query(text, [9]), [{ n: 10 }]));
      // One connection, so this is the session the four calls ran in: one statement, executed four times.
      const [prepared] = await db.query<{ name: string; runs: number }>(
        `SELECT name, (generic_plans + custom_plans)::integer AS runs FROM pg_prepared_statements WHERE statement = '${text}'`,
      );
      assert.match(prepared?.name ?? '', /^zwgk_\d+$/);
      assert.equal(prepared?.runs, 4);
      // A statement run for its effect answers the count of its command tag, no rows.
      await db.query(`CREATE TABLE t (id integer PRIMARY KEY)`);
      const insert = `INSERT INTO t SELECT n FROM generate_series(1, $1::integer) AS n ON CONFLICT DO NOTHING`;
      assert.equal(await db.execute(insert, [3]), 3);
      assert.equal(await db.execute(insert, [4]), 1, 'only the new row');
      assert.equal(await db.execute(`DELETE FROM t WHERE id > $1`, [10]), 0);
    } finally {
      await db.close();
      await backend!.cleanup?.();
    }
  },
);

test('on PGlite a prepared statement run for its effect answers the count of its command tag', async () => {
  const sql = pgliteDatabase(await PGlite.create());
  try {
    await sql.query(`CREATE TABLE t (id integer PRIMARY KEY)`);
    const insert = `INSERT INTO t SELECT n FROM generate_series(1, $1::integer) AS n ON CONFLICT DO NOTHING`;
    assert.equal(await sql.execute(insert, [3]), 3);
    assert.equal(await sql.execute(insert, [4]), 1, 'only the new row');
    assert.equal(await sql.execute(`DELETE FROM t WHERE id > $1`, [10]), 0);
    assert.deepEqual(await sql.query(`SELECT count(*)::integer AS n FROM t WHERE id > $1`, [0]), [{ n: 4 }]);
  } finally {
    await sql.close();
  }
});
