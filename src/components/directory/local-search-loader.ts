/**
 * The search on the page (local-search.ts), loaded once per page when a directory first searches its own list.
 * Server rendering cannot wait for a dynamic import: `zwgk-kit/ssr` provides the module up front, and a
 * directory given `data` renders its results on the server.
 */
import { lazyModule } from '../base/lazy-module.js';

export type LocalSearch = typeof import('./local-search.js');

const localSearch = lazyModule(() => import('./local-search.js'));

export const loadLocalSearch = (): Promise<LocalSearch> => localSearch.load();

/** The module, when it has arrived or was provided. */
export const loadedLocalSearch = (): LocalSearch | undefined => localSearch.value;

/** For server rendering (src/ssr.ts): the module imported statically, so the first render can use it. */
export const provideLocalSearch = (module: LocalSearch): void => localSearch.provide(module);
