/**
 * The demo's annual report for the current year: a dozen applications received and handled
 * this year (through the public API and the lifecycle endpoint, as real ones are), and the
 * year's draft started from them by the demo clerk, so the staff page opens a report
 * prefilled from the system of record. Done once per database.
 */
import type { Hono } from 'hono';
import type { ApplicationRequest } from '../api/types/application.js';
import { todayInChina } from '../core/calendar/index.js';
import type { DemoStaffAccount } from './staff/demo-staff.js';
import type { Storage } from './storage/types.js';
import { sampleApplication, sampleOrganizationApplication } from './testing.js';

/** Who applied and how each was answered (row of table 三); `null`: still being handled. */
const DEMO_CASES: { applicant: () => ApplicationRequest; title: string; outcome: string | null }[] = [
  { applicant: () => sampleApplication(), title: '福建省商务厅2025年度部门预算', outcome: '3.1' },
  { applicant: () => sampleApplication(), title: '2026年全省社会消费品零售总额统计', outcome: '3.1' },
  { applicant: () => sampleApplication(), title: '福州市步行街改造提升项目批复文件', outcome: '3.1' },
  { applicant: () => sampleApplication(), title: '成品油零售经营资格审批名单', outcome: '3.2' },
  { applicant: () => sampleApplication(), title: '某公司单用途预付卡备案材料', outcome: '3.3.4' },
  { applicant: () => sampleApplication(), title: '厅党组会议讨论记录', outcome: '3.3.6' },
  { applicant: () => sampleApplication(), title: '2010年外资企业名录', outcome: '3.4.1' },
  { applicant: () => sampleApplication(), title: '关于家政服务业的投诉处理结果', outcome: '3.5.1' },
  { applicant: () => sampleOrganizationApplication('commercial'), title: '跨境电商综试区扶持资金分配表', outcome: '3.1' },
  { applicant: () => sampleOrganizationApplication('commercial'), title: '外贸企业出口退税统计分析', outcome: '3.4.2' },
  { applicant: () => sampleOrganizationApplication('legal-services'), title: '对外承包工程行政处罚决定书', outcome: '3.2' },
  { applicant: () => sampleOrganizationApplication('research'), title: '县域商业体系建设评估报告', outcome: null },
];

export async function seedDemoReportDraft(
  app: Hono,
  storage: Storage,
  adminToken: string,
  staff: DemoStaffAccount[],
  now: Date,
): Promise<boolean> {
  const year = Number(todayInChina(now).slice(0, 4));
  const clerk = staff.find((a) => a.role === 'clerk');
  if (!clerk) return false;
  return storage.seedOnce(`demo-report-${year}-v1`, async () => {
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const expect = async (response: Response, status: number) => {
      if (response.status !== status) throw new Error(`demo report seed: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    for (const [index, item] of DEMO_CASES.entries()) {
      const application = item.applicant();
      application.request = { ...application.request, title: item.title, docNo: '' };
      const key = `demo-report-${year}-${index}`;
      const receipt = await expect(
        await app.request('/api/applications', { method: 'POST', ...json(application, { 'Idempotency-Key': key }) }),
        201,
      );
      const admin = { Authorization: `Bearer ${adminToken}` };
      const code = String(receipt['trackingCode']);
      await expect(await app.request(`/api/admin/applications/${code}`, { method: 'PATCH', ...json({ status: 'accepted' }, admin) }), 200);
      if (item.outcome) {
        await expect(
          await app.request(`/api/admin/applications/${code}`, {
            method: 'PATCH',
            ...json({ status: 'answered', outcome: item.outcome }, admin),
          }),
          200,
        );
      }
    }
    const signedIn = await app.request('/api/staff/session', { method: 'POST', ...json({ name: clerk.name, password: clerk.password }) });
    const { csrfToken } = (await expect(signedIn, 200)) as { csrfToken: string };
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    await expect(
      await app.request(`/api/staff/reports/${year}/draft`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } }),
      201,
    );
    await app.request('/api/staff/session', { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });
  });
}
