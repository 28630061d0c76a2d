import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/directory.js';
import type { ZwgkDirectory } from '../../src/components/directory/directory.js';
import type { DirectoryQuery } from '../../src/api/types/directory.js';
import { FUJIAN_COMMERCE_2020_DOCUMENTS } from '../../src/core/directory/fixtures.js';
import { generateDisclosureItems } from '../../src/core/directory/generate.js';
import { shadow, textOf } from './harness.js';

/** A list with one item the validation leaves out, as a same-origin URL (what `src` fetches). */
const LIST: unknown[] = [...FUJIAN_COMMERCE_2020_DOCUMENTS, ...generateDisclosureItems(3000, 17), { id: 'broken' }];
const asUrl = (payload: unknown): string => URL.createObjectURL(new Blob([JSON.stringify(payload)], { type: 'application/json' }));
const LIST_URL = asUrl({ items: LIST });
/** The same list after another key: the worker cannot read it as it comes, and parses it whole at the end. */
const LIST_AFTER_A_KEY_URL = asUrl({ source: '福建省商务厅', items: LIST });
/** The same list over a slow link (wtr-stubs.mjs): the worker indexes it while it waits for the next piece. */
const SLOW_LIST_URL = '/__stubs/slow-list/directory';
const RealWorker = window.Worker;

/** Everything the citizen sees of the results: the count, the titles, each filter's options. */
function shown(el: Element): string[] {
  const root = shadow(el);
  return [
    textOf(root.querySelector('[part="count"]')),
    ...[...root.querySelectorAll('[part="item-title"]')].map((h) => textOf(h)),
    ...[...root.querySelectorAll('select')].map((s) => [...s.options].map((o) => `${o.value}=${textOf(o)}`).join('|')),
  ];
}

async function searchable(el: ZwgkDirectory): Promise<void> {
  await waitUntil(() => textOf(shadow(el).querySelector('[part="count"]')).startsWith('共'), 'never searchable', { timeout: 10000 });
}

async function settle(el: ZwgkDirectory, query: DirectoryQuery): Promise<void> {
  const settled = oneEvent(el, 'zwgk-search');
  el.search(query);
  await settled;
}

/** Puts `replacement` in place of `window.Worker` while `body` runs, counting the workers the page starts. */
async function withWorker(replacement: typeof Worker | undefined, body: () => Promise<void>): Promise<void> {
  Object.defineProperty(window, 'Worker', { value: replacement, configurable: true, writable: true });
  try {
    await body();
  } finally {
    Object.defineProperty(window, 'Worker', { value: RealWorker, configurable: true, writable: true });
  }
}

