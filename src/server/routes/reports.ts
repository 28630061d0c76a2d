/** Annual reports (政府信息公开工作年度报告) and the contact card (公开受理机构). */
import { Hono } from 'hono';
import { gzipAnswers } from '../compression.js';
import type { ServerDeps } from '../deps.js';
import { ProblemError } from '../problem.js';
import { newestPublished } from './staff-reports.js';

export function reportRoutes(deps: ServerDeps): Hono {
  const routes = new Hono();
  // A report is 5–16 KB of JSON, a third of it gzipped.
  routes.use('/reports/*', gzipAnswers());

  routes.get('/reports', async (c) => {
    // Links are built on the path this request came in on, so they work wherever the API is mounted.
    const base = c.req.path.replace(/\/+$/, '');
    const list = (await newestPublished(deps))
      .sort((a, b) => b.year - a.year)
      .map((report) => ({ agency: report.agency, year: report.year, format: report.format, href: `${base}/${report.year}` }));
    return c.json(list);
  });

  // The newest published version of the year (a correction replaces what it corrects), else the given report.
  routes.get('/reports/:year', async (c) => {
    const year = c.req.param('year');
    const report = /^\d{4}$/.test(year) ? (await newestPublished(deps)).find((r) => r.year === Number(year)) : undefined;
    if (!report) throw new ProblemError('not-found', 'No annual report for this year.');
    return c.json(report);
  });

  routes.get('/contact', (c) => {
    if (!deps.contact) throw new ProblemError('not-found', 'No contact card is configured.');
    return c.json(deps.contact);
  });

  return routes;
}
