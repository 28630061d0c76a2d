/**
 * The report itself: checked, then rendered with its table of contents, findings, the six
 * parts, charts and the comparison with last year. Loaded on demand by <zwgk-report-viewer>
 * (it carries the two formats and the checker), so the element's own entry stays small and a page
 * pays for this only when a report is shown. Its narratives are sanitised by components/base/sanitize.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AnnualReport, ReportFinding, ReportTable } from '../../api/types/report.js';
import { FORMATS, cellLabel, type Label, type SectionDef } from '../../core/report/formats.js';
import { readReportDocument } from '../../core/report/document.js';
import { applicantsByType, outcomeTotals, yearOverYear } from '../../core/report/summary.js';
import { normaliseEmail } from '../../core/contact/text.js';
import type { Locale } from '../../i18n/locale.js';
import { formatDate, plural } from '../../i18n/format.js';
import { describeLoadError } from '../base/states.js';
import type { LoadError } from '../base/controllers/request.js';
import { renderNarrativeText } from './narrative.js';

import { proactiveTables, requestsTable, reviewsTable, type TableContext } from './tables.js';
import { barChart, comparisonTable } from './charts.js';
import {
  bilingual,
  cellId,
  findingId,
  sectionHeading,
  sectionId,
  severityIcon,
  severityWord,
  tableName,
  type NumberedFinding,
} from './parts.js';

type NarrativeKey = 'overview' | 'problems' | 'other';
const NARRATIVES: NarrativeKey[] = ['overview', 'problems', 'other'];
const TABLE_OF: Partial<Record<SectionDef['key'], ReportTable>> = { proactive: '二', requests: '三', reviews: '四' };
/** Up to this many cell links under one finding; beyond it, the first few and a count (all are marked in the table). */
const LISTED_CELLS = 4;

export interface PreparedReport {
  raw: unknown;
  /** The document, when it can be shown. */
  doc?: AnnualReport;
  /** Last year's document, when it was given and can be read. */
  previous?: AnnualReport;
  /** Every finding, errors first; finding N in the list is `findings[N - 1]`. */
  findings: ReportFinding[];
  /** What stops the document from being shown. */
  blocking: ReportFinding[];
  errors: number;
  warnings: number;
  numbered: NumberedFinding[];
  /** Findings by cell id. */
  marks: Map<string, NumberedFinding[]>;
  /** The narrative parts as the document gives them (HTML or text), sanitised when rendered (narrative.ts). */
  narratives: Partial<Record<NarrativeKey, string>>;
}

