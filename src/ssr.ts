/**
 * `zwgk-kit/ssr`: import once in server code that renders the elements with @lit-labs/ssr (Next.js,
 * Nuxt, Astro, a plain Node server), before rendering. It gives server rendering what the browser loads
 * on demand: the directory's search of its own list, the report viewer's tables and checker, and a sanitiser
 * for its narrative parts that needs no DOM (htmlparser2 and the narrative policy the browser's DOM sanitiser
 * applies). With it, a directory given `data` renders its results on the server, and a viewer given `data` the
 * whole report, which hydrates in the browser without sanitising it again.
 * Not for the browser: it carries htmlparser2.
 *
 * On the server an element sees only its own attributes, not the page around it: `setServerContext` tells it
 * the page's language and theme (what `<html lang>` and a `theme` ancestor tell it in the browser).
 */
import * as localSearch from './components/directory/local-search.js';
import * as reportView from './components/report-viewer/view.js';
import { setServerContext as setContext, type ServerContext } from './components/base/context.js';
import { addEveryEnglishMessage, loadLocale, toSupportedLocale } from './i18n/locale.js';
import { templates as everyEnglishMessage } from './i18n/locales/en.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { provideView } from './components/report-viewer/view-loader.js';
import { provideLocalSearch } from './components/directory/local-search-loader.js';
import { setServerSanitizer } from './components/report-viewer/narrative.js';
import { parseWithHtmlparser2 } from './core/report/import/parse-htmlparser2.js';
import { sanitizedNarrative } from './core/report/import/html-tree.js';

provideLocalSearch(localSearch);
provideView(reportView);
// A server render may use any element's messages: all of them, once (the browser loads them element by element).
addEveryEnglishMessage(everyEnglishMessage, runtimeMsg);
setServerSanitizer((html) => sanitizedNarrative(parseWithHtmlparser2(html)));

export type { ServerContext };

/**
 * The page's `lang` and `theme` for the renders that follow (an element's own attributes still win); resolves
 * once the language's messages are loaded. Call it before each page's render: it applies to the whole process,
 * so pages rendered at the same time in different languages set `lang` on the elements instead.
 */
export async function setServerContext(context: ServerContext): Promise<void> {
  setContext(context);
  await loadLocale(toSupportedLocale(context.lang));
}
