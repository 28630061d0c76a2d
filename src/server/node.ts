/** Node's HTTP server around the app: a listener to mount at `/api`, and a standalone server. */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { API_BASE } from './app.js';
import { gzipAnswers } from './compression.js';
import { securityHeaders } from './headers.js';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * A Node listener for the app. Mounted under `/api` by Connect (Vite) the URL
 * arrives without the prefix; the original URL or the prefix is put back.
 */
export function createNodeHandler(app: Hono): NodeHandler {
  const listener = getRequestListener(app.fetch);
  return (req, res) => {
    const url = req.url ?? '/';
    if (url !== API_BASE && !url.startsWith(`${API_BASE}/`) && !url.startsWith(`${API_BASE}?`)) {
      const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl;
      req.url = original?.startsWith(API_BASE) ? original : `${API_BASE}${url === '/' ? '' : url}`;
    }
    void listener(req, res);
  };
}

export interface StartServerOptions {
  app: Hono;
  /** 0 picks a free port */
  port: number;
  host: string;
  /** a built demo to serve at `/` beside the API */
  staticDir?: string;
  /** reverse proxies in front (for HSTS behind a TLS-terminating proxy) */
  trustProxy?: number;
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:8787 */
  origin: string;
  close(): Promise<void>;
}

export async function startServer({ app, port, host, staticDir, trustProxy = 0 }: StartServerOptions): Promise<RunningServer> {
  let root: Hono = app;
  if (staticDir && existsSync(staticDir)) {
    root = new Hono();
    root.route('/', app);
    // The demo pages get a page policy (the API's own answers already carry the API's).
    root.use('/*', securityHeaders('page', trustProxy));
    // The pages, the kit's scripts and stylesheets gzipped for a browser, as a web server in front would send them.
    root.use('/*', gzipAnswers());
    root.use('/*', serveStatic({ root: staticDir }));
  }
  const listener = getRequestListener(root.fetch);
  const server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
