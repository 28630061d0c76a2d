// 年度报告编制 through the HTTP API, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: the prefilled
// draft and its sources, autosave that refuses lost updates, review and publishing by a head, the
// immutability of a published version, corrections as new versions and the public history.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { PublishedVersion, ReportVersion, StaffReportYear } from '../../src/api/types/report-draft.js';
import type { AnnualReport, AnnualReport2021 } from '../../src/api/types/report.js';
import type { DisclosureItem } from '../../src/api/types/directory.js';
import { pingtan2024, fujianCommerce2020 } from '../../src/core/report/fixtures/index.js';
import { createApp } from '../../src/server/app.js';
import { addStaffAccount } from '../../src/server/staff/accounts.js';
import { openStorage } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';
import { sampleApplication, sampleOrganizationApplication } from '../../src/server/testing.js';
import { storageBackends } from './storage-backends.js';

const ADMIN = 'admin-secret-for-tests';
type Role = 'clerk' | 'head' | 'admin';
const ACCOUNTS: Record<Role, { name: string; password: string }> = {
  clerk: { name: 'report-clerk', password: 'clerk-password-for-tests' },
  head: { name: 'report-head', password: 'head-password-for-tests' },
  admin: { name: 'report-admin', password: 'admin-password-for-tests' },
};
const CLERK = ACCOUNTS.clerk;
const HEAD = ACCOUNTS.head;

/** Last year's report, carrying two applications over into 2025 (this system knows of none). */
const report2024: AnnualReport = { ...pingtan2024, requests: { ...pingtan2024.requests, '4': [2, 0, 0, 0, 0, 0, 2] } };

const directory: DisclosureItem[] = [
  {
    id: 'd1',
    indexNo: 'X/2025-1',
    title: '关于便利店发展的通知',
    url: '/d1',
    publisher: '福建省商务厅',
    category: '商贸',
    publishedAt: '2025-03-01',
    keywords: ['规范性文件'],
  },
  {
    id: 'd2',
    indexNo: 'X/2024-1',
    title: '关于成品油市场的通知',
    url: '/d2',
    publisher: '福建省商务厅',
    category: '商贸',
    publishedAt: '2024-06-01',
    keywords: ['规范性文件'],
  },
  {
    id: 'd3',
    indexNo: 'X/2023-1',
    title: '关于会展的通知',
    url: '/d3',
    publisher: '福建省商务厅',
    category: '商贸',
    publishedAt: '2023-06-01',
    keywords: ['规范性文件'],
    validity: '废止',
  },
  { id: 'd4', indexNo: 'X/2025-2', title: '工作动态', url: '/d4', publisher: '福建省商务厅', category: '商贸', publishedAt: '2025-05-01' },
];

const backends = storageBackends('zwgk_reports');

