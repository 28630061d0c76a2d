import { VALIDITIES } from './url-state.js';
import { isIsoDate, isText } from './validate.js';

/**
 * Whether a complete item (its required fields checked, its id text) is exactly what validation's copy would make
 * of it: each optional field it has is valid and would be kept as it is, and it has no other field. Then the item
 * itself can be kept: `validateDisclosureItems(list, { keepAsIs: isItemAsIs })`.
 *
 * Only for a list from the caller's own `JSON.parse`, which nothing else holds (the directory's worker parses what it
 * fetched): the copies of 100,000 items were half the time validation took, with the collections they caused. Never
 * for a list a page handed over: its objects stay the page's, and a change it made to one would reach the index unseen.
 * Its own file, so that only the worker carries it.
 */
export function isItemAsIs(raw: Record<string, unknown>): boolean {
  const { docNo, summary, writtenAt, validity, keywords } = raw;
  let fields = 7; // id, indexNo, title, url, publisher, category, publishedAt
  if (docNo !== undefined) {
    if (typeof docNo !== 'string' || docNo === '') return false;
    fields++;
  }
  if (summary !== undefined) {
    if (typeof summary !== 'string' || summary === '') return false;
    fields++;
  }
  if (writtenAt !== undefined) {
    if (!isIsoDate(writtenAt)) return false;
    fields++;
  }
  if (validity !== undefined) {
    if (!(VALIDITIES as readonly unknown[]).includes(validity)) return false;
    fields++;
  }
  if (keywords !== undefined) {
    if (!Array.isArray(keywords) || keywords.length === 0 || !keywords.every(isText)) return false;
    fields++;
  }
  // Counted with for…in, which makes no array (Object.keys did, and took back half the gain): an object from
  // JSON.parse inherits no enumerable field, so every field counted is its own.
  let own = 0;
  for (const _field in raw) own++;
  return own === fields;
}
