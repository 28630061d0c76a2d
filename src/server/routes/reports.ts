/** Annual reports (政府信息公开工作年度报告) and the contact card (公开受理机构). */
import { Hono } from 'hono';
import { createJsonCache, sendRevalidated } from '../cached-json.js';
import { gzipAnswers } from '../compression.js';
import type { ServerDeps } from '../deps.js';
import { ProblemError } from '../problem.js';
import { newestPublished } from './staff-reports.js';

export function reportRoutes(deps: ServerDeps): Hono {
  const routes = new Hono();
  // A report is 5–16 KB of JSON, a third of it gzipped.
  routes.use('/reports/*', gzipAnswers());
  // The contact card is given at start, so it is kept as the directory's answers are; the reports are not (staff
  // publish and correct them while the server runs), so a cache asks again each time and gets a 304 if unchanged.
  const contactCache = createJsonCache(1);

  routes.get('/reports', async (c) => {
    // Links are built on the path this request came in on, so they work wherever the API is mounted.
    const base = c.req.path.replace(/\/+$/, '');
    const list = (await newestPublished(deps))
      .sort((a, b) => b.year - a.year)
      .map((report) => ({ agency: report.agency, year: report.year, format: report.format, href: `${base}/${report.year}` }));
    return sendRevalidated(c, list);
  });

  // The newest published version of the year (a correction replaces what it corrects), else the given report.
  routes.get('/reports/:year', async (c) => {
    const year = c.req.param('year');
    const report = /^\d{4}$/.test(year) ? (await newestPublished(deps)).find((r) => r.year === Number(year)) : undefined;
    if (!report) throw new ProblemError('not-found', 'No annual report for this year.');
    return sendRevalidated(c, report);
  });

  routes.get('/contact', (c) => {
    if (!deps.contact) throw new ProblemError('not-found', 'No contact card is configured.');
    const { contact } = deps;
    return contactCache.send(c, 'contact', () => contact);
  });

  return routes;
}
