/** The directory's controls and lines around the list: pure templates over plain data and callbacks. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DirectoryFacets, DirectoryQuery, DirectorySort, DisclosureValidity, FacetCount } from '../../api/types/directory.js';
import { SORTS, VALIDITIES } from '../../core/directory/url-state.js';
import { FACET_NAMES, effectiveSort, type FacetName } from '../../core/directory/query-options.js';
import type { Locale } from '../../i18n/locale.js';
import { formatNumber } from '../../i18n/format.js';
import { pageWindow, validityLabel } from './view.js';

export type { FacetName } from '../../core/directory/query-options.js';

/**
 * How a change came: a keystroke (`typing`, settled after a pause), a page button (`focus` the count), 搜索
 * (`reveal` the count), or a button that goes away with it (`box`: focus the search box).
 */
export interface QueryChange {
  typing?: boolean;
  focus?: boolean;
  reveal?: boolean;
  box?: boolean;
}

/** A control asks for the results of `next`. */
export type Change = (next: DirectoryQuery, how?: QueryChange) => void;

/** The query with the search text `text`, from its first page. */
const withText = (current: DirectoryQuery, text: string): DirectoryQuery => ({ ...current, q: text || undefined, page: undefined });

export function searchBox(current: DirectoryQuery, change: Change): TemplateResult {
  const q = current.q ?? '';
  const typed = (event: Event) => change(withText(current, (event.target as HTMLInputElement).value), { typing: true });
  // Pressing 搜索 scrolls the count line to the top of the screen (on a phone the results may start below the fold)
  // and announces it; focus stays in the box, so Escape still clears it and the next search is one edit away.
  const submit = (event: Event) => {
    event.preventDefault();
    change(withText(current, (event.target as HTMLFormElement).querySelector('input')!.value), { reveal: true });
  };
  return html`<form class="search" part="search" role="search" @submit=${submit}>
    <label for="q" part="search-label">${msg('搜索目录')}</label>
    <div class="search-row">
      <input
        id="q"
        type="search"
        part="search-input"
        autocomplete="off"
        enterkeyhint="search"
        aria-describedby="q-hint"
        .value=${q}
        @input=${(event: InputEvent) => {
          // Mid-composition (pinyin being typed) is not yet what the citizen means.
          if (!event.isComposing) typed(event);
        }}
        @compositionend=${typed}
      />
      ${
        q
          ? html`<button
              type="button"
              class="button secondary"
              part="clear-button"
              aria-label=${msg('清除搜索内容')}
              @click=${() => change(withText(current, ''), { box: true })}
            >
              ${msg('清除')}
            </button>`
          : nothing
      }
      <button type="submit" class="button" part="search-button">${msg('搜索')}</button>
    </div>
    <p class="hint" id="q-hint">${msg('可搜索标题、文号、索引号或主题词。')}</p>
  </form>`;
}

export interface FiltersOptions {
  facets?: DirectoryFacets;
  current: DirectoryQuery;
  locale: Locale;
  change: Change;
  /** whether the filters show on a narrow screen, where one button folds them away (always shown on wider ones) */
  open: boolean;
  onToggle: () => void;
}

export function filters(o: FiltersOptions): TemplateResult {
  const sort = o.current.sort ?? effectiveSort(o.current);
  const sortLabels: Record<DirectorySort, string> = {
    newest: msg('最新发布'),
    oldest: msg('最早发布'),
    relevance: msg('相关度'),
    title: msg('按标题'),
  };
  const facets = o.facets;
  const facetLabels: Record<FacetName, string> = {
    category: msg('主题分类'),
    publisher: msg('发布机构'),
    year: msg('年份'),
    validity: msg('有效性'),
  };
  const chosen = FACET_NAMES.filter((name) => o.current[name] !== undefined).length;
  return html`<button
      type="button"
      class="button secondary filters-toggle"
      part="filters-toggle"
      aria-expanded=${o.open ? 'true' : 'false'}
      aria-controls="filters"
      @click=${o.onToggle}
    >
      ${chosen ? msg(str`筛选和排序（已选 ${formatNumber(chosen, o.locale)} 项）`) : msg('筛选和排序')}
    </button>
    <fieldset class="filters ${o.open ? 'open' : ''}" id="filters" part="filters">
      <legend>${msg('筛选和排序')}</legend>
      ${facets ? FACET_NAMES.map((name) => facet(o, name, facetLabels[name], facets[name])) : nothing}
      <div class="filter" part="filter">
        <label for="sort">${msg('排序')}</label>
        <select
          id="sort"
          part="sort-select"
          @change=${(event: Event) =>
            o.change({ ...o.current, sort: (event.target as HTMLSelectElement).value as DirectorySort, page: undefined })}
        >
          ${SORTS.map((value) => html`<option value=${value} ?selected=${value === sort}>${sortLabels[value]}</option>`)}
        </select>
      </div>
    </fieldset>`;
}

