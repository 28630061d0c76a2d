import { ApiError } from '../../api/client.js';
import type { AnnualReport, ReportLocale } from '../../api/types/report.js';
import type { ImportProblem } from '../../core/report/import/types.js';

const TIMEOUT_MS = 20_000;

/** A published report page that `src` answered with, read into the document in the browser. */
export class ImportedPage {
  constructor(
    readonly report: AnnualReport,
    /** What could not be read, and what is worth a look. */
    readonly problems: readonly ImportProblem[],
    private readonly renderNote: (page: ImportedPage, locale: ReportLocale) => unknown,
  ) {}

  /** The note above the report (imported-note.ts), which loads with the importer. */
  note(locale: ReportLocale): unknown {
    return this.renderNote(this, locale);
  }
}

/**
 * Fetches the viewer's `src`: the report document as JSON, or a published report page
 * (content type text/html, or a body that starts with `<`) which is imported here with the
 * browser's own parser. The importer (and the note about it) loads only when a page arrives.
 */
export async function fetchReportSource(src: string, init: { signal: AbortSignal; headers?: Record<string, string> }): Promise<unknown> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TIMEOUT_MS);
  const onAbort = () => timeout.abort();
  init.signal.addEventListener('abort', onAbort, { once: true });
  let response: Response;
  let text: string;
  try {
    response = await fetch(src, {
      headers: { Accept: 'application/json, text/html;q=0.9', ...init.headers },
      signal: timeout.signal,
      credentials: 'same-origin',
    });
    text = await response.text();
  } catch (error) {
    if (init.signal.aborted) throw new ApiError('aborted', 'The request was cancelled.');
    if (timeout.signal.aborted) throw new ApiError('timeout', `No answer within ${TIMEOUT_MS} ms.`);
    throw new ApiError('network', `The server could not be reached: ${String(error)}`);
  } finally {
    clearTimeout(timer);
    init.signal.removeEventListener('abort', onAbort);
  }
  if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
  const isPage = /text\/html|application\/xhtml/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
  if (isPage) {
    const { importReportInBrowser, renderImportedNote } = await import('./imported-page.js');
    const { report, problems } = importReportInBrowser(text);
    return new ImportedPage(report, problems, renderImportedNote);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('malformed', 'The server answered with something that is neither JSON nor a report page.', response.status);
  }
}
