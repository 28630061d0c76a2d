/**
 * A local SMTP sink on loopback (the smtp-server package): it accepts every
 * mail and keeps it in memory, parsed. The demo (`npm start`) sends its mail
 * here and shows it on demo/mail.html; the tests and `npm run bench:notify`
 * receive real SMTP through it. Development only: smtp-server and mailparser
 * are devDependencies, and the production server never imports this file.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** envelope recipients */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** lower-case header name → value */
  headers: Record<string, string>;
  receivedAt: string;
}

export interface MailSink {
  /** smtp://127.0.0.1:<port> */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** false: every recipient gets a temporary refusal (451), as a mail server that is down for maintenance */
  accepting: boolean;
  /** resolves once `count` messages have arrived */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startMailSink(options: { port?: number; keep?: number } = {}): Promise<MailSink> {
  const keep = options.keep ?? Infinity;
  const waiters = new Set<() => void>();
  const sink: MailSink = {
    url: '',
    port: 0,
    messages: [],
    accepting: true,
    waitFor(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (sink.messages.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(sink.messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${sink.messages.length} of ${count} mails arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(_address, _session, callback) {
      if (sink.accepting) return callback();
      const refusal = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 });
      callback(refusal);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          sink.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            headers,
            receivedAt: new Date().toISOString(),
          });
          if (sink.messages.length > keep) sink.messages.splice(0, sink.messages.length - keep);
          for (const waiter of [...waiters]) waiter();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  return sink;
}
