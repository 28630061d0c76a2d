/**
 * What the viewer loads on first use, once per page, so the element's own entry stays small: the
 * report's tables, checker and narrative sanitiser (view.ts). Server rendering cannot wait for a dynamic
 * import: `zwgk-kit/ssr` provides the view up front (and a sanitiser of its own), and the element renders
 * the report on the server.
 */
import { lazyModule } from '../base/lazy-module.js';

type View = typeof import('./view.js');

/**
 * The view, and beside it the narrative policy, which the build puts in a chunk of its own that the sanitiser
 * imports: the browser would find it only once view.js and then the sanitiser's chunk have arrived, one more
 * round trip (400 ms on a slow link); asked for together, it comes with the view's other imports.
 */
const view = lazyModule(() =>
  Promise.all([import('./view.js'), import('../../core/report/narrative-policy.js')]).then(([module]) => module),
);

export const loadView = (): Promise<View> => view.load();

/** The module, when it has arrived or was provided. */
export const loadedView = (): View | undefined => view.value;

/** For server rendering (src/ssr.ts): the module imported statically, so the first render can use it. */
export const provideView = (module: View): void => view.provide(module);
