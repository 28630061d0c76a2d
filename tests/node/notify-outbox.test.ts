// The transactional outbox: every stored change writes its event in the same transaction; a refused or
// rolled-back change writes none. On PGlite always, on PostgreSQL when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { applyPatch } from '../../src/server/routes/applications.js';
import { applyAdminPatch, applyRating } from '../../src/server/routes/feedback.js';
import type { NotifyEvent } from '../../src/server/notify/events.js';
import { recordEvent } from '../../src/server/notify/outbox.js';
import { migrate, openDatabase } from '../../src/server/storage/index.js';
import type { SqlDatabase } from '../../src/server/storage/sql.js';
import { createSqlStorage } from '../../src/server/storage/storage.js';
import type { ApplicationRecord, FeedbackRecord, Storage } from '../../src/server/storage/types.js';
import { sampleApplication } from '../../src/server/testing.js';
import { backends } from './staff-harness.js';
import { sampleLetterRecord, sampleProof, sampleRecord, unique } from './storage-backends.js';

const storageBackends = backends();

const idem = () => ({ scope: 'applications' as const, key: unique('key'), hash: 'h' });

// Mails go to the applicant's address, in English; the letter is new, not yet replied to.
const application = (): ApplicationRecord =>
  sampleRecord({
    body: sampleApplication({
      applicant: { ...sampleApplication().applicant, email: 'zhang@example.com' } as ApplicationRecord['body']['applicant'],
    }),
    language: 'en',
  });
const letter = (): FeedbackRecord =>
  sampleLetterRecord({
    phone: '13700001111',
    email: 'chenming@example.com',
    status: 'received',
    reply: null,
    replyDepartment: null,
    repliedOn: null,
  });
const proof = sampleProof;

