/**
 * The directory's search as a dedicated worker: for a `src` in client mode it
 * fetches the list (parsing and validating it batch by batch while it
 * downloads), indexes it, and answers queries, so
 * the page's main thread never holds 100,000 items and only receives the page
 * of results it shows and the facet counts. A same-origin module file (the
 * builds ship it beside the bundle as `zwgk-directory-worker.js`), so
 * `worker-src 'self'` allows it. The element falls back to doing the same on
 * the main thread, in short tasks, where no worker starts (loader.ts).
 *
 * Messages in and out: see worker-protocol.ts.
 */
import { requestJsonAsItArrives } from '../../api/client.js';
import { toLoadError } from '../base/controllers/request.js';
import { postingsSteps } from '../../core/directory/idle-steps.js';
import { titleOrderByKeys } from '../../core/directory/title-order.js';
import { queryDirectory } from '../../core/directory/query.js';
import { runInSlices } from '../../core/directory/slices.js';
import { DirectoryIndexBuilder, directoryIndexSteps, runToEnd, type DirectoryIndex } from '../../core/directory/text-index.js';
import { PayloadReader } from '../../core/directory/payload-reader.js';
import { payloadList, validateDisclosureItems, validateRange, type ValidatedItems } from '../../core/directory/validate.js';
import { newestValidItems, yieldToBrowser } from './catalog.js';
import { NOT_A_LIST, checkList, failed, type FromWorker, type ToWorker } from './worker-protocol.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage: (message: FromWorker) => void;
};

let index: DirectoryIndex | undefined;

scope.onmessage = ({ data }) => {
  // Anything unforeseen is thrown where the page's `error` event sees it (a rejected promise would not be): the page
  // then does the work itself rather than wait.
  if (data.type === 'load')
    load(data.url, data.previewSize).catch((error: unknown) =>
      setTimeout(() => {
        throw error;
      }),
    );
  else if (index) scope.postMessage({ type: 'page', id: data.id, page: queryDirectory(index, data.query) });
};

async function load(url: string, previewSize: number | undefined): Promise<void> {
  // The list is parsed, validated and indexed batch by batch while it downloads (payload-reader.ts).
  const validated: ValidatedItems = { items: [], problems: [] };
  const seen = new Set<string>();
  const growing = new DirectoryIndexBuilder();
  const reader = new PayloadReader((from) => {
    const { items } = validated;
    const before = items.length;
    validateRange(reader.items, from, reader.items.length, validated, seen);
    for (let k = before; k < items.length; k++) growing.add(items[k]!);
  });
  let raw: unknown;
  try {
    raw = await requestJsonAsItArrives(url, reader);
  } catch (error) {
    scope.postMessage({ type: 'checked', check: failed(toLoadError(error)) });
    return;
  }
  const list = payloadList(raw);
  if (!list) {
    scope.postMessage({ type: 'checked', check: failed(NOT_A_LIST) });
    return;
  }
  // The newest page first (when the query asks for it), shown while the index is finished: all of it when the list
  // was parsed whole, its last steps (some 15 ms for 100,000 items) when it was read as it came.
  const preview = previewSize === undefined ? [] : newestValidItems(reader.listed ? validated.items : list, previewSize);
  scope.postMessage({ type: 'preview', items: preview });
  const { items, problems } = reader.listed ? validated : validateDisclosureItems(list);
  const check = checkList(items.length, problems, list.length);
  if (!check.error) index = reader.listed ? growing.done(items) : runToEnd(directoryIndexSteps(items));
  scope.postMessage({ type: 'checked', check });
  if (!index) return;
  // What only makes search faster, in slices: queries that come meanwhile are answered between them (by scanning).
  await runInSlices(postingsSteps(index), { pause: yieldToBrowser, sliceMs: 4 });
  // The title order from collation keys: some 2× sooner than by merging (the page's way), one longer step (a native sort).
  await runInSlices(titleOrderByKeys(index), { pause: yieldToBrowser, sliceMs: 4 });
}
