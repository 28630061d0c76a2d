/**
 * The enhanced-table source: a server-rendered `<table>` child whose header
 * cells carry `data-field="title"`, `data-field="docNo"`… is read into items.
 * The table is trusted page content, but its text is still only ever text.
 */
import type { DisclosureItem, DisclosureValidity } from '../../api/types/directory.js';
import { isIsoDate } from '../../core/directory/validate.js';

/** The item fields a header cell's `data-field` may name. */
const FIELDS = [
  'id',
  'indexNo',
  'title',
  'url',
  'docNo',
  'publisher',
  'category',
  'publishedAt',
  'writtenAt',
  'keywords',
  'validity',
  'summary',
] as const;
type Field = (typeof FIELDS)[number];

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A date as portals write it — 2020-08-14, 2020/8/14, 2020.08.14, 2020年8月14日 — as YYYY-MM-DD; undefined when it is not one. */
export function isoDateFromText(text: string): string | undefined {
  const match = DATE.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** 有效 / 失效 / 废止 from a cell's words (已废止, 现行有效…); undefined when none is named. */
export function validityFromText(text: string): DisclosureValidity | undefined {
  if (text.includes('废止')) return '废止';
  if (text.includes('失效')) return '失效';
  if (text.includes('有效')) return '有效';
  return undefined;
}

const cellText = (cell: Element | undefined): string => (cell?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The columns of a table: field per column position, from the header row's `data-field`. */
function columns(table: HTMLTableElement): (Field | undefined)[] {
  const header = table.tHead?.rows[0] ?? [...table.rows].find((row) => row.querySelector('th[data-field]'));
  if (!header) return [];
  const fields: (Field | undefined)[] = [];
  for (const cell of header.cells) {
    const field = cell.dataset.field as Field | undefined;
    for (let span = 0; span < cell.colSpan; span++) fields.push(field && FIELDS.includes(field) ? field : undefined);
  }
  return fields;
}

/**
 * The table's rows as items. A row's `url` is its `data-field="url"` cell, else
 * the link in its title cell, else its first link (kept as written, relative
 * or not; it is checked when shown). `id` is the row's `data-id` or `id`, else
 * its position. Rows without a title are skipped. Returns null when no header
 * cell names a field, so the element leaves the table as it is.
 */
export function readDirectoryTable(table: HTMLTableElement): DisclosureItem[] | null {
  const fields = columns(table);
  if (!fields.includes('title')) return null;
  const bodies = table.tBodies.length ? [...table.tBodies] : [table];
  const items: DisclosureItem[] = [];
  for (const body of bodies) {
    for (const row of body.rows) {
      if (row.parentElement === table.tHead || row.cells.length === 0 || row.querySelector('th[data-field]')) continue;
      const cells = new Map<Field, HTMLTableCellElement>();
      let position = 0;
      for (const cell of row.cells) {
        const field = fields[position];
        if (field && !cells.has(field)) cells.set(field, cell);
        position += cell.colSpan;
      }
      const text = (field: Field): string => cellText(cells.get(field));
      const title = text('title');
      if (!title) continue;
      const urlCell = cells.get('url');
      const link = urlCell?.querySelector('a[href]') ?? cells.get('title')?.querySelector('a[href]') ?? row.querySelector('a[href]');
      const item: DisclosureItem = {
        id: row.dataset.id || row.id || `row-${items.length + 1}`,
        indexNo: text('indexNo'),
        title,
        url: (urlCell?.querySelector('a[href]') ? undefined : text('url')) || link?.getAttribute('href') || '',
        publisher: text('publisher'),
        category: text('category'),
        publishedAt: isoDateFromText(text('publishedAt')) ?? '',
      };
      const docNo = text('docNo');
      if (docNo) item.docNo = docNo;
      const writtenAt = isoDateFromText(text('writtenAt'));
      if (writtenAt) item.writtenAt = writtenAt;
      const keywords = text('keywords')
        .split(/[\s,，;；、]+/)
        .filter(Boolean);
      if (keywords.length) item.keywords = keywords;
      const validity = validityFromText(text('validity'));
      if (validity) item.validity = validity;
      const summary = text('summary');
      if (summary) item.summary = summary;
      items.push(item);
    }
  }
  return items;
}
