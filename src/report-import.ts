/**
 * `zwgk-kit/report-import.js`: read a published annual-report page (政府信息公开工作年度报告)
 * into the report document, in Node or in the browser; check it; the command behind
 * `npx zwgk-report-import`.
 */
export * from './core/report/import/index.js';
export { validateReport } from './core/report/rules.js';
