/** The directory once it has something to show: a pure template over plain data and callbacks. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { DirectoryQuery, DisclosureItem } from '../../api/types/directory.js';
import type { Locale } from '../../i18n/locale.js';
import { renderSkeleton } from '../base/states.js';
import type { ResultPage } from './remote.js';
import { sameQuery } from './url-sync.js';
import { renderItem } from './view.js';
import { describeCount, filters, noResults, pagination, searchBox, type Change } from './controls.js';

export interface DirectoryView {
  /** What the controls show: the citizen's latest query. */
  current: DirectoryQuery;
  /** The results on screen and the query they answer (may lag behind `current`). */
  shown?: ResultPage & { query: DirectoryQuery };
  /** The newest page of a large list, shown while it is validated and indexed. */
  preview?: readonly DisclosureItem[];
  /** The list is being validated and indexed. */
  preparing: boolean;
  /** A remote search is under way, or the index is not ready for the query typed. */
  busy: boolean;
  locale: Locale;
  headingLevel: number;
  openItems: ReadonlySet<string>;
  filtersOpen: boolean;
  on: {
    /** A control asks for another query. */
    change: Change;
    toggleFilters: () => void;
    toggleItem: (event: Event) => void;
  };
}

export function directoryView(v: DirectoryView): TemplateResult {
  const { shown, current, on } = v;
  const items = shown?.items ?? v.preview;
  const working = v.busy || v.preparing;
  const narrowed = !sameQuery({ ...current, sort: undefined, pageSize: undefined }, {});
  const count = v.preparing
    ? msg('正在准备检索…')
    : v.busy
      ? msg('正在搜索…')
      : shown && shown.total > 0
        ? describeCount(shown, false, v.locale)
        : '';
  return html`<div class="directory" part="directory">
    ${searchBox(current, on.change)}
    ${shown ? filters({ facets: shown.facets, current, locale: v.locale, change: on.change, open: v.filtersOpen, onToggle: on.toggleFilters }) : nothing}
    <p class="count" id="count" part="count" tabindex="-1">${count}</p>
    ${
      items && items.length > 0
        ? html`<ol class="results" part="list" aria-labelledby="count" aria-busy=${working ? 'true' : 'false'}>
            ${items.map((item, position) =>
              renderItem({
                item,
                q: shown?.query.q,
                locale: v.locale,
                headingLevel: v.headingLevel,
                position,
                open: v.openItems.has(item.id),
                onToggle: on.toggleItem,
              }),
            )}
          </ol>`
        : shown
          ? noResults({
              emptyDirectory: shown.total === 0,
              narrowed,
              onReset: () => on.change({ pageSize: current.pageSize }, { box: true }),
            })
          : renderSkeleton(6)
    }
    ${shown ? pagination(shown, v.locale, (page) => on.change({ ...current, page: page > 1 ? page : undefined }, { focus: true })) : nothing}
  </div>`;
}
