/**
 * The directory's templates prepared before its results come (Lit prepares a template the first time it renders it):
 * rendered with sample data into a detached element, where nothing is laid out or seen.
 */
import { render } from 'lit';
import { validateDisclosureItems } from '../../core/directory/validate.js';
import { formatDate } from '../../i18n/format.js';
import { filters } from './controls.js';
import { directoryView, type DirectoryView } from './layout.js';
import { renderItem } from './view.js';

/**
 * Renders each of the view's templates once, a part in each idle turn while `waiting()` (the list or the first answer
 * downloads). At 4× CPU, preparing them was most of the 80–95 ms task in which a long list's newest page came; with
 * them prepared, bench:directory's longest task at 4× was 0.81× as long (the median of seven runs, 0.68–1.42×).
 */
export function warmDirectoryTemplates(
  { locale, headingLevel }: Pick<DirectoryView, 'locale' | 'headingLevel'>,
  waiting: () => boolean,
): void {
  const noop = () => {};
  const text = '样';
  // Every optional field; validated, so that it has the shape of the items the view is given (the functions that
  // render them are then not made to handle a second shape).
  const item = validateDisclosureItems([
    {
      id: text,
      indexNo: text,
      title: text,
      url: 'https://example.invalid/',
      docNo: text,
      publisher: text,
      category: text,
      publishedAt: '2020-01-01',
      validity: '有效',
      summary: text,
    },
  ]).items[0]!;
  const facet = [{ value: '2020', count: 1 }];
  const facets = { category: facet, publisher: facet, year: facet, validity: [{ value: '有效', count: 1 }] };
  const current = { q: text };
  const parts = [
    // The date format alone first: Intl makes it, a good third of an item's first render.
    () => formatDate(item.publishedAt, locale),
    () => renderItem({ item, q: text, locale, headingLevel, position: 0, open: false, onToggle: noop }),
    () => filters({ facets, current, locale, change: noop, open: false, onToggle: noop }),
    () =>
      directoryView({
        current,
        shown: { items: [], total: 100, page: 1, pageSize: 20, facets, query: current },
        // As the element passes it (an object of the same shape).
        preview: undefined,
        preparing: false,
        busy: false,
        locale,
        headingLevel,
        openItems: new Set(),
        filtersOpen: false,
        on: { change: noop, toggleFilters: noop, toggleItem: noop },
      }),
  ];
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
  const next = (): void => {
    const part = parts.shift();
    if (!part || !waiting()) return;
    render(part(), document.createElement('div'));
    idle(next);
  };
  idle(next);
}
