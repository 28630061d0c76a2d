/**
 * Bar charts as inline SVG: each bar has its number written beside it, the SVG is an image
 * with a <title> and a <desc> listing every value, and a link leads to the table the numbers
 * come from. Sizes are in em and percent, so the charts follow the text size (elder theme)
 * and fit a 320 px phone without scaling text down. The height is an SVG attribute, not a
 * style, so a strict CSP (style-src 'self') has nothing to block.
 */
import { html, svg, type TemplateResult } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { msg, str } from '@lit/localize';
import type { AnnualReport } from '../../api/types/report.js';
import type { Label } from '../../core/report/formats.js';
import { formatChange, formatNumber, bilingual, sectionId } from './parts.js';
import type { Figure, YearOverYear } from '../../core/report/summary.js';
import type { Locale } from '../../i18n/locale.js';

export interface Series {
  year: number;
  figures: Figure[];
}

const LABEL_LINE = 1.5;
const BAR_LINE = 1.5;
const GAP = 0.5;
/** The longest bar takes this share of the width; the rest is room for its number. */
const BAR_SHARE = 60;

function valueText(value: number | null, locale: Locale): string {
  return value === null ? msg('未填写') : formatNumber(value, locale);
}

function yearLabel(year: number): string {
  return msg(str`${year}年`);
}

function yearValue(year: number, value: number | null, locale: Locale): string {
  return msg(str`${year}年：${valueText(value, locale)}`);
}

/**
 * One chart. With two series (last year and this year) each item gets two bars, each
 * labelled with its year in text; the years also differ in fill and outline.
 */
export function barChart(options: {
  id: string;
  title: string;
  series: Series[];
  locale: Locale;
  /** The section whose table holds the numbers. */
  source: { key: string; name: string };
}): TemplateResult {
  const { id, title, series, locale, source } = options;
  const items = series[series.length - 1]!.figures;
  const max = Math.max(0, ...series.flatMap((s) => s.figures.map((f) => f.value ?? 0)));
  const paired = series.length > 1;
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const itemSeparator = locale === 'zh-CN' ? '，' : ', ';

  let y = 0;
  const rows = items.map((item, index) => {
    const top = y;
    y += LABEL_LINE + series.length * BAR_LINE + GAP;
    const label = item.label[locale];
    const bars = series.map((s, k) => {
      const value = s.figures[index]?.value ?? null;
      const width = max > 0 && value !== null ? (value / max) * BAR_SHARE : 0;
      const lineTop = top + LABEL_LINE + k * BAR_LINE;
      const text = paired ? yearValue(s.year, value, locale) : valueText(value, locale);
      return svg`${
        value !== null
          ? svg`<rect class="bar series-${paired && k === 0 ? 'previous' : 'current'}" x="0" y="${lineTop + 0.2}em" width="${width}%" height="1em" />`
          : null
      }<text class="bar-value" x="${width + (value === null ? 0 : 1)}%" y="${lineTop + 1}em">${text}</text>`;
    });
    return svg`<g><text class="bar-label" x="0" y="${top + 1.1}em">${label}</text>${bars}</g>`;
  });

  const description = items
    .map((item, index) => {
      const values = paired
        ? series.map((s) => yearValue(s.year, s.figures[index]?.value ?? null, locale)).join(itemSeparator)
        : valueText(item.value, locale);
      return msg(str`${item.label[locale]}：${values}`);
    })
    .join(separator);

  return html`<figure class="chart" part="chart">
    <figcaption id="${id}-caption">${title}</figcaption>
    <svg class="bars" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" width="100%" height="${y}em">
      ${svgTitle(`${id}-title`, title)}
      <desc id="${id}-desc">${description}</desc>
      ${rows}
    </svg>
    <p class="chart-source"><a href="#${sectionId(source.key)}">${msg(str`数字见${source.name}`)}</a></p>
  </figure>`;
}

/**
 * The SVG's <title> written out: Lit treats <title> as raw text, where server rendering (@lit-labs/ssr)
 * cannot place a binding. Both strings are escaped.
 */
function svgTitle(id: string, text: string): unknown {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return unsafeSVG(`<title id="${escape(id)}">${escape(text)}</title>`);
}

/** Last year beside this year, figure by figure, with the change. */
export function comparisonTable(options: {
  id: string;
  doc: AnnualReport;
  previous: AnnualReport;
  rows: YearOverYear[];
  locale: Locale;
  caption: string;
}): TemplateResult {
  const { id, doc, previous, rows, locale, caption } = options;
  const label = (l: Label) => bilingual(l, locale);
  return html`<div class="scroll" part="table-scroll" role="region" tabindex="0" aria-labelledby=${id}>
    <table part="table" class="comparison">
      <caption id=${id}>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="row-label">${msg('项目（总计）')}</th>
          <th scope="col">${yearLabel(previous.year)}</th>
          <th scope="col">${yearLabel(doc.year)}</th>
          <th scope="col">${msg('增减')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <th scope="row" class="row-label">${label(row.label)}</th>
              <td class="number">${row.previous === null ? '' : formatNumber(row.previous, locale)}</td>
              <td class="number">${row.value === null ? '' : formatNumber(row.value, locale)}</td>
              <td class="number change">${formatChange(row.change, locale)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
