/**
 * What the viewer loads on first use, once per page, so the element's own entry stays small: the
 * report's tables and checker (view.ts), and DOMPurify only for narratives with markup. Server
 * rendering cannot wait for a dynamic import: `zwgk-kit/ssr` provides the view up front (and a
 * sanitiser of its own), and the element renders the report on the server.
 */
type View = typeof import('./view.js');

let loaded: View | undefined;
let loading: Promise<View> | undefined;

export function loadView(): Promise<View> {
  loading ??= import('./view.js').then(
    (view) => (loaded = view),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The module, when it has arrived or was provided. */
export const loadedView = (): View | undefined => loaded;

/** For server rendering (src/ssr.ts): the module imported statically, so the first render can use it. */
export function provideView(view: View): void {
  loaded = view;
  loading = Promise.resolve(view);
}

type Sanitize = (html: string) => string;
let sanitizer: Sanitize | undefined;
let loadingSanitizer: Promise<Sanitize> | undefined;

/** DOMPurify with the narrative policy (components/base/sanitize.ts). */
export function loadSanitizer(): Promise<Sanitize> {
  loadingSanitizer ??= import('../base/sanitize.js').then(
    (module) => (sanitizer = module.sanitizeNarrative),
    (error: unknown) => {
      loadingSanitizer = undefined;
      throw error;
    },
  );
  return loadingSanitizer;
}

export const loadedSanitizer = (): Sanitize | undefined => sanitizer;
