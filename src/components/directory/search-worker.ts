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

/** Items indexed in one turn while the list downloads: a couple of milliseconds, so the next piece is read soon. */
const ITEMS_PER_TURN = 1000;

async function load(url: string, previewSize: number | undefined): Promise<void> {
  // The list is parsed and validated batch by batch while it downloads (payload-reader.ts), and indexed in the turns
  // the download leaves idle.
  const validated: ValidatedItems = { items: [], problems: [] };
  const seen = new Set<string>();
  const growing = new DirectoryIndexBuilder();
  let indexing = false;
  let downloaded = false;
  /** Indexes up to `limit` validated items not indexed yet; true when none are left. */
  const indexValidated = (limit: number): boolean => {
    const { items } = validated;
    const end = Math.min(items.length, growing.length + limit);
    for (let k = growing.length; k < end; k++) growing.add(items[k]!);
    return growing.length === items.length;
  };
  // A piece already downloaded is read at once (its read resolves without a new task), so these turns, each a new
  // task, come only while the worker waits for the network: where the CPU is what limits (a slow phone on a fast
  // link), the list is indexed at the end, after the preview, as when it is parsed whole.
  const indexWhileIdle = async (): Promise<void> => {
    indexing = true;
    do await yieldToBrowser();
    while (!downloaded && !indexValidated(ITEMS_PER_TURN));
    indexing = false;
  };
  const reader = new PayloadReader((from) => {
    validateRange(reader.items, from, reader.items.length, validated, seen);
    if (!indexing) void indexWhileIdle();
  });
  let raw: unknown;
  try {
    raw = await requestJsonAsItArrives(url, reader);
  } catch (error) {
    scope.postMessage({ type: 'checked', check: failed(toLoadError(error)) });
    return;
  } finally {
    downloaded = true;
  }
  const list = payloadList(raw);
  if (!list) {
    scope.postMessage({ type: 'checked', check: failed(NOT_A_LIST) });
    return;
  }
  // The newest page first (when the query asks for it), shown while the index is finished: all of it when the list
  // was parsed whole, what the download left no time for when it was read as it came. Even when that is the last batch
  // only, a page on a slow phone starts laying results out sooner, and the rest of the page comes later in its own task.
  const preview = previewSize === undefined ? [] : newestValidItems(reader.listed ? validated.items : list, previewSize);
  scope.postMessage({ type: 'preview', items: preview });
  const { items, problems } = reader.listed ? validated : validateDisclosureItems(list);
  const check = checkList(items.length, problems, list.length);
  if (!check.error && reader.listed) {
    indexValidated(Infinity);
    index = growing.done(items);
  } else if (!check.error) index = runToEnd(directoryIndexSteps(items));
  scope.postMessage({ type: 'checked', check });
  if (!index) return;
  // What only makes search faster, in slices: queries that come meanwhile are answered between them (by scanning).
  await runInSlices(postingsSteps(index), { pause: yieldToBrowser, sliceMs: 4 });
  // The title order from collation keys: some 2× sooner than by merging (the page's way), one longer step (a native sort).
  await runInSlices(titleOrderByKeys(index), { pause: yieldToBrowser, sliceMs: 4 });
}
