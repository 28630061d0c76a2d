// The demo's report for the current year: applications handled through the API, and the draft prefilled from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnualReport2021 } from '../../src/api/types/report.js';
import { createDemoServer } from '../../src/server/demo.js';
import { seedDemoReportDraft } from '../../src/server/report-demo.js';

test('the demo opens this year’s draft, table 三 counted from the demo’s handled applications', async () => {
  const now = () => new Date('2026-06-15T02:00:00Z');
  const demo = await createDemoServer({ dataDir: 'memory', reportDraft: true, now, rateLimit: false });
  try {
    const [draft, ...others] = await demo.storage.listReportVersions(2026);
    assert.equal(others.length, 0);
    assert.equal(draft?.status, 'draft');
    const doc = draft!.document as AnnualReport2021;
    assert.equal(doc.format, '2021');
    assert.deepEqual(
      doc.requests['1'],
      [8, 2, 1, 0, 1, 0, 12],
      'twelve received: eight people, two companies, a research body, a law firm',
    );
    assert.deepEqual(doc.requests['3.1'], [3, 1, 0, 0, 0, 0, 4]);
    assert.deepEqual(doc.requests['4'], [0, 0, 1, 0, 0, 0, 1], 'one still being handled');
    assert.equal(draft!.sources['三|1|6']?.origin, 'applications');
    assert.equal(draft!.createdBy.name, 'clerk');
    assert.equal(await seedDemoReportDraft(demo.app, demo.storage, demo.adminToken, demo.staffAccounts, now()), false, 'seeded once');
  } finally {
    await demo.close();
  }
});
