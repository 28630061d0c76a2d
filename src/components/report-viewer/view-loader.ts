/**
 * What the viewer loads on first use, once per page, so the element's own entry stays small: the
 * report's tables and checker (view.ts), and DOMPurify only for narratives with markup. Server
 * rendering cannot wait for a dynamic import: `zwgk-kit/ssr` provides the view up front (and a
 * sanitiser of its own), and the element renders the report on the server.
 */
import { lazyModule } from '../base/lazy-module.js';

type View = typeof import('./view.js');
type Sanitize = (html: string) => string;

const view = lazyModule(() => import('./view.js'));
/** DOMPurify with the narrative policy (components/base/sanitize.ts). */
const sanitizer = lazyModule(() => import('../base/sanitize.js'));

export const loadView = (): Promise<View> => view.load();

/** The module, when it has arrived or was provided. */
export const loadedView = (): View | undefined => view.value;

/** For server rendering (src/ssr.ts): the module imported statically, so the first render can use it. */
export const provideView = (module: View): void => view.provide(module);

export const loadSanitizer = (): Promise<Sanitize> => sanitizer.load().then((module) => module.sanitizeNarrative);

export const loadedSanitizer = (): Sanitize | undefined => sanitizer.value?.sanitizeNarrative;
