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

export interface BufferedSink {
  sink: LogSink;
  /** Writes what is waiting now (on shutdown, before exiting). */
  flush(): void;
}

/**
 * A sink that writes its lines in batches: one write per `flushMs` (or per `maxBytes` of lines) rather than
 * one per request, since a write to a pipe or file is synchronous in Node and costs the request its time.
 */
export function bufferedSink(write: (text: string) => void, { flushMs = 100, maxBytes = 64 * 1024 } = {}): BufferedSink {
  let waiting: string[] = [];
  let bytes = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const text = `${waiting.join('\n')}\n`;
    waiting = [];
    bytes = 0;
    write(text);
  };
  return {
    sink(line) {
      waiting.push(line);
      bytes += line.length;
      if (bytes >= maxBytes) flush();
      else timer ??= setTimeout(flush, flushMs);
    },
    flush,
  };
}
