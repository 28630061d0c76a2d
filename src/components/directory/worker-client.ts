/**
 * The page's side of the search worker (search-worker.ts): starts it for a
 * `src`, and sends it the query shown, keeping only the answer to the latest.
 * The worker is a same-origin file: in the dev servers the TypeScript source,
 * in the builds `zwgk-directory-worker.js` beside the bundle. Where it cannot
 * start or breaks (no Worker, a CSP without `worker-src 'self'`, the file not
 * deployed), `unavailable` says so and the loader does the work itself.
 */
import type { DirectoryPage, DirectoryQuery, DisclosureItem } from '../../api/types/directory.js';
import type { LoadError } from '../base/controllers/request.js';
import type { FromWorker, ListCheck, ToWorker } from './worker-protocol.js';

export interface SearchWorkerListeners {
  preview: (items: DisclosureItem[]) => void;
  /** The list is indexed (or, with `check.error`, nothing in it can be shown). */
  ready: (check: ListCheck) => void;
  failed: (error: LoadError) => void;
  /** The worker did not start, or broke: nothing more comes from it. */
  unavailable: () => void;
}

/** The worker's URL: the source file under a dev server (a module ending in .ts), the shipped file in a build. */
export function directoryWorkerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(/\.ts(\?|$)/.test(moduleUrl) ? './search-worker.ts' : './zwgk-directory-worker.js', moduleUrl);
}

export class SearchWorker {
  /** A query was sent and its answer has not come yet. */
  pending = false;
  private latest = 0;
  private answer?: (page: DirectoryPage) => void;

  private constructor(private readonly worker: Worker) {}

  /** Starts a worker loading `load.url`; undefined when this browser cannot start one. */
  static start(load: Omit<Extract<ToWorker, { type: 'load' }>, 'type'>, on: SearchWorkerListeners): SearchWorker | undefined {
    let worker: Worker;
    try {
      if (typeof Worker !== 'function') return undefined;
      worker = new Worker(directoryWorkerUrl(), { type: 'module', name: 'zwgk-directory' });
    } catch {
      return undefined;
    }
    const client = new SearchWorker(worker);
    const broke = (event: Event): void => {
      event.preventDefault();
      client.terminate();
      on.unavailable();
    };
    worker.onerror = broke;
    worker.onmessageerror = broke;
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'page') client.answered(data.id, data.page);
      else if (data.type === 'preview') on.preview(data.items);
      else if (data.type === 'ready') on.ready(data.check);
      else on.failed(data.error);
    };
    client.post({ type: 'load', ...load });
    return client;
  }

  /** Asks for the results of `query`; `done` gets them unless a later search was asked for meanwhile. */
  search(query: DirectoryQuery, done: (page: DirectoryPage) => void): void {
    this.pending = true;
    this.answer = done;
    this.post({ type: 'query', id: ++this.latest, query });
  }

  terminate(): void {
    this.worker.onmessage = this.worker.onerror = this.worker.onmessageerror = null;
    this.worker.terminate();
    this.pending = false;
  }

  private answered(id: number, page: DirectoryPage): void {
    if (id !== this.latest) return;
    this.pending = false;
    this.answer?.(page);
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
