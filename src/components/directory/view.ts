import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import type { DisclosureItem, DisclosureValidity } from '../../api/types/directory.js';
import { matchRanges } from '../../core/directory/highlight.js';
import { safeHref } from '../../core/url.js';
import type { Locale } from '../../i18n/locale.js';
import { formatDate } from '../../i18n/format.js';
import { clampHeadingLevel } from '../base/heading.js';

/** `text` with the matches of `q` wrapped in `<mark>`: lit templates over slices, never an HTML string. */
export function highlight(text: string, q: string | undefined): unknown {
  const ranges = q ? matchRanges(text, q) : [];
  if (ranges.length === 0) return text;
  const parts: unknown[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/**
 * The page numbers to offer: all of up to 7 pages; else the first, the last,
 * and the current one with its neighbours, null where pages are left out
 * (shown as …). A gap of one page shows that page, since "…" takes its room.
 */
export function pageWindow(page: number, pages: number): (number | null)[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, k) => k + 1);
  const wanted = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const shown: (number | null)[] = [];
  for (const p of wanted) {
    const previous = shown[shown.length - 1];
    if (typeof previous === 'number' && p - previous === 2) shown.push(previous + 1);
    else if (typeof previous === 'number' && p - previous > 2) shown.push(null);
    shown.push(p);
  }
  return shown;
}

/** 有效性 in the element's language. */
export function validityLabel(validity: DisclosureValidity): string {
  return { 有效: msg('有效'), 失效: msg('失效'), 废止: msg('废止') }[validity];
}

const VALIDITY_CLASS: Record<DisclosureValidity, string> = { 有效: 'valid', 失效: 'expired', 废止: 'repealed' };

export interface ItemView {
  item: DisclosureItem;
  /** The search text the results came from (for `<mark>`). */
  q: string | undefined;
  locale: Locale;
  /** 2–6 */
  headingLevel: number;
  /** Position on the page, for ids. */
  position: number;
  open: boolean;
  onToggle: (event: Event) => void;
}

/**
 * One document: its title as a link (to the document, if its URL is safe), a
 * 有效性 badge in words and colour (失效 and 废止 also strike the title through,
 * per 《政府网站发展指引》: lapsed files are marked on the file), 文号, 发布机构 and
 * 发布日期, the summary, and a disclosure with the standard metadata table.
 */
export function renderItem(view: ItemView): TemplateResult {
  const { item, q, locale, position, open } = view;
  const href = safeHref(item.url, ['http:', 'https:']);
  const titleId = `item-${position}`;
  const lapsed = item.validity === '失效' || item.validity === '废止';
  const tag = unsafeStatic(`h${clampHeadingLevel(view.headingLevel, 3)}`);
  const title = highlight(item.title, q);
  return html`<li class="item">
    <article part="item" aria-labelledby=${titleId}>
      ${staticHtml`<${tag} class="title ${lapsed ? 'lapsed' : ''}" id=${titleId} part="item-title">${
        href ? html`<a class="name" part="item-link" href=${href}>${title}</a>` : html`<span class="name">${title}</span>`
      }${item.validity ? html` <span class="badge ${VALIDITY_CLASS[item.validity]}" part="badge">${validityLabel(item.validity)}</span>` : nothing}</${tag}>`}
      <dl class="meta" part="item-meta">
        ${
          item.docNo
            ? html`<div>
                <dt>${msg('文号')}</dt>
                <dd>${highlight(item.docNo, q)}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${msg('发布机构')}</dt>
          <dd>${item.publisher}</dd>
        </div>
        <div>
          <dt>${msg('发布日期')}</dt>
          <dd><time datetime=${item.publishedAt}>${formatDate(item.publishedAt, locale)}</time></dd>
        </div>
      </dl>
      ${item.summary ? html`<p class="summary" part="item-summary">${item.summary}</p>` : nothing}
      <details part="item-details" data-id=${item.id} ?open=${open} @toggle=${view.onToggle}>
        <summary part="item-details-summary">${msg('详细信息')}<span class="visually-hidden"> ${item.title}</span></summary>
        ${open ? renderMetadata(item, q, locale) : nothing}
      </details>
    </article>
  </li>`;
}

/** The standard metadata (索引号, 发布机构, 生成日期, 文号, 主题分类, 有效性), plus 成文日期 and 主题词 when known. */
function renderMetadata(item: DisclosureItem, q: string | undefined, locale: Locale): TemplateResult {
  const row = (label: string, value: unknown) =>
    html`<tr>
      <th scope="row">${label}</th>
      <td>${value}</td>
    </tr>`;
  const date = (iso: string) => html`<time datetime=${iso}>${formatDate(iso, locale)}</time>`;
  return html`<table class="metadata" part="metadata">
    <caption class="visually-hidden">
      ${msg('元数据')}
    </caption>
    <tbody>
      ${row(msg('索引号'), item.indexNo ? highlight(item.indexNo, q) : '—')} ${row(msg('发布机构'), item.publisher || '—')}
      ${row(msg('生成日期'), item.publishedAt ? date(item.publishedAt) : '—')}
      ${item.writtenAt ? row(msg('成文日期'), date(item.writtenAt)) : nothing}
      ${row(msg('文号'), item.docNo ? highlight(item.docNo, q) : '—')} ${row(msg('主题分类'), item.category || '—')}
      ${item.keywords?.length ? row(msg('主题词'), highlight(item.keywords.join('　'), q)) : nothing}
      ${row(msg('有效性'), item.validity ? validityLabel(item.validity) : '—')}
    </tbody>
  </table>`;
}
