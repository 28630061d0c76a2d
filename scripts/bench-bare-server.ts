/**
 * The baseline of `npm run bench:server`: a bare Hono app on the same @hono/node-server and the same database as
 * the kit's server, with nothing of the kit's in front — no validation, no guard, no headers, no idempotency.
 *
 *   POST /api/applications   parses the JSON body and INSERTs it as one row (one statement), 201 with a code
 *   GET  /api/disclosures    the kit's own JSON for `?q=` of BENCH_TERMS, computed once at start and sent as is
 *
 * PostgreSQL when DATABASE_URL is set (the table goes in BENCH_SCHEMA), else PGlite in ZWGK_DATA_DIR.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { queryDirectory } from '../src/core/directory/query.js';
import { createDirectoryIndex } from '../src/core/directory/search-index.js';
import { parseDirectoryQuery } from '../src/core/directory/url-state.js';
import { demoDirectoryItems } from '../src/server/seed.js';

const env = process.env;
const TABLE = `CREATE TABLE IF NOT EXISTS bare_applications (
  tracking_code text PRIMARY KEY, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`;
const INSERT = `INSERT INTO bare_applications (tracking_code, body) VALUES ($1, $2::jsonb)`;

let insert: (code: string, body: string) => Promise<unknown>;
let close: () => Promise<void>;
if (env.DATABASE_URL) {
  const schema = env.BENCH_SCHEMA ?? 'public';
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, options: `-c search_path=${schema}` });
  await pool.query(TABLE);
  insert = (code, body) => pool.query(INSERT, [code, body]);
  close = () => pool.end();
} else {
  const db = await PGlite.create(env.ZWGK_DATA_DIR ?? 'memory://');
  await db.exec(TABLE);
  insert = (code, body) => db.query(INSERT, [code, body]);
  close = () => db.close();
}

const index = createDirectoryIndex(demoDirectoryItems());
const answers = new Map<string, string>();
for (const q of JSON.parse(env.BENCH_TERMS ?? '[]') as string[]) {
  answers.set(q, JSON.stringify(queryDirectory(index, parseDirectoryQuery({ q }))));
}

const app = new Hono().basePath('/api');
app.post('/applications', async (c) => {
  const body = await c.req.json<unknown>();
  const trackingCode = randomUUID();
  await insert(trackingCode, JSON.stringify(body));
  return c.json({ trackingCode }, 201);
});
app.get('/disclosures', (c) => {
  const json = answers.get(c.req.query('q') ?? '');
  return json === undefined ? c.notFound() : c.body(json, 200, { 'Content-Type': 'application/json' });
});

const listener = getRequestListener(app.fetch);
const server = createServer((req, res) => void listener(req, res));
await new Promise<void>((resolve) => server.listen(Number(env.PORT ?? 0), env.HOST ?? '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
console.log(`bare server listening on http://127.0.0.1:${port}/api (storage: ${env.DATABASE_URL ? 'postgres' : 'pglite'})`);

process.on('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  void close().then(() => process.exit(0));
});
