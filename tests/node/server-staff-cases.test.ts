// The desk's staff API and the applicant's side of a case, on PGlite and (with TEST_DATABASE_URL)
// PostgreSQL: every step legal and illegal per role, the clock through the API, 视为放弃, audit
// rows, downloads, appeals and table 四, the office calendar, table 三 with R1–R3.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { ApplicationReceipt, ApplicationStatusView, AttachmentReceipt, OutcomeId } from '../../src/api/types/application.js';
import { OUTCOME_IDS } from '../../src/api/types/application.js';
import type { Problem } from '../../src/api/types/problem.js';
import type {
  AnswerLetter,
  Appeal,
  AppealsTable,
  CalendarOverview,
  QueuePage,
  StaffAction,
  StaffCase,
  StaffRole,
} from '../../src/api/types/staff.js';
import { STAFF_ACTIONS } from '../../src/api/types/staff.js';
import { addWorkingDays, calendarYears, replyDueDate } from '../../src/core/calendar/index.js';
import { checkReport } from '../../src/core/report/index.js';
import { pingtan2024 } from '../../src/core/report/fixtures/index.js';
import type { Requests2021 } from '../../src/api/types/report.js';
import { createApp } from '../../src/server/app.js';
import { migrate, openDatabase } from '../../src/server/storage/index.js';
import { createSqlStorage } from '../../src/server/storage/storage.js';
import type { SqlDatabase } from '../../src/server/storage/sql.js';
import type { Storage } from '../../src/server/storage/types.js';
import { sampleApplication, sampleOrganizationApplication, samplePdf } from '../../src/server/testing.js';
import { addAccounts, backends, signedIn, StaffClient } from './staff-harness.js';

const PHONE = '13912345678';
let keys = 0;
const key = () => `k-${++keys}-${Math.random().toString(36).slice(2)}`;

