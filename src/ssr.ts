/**
 * `zwgk-kit/ssr`: import once in server code that renders the elements with @lit-labs/ssr (Next.js,
 * Nuxt, Astro, a plain Node server), before rendering. It gives server rendering what the browser loads
 * on demand: the report viewer's tables and checker, and a sanitiser for its narrative parts that needs
 * no DOM (htmlparser2 and the same allowlist DOMPurify uses in the browser). With it, a viewer given
 * `data` renders the whole report on the server and hydrates in the browser without DOMPurify.
 * Not for the browser: it carries htmlparser2.
 */
import * as reportView from './components/report-viewer/view.js';
import { provideView } from './components/report-viewer/view-loader.js';
import { setServerSanitizer } from './components/report-viewer/narrative.js';
import { parseWithHtmlparser2 } from './core/report/import/parse-htmlparser2.js';
import { sanitizedNarrative } from './core/report/import/html-tree.js';

provideView(reportView);
setServerSanitizer((html) => sanitizedNarrative(parseWithHtmlparser2(html)));
