/** Annual reports (政府信息公开工作年度报告) and the contact card (公开受理机构). */
import { Hono } from 'hono';
import type { ServerDeps } from '../deps.js';
import { ProblemError } from '../problem.js';

export function reportRoutes(deps: ServerDeps): Hono {
  const routes = new Hono();

  routes.get('/reports', (c) => {
    // Links are built on the path this request came in on, so they work wherever the API is mounted.
    const base = c.req.path.replace(/\/+$/, '');
    const list = [...deps.reports]
      .sort((a, b) => b.year - a.year)
      .map((report) => ({ agency: report.agency, year: report.year, format: report.format, href: `${base}/${report.year}` }));
    return c.json(list);
  });

  routes.get('/reports/:year', (c) => {
    const year = c.req.param('year');
    const report = /^\d{4}$/.test(year) ? deps.reports.find((r) => r.year === Number(year)) : undefined;
    if (!report) throw new ProblemError('not-found', 'No annual report for this year.');
    return c.json(report);
  });

  routes.get('/contact', (c) => {
    if (!deps.contact) throw new ProblemError('not-found', 'No contact card is configured.');
    return c.json(deps.contact);
  });

  return routes;
}
