// Shared by the notification tests: a real HTTP receiver on loopback, and the signature check as README documents it.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import vm from 'node:vm';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** the status the receiver answered */
  status: number;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** requests answered 2xx */
  accepted(): ReceivedRequest[];
  /**
   * How the next requests are answered, in order: a status, or `'hang'` (no answer: the sender times out).
   * When the list is used up, 200.
   */
  script: (number | 'hang')[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const hanging = new Set<() => void>();
  const receiver: Receiver = {
    url: '',
    requests: [],
    accepted: () => receiver.requests.filter((r) => r.status >= 200 && r.status < 300),
    script: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of hanging) end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const next = receiver.script.shift() ?? 200;
      if (next === 'hang') {
        receiver.requests.push({ path: req.url ?? '', headers: req.headers, body, status: 0 });
        const end = () => res.destroy();
        hanging.add(end);
        res.on('close', () => hanging.delete(end));
        return;
      }
      receiver.requests.push({ path: req.url ?? '', headers: req.headers, body, status: next });
      res.writeHead(next, { 'Content-Type': 'text/plain' }).end(next < 300 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

/** The verification snippet exactly as README.md shows it, run as a receiver would run it. */
export function readmeSignatureCheck(): (secret: string, header: string, rawBody: string) => boolean {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const code = /<!-- signature-snippet -->\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('README.md has no signature snippet');
  const context = vm.createContext({ require: createRequire(import.meta.url), Buffer, Date, Number, Object, String, Math });
  vm.runInContext(`${code}\nglobalThis.verify = verifyZwgkSignature;`, context);
  return context.verify as (secret: string, header: string, rawBody: string) => boolean;
}
