/**
 * The request log: one JSON object per line, so a hostile path (`%0A`, `%1B`,
 * `%00`) can neither forge a line nor put raw control bytes in the file.
 * JSON.stringify escapes C0 controls; the replacer also escapes DEL, C1 and
 * the Unicode line separators, which some log viewers break lines on.
 */
export type LogSink = (line: string) => void;

const UNSAFE_FOR_LOGS = /[\u007f-\u009f\u2028\u2029]/g;

export function logLine(fields: Record<string, string | number | boolean | undefined>): string {
  return JSON.stringify(fields).replace(UNSAFE_FOR_LOGS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The path as it was sent (still %-encoded), without the query string, where phone numbers travel. */
export function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.indexOf('?', start);
  return start === -1 ? '/' : url.slice(start, end === -1 ? undefined : end);
}
