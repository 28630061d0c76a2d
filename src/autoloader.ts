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
 * `.js`), written in by the CDN build (vite.cdn.config.ts). They are fetched beside the element's chunk
 * (`<link rel="modulepreload">`) instead of one round trip after it: on a slow link each round trip is a
 * visible wait. Empty in other builds, where a bundler has already joined the chunks.
 */
const PRELOAD: { chunks: string[]; tags: Record<string, number[]> } = JSON.parse('{"chunks":[],"tags":{}}');

// (Through a constant: Vite rewrites a literal `new URL(…, import.meta.url)` as an asset to bundle.)
const HERE = import.meta.url;
const requested = new Set<string>();
const preloaded = new Set<number>();

function preload(tag: string): void {
  for (const index of PRELOAD.tags[tag] ?? []) {
    if (preloaded.has(index)) continue;
    preloaded.add(index);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`./chunks/${PRELOAD.chunks[index]}.js`, HERE).href;
    document.head.append(link);
  }
}

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  preload(tag);
  ELEMENTS[tag]().catch((error: unknown) => {
    requested.delete(tag); // a later appearance tries again (the network may be back)
    console.error(`[zwgk-kit autoloader] could not load <${tag}>:`, error);
  });
}

/** Loads every zwgk element in `root` (and `root` itself) that is not defined yet. */
function discover(root: Element | Document): void {
  if (root instanceof Element && root.localName in ELEMENTS) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) if (element.localName in ELEMENTS) load(element.localName);
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
}).observe(document.documentElement, { childList: true, subtree: true });