for (const backend of backends()) {
  describe(`the desk and the applicant (${backend.name})`, () => {
    let db: SqlDatabase;
    let storage: Storage;
    let app: Hono;
    let clock = new Date('2025-03-10T02:00:00Z');
    const setDay = (day: string) => (clock = new Date(`${day}T02:00:00Z`));
    const staff = {} as Record<StaffRole, StaffClient>;

    before(async () => {
      db = await openDatabase(backend.config());
      await migrate(db);
      storage = createSqlStorage(db);
      app = createApp({ storage, adminToken: 'admin-token', corsOrigins: [], rateLimit: false, now: () => clock });
      await addAccounts(storage);
      for (const role of ['clerk', 'head', 'admin'] as const) staff[role] = (await signedIn(app, role)).renewing();
    });
    after(async () => {
      await storage.close();
      await backend.cleanup();
    });

    async function problem(response: Response, status: number): Promise<Problem> {
      assert.equal(response.status, status, await response.clone().text());
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      return (await response.json()) as Problem;
    }

    async function submit(body = sampleApplication()): Promise<string> {
      const response = await app.request('/api/applications', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key() },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 201, await response.clone().text());
      return ((await response.json()) as ApplicationReceipt).trackingCode;
    }

    const act = (who: StaffRole, code: string, action: StaffAction, body: unknown = {}, idem = key()) =>
      staff[who].request('POST', `/staff/applications/${code}/${action}`, body, { 'Idempotency-Key': idem });

    async function step(who: StaffRole, code: string, action: StaffAction, body: unknown = {}): Promise<StaffCase> {
      const response = await act(who, code, action, body);
      assert.equal(response.status, 200, `${action}: ${await response.clone().text()}`);
      return (await response.json()) as StaffCase;
    }

    async function staffCase(code: string, who: StaffRole = 'clerk'): Promise<StaffCase> {
      const response = await staff[who].request('GET', `/staff/applications/${code}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as StaffCase;
    }

    const citizen = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`/api${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    async function publicView(code: string): Promise<ApplicationStatusView> {
      const response = await app.request(`/api/applications/${code}?phone=${PHONE}`);
      assert.equal(response.status, 200);
      return (await response.json()) as ApplicationStatusView;
    }

    async function upload(path: string, bytes: string | Uint8Array<ArrayBuffer>, name: string, who: StaffClient | null): Promise<Response> {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      if (who) return who.request('POST', path.replace(/^\/api/, ''), form, { 'Idempotency-Key': key() });
      return app.request(path, { method: 'POST', body: form, headers: { 'Idempotency-Key': key() } });
    }

    test('the whole path: queue, 受理, extension asked by the clerk and approved by the head, answer with files and 答复书, downloads, 办结', async () => {
      setDay('2025-09-26');
      // A citizen's upload is checked to its end: a whole, well-formed PDF.
      const idCard = samplePdf();
      const proof = (await (await upload('/api/attachments', idCard, '身份证.pdf', null)).json()) as AttachmentReceipt;
      const code = await submit(sampleApplication({ attachments: [proof.id] }));

      const queue = (await (await staff.clerk.request('GET', '/staff/applications?status=submitted')).json()) as QueuePage;
      const row = queue.items.find((i) => i.trackingCode === code)!;
      assert.equal(row.applicantName, '张*', 'the name is masked in the list');
      assert.equal(row.clock, 'not-received');
      assert.equal(row.dueDate, '2025-10-30');
      assert.ok(queue.counts.submitted >= 1);
      assert.ok(!JSON.stringify(queue).includes('11010519491231002X'), 'no ID number in the list');

      const opened = await staffCase(code);
      assert.equal(opened.applicant.name, '张三', 'the case shows the full request');
      assert.deepEqual(opened.actions, ['accept', 'request-supplement']);
      assert.deepEqual(
        opened.attachments.map((a) => a.name),
        ['身份证.pdf'],
      );
      const proofDownload = await staff.clerk.request('GET', `/staff/applications/${code}/files/${proof.id}`);
      assert.equal(proofDownload.status, 200);
      assert.match(proofDownload.headers.get('content-disposition')!, /^attachment;/);
      assert.equal(proofDownload.headers.get('content-type'), 'application/octet-stream');
      assert.equal(proofDownload.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await proofDownload.arrayBuffer()), idCard);
      await problem(await staff.admin.request('GET', `/staff/applications/${code}/files/${proof.id}`), 403);
      await problem(await new StaffClient(app).request('GET', `/staff/applications/${code}/files/${proof.id}`), 401);
      await problem(await citizen(`/applications/${code}/files/${proof.id}`, { phone: PHONE }), 404);

      setDay('2025-09-29');
      const accepted = await step('clerk', code, 'accept', { receivedOn: '2025-09-28', reason: '电话确认' });
      assert.equal(accepted.status, 'accepted');
      assert.equal(accepted.clock.receivedOn, '2025-09-28', '9-28 was a 调休 working Sunday: confirmed by phone that day');
      assert.equal(accepted.clock.dueDate, replyDueDate('2025-09-28'));
      assert.deepEqual(accepted.actions, ['consult', 'request-extension', 'answer']);

      setDay('2025-10-20');
      const asked = await step('clerk', code, 'request-extension', { days: 20, reason: '需要调取多年档案' });
      assert.equal(asked.extension?.decision, 'pending');
      assert.equal(asked.waiting, 'head-approval');
      assert.ok(!asked.actions.includes('decide-extension'), 'a clerk is never offered the approval');
      const refused = await problem(await act('clerk', code, 'decide-extension', { approve: true }), 403);
      assert.equal(refused.type, 'urn:zwgk:problem:role-forbidden');
      assert.ok((await staffCase(code, 'head')).actions.includes('decide-extension'));
      const approved = await step('head', code, 'decide-extension', { approve: true });
      assert.equal(approved.status, 'extended');
      assert.equal(approved.clock.limit, 40);
      assert.equal(approved.clock.dueDate, replyDueDate('2025-09-28', { extended: true }));
      const publicExtended = await publicView(code);
      assert.equal(publicExtended.dueDate, approved.clock.dueDate);
      assert.equal(publicExtended.timeline.at(-1)!.note, '需要调取多年档案', 'the applicant is told why (art. 33)');

      const released = await upload('/api/staff/files', '%PDF-1.7 released', '2020年政务公开工作要点.pdf', staff.clerk);
      assert.equal(released.status, 201, await released.clone().text());
      const file = (await released.json()) as AttachmentReceipt;
      assert.match(file.id, /^rf-/);
      assert.equal(file.type, 'application/pdf');
      assert.equal((await upload('/api/staff/files', '<html><script>alert(1)</script>', 'x.html', staff.clerk)).status, 415);
      assert.equal((await upload('/api/staff/files', 'PK\u0003\u0004rest', '表格.xlsx', staff.clerk)).status, 201);

      setDay('2025-11-03');
      const draft = (await (
        await staff.clerk.request('POST', `/staff/applications/${code}/answer-letter`, { outcome: '3.1', files: [file.name] })
      ).json()) as AnswerLetter;
      assert.match(draft.facts, /2025年9月28日收到/);
      assert.match(draft.decision, /2020年政务公开工作要点\.pdf/);
      const letter = { ...draft, docNo: '闽商务依申〔2025〕12号' };
      await problem(await act('clerk', code, 'answer', { outcome: '3.1', files: [proof.id] }), 422);
      await problem(await act('clerk', code, 'answer', { outcome: '3.1', files: [file.id], letter: { ...letter, remedies: '' } }), 422);
      const answered = await step('clerk', code, 'answer', { outcome: '3.1', files: [file.id], letter });
      assert.equal(answered.status, 'answered');
      assert.equal(answered.clock.state, 'stopped');
      assert.deepEqual(answered.answer?.letter, letter, 'stored as issued, with the edit');
      assert.deepEqual(answered.actions, ['close']);

      const seen = await publicView(code);
      assert.equal(seen.outcome, '3.1');
      assert.deepEqual(
        seen.documents?.files.map((f) => f.id),
        [file.id],
      );
      assert.ok(!JSON.stringify(seen).includes('电话确认'), 'no staff-internal reason in the public view');
      const letterDownload = await citizen(`/applications/${code}/answer-letter`, { phone: '139 1234 5678' });
      assert.equal(letterDownload.status, 200);
      assert.match(letterDownload.headers.get('content-disposition')!, /^attachment; filename=".*"; filename\*=UTF-8''/);
      assert.equal(letterDownload.headers.get('content-type'), 'text/plain; charset=utf-8');
      const text = await letterDownload.text();
      for (const element of Object.values(letter)) assert.ok(text.includes(element), `the downloaded letter has ${element}`);
      const fileDownload = await citizen(`/applications/${code}/files/${file.id}`, { phone: PHONE });
      assert.equal(await fileDownload.text(), '%PDF-1.7 released');
      assert.match(fileDownload.headers.get('content-disposition')!, /^attachment;/);
      // A wrong phone downloads nothing, and looks like an unknown code.
      const wrong = await problem(await citizen(`/applications/${code}/answer-letter`, { phone: '13900000000' }), 404);
      const unknown = await problem(await citizen(`/applications/YS-NOSUCHCODE/answer-letter`, { phone: PHONE }), 404);
      assert.deepEqual(wrong, unknown);
      await problem(await citizen(`/applications/${code}/files/${file.id}`, { phone: '13900000000' }), 404);
      await problem(await citizen(`/applications/${code}/files/${file.id}`, {}), 422);

      const closed = await step('head', code, 'close', { reason: '已送达' });
      assert.equal(closed.status, 'closed');
      assert.deepEqual(closed.actions, []);

      // The audit trail: every step, who, when, why, before and after.
      assert.deepEqual(
        closed.timeline.map((e) => [
          e.action,
          e.actor.kind === 'staff' ? e.actor.name : e.actor.kind,
          e.before?.status ?? null,
          e.after.status,
        ]),
        [
          ['submit', 'applicant', null, 'submitted'],
          ['accept', 'clerk', 'submitted', 'accepted'],
          ['request-extension', 'clerk', 'accepted', 'accepted'],
          ['decide-extension', 'head', 'accepted', 'extended'],
          ['answer', 'clerk', 'extended', 'answered'],
          ['close', 'head', 'answered', 'closed'],
        ],
      );
      assert.equal(closed.timeline[1]!.reason, '电话确认');
      assert.equal(closed.timeline[1]!.after.receivedOn, '2025-09-28');
      assert.equal(closed.timeline[2]!.after.extension?.decision, 'pending');
      assert.equal(closed.timeline[3]!.after.extension?.decision, 'approved');
      assert.equal(closed.timeline[5]!.at, '2025-11-03T02:00:00.000Z');
    });

    /** A fresh case brought to a state through the API. */
    async function caseIn(state: string): Promise<string> {
      setDay('2025-03-10');
      const code = await submit();
      if (state === 'submitted') return code;
      if (state === 'supplement-requested') {
        await step('clerk', code, 'request-supplement', { triggers: ['description-unclear'], periodDays: 10 });
        return code;
      }
      await step('clerk', code, 'accept');
      if (state === 'accepted') return code;
      if (state === 'extension-pending') {
        await step('clerk', code, 'request-extension', { days: 10, reason: '情况复杂' });
        return code;
      }
      if (state === 'consulting') {
        await step('clerk', code, 'consult', { party: '某科技有限公司' });
        return code;
      }
      if (state === 'extended') {
        await step('clerk', code, 'request-extension', { days: 10, reason: '情况复杂' });
        await step('head', code, 'decide-extension', { approve: true });
        return code;
      }
      if (state === 'withdrawn') {
        const response = await citizen(`/applications/${code}/withdrawal`, { phone: PHONE }, { 'Idempotency-Key': key() });
        assert.equal(response.status, 200);
        return code;
      }
      await step('clerk', code, 'answer', { outcome: '3.1', files: [] });
      if (state === 'answered') return code;
      await step('clerk', code, 'close');
      return code;
    }

    const BODIES: Record<StaffAction, unknown> = {
      accept: {},
      'request-supplement': { triggers: ['description-unclear'], periodDays: 10 },
      'record-supplement': { text: '补充了文号' },
      consult: { party: '某科技有限公司' },
      'record-consultation-reply': { reply: '第三方同意公开' },
      'request-extension': { days: 20, reason: '需要协调' },
      'decide-extension': { approve: true },
      answer: { outcome: '3.1', files: [] },
      close: {},
      abandon: {},
    };

    /** What each state allows (the 补正 period has not ended in these cases, so 视为放弃 is never legal here). */
    const LEGAL: Record<string, StaffAction[]> = {
      submitted: ['accept', 'request-supplement'],
      'supplement-requested': ['record-supplement'],
      accepted: ['consult', 'request-extension', 'answer'],
      'extension-pending': ['consult', 'decide-extension', 'answer'],
      consulting: ['record-consultation-reply', 'request-extension'],
      extended: ['consult', 'answer'],
      answered: ['close'],
      closed: [],
      withdrawn: [],
    };

    test('every step in every state, per role: legal ones succeed, others are 409; the wrong role is 403 whatever the state', async () => {
      for (const [state, legal] of Object.entries(LEGAL)) {
        const shared = await caseIn(state);
        for (const role of ['clerk', 'head'] as const) {
          const offered = (await staffCase(shared, role)).actions;
          const expected = legal.filter((a) => role === 'head' || a !== 'decide-extension');
          assert.deepEqual(offered, expected, `${state}: the desk offers exactly the legal steps to a ${role}`);
        }
        for (const action of STAFF_ACTIONS) {
          // An administrator handles no case; a clerk never approves an extension.
          assert.equal((await act('admin', shared, action, BODIES[action])).status, 403, `admin ${action} in ${state}`);
          if (action === 'decide-extension')
            assert.equal((await act('clerk', shared, action, BODIES[action])).status, 403, `clerk ${action}`);
          if (!legal.includes(action)) {
            const who = action === 'decide-extension' ? 'head' : 'clerk';
            const refused = await problem(await act(who, shared, action, BODIES[action]), 409);
            assert.equal(refused.type, 'urn:zwgk:problem:illegal-transition', `${action} in ${state}`);
            assert.ok(refused.detail, 'the refusal says why');
          }
        }
        const audit = (await staffCase(shared)).timeline.length;
        for (const action of legal) {
          const fresh = await caseIn(state);
          const who = action === 'decide-extension' ? 'head' : 'clerk';
          const before = (await staffCase(fresh)).timeline.length;
          const after = await step(who, fresh, action, BODIES[action]);
          assert.equal(after.timeline.length, before + 1, `${action} in ${state} writes one audit row`);
          assert.equal(after.timeline.at(-1)!.action, action);
        }
        assert.equal((await staffCase(shared)).timeline.length, audit, 'refused steps wrote no audit row');
      }
    });

    test('a step answers once per Idempotency-Key; the same key with another body is 409', async () => {
      const code = await caseIn('submitted');
      const idem = key();
      const first = await act('clerk', code, 'accept', { reason: 'a' }, idem);
      assert.equal(first.status, 200);
      const again = await act('clerk', code, 'accept', { reason: 'a' }, idem);
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await again.json(), await first.json());
      await problem(await act('clerk', code, 'accept', { reason: 'b' }, idem), 409);
      await problem(await staff.clerk.request('POST', `/staff/applications/${code}/close`, {}), 400);
      assert.equal((await staffCase(code)).timeline.filter((e) => e.action === 'accept').length, 1);
    });

    test('bad bodies are 422 with the field, never 500', async () => {
      const code = await caseIn('submitted');
      const fields = async (action: StaffAction, body: unknown) =>
        (await problem(await act('clerk', code, action, body), 422)).errors?.map((e) => e.field);
      assert.deepEqual(await fields('request-supplement', { triggers: [] }), ['/triggers']);
      assert.deepEqual(await fields('request-supplement', { triggers: ['nope'] }), ['/triggers']);
      assert.deepEqual(await fields('request-supplement', { triggers: ['contact'], periodDays: 16 }), ['/periodDays']);
      assert.deepEqual(await fields('accept', { receivedOn: '2099-01-01' }), ['/receivedOn']);
      assert.deepEqual(await fields('accept', { receivedOn: '2025-03-09' }), ['/receivedOn'], 'not before submission');
      assert.deepEqual(await fields('accept', { bogus: 1 }), ['/bogus']);
      assert.equal((await act('clerk', code, 'accept', [1, 2])).status, 422);
      const raw = await staff.clerk.request('POST', `/staff/applications/${code}/accept`, undefined, {
        'Idempotency-Key': key(),
        'Content-Type': 'application/json',
      });
      assert.equal(raw.status, 400);
      await problem(await act('clerk', 'YS-NOSUCHCODE', 'accept'), 404);
      await problem(await staff.clerk.request('GET', '/staff/applications?status=nope'), 400);
      await problem(await staff.clerk.request('GET', '/staff/applications?dueWithin=soon'), 400);
    });

    test('补正 stops the clock; the applicant answers it online and the 20 days start again from that day', async () => {
      setDay('2025-03-10');
      const code = await submit();
      setDay('2025-03-12');
      const asked = await step('clerk', code, 'request-supplement', {
        triggers: ['description-unclear', 'identity-proof'],
        detail: '请写明文件的文号',
        periodDays: 15,
        receivedOn: '2025-03-10',
        reason: '内部：与科室核对过',
      });
      assert.equal(asked.clock.state, 'paused-supplement');
      assert.equal(asked.clock.receivedOn, '2025-03-10');
      assert.equal(asked.supplement?.dueOn, addWorkingDays('2025-03-12', 15));
      const waiting = await publicView(code);
      assert.equal(waiting.status, 'supplement-requested');
      assert.deepEqual(waiting.supplement, {
        triggers: ['description-unclear', 'identity-proof'],
        detail: '请写明文件的文号',
        dueOn: asked.supplement!.dueOn,
      });
      assert.equal(waiting.dueDate, null);
      assert.ok(!JSON.stringify(waiting).includes('内部'), 'staff-internal notes never reach the public status');

      setDay('2025-03-20');
      const copy = (await (await upload('/api/attachments', samplePdf(), '身份证明.pdf', null)).json()) as AttachmentReceipt;
      const idem = key();
      await problem(
        await citizen(`/applications/${code}/supplement`, { phone: '13900000000', text: 'x' }, { 'Idempotency-Key': key() }),
        404,
      );
      await problem(
        await citizen(
          `/applications/${code}/supplement`,
          { phone: PHONE, text: 'x', attachments: ['rf-nope'] },
          { 'Idempotency-Key': key() },
        ),
        422,
      );
      const answered = await citizen(
        `/applications/${code}/supplement`,
        { phone: PHONE, text: '文号为闽商务〔2020〕76号', attachments: [copy.id] },
        { 'Idempotency-Key': idem },
      );
      assert.equal(answered.status, 200, await answered.clone().text());
      const view = (await answered.json()) as ApplicationStatusView;
      assert.equal(view.status, 'accepted');
      assert.equal(view.dueDate, replyDueDate('2025-03-20'), 'the clock restarts on the day the supplement arrives (art. 30)');
      assert.equal(view.workingDaysLeft, 20);
      const replay = await citizen(
        `/applications/${code}/supplement`,
        { phone: PHONE, text: '文号为闽商务〔2020〕76号', attachments: [copy.id] },
        { 'Idempotency-Key': idem },
      );
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      await problem(await citizen(`/applications/${code}/supplement`, { phone: PHONE, text: 'again' }, { 'Idempotency-Key': key() }), 409);

      const restarted = await staffCase(code);
      assert.equal(restarted.supplement?.receivedOn, '2025-03-20');
      assert.deepEqual(
        restarted.supplement?.attachments.map((a) => a.id),
        [copy.id],
      );
      assert.equal(restarted.clock.countFrom, '2025-03-20');
      assert.equal((await staff.clerk.request('GET', `/staff/applications/${code}/files/${copy.id}`)).status, 200);
      assert.equal(restarted.timeline.at(-1)!.action, 'supplement');
      assert.deepEqual(restarted.timeline.at(-1)!.actor, { kind: 'applicant' });
      // 补正后申请内容仍不明确 (3.4.3) is now an answer it can have.
      const answer = await step('clerk', code, 'answer', { outcome: '3.4.3', files: [] });
      assert.match(answer.answer!.letter.facts, /告知您补正申请，于2025年3月20日收到您的补正/);
    });

    test('answering while an extension awaits the head ends the wait: the answered case waits on no one', async () => {
      const code = await caseIn('extension-pending');
      assert.equal((await staffCase(code)).waiting, 'head-approval');
      const answered = await step('clerk', code, 'answer', { outcome: '3.1', files: [] });
      assert.equal(answered.waiting, null);
      assert.deepEqual(answered.actions, ['close']);
    });

    test('3.4.3 needs a supplement first; 3.6.1 is only by 视为放弃', async () => {
      const code = await caseIn('accepted');
      await problem(await act('clerk', code, 'answer', { outcome: '3.4.3', files: [] }), 422);
      await problem(await act('clerk', code, 'answer', { outcome: '3.6.1', files: [] }), 422);
    });

    test('the 补正 request must come within 7 working days of receipt', async () => {
      setDay('2025-03-10');
      const code = await submit();
      setDay('2025-03-20');
      const late = await problem(await act('clerk', code, 'request-supplement', { triggers: ['contact'], receivedOn: '2025-03-10' }), 409);
      assert.match(late.detail!, /7 working days/);
      await step('clerk', code, 'request-supplement', { triggers: ['contact'], receivedOn: '2025-03-11' });
    });

    test('视为放弃 is recorded by the system once the 补正 period ends, dated the day after it; table 三 counts it under 3.6.1', async () => {
      setDay('2026-03-02');
      const code = await submit();
      const asked = await step('clerk', code, 'request-supplement', { triggers: ['contact'], periodDays: 5 });
      assert.equal(asked.supplement!.dueOn, '2026-03-09');
      setDay('2026-03-09');
      assert.equal((await publicView(code)).status, 'supplement-requested', 'the last day still counts');
      await problem(await act('clerk', code, 'abandon'), 409);
      setDay('2026-03-12');
      const queue = (await (await staff.clerk.request('GET', `/staff/applications?q=${code}`)).json()) as QueuePage;
      assert.equal(queue.items[0]!.status, 'answered');
      const lapsed = await staffCase(code);
      assert.equal(lapsed.answer?.outcome, '3.6.1');
      assert.equal(lapsed.answer?.answeredOn, '2026-03-10');
      const row = lapsed.timeline.at(-1)!;
      assert.deepEqual(
        [row.action, row.actor, row.before?.status, row.after.status],
        ['abandon', { kind: 'system' }, 'supplement-requested', 'answered'],
      );
      assert.equal(lapsed.timeline.filter((e) => e.action === 'abandon').length, 1, 'recorded once, however often it is read');
      await problem(
        await citizen(`/applications/${code}/supplement`, { phone: PHONE, text: '迟到的补正' }, { 'Idempotency-Key': key() }),
        409,
      );
      const table = (await (await app.request('/api/applications/stats?year=2026')).json()) as Record<string, number[]>;
      assert.ok(table['3.6.1']![0]! >= 1);
      // A clerk can record it by hand too, once due, before any read did.
      setDay('2026-03-02');
      const other = await submit();
      await step('clerk', other, 'request-supplement', { triggers: ['contact'], periodDays: 1 });
      setDay('2026-03-04');
      const byHand = await step('clerk', other, 'abandon', { reason: '逾期未补正' });
      assert.equal(byHand.answer?.outcome, '3.6.1');
      assert.deepEqual(byHand.timeline.at(-1)!.actor.kind, 'staff');
    });

    test('a consultation pauses the count from the day after it starts to the day its reply is recorded', async () => {
      setDay('2025-03-10');
      const code = await submit();
      await step('clerk', code, 'accept');
      setDay('2025-03-12');
      const consulting = await step('clerk', code, 'consult', { party: '福州某科技有限公司（第三方）' });
      assert.equal(consulting.clock.state, 'paused-consultation');
      assert.equal(consulting.clock.consultationDueDate, addWorkingDays('2025-03-12', 15));
      assert.equal(consulting.waiting, 'third-party');
      assert.equal((await publicView(code)).workingDaysLeft, null);
      await problem(await act('clerk', code, 'answer', { outcome: '3.1', files: [] }), 409);
      setDay('2025-03-19');
      const replied = await step('clerk', code, 'record-consultation-reply', { reply: '第三方不同意公开' });
      assert.equal(replied.clock.state, 'running');
      assert.equal(replied.clock.dueDate, addWorkingDays('2025-03-10', 25), '5 working days paused');
      assert.equal(replied.consultations[0]!.reply, '第三方不同意公开');
      assert.deepEqual(
        replied.clock.days
          .filter((d) => d.pause === 'consultation')
          .map((d) => d.date)
          .slice(0, 2),
        ['2025-03-13', '2025-03-14'],
      );
    });

    test('the queue filters by status, due within N working days, overdue and text, counts per status and pages by urgency', async () => {
      setDay('2027-06-01');
      const q = `filter-${Date.now()}`;
      const soon = await submit(sampleApplication({ request: { title: `${q} 甲` } }));
      setDay('2027-06-25');
      const later = await submit(sampleApplication({ request: { title: `${q} 乙` } }));
      const org = await submit({ ...sampleOrganizationApplication('commercial'), request: { title: `${q} 丙` } });
      await step('clerk', org, 'request-supplement', { triggers: ['contact'] });
      const get = async (query: string) =>
        (await (await staff.clerk.request('GET', `/staff/applications?q=${encodeURIComponent(q)}&${query}`)).json()) as QueuePage;
      const all = await get('');
      assert.deepEqual(
        all.items.map((i) => i.trackingCode),
        [soon, later, org],
        'most urgent first, waiting on the applicant last',
      );
      assert.equal(all.items[2]!.applicantName, '福州示例贸易有限公司', 'an organisation is not masked');
      assert.equal(all.items[2]!.waiting, 'applicant-supplement');
      assert.deepEqual(
        (await get('status=supplement-requested')).items.map((i) => i.trackingCode),
        [org],
      );
      assert.deepEqual(
        (await get('dueWithin=5')).items.map((i) => i.trackingCode),
        [soon],
      );
      setDay('2027-07-05');
      assert.deepEqual(
        (await get('overdue=1')).items.map((i) => i.trackingCode),
        [soon],
      );
      assert.ok((await get('')).overdue >= 1);
      const paged = await get('pageSize=2&page=2');
      assert.deepEqual([paged.total, paged.items.length, paged.page], [3, 1, 2]);
      assert.equal((await get('sort=received')).items.at(-1)!.trackingCode, soon, 'newest first: the oldest last');
      const byName = (await (
        await staff.clerk.request('GET', `/staff/applications?q=${encodeURIComponent('福州示例')}`)
      ).json()) as QueuePage;
      assert.ok(byName.items.some((i) => i.trackingCode === org));
      const byCode = (await (await staff.clerk.request('GET', `/staff/applications?q=${later.toLowerCase()}`)).json()) as QueuePage;
      assert.deepEqual(
        byCode.items.map((i) => i.trackingCode),
        [later],
      );
      const hostile = await staff.clerk.request('GET', `/staff/applications?q=${encodeURIComponent("%_'\\")}`);
      assert.equal(hostile.status, 200);
    });

    test('the applicant withdraws an open request with the phone; a wrong phone changes nothing', async () => {
      const code = await caseIn('accepted');
      await problem(await citizen(`/applications/${code}/withdrawal`, { phone: '13900000000' }, { 'Idempotency-Key': key() }), 404);
      assert.equal((await publicView(code)).status, 'accepted');
      const response = await citizen(
        `/applications/${code}/withdrawal`,
        { phone: PHONE, reason: '已从别处获得' },
        { 'Idempotency-Key': key() },
      );
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as ApplicationStatusView).status, 'withdrawn');
      await problem(await citizen(`/applications/${code}/withdrawal`, { phone: PHONE }, { 'Idempotency-Key': key() }), 409);
      const audit = (await staffCase(code)).timeline.at(-1)!;
      assert.deepEqual([audit.action, audit.actor.kind, audit.reason], ['withdraw', 'applicant', '已从别处获得']);
    });

    test('a status change writes its notification event in the same transaction; a refused step or a consultation writes none', async () => {
      const events = async (code: string) =>
        (await db.query<{ type: string }>(`SELECT type FROM outbox_events WHERE case_id = $1 ORDER BY id`, [code])).map((r) => r.type);
      const code = await caseIn('submitted');
      assert.deepEqual(await events(code), ['application.created']);
      await step('clerk', code, 'accept');
      await problem(await act('clerk', code, 'accept'), 409);
      await step('clerk', code, 'consult', { party: '第三方' });
      assert.deepEqual(await events(code), ['application.created', 'application.status-changed']);
      const [payload] = await db.query<{ payload: { change: { from: string; to: string } } }>(
        `SELECT payload FROM outbox_events WHERE case_id = $1 AND type = 'application.status-changed'`,
        [code],
      );
      assert.deepEqual([payload!.payload.change.from, payload!.payload.change.to], ['submitted', 'accepted']);
    });

    test('the audit trail is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const code = await caseIn('accepted');
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE tracking_code = $1`, [code]);
      assert.equal(row!.n, 2);
      await assert.rejects(db.query(`UPDATE audit_log SET reason = 'rewritten' WHERE tracking_code = $1`, [code]), /append-only/);
      await assert.rejects(db.query(`DELETE FROM audit_log WHERE tracking_code = $1`, [code]), /append-only/);
      await assert.rejects(db.query(`TRUNCATE audit_log`), /append-only|foreign key|cannot truncate/);
      const [still] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE tracking_code = $1`, [code]);
      assert.equal(still!.n, 2);
    });

    test('行政复议 and 行政诉讼 are recorded on a case and counted per year for table 四', async () => {
      const code = await caseIn('answered');
      setDay('2028-02-01');
      const record = async (body: unknown, idem = key()) =>
        staff.clerk.request('POST', `/staff/applications/${code}/appeals`, body, { 'Idempotency-Key': idem });
      const idem = key();
      const first = await record({ kind: 'reconsideration', result: 'pending', filedOn: '2028-01-15' }, idem);
      assert.equal(first.status, 201);
      const appeal = (await first.json()) as Appeal;
      assert.equal(
        (await record({ kind: 'reconsideration', result: 'pending', filedOn: '2028-01-15' }, idem)).headers.get('idempotent-replayed'),
        'true',
      );
      await problem(await record({ kind: 'litigation', result: 'upheld', filedOn: '2028-01-20' }), 422);
      assert.equal(
        (await record({ kind: 'litigation', route: 'direct', result: 'corrected', filedOn: '2028-01-20', decidedOn: '2028-01-30' })).status,
        201,
      );
      assert.equal(
        (await record({ kind: 'litigation', route: 'after-reconsideration', result: 'other', filedOn: '2028-01-21' })).status,
        201,
      );
      const updated = await staff.head.request('PATCH', `/staff/applications/${code}/appeals/${appeal.id}`, {
        result: 'upheld',
        decidedOn: '2028-01-31',
      });
      assert.equal(((await updated.json()) as Appeal).result, 'upheld');
      const table = (await (await staff.head.request('GET', '/staff/appeals/stats?year=2028')).json()) as AppealsTable;
      assert.deepEqual(table, [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
      const actions = (await staffCase(code)).timeline.map((e) => e.action);
      assert.deepEqual(actions.slice(-4), ['record-appeal', 'record-appeal', 'record-appeal', 'update-appeal']);
      await problem(
        await staff.admin.request(
          'POST',
          `/staff/applications/${code}/appeals`,
          { kind: 'reconsideration', result: 'pending', filedOn: '2028-01-15' },
          { 'Idempotency-Key': key() },
        ),
        403,
      );
    });

    test('an administrator enters next year’s calendar: stored, used at once, the November warning goes, provisional deadlines become exact', async () => {
      // The calendar is process-wide and the PGlite run entered 2027 already: each backend takes the next unknown year.
      const next = Math.max(
        2027,
        ...calendarYears()
          .filter((y) => y >= 2027)
          .map((y) => y + 1),
      );
      const arrangement = (year: number) => ({
        holidays: [`${year}-01-01`, `${year}-01-02`, `${year}-01-03`],
        workdays: [],
        notice: `国办发明电〔${year - 1}〕9号`,
      });
      if (!calendarYears().includes(next - 1))
        assert.equal((await staff.admin.request('PUT', `/staff/calendar/${next - 1}`, arrangement(next - 1))).status, 200);
      setDay(`${next - 1}-11-02`);
      const overview = (await (await staff.clerk.request('GET', '/staff/calendar')).json()) as CalendarOverview;
      assert.deepEqual(overview.notice, { missingYear: next });
      assert.ok(overview.years.find((y) => y.year === 2026)!.holidays.includes('2026-10-01'));
      assert.equal(overview.years.find((y) => y.year === 2026)!.source, 'built-in');
      setDay(`${next - 1}-12-15`);
      const code = await submit();
      await step('clerk', code, 'accept');
      const estimate = await staffCase(code);
      assert.equal(estimate.clock.provisional, true);
      assert.equal(estimate.clock.dueDate, `${next}-01-12`, 'Monday–Friday meanwhile');
      assert.equal((await publicView(code)).dueDateProvisional, true);
      const body = arrangement(next);
      await problem(await staff.clerk.request('PUT', `/staff/calendar/${next}`, body), 403);
      await problem(await staff.admin.request('PUT', `/staff/calendar/${next}`, { ...body, workdays: [`${next}-01-05`] }), 422);
      await problem(await staff.admin.request('PUT', `/staff/calendar/${next}`, { ...body, notice: '' }), 422);
      const put = await staff.admin.request('PUT', `/staff/calendar/${next}`, body);
      assert.equal(put.status, 200, await put.clone().text());
      const exact = await staffCase(code);
      assert.equal(exact.clock.provisional, false);
      assert.equal(exact.clock.dueDate, `${next}-01-13`);
      assert.equal((await publicView(code)).dueDateProvisional, undefined);
      const [stored] = await db.query<{ notice: string }>(`SELECT notice FROM calendar_years WHERE year = $1`, [next]);
      assert.equal(stored!.notice, body.notice);
      setDay(`${next - 1}-11-02`);
      const after = (await (await staff.clerk.request('GET', '/staff/calendar')).json()) as CalendarOverview;
      assert.equal(after.notice, null);
      assert.equal(after.years.find((y) => y.year === next)!.source, 'office');
    });

    test('table 三 stays exact: cases walked through every outcome, withdrawn and open pass R1–R3', async () => {
      const year = 2029;
      setDay(`${year}-02-01`);
      const walk: { code: string; outcome: OutcomeId | 'withdrawn' | 'open' }[] = [];
      const orgTypes = ['commercial', 'research', 'social-welfare', 'legal-services', 'other'] as const;
      for (const [i, outcome] of [...OUTCOME_IDS, 'withdrawn', 'open', 'open'].entries()) {
        const body = i % 3 === 0 ? sampleApplication() : sampleOrganizationApplication(orgTypes[i % 5]!, PHONE);
        walk.push({ code: await submit(body), outcome: outcome as OutcomeId });
      }
      for (const { code, outcome } of walk) {
        setDay(`${year}-02-02`);
        if (outcome === 'open') continue;
        if (outcome === 'withdrawn') {
          assert.equal((await citizen(`/applications/${code}/withdrawal`, { phone: PHONE }, { 'Idempotency-Key': key() })).status, 200);
        } else if (outcome === '3.6.1') {
          await step('clerk', code, 'request-supplement', { triggers: ['contact'], periodDays: 3 });
        } else if (outcome === '3.4.3') {
          await step('clerk', code, 'request-supplement', { triggers: ['description-unclear'] });
          await citizen(`/applications/${code}/supplement`, { phone: PHONE, text: '补充' }, { 'Idempotency-Key': key() });
          await step('clerk', code, 'answer', { outcome, files: [] });
        } else {
          await step('clerk', code, 'accept');
          await step('clerk', code, 'answer', { outcome, files: [] });
        }
      }
      setDay(`${year}-03-01`);
      const table = (await (await app.request(`/api/applications/stats?year=${year}`)).json()) as Requests2021;
      for (const id of OUTCOME_IDS) assert.ok(table[id]![6]! >= (id === '3.6.3' ? 2 : 1), `row ${id} counts its case`);
      const doc = { ...structuredClone(pingtan2024), year, requests: table };
      const broken = checkReport(doc).filter((f) => f.severity === 'error' && ['R1', 'R2', 'R3'].includes(f.rule));
      assert.deepEqual(broken, []);
      // The check does catch a wrong table.
      const tampered = structuredClone(doc);
      tampered.requests['3.1']![6]! += 1;
      assert.ok(checkReport(tampered).some((f) => f.severity === 'error' && f.rule === 'R3'));
    });
  });
}