function facet(o: FiltersOptions, name: FacetName, label: string, counts: FacetCount[]): TemplateResult {
  const selected = o.current[name] === undefined ? '' : String(o.current[name]);
  const id = `filter-${name}`;
  return html`<div class="filter" part="filter">
    <label for=${id}>${label}</label>
    <select
      id=${id}
      part="filter-select"
      @change=${(event: Event) => o.change(withFacet(o.current, name, (event.target as HTMLSelectElement).value))}
    >
      <option value="" ?selected=${selected === ''}>${msg('全部')}</option>
      ${counts.map(({ value, count }) => {
        const text =
          name === 'validity' && VALIDITIES.includes(value as DisclosureValidity) ? validityLabel(value as DisclosureValidity) : value;
        const words = msg(str`${text}（${formatNumber(count, o.locale)}）`);
        // One line: an <option>'s text is its textContent, whitespace included.
        return html`<option value=${value} ?selected=${value === selected}>${words}</option>`;
      })}
    </select>
  </div>`;
}

/** The query with the filter `name` set to `value` (empty: any), from its first page. */
function withFacet(current: DirectoryQuery, name: FacetName, value: string): DirectoryQuery {
  const next: DirectoryQuery = { ...current, page: undefined };
  if (name === 'year') next.year = value ? Number(value) : undefined;
  else if (name === 'validity') next.validity = (value || undefined) as DirectoryQuery['validity'];
  else next[name] = value || undefined;
  return next;
}

/** The numbers of one page of results. */
export interface PageCount {
  total: number;
  page: number;
  pageSize: number;
}

/** "共 1,234 条，第 2/62 页" for the count line; a sentence for the live region. */
export function describeCount(shown: PageCount, spoken: boolean, locale: Locale): string {
  if (shown.total === 0) return msg('没有找到符合条件的信息。');
  const total = formatNumber(shown.total, locale);
  const pages = formatNumber(Math.max(1, Math.ceil(shown.total / shown.pageSize)), locale);
  const page = formatNumber(shown.page, locale);
  return spoken ? msg(str`找到 ${total} 条信息，当前第 ${page} 页，共 ${pages} 页。`) : msg(str`共 ${total} 条，第 ${page}/${pages} 页`);
}

/** No results: an empty directory, or a search to widen (with a button that clears every condition). */
export function noResults(o: { emptyDirectory: boolean; narrowed: boolean; onReset: () => void }): TemplateResult {
  return html`<div class="state empty" part="empty">
    <p class="title">${o.emptyDirectory && !o.narrowed ? msg('目录中暂无信息。') : msg('没有找到符合条件的信息。')}</p>
    ${
      o.narrowed
        ? html`<p>${msg('请尝试其他关键词，或减少筛选条件。')}</p>
            <button type="button" class="button secondary" part="reset-button" @click=${o.onReset}>${msg('清除全部条件')}</button>`
        : nothing
    }
  </div>`;
}

export function pagination(shown: PageCount, locale: Locale, onPage: (page: number) => void): TemplateResult | typeof nothing {
  const pages = Math.ceil(shown.total / shown.pageSize);
  if (pages <= 1) return nothing;
  const page = shown.page;
  const button = (target: number, text: string, label?: string, current = false) =>
    html`<li>
      <button
        type="button"
        class="page ${current ? 'current' : ''}"
        part="page-button"
        aria-label=${label ?? nothing}
        aria-current=${current ? 'page' : nothing}
        @click=${() => (current ? undefined : onPage(target))}
      >
        ${text}
      </button>
    </li>`;
  return html`<nav class="pagination" part="pagination" aria-label=${msg('分页')}>
    <ul>
      ${page > 1 ? button(page - 1, msg('上一页')) : nothing}
      ${pageWindow(page, pages).map((p) =>
        p === null
          ? html`<li class="gap" aria-hidden="true">…</li>`
          : button(p, formatNumber(p, locale), msg(str`第 ${formatNumber(p, locale)} 页`), p === page),
      )}
      ${page < pages ? button(page + 1, msg('下一页')) : nothing}
    </ul>
  </nav>`;
}
