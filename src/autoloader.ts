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

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
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