for (const backend of storageBackends) {
  describe(`outbox on ${backend.name}`, () => {
    let db: SqlDatabase;
    let storage: Storage;
    const eventsOf = async (caseId: string) =>
      (await db.query<{ payload: NotifyEvent }>(`SELECT payload FROM outbox_events WHERE case_id = $1 ORDER BY id`, [caseId])).map(
        (r) => r.payload,
      );

    before(async () => {
      db = await openDatabase(backend.config());
      await migrate(db);
      storage = createSqlStorage(db);
    });
    after(async () => {
      await storage?.close();
      await backend.cleanup();
    });

    test('a created application writes application.created with its facts, its language and no identity number', async () => {
      const record = application();
      assert.equal((await storage.createApplication(idem(), record, { status: 201, body: {} })).kind, 'created');
      const [event, ...rest] = await eventsOf(record.trackingCode);
      assert.equal(rest.length, 0);
      assert.equal(event?.type, 'application.created');
      assert.ok(event?.type === 'application.created');
      assert.equal(event.application.dueDate, '2025-04-08');
      assert.equal(event.application.language, 'en');
      assert.deepEqual(event.contact, { email: 'zhang@example.com', phone: '13912345678' });
      assert.doesNotMatch(JSON.stringify(event), /11010519491231002X/);
      assert.equal((await storage.findApplication(record.trackingCode, '13912345678'))?.language, 'en');
    });

    test('a replayed or conflicting create writes no second event', async () => {
      const record = application();
      const key = idem();
      await storage.createApplication(key, record, { status: 201, body: {} });
      await storage.createApplication(key, application(), { status: 201, body: {} });
      await storage.createApplication({ ...key, hash: 'other' }, application(), { status: 201, body: {} });
      assert.equal(
        (
          await db.query(
            `SELECT 1 FROM outbox_events WHERE type = 'application.created' AND payload->'application'->>'trackingCode' = $1`,
            [record.trackingCode],
          )
        ).length,
        1,
      );
    });

    test('every status change writes its event; a refused change writes none', async () => {
      const record = application();
      await storage.createApplication(idem(), record, { status: 201, body: {} });
      const at = new Date('2025-03-11T02:00:00Z');
      await storage.updateApplication(record.trackingCode, (current) =>
        applyPatch(current, { status: 'supplement-requested', note: '请补充身份证明' }, at),
      );
      await assert.rejects(storage.updateApplication(record.trackingCode, (current) => applyPatch(current, { status: 'extended' }, at)));
      await storage.updateApplication(record.trackingCode, (current) =>
        applyPatch(current, { status: 'accepted' }, new Date('2025-03-12T02:00:00Z')),
      );
      const events = await eventsOf(record.trackingCode);
      assert.deepEqual(
        events.map((e) => e.type),
        ['application.created', 'application.status-changed', 'application.status-changed'],
      );
      const [, supplement, accepted] = events;
      assert.ok(supplement?.type === 'application.status-changed' && accepted?.type === 'application.status-changed');
      assert.deepEqual(supplement.change, {
        from: 'submitted',
        to: 'supplement-requested',
        at: '2025-03-11T02:00:00.000Z',
        note: '请补充身份证明',
        supplementDueDate: '2025-04-01',
      });
      assert.equal(accepted.change.from, 'supplement-requested');
      assert.equal(accepted.application.dueDate, '2025-04-10', 'the clock restarted on the day the 补正 arrived (4 April is 清明)');
    });

    test('a transaction that fails after recording its event leaves no event behind', async () => {
      const before = await db.query(`SELECT 1 FROM outbox_events`);
      const event = {
        type: 'feedback.created',
        caseId: 'Q-ROLLED-BACK',
        letter: { queryCode: 'Q-ROLLED-BACK' },
        contact: {},
      } as unknown as NotifyEvent;
      await assert.rejects(
        db.transaction(async (tx) => {
          await recordEvent(tx, event);
          throw new Error('crash between the event and the commit');
        }),
      );
      assert.equal((await db.query(`SELECT 1 FROM outbox_events`)).length, before.length);
      assert.equal((await eventsOf('Q-ROLLED-BACK')).length, 0);
    });

    test('letters: created and replied write events; a spent proof, a rating or withholding write none', async () => {
      const record = letter();
      const spent = proof();
      await storage.createFeedback({ scope: 'feedback', key: unique('k'), hash: 'h' }, record, { status: 201, body: {} }, spent);
      const refused = await storage.createFeedback(
        { scope: 'feedback', key: unique('k'), hash: 'h' },
        letter(),
        { status: 201, body: {} },
        spent,
      );
      assert.equal(refused.kind, 'proof-used');
      await storage.updateFeedback(record.queryCode, (c) => applyAdminPatch(c, { status: 'processing' }, '2025-03-11', '办公室'));
      await storage.updateFeedback(record.queryCode, (c) => applyAdminPatch(c, { reply: '指南在网站首页。' }, '2025-03-12', '办公室'));
      await storage.updateFeedback(record.queryCode, (c) => applyAdminPatch(c, { publish: false }, '2025-03-12', '办公室'));
      await storage.updateFeedback(record.queryCode, (c) => applyRating(c, 'satisfied', new Date('2025-03-13T02:00:00Z')));
      const events = await eventsOf(record.queryCode);
      assert.deepEqual(
        events.map((e) => e.type),
        ['feedback.created', 'feedback.replied'],
      );
      assert.ok(events[1]?.type === 'feedback.replied');
      assert.deepEqual(events[1].letter.reply, { text: '指南在网站首页。', department: '办公室', repliedOn: '2025-03-12' });
      assert.equal(events[1].letter.language, 'zh-CN', 'a letter without a language is zh-CN');
    });

    test("a once-only event (the day's digest) is recorded once", async () => {
      const digest = {
        type: 'staff.digest',
        caseId: 'digest-2025-03-10',
        digest: { date: '2025-03-10', dueSoon: [], overdue: [] },
      } as NotifyEvent;
      const first = await db.transaction((tx) => recordEvent(tx, digest, { dedupeKey: 'staff.digest:2025-03-10' }));
      const second = await db.transaction((tx) => recordEvent(tx, digest, { dedupeKey: 'staff.digest:2025-03-10' }));
      assert.match(first ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(second, null);
      assert.equal((await eventsOf('digest-2025-03-10')).length, 1);
    });
  });
}