/** Checks `raw` (against `previousRaw` for R6/R7 when given) and picks out its narrative parts. */
export function prepareReport(raw: unknown, previousRaw?: unknown): PreparedReport {
  const previous = previousRaw === undefined ? undefined : readReportDocument(previousRaw).doc;
  const reading = readReportDocument(raw, { previous });
  const findings = [...reading.findings.filter((f) => f.severity === 'error'), ...reading.findings.filter((f) => f.severity !== 'error')];
  const numbered = findings.map((finding, index) => ({ number: index + 1, finding }));
  const marks = new Map<string, NumberedFinding[]>();
  for (const entry of numbered) {
    for (const ref of entry.finding.cells) {
      const id = cellId(ref.table, ref.row, ref.column);
      const list = marks.get(id) ?? [];
      if (!list.includes(entry)) marks.set(id, [...list, entry]);
    }
  }
  const narratives: PreparedReport['narratives'] = {};
  const sections: unknown = reading.doc?.sections;
  if (reading.doc && typeof sections === 'object' && sections !== null) {
    for (const key of NARRATIVES) {
      const text = (sections as Record<string, unknown>)[key];
      if (typeof text === 'string') narratives[key] = text;
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    raw,
    doc: reading.doc,
    previous,
    findings,
    blocking: reading.blocking,
    errors,
    warnings: findings.length - errors,
    numbered,
    marks,
    narratives,
  };
}

/** “2 个错误，1 个警告” / “2 errors, 1 warning”; “未发现问题” when there are none. */
export function summaryText(report: Pick<PreparedReport, 'errors' | 'warnings'>): string {
  const { errors, warnings } = report;
  if (errors === 0 && warnings === 0) return msg('未发现问题');
  const errorText = errors === 1 ? msg('1 个错误') : msg(str`${errors} 个错误`);
  const warningText = warnings === 1 ? msg('1 个警告') : msg(str`${warnings} 个警告`);
  return msg(str`${errorText}，${warningText}`);
}

// ---- Files ----

function fileStem(doc: AnnualReport): string {
  return `${doc.agency}-${doc.year}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/**
 * One table as a CSV file (UTF-8 with BOM, so Excel shows the Chinese), labels in `locale`. The CSV writer is
 * loaded on the first download: showing a report never runs it.
 */
export function csvFile(doc: AnnualReport, table: ReportTable, locale: Locale): { name: string; text: Promise<string> } {
  const name = locale === 'zh-CN' ? tableName(table) : `table-${table === '二' ? 2 : table === '三' ? 3 : 4}`;
  const text = import('../../core/report/csv.js').then((csv) => csv.CSV_BOM + csv.tableToCsv(doc, table, locale));
  return { name: `${fileStem(doc)}-${name}.csv`, text };
}

export function jsonFile(doc: AnnualReport, raw: unknown): { name: string; text: string } {
  return { name: `${fileStem(doc)}.json`, text: `${JSON.stringify(raw, null, 2)}\n` };
}

// ---- Rendering ----

export type CompareStatus = { status: 'none' } | { status: 'ready' } | { status: 'unreadable' } | { status: 'error'; error: LoadError };

export interface ViewOptions {
  locale: Locale;
  /** The level of the report's title; its parts are one level below. */
  headingLevel: number;
  /** This render hydrates the server's HTML of the report (the narratives stay as the server sanitised them). */
  hydrating: boolean;
  compare: CompareStatus;
  onRetryCompare: () => void;
  onCsv: (table: ReportTable) => void;
  onJson: () => void;
  onPrint: () => void;
}

/** A document that cannot be shown: an error that lists what is wrong, in words. */
export function renderUnreadable(report: PreparedReport, locale: Locale, onRetry?: () => void): TemplateResult {
  const problems = report.findings.filter((f) => f.rule === 'schema');
  return html`<div class="state error" part="error" role="alert">
    <p class="title">${msg('无法显示这份年度报告')}</p>
    <p>${msg('收到的文件不是可以读取的年度报告。发现的问题：')}</p>
    <ul class="problems" part="problems">
      ${problems.map((f) => html`<li>${f.message[locale]}</li>`)}
    </ul>
    <p>${msg('请联系网站管理员。')}</p>
    ${
      onRetry ? html`<button type="button" class="button secondary" part="retry-button" @click=${onRetry}>${msg('重试')}</button>` : nothing
    }
  </div>`;
}

export function renderReport(report: PreparedReport, options: ViewOptions): TemplateResult {
  const doc = report.doc!;
  const format = FORMATS[doc.format];
  const { locale } = options;
  const level = Math.min(5, Math.max(1, Math.trunc(options.headingLevel) || 2));
  const sub = level + 1;
  const ctx: TableContext = { doc, format, locale, marks: report.marks };
  const previous = options.compare.status === 'ready' ? report.previous : undefined;
  const sections = format.sections.filter((s) => !(s.optional && report.narratives[s.key as NarrativeKey] === undefined));

  const toc: [string, string][] = [
    ['findings', msg('核对结果')],
    ...sections.map((s): [string, string] => [s.key, s.heading[locale]]),
    ['charts', msg('统计图')],
    ...(previous ? [['comparison', msg(str`与${previous.year}年度比较`)] as [string, string]] : []),
  ];

  return html`<article class="report" part="report" aria-labelledby="report-title">
    <header class="report-header">
      ${sectionHeading(level, 'report-title', renderTitle(doc, locale), 'title')} ${renderMeta(doc, locale)}
      <div class="actions" part="actions">
        <button type="button" class="button secondary" part="json-button" @click=${options.onJson}>${msg('下载 JSON')}</button>
        <button type="button" class="button secondary" part="print-button" @click=${options.onPrint}>${msg('打印')}</button>
      </div>
    </header>
    <nav class="toc" part="toc" aria-labelledby="toc-title">
      <p id="toc-title" class="toc-title">${msg('目录')}</p>
      <ol>
        ${toc.map(([key, text]) => html`<li><a part="toc-link" href="#${sectionId(key)}">${text}</a></li>`)}
      </ol>
    </nav>
    ${renderFindings(report, options, sub)}
    ${sections.map((section) => {
      const table = TABLE_OF[section.key];
      const title = bilingual(section.heading, locale);
      return html`<section class="part ${table ? 'statistics' : 'narrative-part'}" part="section" aria-labelledby=${sectionId(section.key)}>
        ${sectionHeading(sub, sectionId(section.key), title, 'section-heading')}
        ${table ? renderTable(ctx, table, section.heading, options) : renderNarrative(report, section.key as NarrativeKey, options.hydrating)}
      </section>`;
    })}
    <section class="part charts" part="section" aria-labelledby=${sectionId('charts')}>
      ${sectionHeading(sub, sectionId('charts'), msg('统计图'), 'section-heading')} ${renderCharts(doc, previous, locale)}
    </section>
    ${
      previous
        ? html`<section class="part comparison" part="section" aria-labelledby=${sectionId('comparison')}>
            ${sectionHeading(sub, sectionId('comparison'), msg(str`与${previous.year}年度比较`), 'section-heading')}
            ${comparisonTable({
              id: 'comparison-caption',
              doc,
              previous,
              rows: yearOverYear(doc, previous),
              locale,
              caption: msg(str`${previous.year}年与${doc.year}年主要数字（总计列）`),
            })}
          </section>`
        : nothing
    }
  </article>`;
}

function renderTitle(doc: AnnualReport, locale: Locale): unknown {
  const official = typeof doc.title === 'string' && doc.title.trim() ? doc.title : `${doc.agency}${doc.year}年度政府信息公开工作年度报告`;
  if (locale === 'zh-CN') return official;
  return html`${msg(str`${doc.year}年度政府信息公开工作年度报告`)}<span class="official" lang="zh-CN">${official}</span>`;
}

function renderMeta(doc: AnnualReport, locale: Locale): TemplateResult {
  const format = FORMATS[doc.format];
  const formatLabel: Label = {
    'zh-CN': `${format.formatTitle['zh-CN']}（${format.document['zh-CN']}）`,
    en: `${format.formatTitle.en} (${format.document.en})`,
  };
  const contact = typeof doc.contact === 'object' && doc.contact !== null ? doc.contact : {};
  const email = typeof contact.email === 'string' && contact.email ? contact.email : undefined;
  const contactLines: [string, string | undefined][] = [
    [msg('机构'), contact.agency],
    [msg('联系人'), contact.contact],
    [msg('电话'), contact.phone],
    [msg('传真'), contact.fax],
    [msg('地址'), contact.address],
    [msg('邮编'), contact.postcode],
  ];
  const shown = contactLines.filter(([, value]) => typeof value === 'string' && value);
  return html`<dl class="meta" part="meta">
    <div>
      <dt>${msg('报告主体')}</dt>
      <dd lang="zh-CN">${doc.agency}</dd>
    </div>
    <div>
      <dt>${msg('报告年度')}</dt>
      <dd>${doc.year}</dd>
    </div>
    ${
      typeof doc.publishedAt === 'string'
        ? html`<div>
            <dt>${msg('发布日期')}</dt>
            <dd><time datetime=${doc.publishedAt}>${formatDate(doc.publishedAt, locale)}</time></dd>
          </div>`
        : nothing
    }
    <div>
      <dt>${msg('报告格式')}</dt>
      <dd>${bilingual(formatLabel, locale)}</dd>
    </div>
    ${
      shown.length || email
        ? html`<div>
            <dt>${msg('联系方式')}</dt>
            <dd>
              <ul class="contact">
                ${shown.map(([label, value]) => html`<li><span class="contact-label">${label}</span> <span lang="zh-CN">${value}</span></li>`)}
                ${
                  email
                    ? html`<li>
                        <span class="contact-label">${msg('电子邮箱')}</span> <a href="mailto:${normaliseEmail(email)}">${email}</a>
                      </li>`
                    : nothing
                }
              </ul>
            </dd>
          </div>`
        : nothing
    }
  </dl>`;
}

function renderNarrative(report: PreparedReport, key: NarrativeKey, hydrating: boolean): TemplateResult {
  const text = report.narratives[key];
  if (text === undefined || text.trim() === '') return html`<p class="blank-part">${msg('（未填写）')}</p>`;
  return renderNarrativeText(text, hydrating);
}

function renderTable(ctx: TableContext, table: ReportTable, heading: Label, options: ViewOptions): TemplateResult {
  const captionId = `table-${table === '二' ? 2 : table === '三' ? 3 : 4}-caption`;
  // Distinct from the section's heading, so the table's scroll region has a name of its own.
  const caption = msg(str`${tableName(table)}：${heading[options.locale]}`);
  const body =
    table === '二' ? proactiveTables(ctx) : table === '三' ? requestsTable(ctx, captionId, caption) : reviewsTable(ctx, captionId, caption);
  return html`${body}
    <div class="table-actions">
      <button type="button" class="button secondary" part="csv-button" data-table=${table} @click=${() => options.onCsv(table)}>
        ${msg(str`下载${tableName(table)}（CSV）`)}
      </button>
    </div>`;
}

function renderFindings(report: PreparedReport, options: ViewOptions, level: number): TemplateResult {
  const { locale } = options;
  const format = FORMATS[report.doc!.format];
  const tone = report.errors ? 'error' : report.warnings ? 'warning' : 'clean';
  return html`<section class="part findings" part="findings" aria-labelledby=${sectionId('findings')}>
    ${sectionHeading(level, sectionId('findings'), msg('核对结果'), 'section-heading')}
    <p class="summary ${tone}" part="findings-summary">
      ${tone === 'clean' ? nothing : severityIcon(tone)}<strong>${summaryText(report)}</strong>
    </p>
    ${renderCompareStatus(report, options)}
    ${
      report.numbered.length
        ? html`<p class="explain">${msg('“错误”表示数字不符合年度报告格式的勾稽关系或数据格式；“警告”值得核对，可能有合理原因。')}</p>
            <ol class="finding-list">
              ${report.numbered.map(({ number, finding }) => {
                const listed = finding.cells.length <= LISTED_CELLS ? finding.cells : finding.cells.slice(0, LISTED_CELLS - 1);
                const more = finding.cells.length - listed.length;
                return html`<li id=${findingId(number)} class="finding ${finding.severity}" part="finding" tabindex="-1">
                  <p class="finding-head">
                    <span class="severity">${severityIcon(finding.severity)}${severityWord(finding.severity)} ${number}</span>
                    <span class="rule">${finding.rule === 'schema' ? msg('数据格式') : msg(str`规则 ${finding.rule}`)}</span>
                  </p>
                  <p class="message">${finding.message[locale]}</p>
                  ${
                    listed.length
                      ? html`<ul class="cells">
                          ${listed.map(
                            (ref) =>
                              html`<li>
                                <a href="#${cellId(ref.table, ref.row, ref.column)}"
                                  >${msg(str`${tableName(ref.table)}：${cellLabel(format, ref.table, ref.row, ref.column, locale)}`)}</a
                                >
                              </li>`,
                          )}
                          ${
                            more > 0
                              ? html`<li>
                                  ${plural(locale, more, {
                                    one: () => msg(str`另有 ${more} 个相关单元格，已在表中标出。`, { id: 'report.moreCells.one' }),
                                    other: () => msg(str`另有 ${more} 个相关单元格，已在表中标出。`),
                                  })}
                                </li>`
                              : nothing
                          }
                        </ul>`
                      : finding.path
                        ? html`<p class="path">${msg('位置：')}<code>${finding.path}</code></p>`
                        : nothing
                  }
                </li>`;
              })}
            </ol>`
        : nothing
    }
  </section>`;
}

function renderCompareStatus(report: PreparedReport, options: ViewOptions): unknown {
  const compare = options.compare;
  if (compare.status === 'none') return nothing;
  if (compare.status === 'ready') {
    return report.previous
      ? html`<p class="compare-note">${msg(str`已与${report.previous.year}年度报告做跨年度核对（规则 R6、R7）。`)}</p>`
      : nothing;
  }
  const text =
    compare.status === 'error'
      ? msg(str`未能加载上年报告（${describeLoadError(compare.error).title}），未做跨年度核对和比较。`)
      : msg('上年报告的格式不正确，未做跨年度核对和比较。');
  return html`<div class="notice" part="compare-error" role="alert">
    <p>${text}</p>
    ${
      compare.status === 'error'
        ? html`<button type="button" class="button secondary" part="compare-retry-button" @click=${options.onRetryCompare}>
            ${msg('重新加载上年报告')}
          </button>`
        : nothing
    }
  </div>`;
}

function renderCharts(doc: AnnualReport, previous: AnnualReport | undefined, locale: Locale): TemplateResult {
  const series = (read: (d: AnnualReport) => ReturnType<typeof outcomeTotals>) => [
    ...(previous ? [{ year: previous.year, figures: read(previous) }] : []),
    { year: doc.year, figures: read(doc) },
  ];
  const source = { key: 'requests', name: tableName('三') };
  return html`<div class="chart-grid">
    ${barChart({ id: 'chart-outcomes', title: msg('申请办理结果（总计列）'), series: series(outcomeTotals), locale, source })}
    ${barChart({ id: 'chart-applicants', title: msg('本年新收申请的申请人类型'), series: series(applicantsByType), locale, source })}
  </div>`;
}