for (const backend of backends) {
  describe(`annual report authoring on ${backend.name}`, () => {
    let storage: Storage;
    let app: Hono;
    let clock = new Date('2025-03-10T02:00:00Z');
    let keys = 0;

    /** Signed-in sessions (cookie and CSRF token) by role. */
    const sessions = new Map<Role, { cookie: string; csrf: string }>();
    const roleOf = (account: { name: string }) => (Object.keys(ACCOUNTS) as Role[]).find((r) => ACCOUNTS[r].name === account.name)!;
    const sessionHeaders = (account: { name: string } | null | undefined): Record<string, string> => {
      if (account === null) return {};
      const session = sessions.get(roleOf(account ?? CLERK))!;
      return { Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
    };
    type CallInit = {
      method?: string;
      actor?: { name: string } | null;
      body?: unknown;
      ifMatch?: string;
      headers?: Record<string, string>;
    };
    const call = (path: string, init: CallInit = {}) =>
      app.request(`/api${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...sessionHeaders(init.actor),
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(init.ifMatch ? { 'If-Match': init.ifMatch } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });

    async function json<T>(response: Response, status: number): Promise<T> {
      assert.equal(response.status, status, await response.clone().text());
      return (await response.json()) as T;
    }

    /** Signs every account in (again after the clock moved past a session's life). */
    async function signIn(): Promise<void> {
      for (const role of Object.keys(ACCOUNTS) as Role[]) {
        const signedIn = await app.request('/api/staff/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(ACCOUNTS[role]),
        });
        const { csrfToken } = await json<{ csrfToken: string }>(signedIn, 200);
        sessions.set(role, { cookie: signedIn.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken });
      }
    }

    async function application(body = sampleApplication(), outcome?: string) {
      const created = await app.request('/api/applications', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `k-${++keys}` },
        body: JSON.stringify(body),
      });
      const { trackingCode } = await json<{ trackingCode: string }>(created, 201);
      if (!outcome) return trackingCode;
      for (const patch of [{ status: 'accepted' }, { status: 'answered', outcome }]) {
        const r = await app.request(`/api/admin/applications/${trackingCode}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
          body: JSON.stringify(patch),
        });
        assert.equal(r.status, 200, await r.text());
      }
      return trackingCode;
    }

    /** Records a 复议 or 诉讼 on a case through the desk's own endpoint. */
    async function appeal(code: string, body: Record<string, string>) {
      const response = await call(`/staff/applications/${code}/appeals`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': `ap-${++keys}` },
      });
      assert.equal(response.status, 201, await response.text());
    }

    before(async () => {
      storage = await openStorage(backend.config);
      app = createApp({
        storage,
        adminToken: ADMIN,
        corsOrigins: [],
        rateLimit: false,
        now: () => clock,
        reports: [report2024, fujianCommerce2020],
        directoryItems: directory,
      });
      for (const role of Object.keys(ACCOUNTS) as Role[]) {
        await addStaffAccount(storage, { name: ACCOUNTS[role].name, role, password: ACCOUNTS[role].password });
      }
      // 2025: three applications, two answered (予以公开 by a person, 不予公开 4 by a company), one still open.
      await application(sampleApplication(), '3.1');
      const refused = await application(sampleOrganizationApplication('commercial'), '3.3.4');
      await application();
      clock = new Date('2026-01-12T02:00:00Z');
      await signIn();
      // The company appealed: a 复议 still pending, and a suit filed directly and upheld.
      await appeal(refused, { kind: 'reconsideration', result: 'pending', filedOn: '2025-11-03' });
      await appeal(refused, { kind: 'litigation', route: 'direct', result: 'upheld', filedOn: '2025-12-01', decidedOn: '2026-01-05' });
    });
    after(async () => {
      await storage?.close();
      await backend.cleanup?.();
    });

    let draft: ReportVersion;

    test('a year opens empty, and the first draft is prefilled with the source of every filled cell', async () => {
      const empty = await json<StaffReportYear>(await call('/staff/reports/2025'), 200);
      assert.equal(empty.format, '2021');
      assert.deepEqual(empty.versions, []);
      assert.equal(empty.previous?.year, 2024, 'last year’s report is there for R6');

      draft = await json<ReportVersion>(await call('/staff/reports/2025/draft', { method: 'POST', body: {} }), 201);
      const doc = draft.document as AnnualReport2021;
      assert.equal(draft.status, 'draft');
      assert.equal(doc.format, '2021');
      assert.deepEqual(doc.requests['1'], [2, 1, 0, 0, 0, 0, 3], '三 一: received in 2025 by applicant column');
      assert.deepEqual(doc.requests['3.1']?.slice(0, 2), [1, 0]);
      assert.deepEqual(doc.requests['3.3.4']?.slice(0, 2), [0, 1]);
      assert.deepEqual(doc.requests['4'], [1, 0, 0, 0, 0, 0, 1]);
      assert.equal(draft.sources['三|3.1|0']?.origin, 'applications');
      assert.equal(draft.sources['三|3.1|0']?.value, 1);
      // 二、上年结转 comes from the 2024 report's 四、结转下年度继续办理.
      assert.deepEqual(doc.requests['2'], [2, 0, 0, 0, 0, 0, 2]);
      assert.equal(draft.sources['三|2|6']?.origin, 'previous-report');
      // Table 二 (一) from the directory: normative documents published in 2025, and in force at year end.
      assert.deepEqual(doc.proactive.normativeDocuments, [1, null, 2]);
      assert.equal(draft.sources['二|normativeDocuments|0']?.origin, 'directory');
      assert.equal(draft.sources['二|normativeDocuments|1'], undefined, 'no repeal dates in the directory: left for hand entry');
      // Table 四 from the appeals recorded on cases in 2025.
      assert.deepEqual(doc.reviews.reconsideration, [0, 0, 0, 1, 1]);
      assert.deepEqual(doc.reviews.litigationDirect, [1, 0, 0, 0, 1]);
      assert.deepEqual(doc.reviews.litigationAfterReconsideration, [0, 0, 0, 0, 0]);
      assert.equal(draft.sources['四|reconsideration|3']?.origin, 'cases');

      const again = await call('/staff/reports/2025/draft', { method: 'POST', body: {} });
      assert.equal(again.status, 409, 'a second first draft is refused');
    });

    test('the format follows the year: 2019 format for 2020, none before 2019 or after this year', async () => {
      const y2020 = await json<StaffReportYear>(await call('/staff/reports/2020'), 200);
      assert.equal(y2020.format, '2019');
      assert.equal(
        (await call('/staff/reports/2020/draft', { method: 'POST', body: {} })).status,
        409,
        'the given 2020 report is not replaced',
      );
      assert.equal((await call('/staff/reports/2018')).status, 404);
      assert.equal((await call('/staff/reports/2027')).status, 404);
    });

    test('nobody signed in gets 401; an administrator may not draft', async () => {
      assert.equal((await call('/staff/reports/2025', { actor: null })).status, 401);
      const admin = await call('/staff/reports/2024/draft', { method: 'POST', body: {}, actor: ACCOUNTS.admin });
      assert.equal(admin.status, 403);
    });

    test('autosave needs the current ETag: a lost update is refused, and a bad document is 422', async () => {
      const path = `/staff/reports/2025/versions/${draft.version}`;
      const doc = structuredClone(draft.document) as AnnualReport2021;
      doc.sections.overview = '<p>2025年，我厅认真贯彻落实《中华人民共和国政府信息公开条例》。</p>';
      assert.equal((await call(path, { method: 'PUT', body: { document: doc } })).status, 428);

      const saved = await call(path, { method: 'PUT', body: { document: doc }, ifMatch: '"1.1"' });
      const first = await json<ReportVersion>(saved, 200);
      assert.equal(saved.headers.get('etag'), '"1.2"');
      assert.equal(first.document.sections.overview, doc.sections.overview);

      // A second tab still holding "1.1" must not overwrite it.
      const stale = await call(path, {
        method: 'PUT',
        body: { document: { ...doc, sections: { ...doc.sections, overview: '' } } },
        ifMatch: '"1.1"',
      });
      assert.equal(stale.status, 412);
      const reread = await json<StaffReportYear>(await call('/staff/reports/2025'), 200);
      assert.equal(reread.versions[0]?.document.sections.overview, doc.sections.overview);

      const wrongRow = await call(path, {
        method: 'PUT',
        body: { document: { ...doc, requests: { ...doc.requests, '3.6': [1, 0, 0, 0, 0, 0, 1] } } },
        ifMatch: '"1.2"',
      });
      const problem = await json<{ errors: { field: string }[] }>(wrongRow, 422);
      assert.ok(
        problem.errors.some((e) => e.field === '/document/requests/3.6'),
        JSON.stringify(problem),
      );
      const otherYear = await call(path, { method: 'PUT', body: { document: { ...doc, year: 2024 } }, ifMatch: '"1.2"' });
      assert.equal(otherYear.status, 422);
      draft = first;
    });

    test('a clerk submits; only a head publishes, and only a report without errors', async () => {
      const path = `/staff/reports/2025/versions/1`;
      const submitted = await json<ReportVersion>(await call(`${path}/submit`, { method: 'POST', ifMatch: '"1.2"' }), 200);
      assert.equal(submitted.status, 'review');
      assert.equal(submitted.submittedBy?.name, CLERK.name);
      assert.equal(
        (await call(path, { method: 'PUT', body: { document: submitted.document }, ifMatch: '"1.3"' })).status,
        409,
        'no edits in review',
      );

      assert.equal((await call(`${path}/publish`, { method: 'POST', ifMatch: '"1.3"' })).status, 403, 'a clerk cannot publish');
      // 二、上年结转 from the 2024 report does not match this system's own carry-over: R1 breaks, publishing is refused.
      const refused = await call(`${path}/publish`, { method: 'POST', ifMatch: '"1.3"', actor: HEAD });
      assert.equal(refused.status, 422);
      assert.match(((await refused.json()) as { detail: string }).detail, /error/);

      const returned = await json<ReportVersion>(
        await call(`${path}/return`, { method: 'POST', ifMatch: '"1.3"', actor: HEAD, body: { note: '上年结转与系统记录不符，请核对。' } }),
        200,
      );
      assert.equal(returned.status, 'draft');
      assert.equal(returned.returnNote, '上年结转与系统记录不符，请核对。');

      const stats = await json<AnnualReport2021['requests']>(await call('/applications/stats?year=2025'), 200);
      const fixed = structuredClone(returned.document) as AnnualReport2021;
      fixed.requests['2'] = stats['2'];
      await json(await call(path, { method: 'PUT', body: { document: fixed }, ifMatch: '"1.4"' }), 200);
      await json(await call(`${path}/submit`, { method: 'POST', ifMatch: '"1.5"' }), 200);
      const published = await json<ReportVersion>(await call(`${path}/publish`, { method: 'POST', ifMatch: '"1.6"', actor: HEAD }), 200);
      assert.equal(published.status, 'published');
      assert.equal(published.publishedBy?.name, HEAD.name);
      assert.equal(published.document.publishedAt, '2026-01-12');
    });

    test('a published version is immutable: the API refuses edits and the database refuses updates', async () => {
      const path = `/staff/reports/2025/versions/1`;
      const current = (await json<StaffReportYear>(await call('/staff/reports/2025'), 200)).versions[0]!;
      const edit = await call(path, {
        method: 'PUT',
        body: { document: current.document },
        ifMatch: `"1.${current.revision}"`,
        actor: HEAD,
      });
      assert.equal(edit.status, 409);
      await assert.rejects(
        storage.updateReportVersion(2025, 1, (v) => ({ ...v, document: { ...v.document, agency: '篡改' } as AnnualReport })),
        /published/,
      );
      const served = await json<AnnualReport>(await call('/reports/2025', { actor: null }), 200);
      assert.equal(served.agency, current.document.agency);
      assert.equal(served.publishedAt, '2026-01-12');
    });

    test('a correction is a new version with a note; /reports/{year} serves the newest, the history keeps both', async () => {
      assert.equal((await call('/staff/reports/2025/corrections', { method: 'POST', body: {} })).status, 422, 'a note is required');
      const correction = await json<ReportVersion>(
        await call('/staff/reports/2025/corrections', { method: 'POST', body: { note: '更正表二行政许可数量。' } }),
        201,
      );
      assert.equal(correction.version, 2);
      assert.equal(correction.status, 'draft');
      assert.equal(correction.note, '更正表二行政许可数量。');
      assert.equal(correction.document.publishedAt, undefined);
      assert.equal(
        (await call('/staff/reports/2025/corrections', { method: 'POST', body: { note: '再次更正' } })).status,
        409,
        'one open version at a time',
      );
      assert.equal(
        (await json<AnnualReport>(await call('/reports/2025', { actor: null }), 200)).proactive.licensing?.[0],
        null,
        'v1 still served',
      );

      const doc = structuredClone(correction.document) as AnnualReport2021;
      doc.proactive.licensing = [12];
      await json(await call('/staff/reports/2025/versions/2', { method: 'PUT', body: { document: doc }, ifMatch: '"2.1"' }), 200);
      await json(await call('/staff/reports/2025/versions/2/submit', { method: 'POST', ifMatch: '"2.2"' }), 200);
      clock = new Date('2026-02-02T02:00:00Z');
      await signIn();
      await json(await call('/staff/reports/2025/versions/2/publish', { method: 'POST', ifMatch: '"2.3"', actor: HEAD }), 200);

      const served = await json<AnnualReport2021>(await call('/reports/2025', { actor: null }), 200);
      assert.deepEqual(served.proactive.licensing, [12]);
      assert.equal(served.publishedAt, '2026-02-02');
      const history = await json<PublishedVersion[]>(await call('/reports/2025/versions', { actor: null }), 200);
      assert.deepEqual(
        history.map((v) => [v.version, v.publishedAt, v.note, v.href]),
        [
          [2, '2026-02-02', '更正表二行政许可数量。', '/api/reports/2025/versions/2'],
          [1, '2026-01-12', null, '/api/reports/2025/versions/1'],
        ],
      );
      const first = await json<AnnualReport2021>(await call('/reports/2025/versions/1', { actor: null }), 200);
      assert.deepEqual(first.proactive.licensing, [null]);
      const list = await json<{ year: number }[]>(await call('/reports', { actor: null }), 200);
      assert.deepEqual(
        list.map((r) => r.year),
        [2025, 2024, 2020],
      );
    });

    test('the reports the server was given keep being served, as version 1 of their year', async () => {
      const seed = await json<AnnualReport>(await call('/reports/2020', { actor: null }), 200);
      assert.equal(seed.agency, fujianCommerce2020.agency);
      const history = await json<PublishedVersion[]>(await call('/reports/2020/versions', { actor: null }), 200);
      assert.deepEqual(
        history.map((v) => v.version),
        [1],
      );
      assert.equal((await call('/reports/2020/versions/1', { actor: null })).status, 200);
      assert.equal((await call('/reports/2020/versions/2', { actor: null })).status, 404);
      assert.equal((await call('/reports/2019/versions', { actor: null })).status, 404);
    });
  });
}
