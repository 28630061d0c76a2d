/**
 * The autoloader (`<script type="module" src="…/cdn/autoloader.js">`): defines each zwgk element when it
 * first appears in the page — now or later, as a CMS or a framework adds it — by loading only that
 * element's code. A page with one contact card downloads the contact card, not the directory or the form.
 * What an element needs only sometimes (English messages, the report's tables and sanitiser, the mailbox's
 * proof solver) stays lazy as it is everywhere.
 */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'zwgk-application-form': () => import('./application-form.js'),
  'zwgk-application-status': () => import('./application-status.js'),
  'zwgk-contact-card': () => import('./contact-card.js'),
  'zwgk-directory': () => import('./directory.js'),
  'zwgk-feedback-mailbox': () => import('./feedback-mailbox.js'),
  'zwgk-report-editor': () => import('./report-editor.js'),
  'zwgk-report-viewer': () => import('./report-viewer.js'),
  'zwgk-request-desk': () => import('./request-desk.js'),
};

/**
 * The chunks each element's chunk imports (`tags`: indexes into `chunks`, the files in chunks/ without their
 * `.js`), and those it import()s as soon as it shows its data (`shown`), written in by the CDN build
 * (vite.cdn.config.ts). They are fetched beside the element's chunk (`<link rel="modulepreload">`) instead of
 * one round trip after it — `shown` only when the element shows data at once (showsAtOnce): on a slow link
 * each round trip is a visible wait. Empty in other builds, where a bundler has already joined the chunks.
 */
const PRELOAD: { chunks: string[]; tags: Record<string, number[]>; shown: Record<string, number[]> } = JSON.parse(
  '{"chunks":[],"tags":{},"shown":{}}',
);

/**
 * The attributes holding a URL that an element fetches as it is, as soon as it is defined. The autoloader
 * fetches them beside the element's code (`<link rel="preload" as="fetch">`, which the element's own fetch then
 * takes over), so the data does not wait for the code. (Not the directory's `src`: in remote mode it asks for
 * pages of it, by other URLs.)
 */
const FETCHED: Record<string, string[]> = {
  'zwgk-contact-card': ['src'],
  'zwgk-report-viewer': ['src', 'versions-src'],
};

// (Through a constant: Vite rewrites a literal `new URL(…, import.meta.url)` as an asset to bundle.)
const HERE = import.meta.url;
const requested = new Set<string>();
const preloaded = new Set<string>();

function preload(rel: 'modulepreload' | 'preload', href: string): void {
  if (preloaded.has(href)) return;
  preloaded.add(href);
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  // What the element's fetch() asks for (a CORS request, credentials for the same origin only), or the
  // browser would not hand the preloaded answer to it.
  if (rel === 'preload') Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous' });
  document.head.append(link);
}

/** `url` made absolute against the page, or undefined when it is not a URL. */
function absolute(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return undefined;
  }
}

function load(element: Element): void {
  const tag = element.localName;
  if (customElements.get(tag)) return;
  const urls = (FETCHED[tag] ?? []).map((name) => element.getAttribute(name)).filter(Boolean) as string[];
  for (const url of urls) {
    const href = absolute(url);
    // An unreadable URL is the element's to report (its error state), not a reason not to load it.
    if (href) preload('preload', href);
  }
  // The directory searches a list of its own at once when it has one (no `src`, and a <table> or inline JSON
  // child, or `data` set already); the others show data at once when they have a URL to fetch.
  const showsAtOnce =
    tag === 'zwgk-directory' ? !element.hasAttribute('src') && (element.childElementCount > 0 || 'data' in element) : urls.length > 0;
  const chunks = [...(PRELOAD.tags[tag] ?? []), ...(showsAtOnce ? (PRELOAD.shown[tag] ?? []) : [])];
  for (const index of chunks) preload('modulepreload', new URL(`./chunks/${PRELOAD.chunks[index]}.js`, HERE).href);
  if (requested.has(tag)) return;
  requested.add(tag);
  ELEMENTS[tag]().catch((error: unknown) => {
    requested.delete(tag); // a later appearance tries again (the network may be back)
    console.error(`[zwgk-kit autoloader] could not load <${tag}>:`, error);
  });
}

/** Loads every zwgk element in `root` (and `root` itself) that is not defined yet. */
function discover(root: Element | Document): void {
  if (root instanceof Element && root.localName in ELEMENTS) load(root);
  for (const element of root.querySelectorAll(':not(:defined)')) if (element.localName in ELEMENTS) load(element);
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
}).observe(document.documentElement, { childList: true, subtree: true });