describe('<zwgk-directory> searching a src in a worker', () => {
  it('shows the same results, order, facets and pages as searching on the page, whether it reads the list as it comes, slowly or at once, or whole', async () => {
    let started = 0;
    class CountedWorker extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'zwgk-directory') started++;
      }
    }
    // The worker's failure would go unseen in the results (the page would search itself): it says so in the console.
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    await fetch(SLOW_LIST_URL, { method: 'POST', body: JSON.stringify({ items: LIST }) });
    const ways = new Map([
      [LIST_URL, 'read as it came'],
      [LIST_AFTER_A_KEY_URL, 'parsed whole'],
      [SLOW_LIST_URL, 'read and indexed as it came'],
    ]);
    try {
      for (const [n, url] of [...ways.keys()].entries())
        await withWorker(CountedWorker, async () => {
          const inWorker = await fixture<ZwgkDirectory>(html`<zwgk-directory url-state="off" src=${url}></zwgk-directory>`);
          const onPage = await fixture<ZwgkDirectory>(html`<zwgk-directory url-state="off" .data=${{ items: LIST }}></zwgk-directory>`);
          await searchable(inWorker);
          await searchable(onPage);
          expect(started).to.equal(n + 1);
          const queries: DirectoryQuery[] = [
            {},
            { q: '便利店' },
            { q: '闽商务2020 76号' },
            { q: '外贸', sort: 'title' },
            { q: 'fj', page: 3 },
            { category: FUJIAN_COMMERCE_2020_DOCUMENTS[0]!.category, sort: 'oldest', page: 2 },
            { year: 2020, validity: '有效', publisher: FUJIAN_COMMERCE_2020_DOCUMENTS[0]!.publisher },
            { q: '没有这样的文件' },
          ];
          for (const query of queries) {
            await settle(inWorker, query);
            await settle(onPage, query);
            expect(shown(inWorker), `${ways.get(url)}: ${JSON.stringify(query)}`).to.deep.equal(shown(onPage));
            expect(inWorker.total).to.equal(onPage.total);
          }
        });
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((warning) => warning.includes('no search worker'))).to.deep.equal([]);
  });

  it('shows nothing but its loading state while its list downloads, and adds nothing to the page, though it prepares its templates meanwhile', async () => {
    const url = '/__stubs/slow-list/warm-up';
    await fetch(url, { method: 'POST', body: JSON.stringify({ items: LIST }) });
    // The templates are prepared in idle turns: count those the page gets while the list downloads.
    const realIdle = window.requestIdleCallback;
    let idleTurns = 0;
    window.requestIdleCallback = (run, options) =>
      realIdle((deadline) => {
        idleTurns++;
        run(deadline);
      }, options);
    const added: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => added.push(...record.addedNodes)));
    try {
      const el = await fixture<ZwgkDirectory>(html`<zwgk-directory url-state="off" src=${url}></zwgk-directory>`);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      const frames: string[] = [];
      let turnsWhileLoading = 0;
      while (shadow(el).querySelector('[part="loading"]')) {
        const sample = textOf(shadow(el)).includes('样') ? 'the sample' : 'no sample';
        frames.push(`${sample}, ${shadow(el).querySelectorAll('[part="item"]').length} items`);
        turnsWhileLoading = idleTurns;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      expect(frames.length, 'frames while the list downloaded').to.be.above(3);
      expect(turnsWhileLoading, 'idle turns while it downloaded').to.be.at.least(3);
      expect(new Set(frames), 'no results, count or sample shown while loading').to.deep.equal(new Set(['no sample, 0 items']));
      await searchable(el);
      observer.takeRecords().forEach((record) => added.push(...record.addedNodes));
      observer.disconnect();
      expect(added, 'nodes added to the page').to.deep.equal([]);
      expect(textOf(shadow(el).querySelector('.directory'))).not.to.contain('样');
      const onPage = await fixture<ZwgkDirectory>(html`<zwgk-directory url-state="off" .data=${{ items: LIST }}></zwgk-directory>`);
      await searchable(onPage);
      expect(shown(el)).to.deep.equal(shown(onPage));
    } finally {
      observer.disconnect();
      window.requestIdleCallback = realIdle;
    }
  });

  it('searches on the page when no worker can start, the worker fails to load, or it breaks', async () => {
    class MissingFile extends RealWorker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super('/no-such-directory-worker.js', options);
      }
    }
    const breaking = URL.createObjectURL(new Blob(['self.onmessage = () => { throw new Error("broken"); };'], { type: 'text/javascript' }));
    class Breaks extends RealWorker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(breaking, options);
      }
    }
    class Refused {
      constructor() {
        throw new DOMException('refused by the page’s CSP', 'SecurityError');
      }
    }
    for (const replacement of [undefined, MissingFile, Breaks, Refused as unknown as typeof Worker]) {
      await withWorker(replacement, async () => {
        const el = await fixture<ZwgkDirectory>(html`<zwgk-directory url-state="off" src=${LIST_URL}></zwgk-directory>`);
        await searchable(el);
        await settle(el, { q: '便利店' });
        expect(el.total, String(replacement?.name)).to.be.greaterThan(0);
      });
    }
  });
});
