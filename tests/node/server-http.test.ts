// The HTTP surface as a whole: CORS, rate limit, admin auth, body limits, uploads, the read
// endpoints with demo data, and every response checked against the served OpenAPI document.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Challenge } from 'altcha-lib';
import type { Hono } from 'hono';
import type { ApplicationReceipt } from '../../src/api/types/application.js';
import type { DirectoryPage, DisclosureItem } from '../../src/api/types/directory.js';
import type { FeedbackReceipt } from '../../src/api/types/feedback.js';
import type { Problem } from '../../src/api/types/problem.js';
import { createApp } from '../../src/server/app.js';
import { createDemoServer, type DemoServer } from '../../src/server/demo.js';
import { createNodeHandler } from '../../src/server/node.js';
import { notifyConfig } from '../../src/server/notify/config.js';
import { planDeliveries } from '../../src/server/notify/plan.js';
import { DEMO_LETTER_PHONE, DEMO_LETTERS } from '../../src/server/seed.js';
import { DEMO_STAFF } from '../../src/server/staff/demo-staff.js';
import { sampleApplication, sampleJpeg, sampleLetter, samplePdf, samplePng, solveProof } from '../../src/server/testing.js';
import { STAFF_ACTIONS, type StaffAccountAnswer, type StaffCase, type StaffSession } from '../../src/api/types/staff.js';

const PORTAL = 'https://portal.example.gov.cn';
const ADMIN = 'http-admin-token';
let demo: DemoServer;
let app: Hono;
const clock = new Date('2025-06-16T02:00:00Z');
let keys = 0;

/** Every response, by the OpenAPI operation it answers, for the conformance test at the end. */
const seen: { method: string; path: string; status: number; contentType: string; body: unknown }[] = [];

async function call(method: string, path: string, url: string, init: RequestInit = {}, env?: unknown): Promise<Response> {
  const response = await app.request(url, { method, ...init }, env);
  const text = await response.clone().text();
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!;
  const body = text && contentType.endsWith('json') ? JSON.parse(text) : text || undefined;
  seen.push({ method: method.toLowerCase(), path, status: response.status, contentType, body });
  return response;
}

const jsonInit = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const withKey = (headers: Record<string, string> = {}) => ({ 'Idempotency-Key': `http-${++keys}`, ...headers });

function upload(
  content: Uint8Array<ArrayBuffer> | string,
  name: string,
  type: string,
  key: string | null = `up-${++keys}`,
  extra?: (form: FormData) => void,
) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? Buffer.from(content) : content], { type }), name);
  extra?.(form);
  return call('POST', '/attachments', '/api/attachments', { headers: key ? { 'Idempotency-Key': key } : {}, body: form });
}

async function problemOf(response: Response, status: number): Promise<Problem> {
  assert.equal(response.status, status, await response.clone().text());
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return (await response.json()) as Problem;
}

before(async () => {
  demo = await createDemoServer({
    dataDir: 'memory',
    adminToken: ADMIN,
    altchaComplexity: 'test',
    corsOrigins: [PORTAL],
    now: () => clock,
  });
  app = demo.app;
});
after(() => demo.close());

describe('CORS', () => {
  test('an allow-listed portal may write: the preflight names it and the methods and headers it needs', async () => {
    const preflight = await app.request('/api/applications', {
      method: 'OPTIONS',
      headers: {
        Origin: PORTAL,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PORTAL);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const created = await call('POST', '/applications', '/api/applications', jsonInit(sampleApplication(), withKey({ Origin: PORTAL })));
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('access-control-allow-origin'), PORTAL);
  });

  test('another origin may read public data but never write, and gets no wildcard for writes', async () => {
    const evil = 'https://evil.example.com';
    const preflight = await app.request('/api/applications', {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const adminPreflight = await app.request('/api/admin/feedback/X', {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(adminPreflight.headers.get('access-control-allow-origin'), null);
    const read = await app.request('/api/disclosures', { headers: { Origin: evil } });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
    // A form post needs no preflight in a browser, so the server itself refuses it.
    const write = await call('POST', '/applications', '/api/applications', jsonInit(sampleApplication(), withKey({ Origin: evil })));
    const problem = await problemOf(write, 403);
    assert.equal(problem.type, 'urn:zwgk:problem:origin-not-allowed');
    assert.equal(write.headers.get('access-control-allow-origin'), null);
  });

  test('an allow-listed portal can read error details too (the element shows field messages)', async () => {
    const invalid = await app.request('/api/applications', { method: 'POST', ...jsonInit({}, withKey({ Origin: PORTAL })) });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.headers.get('access-control-allow-origin'), PORTAL);
    assert.match(invalid.headers.get('vary') ?? '', /Origin/);
  });

  test('answers built with their headers up front (a search, a 304, a create and its replay) carry those every other answer gets', async () => {
    const names = (response: Response) => [...response.headers.keys()].filter((name) => name !== 'content-length' && name !== 'etag');
    const valuesOf = (response: Response, list: string[]) => list.map((name) => [name, response.headers.get(name)]);
    // A problem answer gets the security and CORS headers after its handler, the slower way.
    const slow = await app.request('/api/disclosures/no-such-document', { headers: { Origin: PORTAL } });
    assert.equal(slow.status, 404);
    const common = names(slow).filter((name) => name !== 'content-type' && name !== 'content-language'); // the problem's own
    assert.ok(common.includes('content-security-policy') && common.includes('access-control-allow-origin'), common.join());

    const search = await app.request('/api/disclosures?q=%E5%A4%96%E8%B4%B8', { headers: { Origin: PORTAL } });
    assert.equal(search.status, 200);
    assert.deepEqual(valuesOf(search, common), valuesOf(slow, common));
    assert.equal(search.headers.get('content-type'), 'application/json');
    assert.equal(search.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(search.headers.get('content-length'), String(Buffer.byteLength(await search.text())));
    const repeat = await app.request('/api/disclosures?q=%E5%A4%96%E8%B4%B8', {
      headers: { Origin: PORTAL, 'If-None-Match': search.headers.get('etag')! },
    });
    assert.equal(repeat.status, 304);
    assert.deepEqual(valuesOf(repeat, common), valuesOf(slow, common));

    const key = withKey({ Origin: PORTAL });
    const created = await app.request('/api/applications', { method: 'POST', ...jsonInit(sampleApplication(), key) });
    const replayed = await app.request('/api/applications', { method: 'POST', ...jsonInit(sampleApplication(), key) });
    assert.deepEqual([created.status, replayed.status], [201, 201]);
    for (const answer of [created, replayed]) {
      assert.deepEqual(valuesOf(answer, common), valuesOf(slow, common));
      assert.equal(answer.headers.get('content-type'), 'application/json');
    }
    assert.equal(created.headers.get('idempotent-replayed'), null);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replayed.json(), await created.json());

    // Over HTTPS (as a trusted proxy says) they get HSTS too, as every other answer does.
    const overHttps = await app.request('https://localhost/api/disclosures?q=%E5%A4%96%E8%B4%B8');
    assert.equal(overHttps.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
  });

  test('same-origin writes need no allow-list entry', async () => {
    const response = await app.request('http://localhost/api/applications', {
      method: 'POST',
      ...jsonInit(sampleApplication(), withKey({ Origin: 'http://localhost' })),
    });
    assert.equal(response.status, 201);
  });
});

describe('Node listener', () => {
  test('works mounted under /api by a middleware stack that strips the prefix (Connect, Vite)', async () => {
    const handler = createNodeHandler(app);
    const server = createServer((req, res) => {
      // What Connect does for app.use('/api', handler): the prefix is cut from url, kept in originalUrl.
      const original = req.url!;
      Object.assign(req, { originalUrl: original, url: original.slice('/api'.length) || '/' });
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const contact = await fetch(`http://127.0.0.1:${port}/api/contact`);
      assert.equal(contact.status, 200);
      assert.equal(((await contact.json()) as { agency: string }).agency, '福建省商务厅');
      const search = await fetch(`http://127.0.0.1:${port}/api/disclosures?q=${encodeURIComponent('年度报告')}&pageSize=1`);
      assert.equal(((await search.json()) as DirectoryPage).items.length, 1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('rate limit', () => {
  test('creating POSTs per client address are limited with 429 and Retry-After; reads and other addresses are not', async () => {
    const limited = createApp({
      storage: demo.storage,
      adminToken: ADMIN,
      corsOrigins: [],
      rateLimit: { max: 3, windowMs: 60_000 },
      now: () => clock,
    });
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const post = (address: string) =>
      limited.request('/api/applications', { method: 'POST', ...jsonInit(sampleApplication(), withKey()) }, from(address));
    for (let i = 0; i < 3; i++) assert.equal((await post('10.0.0.1')).status, 201);
    const refused = await post('10.0.0.1');
    const problem = await problemOf(refused, 429);
    assert.equal(problem.type, 'urn:zwgk:problem:too-many-requests');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await post('10.0.0.2')).status, 201, 'another address has its own budget');
    assert.equal((await limited.request('/api/disclosures', {}, from('10.0.0.1'))).status, 200, 'reads are not limited');
    seen.push({ method: 'post', path: '/applications', status: 429, contentType: 'application/problem+json', body: problem });
  });

  test('behind a trusted proxy the last X-Forwarded-For hop is the client', async () => {
    const limited = createApp({
      storage: demo.storage,
      adminToken: ADMIN,
      corsOrigins: [],
      rateLimit: { max: 1, windowMs: 60_000 },
      trustProxy: true,
    });
    const post = (forwarded: string) =>
      limited.request('/api/feedback', { method: 'POST', ...jsonInit({}, withKey({ 'X-Forwarded-For': forwarded })) });
    assert.equal((await post('198.51.100.7, 203.0.113.1')).status, 422);
    assert.equal((await post('198.51.100.8, 203.0.113.1')).status, 429, 'a forged first hop does not escape the limit');
    assert.equal((await post('203.0.113.2')).status, 422);
  });
});

describe('limits and errors', () => {
  test('a JSON body over 64 KiB is refused with 413', async () => {
    const huge = sampleApplication({ request: { description: '很'.repeat(30_000) } });
    await problemOf(await call('POST', '/applications', '/api/applications', jsonInit(huge, withKey())), 413);
  });

  test('unknown endpoints answer a 404 problem', async () => {
    const problem = await problemOf(await app.request('/api/nothing-here'), 404);
    assert.equal(problem.type, 'urn:zwgk:problem:not-found');
  });
});

describe('POST /attachments', () => {
  // Well-formed files: the server walks each to its end.
  const pdf = Buffer.from(samplePdf()).toString('latin1');
  const png = samplePng();
  const jpeg = sampleJpeg();

  test('PDF, PNG and JPEG are accepted, typed by their content', async () => {
    const response = await upload(pdf, '身份证明.pdf', 'application/pdf');
    assert.equal(response.status, 201);
    const receipt = (await response.json()) as { id: string; name: string; size: number; type: string };
    assert.deepEqual(
      { ...receipt, id: undefined },
      { id: undefined, name: '身份证明.pdf', size: Buffer.byteLength(pdf), type: 'application/pdf' },
    );
    const scanned = (await (await upload(png, 'scan.pdf', 'application/pdf')).json()) as { type: string };
    assert.equal(scanned.type, 'image/png', 'the bytes decide, not the name');
    assert.equal(((await (await upload(jpeg, 'C:\\Users\\me\\photo.jpg', 'image/jpeg')).json()) as { name: string }).name, 'photo.jpg');
    // Stored, never served.
    assert.equal((await app.request(`/api/attachments/${receipt.id}`)).status, 404);
  });

  test('a .pdf that is really HTML is refused with 415, and so is an empty file', async () => {
    const spoofed = await problemOf(await upload('<!doctype html><script>alert(1)</script>', '申请.pdf', 'application/pdf'), 415);
    assert.equal(spoofed.type, 'urn:zwgk:problem:unsupported-media-type');
    await problemOf(await upload('', 'empty.pdf', 'application/pdf'), 415);
    await problemOf(await upload(' %PDF-1.7', 'late-magic.pdf', 'application/pdf'), 415);
  });

  test('over 10 MB is 413; two parts, no key or no multipart are refused', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(Buffer.from('%PDF-'));
    await problemOf(await upload(big, 'big.pdf', 'application/pdf'), 413);
    await problemOf(
      await upload(pdf, 'a.pdf', 'application/pdf', `up-${++keys}`, (form) => form.append('file2', new Blob([pdf]), 'b.pdf')),
      400,
    );
    await problemOf(await upload(pdf, 'a.pdf', 'application/pdf', `up-${++keys}`, (form) => form.append('note', 'hello')), 400);
    await problemOf(await upload(pdf, 'a.pdf', 'application/pdf', null), 400);
    await problemOf(await call('POST', '/attachments', '/api/attachments', jsonInit({ file: 'x' }, withKey())), 415);
  });

  test('an upload retried with its key gives the same id; another file under that key is 409', async () => {
    const first = (await (await upload(pdf, 'a.pdf', 'application/pdf', 'upload-key')).json()) as { id: string };
    const again = (await (await upload(pdf, 'a.pdf', 'application/pdf', 'upload-key')).json()) as { id: string };
    assert.equal(again.id, first.id);
    await problemOf(await upload(pdf.replace('595', '596'), 'a.pdf', 'application/pdf', 'upload-key'), 409);
  });
});

describe('directory, reports and contact', () => {
  test('GET /disclosures searches the seeded directory with facets; GET /disclosures/{id} gives one document', async () => {
    const response = await call('GET', '/disclosures', '/api/disclosures?q=政务公开&pageSize=5');
    const page = (await response.json()) as DirectoryPage;
    assert.ok(page.total > 0 && page.items.length <= 5);
    assert.ok(page.items.every((item) => /政务公开/.test(`${item.title}${item.category}${item.keywords?.join('')}${item.summary}`)));
    assert.ok(page.facets.publisher.length > 0 && page.facets.year.length > 0);
    const filtered = (await (
      await call('GET', '/disclosures', '/api/disclosures?publisher=福建省商务厅&year=2020')
    ).json()) as DirectoryPage;
    assert.ok(filtered.total > 0);
    assert.ok(filtered.items.every((item) => item.publisher === '福建省商务厅' && item.publishedAt.startsWith('2020')));
    const report = (await (await call('GET', '/disclosures/{id}', '/api/disclosures/fj-2020-annual-report')).json()) as DisclosureItem;
    assert.equal(report.title, '福建省商务厅2020年政府信息公开工作年度报告');
    await problemOf(await call('GET', '/disclosures/{id}', '/api/disclosures/no-such-document'), 404);
  });

  test('GET /reports lists the reports newest first with links that work', async () => {
    const list = (await (await call('GET', '/reports', '/api/reports')).json()) as {
      year: number;
      href: string;
      agency: string;
      format: string;
    }[];
    assert.deepEqual(
      list.map((r) => r.year),
      [2024, 2023, 2020],
    );
    assert.deepEqual(list[2], { agency: '福建省商务厅', year: 2020, format: '2019', href: '/api/reports/2020' });
    const answer = await call('GET', '/reports/{year}', list[0]!.href);
    const report = (await answer.json()) as { agency: string; year: number; format: string };
    assert.equal(report.year, 2024);
    assert.equal(report.agency, '平潭综合实验区管委会');
    const repeat = await call('GET', '/reports/{year}', list[0]!.href, { headers: { 'If-None-Match': answer.headers.get('etag')! } });
    assert.equal(repeat.status, 304, 'a repeat holding the report is not sent it again');
    await problemOf(await call('GET', '/reports/{year}', '/api/reports/1999'), 404);
    await problemOf(await call('GET', '/reports/{year}', '/api/reports/latest'), 404);
  });

  test('GET /contact gives the card of 福建省商务厅', async () => {
    const contact = await (await call('GET', '/contact', '/api/contact')).json();
    assert.deepEqual(contact, {
      agency: '福建省商务厅',
      contact: '林伟',
      phone: '0591-87270308',
      fax: '0591-87856133',
      address: '福州市铜盘路118号',
      postcode: '350003',
    });
  });

  test('the demo letters are seeded once and can be looked up', async () => {
    const list = (await (await call('GET', '/feedback', '/api/feedback?pageSize=50')).json()) as { items: { subject: string }[] };
    const published = DEMO_LETTERS.filter((l) => l.publish).map((l) => l.subject);
    assert.deepEqual(
      list.items
        .map((i) => i.subject)
        .filter((s) => published.includes(s))
        .sort(),
      [...published].sort(),
    );
    assert.ok(!list.items.some((i) => i.subject === DEMO_LETTERS.find((l) => !l.publish)!.subject));
    const letter = await call('GET', '/feedback/{queryCode}', `/api/feedback/${DEMO_LETTERS[0]!.queryCode}?contact=${DEMO_LETTER_PHONE}`);
    assert.equal(letter.status, 200);
  });
});

// ---- OpenAPI conformance ----

type Schema = Record<string, unknown>;
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** The subset of JSON Schema the document uses; returns what does not match, empty when it all does. */
function check(doc: OpenApi, schema: Schema, value: unknown, at = '$'): string[] {
  if (typeof schema.$ref === 'string') return check(doc, doc.components.schemas[schema.$ref.split('/').pop()!]!, value, at);
  const errors: string[] = [];
  const fails = (s: Schema) => check(doc, s, value, at).length > 0;
  if (Array.isArray(schema.anyOf) && schema.anyOf.every((s: Schema) => fails(s))) errors.push(`${at}: matches none of anyOf`);
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s: Schema) => !fails(s)).length !== 1)
    errors.push(`${at}: does not match exactly one of oneOf`);
  if ('const' in schema && value !== schema.const) errors.push(`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join('|')}`);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!types.some((t) => typeOk(t, value))) return [...errors, `${at}: ${JSON.stringify(value)?.slice(0, 40)} is not ${types.join('|')}`];
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength}`);
    if (typeof schema.minLength === 'number' && length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${at}: ${value} does not match ${schema.pattern}`);
    if (schema.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value))
      errors.push(`${at}: ${value} is not date-time`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => errors.push(...check(doc, schema.items as Schema, item, `${at}[${i}]`)));
  }
  if (typeOk('object', value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${at}: missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (schema.propertyNames) errors.push(...check(doc, schema.propertyNames as Schema, key, `${at} key ${key}`));
      if (properties[key]) errors.push(...check(doc, properties[key]!, item, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...check(doc, schema.additionalProperties as Schema, item, `${at}.${key}`));
    }
  }
  return errors;
}

/** 年度报告编制 end to end, signed in as the demo's head. */
async function reportAuthoringFlow(): Promise<void> {
  const head = DEMO_STAFF.find((a) => a.role === 'head')!;
  const signedIn = await app.request('/api/staff/session', { method: 'POST', ...jsonInit({ name: head.name, password: head.password }) });
  assert.equal(signedIn.status, 200, await signedIn.clone().text());
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const session = { Cookie: signedIn.headers.get('set-cookie')!.split(';')[0]!, 'X-CSRF-Token': csrfToken };
  const staff = (headers: Record<string, string> = {}, body?: unknown): RequestInit =>
    body === undefined ? { headers: { ...session, ...headers } } : jsonInit(body, { ...session, ...headers });
  const base = '/api/staff/reports/2025';
  const v = '/staff/reports/{year}/versions/{version}';
  await call('GET', '/staff/reports/{year}', base, staff());
  await call('GET', '/staff/reports/{year}', '/api/staff/reports/2018', staff());
  await call('GET', '/staff/reports/{year}', base);
  const draft = (await (await call('POST', '/staff/reports/{year}/draft', `${base}/draft`, staff())).json()) as {
    document: Record<string, unknown>;
  };
  await call('POST', '/staff/reports/{year}/draft', `${base}/draft`, staff());
  const requests = (await (await call('GET', '/applications/stats', '/api/applications/stats?year=2025')).json()) as Record<
    string,
    unknown
  >;
  const document = { ...draft.document, requests };
  await call('PUT', v, `${base}/versions/1`, staff({}, { document }));
  await call('PUT', v, `${base}/versions/1`, staff({ 'If-Match': '"1.9"' }, { document }));
  await call('PUT', v, `${base}/versions/1`, staff({ 'If-Match': '"1.1"' }, { document: { ...document, year: 'x' } }));
  await call('PUT', v, `${base}/versions/1`, staff({ 'If-Match': '"1.1"' }, { document }));
  await call('POST', `${v}/submit`, `${base}/versions/1/submit`, staff({ 'If-Match': '"1.2"' }));
  await call('POST', `${v}/return`, `${base}/versions/1/return`, staff({ 'If-Match': '"1.3"' }, { note: '请补充总体情况' }));
  await call('POST', `${v}/submit`, `${base}/versions/1/submit`, staff({ 'If-Match': '"1.4"' }));
  await call('POST', `${v}/publish`, `${base}/versions/1/publish`, staff({ 'If-Match': '"1.5"' }));
  await call('PUT', v, `${base}/versions/1`, staff({ 'If-Match': '"1.6"' }, { document }));
  await call('POST', '/staff/reports/{year}/corrections', `${base}/corrections`, staff({}, {}));
  await call('POST', '/staff/reports/{year}/corrections', `${base}/corrections`, staff({}, { note: '更正' }));
  await call('GET', '/reports/{year}/versions', '/api/reports/2025/versions');
  await call('GET', '/reports/{year}/versions', '/api/reports/2019/versions');
  await call('GET', '/reports/{year}/versions/{version}', '/api/reports/2025/versions/1');
  await call('GET', '/reports/{year}/versions/{version}', '/api/reports/2025/versions/2');
}

describe('OpenAPI document', () => {
  let doc: OpenApi;

  test('is served at /api/openapi.json as OpenAPI 3.1 with every endpoint of the contract', async () => {
    const response = await app.request('/api/openapi.json');
    assert.equal(response.status, 200);
    doc = (await response.json()) as OpenApi;
    assert.equal(doc.openapi, '3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(
      operations.sort(),
      [
        'GET /admin/deliveries',
        'GET /applications/stats',
        'GET /applications/{trackingCode}',
        'GET /contact',
        'GET /disclosures',
        'GET /disclosures/{id}',
        'GET /feedback',
        'GET /feedback/challenge',
        'GET /feedback/{queryCode}',
        'GET /reports',
        'GET /reports/{year}',
        'GET /reports/{year}/versions',
        'GET /reports/{year}/versions/{version}',
        'GET /staff/reports/{year}',
        'PATCH /admin/applications/{trackingCode}',
        'PATCH /admin/feedback/{queryCode}',
        'POST /admin/deliveries/{id}/retry',
        'GET /staff/applications/{trackingCode}/deliveries',
        'GET /staff/deliveries',
        'POST /staff/deliveries/{id}/retry',
        'POST /applications',
        'POST /applications/{trackingCode}/lookup',
        'POST /attachments',
        'POST /feedback',
        'POST /feedback/{queryCode}/lookup',
        'POST /feedback/{queryCode}/rating',
        // desk-server: the staff desk and the applicant's side of a case
        'DELETE /staff/session',
        'GET /staff/session',
        'POST /staff/session',
        'GET /staff/users',
        'POST /staff/users',
        'PATCH /staff/users/{id}',
        'POST /admin/staff-users',
        'GET /staff/applications',
        'GET /staff/applications/{trackingCode}',
        ...STAFF_ACTIONS.map((action) => `POST /staff/applications/{trackingCode}/${action}`),
        'GET /staff/applications/{trackingCode}/files/{id}',
        'GET /staff/applications/{trackingCode}/answer-letter',
        'POST /staff/applications/{trackingCode}/answer-letter',
        'POST /staff/applications/{trackingCode}/appeals',
        'PATCH /staff/applications/{trackingCode}/appeals/{id}',
        'GET /staff/appeals/stats',
        'POST /staff/files',
        'GET /staff/calendar',
        'PUT /staff/calendar/{year}',
        'POST /applications/{trackingCode}/supplement',
        'POST /applications/{trackingCode}/withdrawal',
        'POST /applications/{trackingCode}/answer-letter',
        'POST /applications/{trackingCode}/files/{id}',
        'POST /staff/reports/{year}/corrections',
        'POST /staff/reports/{year}/draft',
        'POST /staff/reports/{year}/versions/{version}/publish',
        'POST /staff/reports/{year}/versions/{version}/return',
        'POST /staff/reports/{year}/versions/{version}/submit',
        'PUT /staff/reports/{year}/versions/{version}',
      ].sort(),
    );
  });

  test('the checker used below does catch a wrong body', () => {
    const letter = {
      id: 'x',
      category: 'consult',
      subject: 's',
      message: 'm',
      reply: 'r',
      receivedOn: '2025-01-02',
      repliedOn: '2025-01-03',
      replyDepartment: 'd',
    };
    assert.deepEqual(check(doc, { $ref: '#/components/schemas/PublishedLetter' }, letter), []);
    assert.ok(
      check(doc, { $ref: '#/components/schemas/PublishedLetter' }, { ...letter, name: '陈明' }).length > 0,
      'a name in a public letter',
    );
    assert.ok(check(doc, { $ref: '#/components/schemas/ApplicationReceipt' }, { trackingCode: 'YS-0000000001' }).length > 0);
    assert.ok(check(doc, { $ref: '#/components/schemas/RequestsTable' }, { '1': [1, 2, 3] }).length > 0);
  });

  test('every response of the flows matches the schema its operation declares', async () => {
    // Walk through the endpoints not yet called above.
    const application = sampleApplication();
    const created = (await (
      await call('POST', '/applications', '/api/applications', jsonInit(application, { 'Idempotency-Key': 'oa-1' }))
    ).json()) as ApplicationReceipt;
    await call('POST', '/applications', '/api/applications', jsonInit(application, { 'Idempotency-Key': 'oa-1' }));
    await call('POST', '/applications', '/api/applications', jsonInit({ ...application, agency: 'x' }, { 'Idempotency-Key': 'oa-1' }));
    await call('POST', '/applications', '/api/applications', jsonInit({ ...application, bogus: true }, withKey()));
    await call('POST', '/applications', '/api/applications', jsonInit(application));
    await call('GET', '/applications/{trackingCode}', `/api/applications/${created.trackingCode}?phone=13912345678`);
    await call('GET', '/applications/{trackingCode}', `/api/applications/${created.trackingCode}?phone=1`);
    await call('GET', '/applications/{trackingCode}', `/api/applications/${created.trackingCode}`);
    await call(
      'POST',
      '/applications/{trackingCode}/lookup',
      `/api/applications/${created.trackingCode}/lookup`,
      jsonInit({ phone: '13912345678' }),
    );
    await call('POST', '/applications/{trackingCode}/lookup', `/api/applications/${created.trackingCode}/lookup`, jsonInit({ phone: '1' }));
    const admin = { Authorization: `Bearer ${ADMIN}` };
    const adminPatch = (patch: object, headers: Record<string, string> = admin) =>
      call('PATCH', '/admin/applications/{trackingCode}', `/api/admin/applications/${created.trackingCode}`, jsonInit(patch, headers));
    await adminPatch({ status: 'supplement-requested' });
    await adminPatch({ status: 'accepted' });
    await adminPatch({ status: 'answered', outcome: '3.1', note: '予以公开' });
    await adminPatch({ status: 'accepted' });
    await adminPatch({ status: 'closed' }, {});
    await call('GET', '/applications/stats', '/api/applications/stats?year=2025');
    await call('GET', '/applications/stats', '/api/applications/stats?year=2020');
    await call('GET', '/applications/stats', '/api/applications/stats');

    const challenge = (await (await call('GET', '/feedback/challenge', '/api/feedback/challenge')).json()) as Challenge;
    const letter = sampleLetter({ proof: await solveProof(challenge) });
    const receipt = (await (await call('POST', '/feedback', '/api/feedback', jsonInit(letter, withKey()))).json()) as FeedbackReceipt;
    await call('POST', '/feedback', '/api/feedback', jsonInit(letter, withKey()));
    await call('GET', '/feedback/{queryCode}', `/api/feedback/${receipt.queryCode}?contact=13700001111`);
    await call('POST', '/feedback/{queryCode}/rating', `/api/feedback/${receipt.queryCode}/rating`, jsonInit({ rating: 'satisfied' }));
    await call('PATCH', '/admin/feedback/{queryCode}', `/api/admin/feedback/${receipt.queryCode}`, jsonInit({ reply: '已答复' }, admin));
    await call('GET', '/feedback/{queryCode}', `/api/feedback/${receipt.queryCode}?contact=chenming@example.com`);
    await call(
      'POST',
      '/feedback/{queryCode}/lookup',
      `/api/feedback/${receipt.queryCode}/lookup`,
      jsonInit({ contact: 'chenming@example.com' }),
    );
    await call(
      'POST',
      '/feedback/{queryCode}/lookup',
      `/api/feedback/${receipt.queryCode}/lookup`,
      jsonInit({ contact: 'nobody@example.com' }),
    );
    await call('POST', '/feedback/{queryCode}/rating', `/api/feedback/${receipt.queryCode}/rating`, jsonInit({ rating: 'satisfied' }));
    await call('POST', '/feedback/{queryCode}/rating', `/api/feedback/${receipt.queryCode}/rating`, jsonInit({ rating: 'meh' }));
    await call('GET', '/feedback', '/api/feedback?page=1&pageSize=2');
    await call('GET', '/disclosures', '/api/disclosures');
    await upload('%PDF-1.4', 'x.pdf', 'application/pdf');
    await walkTheDesk(admin);
    // Notification deliveries: the events above expanded as the worker would (this app runs none), then listed.
    const hooks = notifyConfig({ webhooks: ['http://127.0.0.1:9/hook?token=secret'], webhookSecret: 's' });
    await demo.storage.notifications.planEvents(100, (event) => planDeliveries(event, hooks));
    const listed = await call('GET', '/admin/deliveries', `/api/admin/deliveries?case=${created.trackingCode}`, { headers: admin });
    const [pending] = ((await listed.json()) as { items: { id: string; recipient: string }[] }).items;
    assert.equal(pending?.recipient, 'http://127.0.0.1:9/hook', "the view hides the webhook URL's query");
    await call('GET', '/admin/deliveries', '/api/admin/deliveries?state=nonsense', { headers: admin });
    await call('GET', '/admin/deliveries', '/api/admin/deliveries');
    await call('POST', '/admin/deliveries/{id}/retry', `/api/admin/deliveries/${pending!.id}/retry`, { headers: admin });
    await call('POST', '/admin/deliveries/{id}/retry', '/api/admin/deliveries/nope/retry', { headers: admin });
    await reportAuthoringFlow();
    const staffSession = async (name: string) => {
      const { password } = DEMO_STAFF.find((s) => s.name === name)!;
      const response = await app.request('/api/staff/session', { method: 'POST', ...jsonInit({ name, password }) });
      const { csrfToken } = (await response.json()) as StaffSession;
      return { Cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'X-CSRF-Token': csrfToken };
    };
    const [clerk, staffAdmin] = [await staffSession('clerk'), await staffSession('admin')];
    const deliveriesPath = '/staff/applications/{trackingCode}/deliveries';
    const ofCase = await call('GET', deliveriesPath, `/api/staff/applications/${created.trackingCode}/deliveries`, { headers: clerk });
    const kinds = ((await ofCase.json()) as { items: { kind: string }[] }).items.map((d) => d.kind);
    assert.deepEqual(
      kinds.sort(),
      ['application.created', 'application.status-changed', 'application.status-changed', 'application.status-changed'],
      'receipt and three steps',
    );
    await call('GET', deliveriesPath, `/api/staff/applications/${created.trackingCode}/deliveries`);
    await call('GET', '/staff/deliveries', '/api/staff/deliveries?state=dead', { headers: clerk });
    await call('GET', '/staff/deliveries', '/api/staff/deliveries?state=lost', { headers: clerk });
    const forbidden = await call('POST', '/staff/deliveries/{id}/retry', `/api/staff/deliveries/${pending!.id}/retry`, { headers: clerk });
    assert.equal(forbidden.status, 403, 'only an admin retries');
    await call('POST', '/staff/deliveries/{id}/retry', `/api/staff/deliveries/${pending!.id}/retry`, { headers: staffAdmin });
    await call('POST', '/staff/deliveries/{id}/retry', '/api/staff/deliveries/nope/retry', { headers: staffAdmin });

    const failures: string[] = [];
    const covered = new Set<string>();
    for (const response of seen) {
      const operation = doc.paths[response.path]?.[response.method];
      assert.ok(operation, `${response.method} ${response.path} is documented`);
      const declared = operation.responses[String(response.status)];
      if (!declared) {
        failures.push(`${response.method} ${response.path} answered ${response.status}, which is not documented`);
        continue;
      }
      if ((response.status === 204 || response.status === 304) && !declared.content) {
        covered.add(`${response.method} ${response.path}`);
        continue;
      }
      const schema = declared.content?.[response.contentType]?.schema;
      if (!schema) {
        failures.push(`${response.method} ${response.path} ${response.status}: ${response.contentType} is not documented`);
        continue;
      }
      covered.add(`${response.method} ${response.path}`);
      for (const error of check(doc, schema, response.body))
        failures.push(`${response.method} ${response.path} ${response.status}: ${error}`);
    }
    assert.deepEqual(failures, []);
    const all = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    assert.deepEqual(
      all.filter((op) => !covered.has(op)),
      [],
      'every operation was exercised',
    );
  });
});

/** Every staff and applicant-case operation once (and some refusals), through `call`, for the conformance test. */
async function walkTheDesk(admin: Record<string, string>): Promise<void> {
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  for (const { name, password } of DEMO_STAFF) {
    const response = await call('POST', '/staff/session', '/api/staff/session', jsonInit({ name, password }));
    assert.equal(response.status, 200, await response.clone().text());
    const session = (await response.json()) as StaffSession;
    sessions[name] = { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: session.csrfToken };
  }
  await call('POST', '/staff/session', '/api/staff/session', jsonInit({ name: 'clerk', password: 'wrong-password' }));
  await call('POST', '/staff/session', '/api/staff/session', jsonInit({ name: 'clerk' }));
  const as = (who: string, extra: Record<string, string> = {}) => ({
    Cookie: sessions[who]!.cookie,
    'X-CSRF-Token': sessions[who]!.csrf,
    ...extra,
  });
  const staff = (who: string, method: string, path: string, url: string, body?: unknown, extra: Record<string, string> = {}) =>
    call(method, path, url, body === undefined ? { headers: as(who, extra) } : jsonInit(body, as(who, extra)));
  const act = async (who: string, code: string, action: string, body: unknown = {}) =>
    staff(who, 'POST', `/staff/applications/{trackingCode}/${action}`, `/api/staff/applications/${code}/${action}`, body, withKey());
  const ok = async (response: Promise<Response>) => {
    const answer = await response;
    assert.ok(answer.status < 300, `${answer.status} ${await answer.clone().text()}`);
    return answer;
  };

  await staff('clerk', 'GET', '/staff/session', '/api/staff/session');
  await call('GET', '/staff/session', '/api/staff/session');
  await staff('admin', 'GET', '/staff/users', '/api/staff/users');
  await staff('clerk', 'GET', '/staff/users', '/api/staff/users');
  const account = (await (
    await ok(staff('admin', 'POST', '/staff/users', '/api/staff/users', { name: 'oa-clerk', role: 'clerk' }))
  ).json()) as StaffAccountAnswer;
  await staff('admin', 'POST', '/staff/users', '/api/staff/users', { name: 'oa-clerk', role: 'clerk' });
  await ok(staff('admin', 'PATCH', '/staff/users/{id}', `/api/staff/users/${account.account.id}`, { resetPassword: true }));
  await staff('admin', 'PATCH', '/staff/users/{id}', '/api/staff/users/no-such-id', { disabled: true });
  await ok(
    call(
      'POST',
      '/admin/staff-users',
      '/api/admin/staff-users',
      jsonInit({ name: 'oa-head', role: 'head', password: 'oa-head-password' }, admin),
    ),
  );
  await call('POST', '/admin/staff-users', '/api/admin/staff-users', jsonInit({ name: 'oa-head', role: 'head' }));

  const submit = async () =>
    (
      (await (
        await call('POST', '/applications', '/api/applications', jsonInit(sampleApplication(), withKey()))
      ).json()) as ApplicationReceipt
    ).trackingCode;
  const a = await submit();
  const b = await submit();
  const c = await submit();
  await ok(staff('clerk', 'GET', '/staff/applications', '/api/staff/applications?dueWithin=30'));
  await staff('clerk', 'GET', '/staff/applications', '/api/staff/applications?status=bogus');
  await ok(staff('head', 'GET', '/staff/applications/{trackingCode}', `/api/staff/applications/${a}`));
  await staff('head', 'GET', '/staff/applications/{trackingCode}', '/api/staff/applications/YS-NOSUCHCODE');

  await ok(act('clerk', a, 'request-supplement', { triggers: ['description-unclear'], detail: '请写明文号' }));
  await ok(call('GET', '/applications/{trackingCode}', `/api/applications/${a}?phone=13912345678`));
  await ok(
    call(
      'POST',
      '/applications/{trackingCode}/supplement',
      `/api/applications/${a}/supplement`,
      jsonInit({ phone: '13912345678', text: '闽商务〔2020〕76号' }, withKey()),
    ),
  );
  await call(
    'POST',
    '/applications/{trackingCode}/supplement',
    `/api/applications/${a}/supplement`,
    jsonInit({ phone: '13900000000', text: 'x' }, withKey()),
  );
  await ok(act('clerk', b, 'request-supplement', { triggers: ['contact'] }));
  await ok(act('clerk', b, 'record-supplement', { text: '电话补正' }));
  await act('clerk', b, 'abandon');
  await ok(act('clerk', a, 'consult', { party: '第三方' }));
  await ok(act('clerk', a, 'record-consultation-reply', { reply: '同意公开' }));
  await ok(act('clerk', a, 'request-extension', { days: 20, reason: '情况复杂' }));
  await act('clerk', a, 'decide-extension', { approve: true });
  await ok(act('head', a, 'decide-extension', { approve: true }));
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.7 released')]), '公开件.pdf');
  const file = (await (
    await ok(call('POST', '/staff/files', '/api/staff/files', { headers: as('clerk', withKey()), body: form }))
  ).json()) as { id: string };
  const bad = new FormData();
  bad.append('file', new Blob([Buffer.from('<svg onload=alert(1)>')]), 'x.svg');
  await call('POST', '/staff/files', '/api/staff/files', { headers: as('clerk', withKey()), body: bad });
  await ok(
    staff('clerk', 'POST', '/staff/applications/{trackingCode}/answer-letter', `/api/staff/applications/${a}/answer-letter`, {
      outcome: '3.1',
    }),
  );
  await staff('clerk', 'POST', '/staff/applications/{trackingCode}/answer-letter', `/api/staff/applications/${a}/answer-letter`, {
    outcome: '9',
  });
  await staff('clerk', 'GET', '/staff/applications/{trackingCode}/answer-letter', `/api/staff/applications/${a}/answer-letter`);
  const answered = (await (await ok(act('clerk', a, 'answer', { outcome: '3.1', files: [file.id] }))).json()) as StaffCase;
  assert.equal(answered.status, 'answered');
  await ok(staff('clerk', 'GET', '/staff/applications/{trackingCode}/answer-letter', `/api/staff/applications/${a}/answer-letter`));
  await ok(staff('clerk', 'GET', '/staff/applications/{trackingCode}/files/{id}', `/api/staff/applications/${a}/files/${file.id}`));
  await staff('admin', 'GET', '/staff/applications/{trackingCode}/files/{id}', `/api/staff/applications/${a}/files/${file.id}`);
  await ok(call('GET', '/applications/{trackingCode}', `/api/applications/${a}?phone=13912345678`));
  await ok(
    call('POST', '/applications/{trackingCode}/answer-letter', `/api/applications/${a}/answer-letter`, jsonInit({ phone: '13912345678' })),
  );
  await call(
    'POST',
    '/applications/{trackingCode}/answer-letter',
    `/api/applications/${a}/answer-letter`,
    jsonInit({ phone: '13900000000' }),
  );
  await ok(
    call('POST', '/applications/{trackingCode}/files/{id}', `/api/applications/${a}/files/${file.id}`, jsonInit({ phone: '13912345678' })),
  );
  await call('POST', '/applications/{trackingCode}/files/{id}', `/api/applications/${a}/files/${file.id}`, jsonInit({}));
  await ok(act('head', a, 'close'));
  await act('head', a, 'close');
  await ok(act('clerk', c, 'accept', { reason: '已电话确认' }));
  await ok(
    call(
      'POST',
      '/applications/{trackingCode}/withdrawal',
      `/api/applications/${c}/withdrawal`,
      jsonInit({ phone: '13912345678' }, withKey()),
    ),
  );
  await call(
    'POST',
    '/applications/{trackingCode}/withdrawal',
    `/api/applications/${c}/withdrawal`,
    jsonInit({ phone: '13912345678' }, withKey()),
  );

  const appeal = (await (
    await ok(
      staff(
        'clerk',
        'POST',
        '/staff/applications/{trackingCode}/appeals',
        `/api/staff/applications/${a}/appeals`,
        { kind: 'reconsideration', result: 'pending', filedOn: '2025-06-16' },
        withKey(),
      ),
    )
  ).json()) as { id: string };
  await staff(
    'clerk',
    'POST',
    '/staff/applications/{trackingCode}/appeals',
    `/api/staff/applications/${a}/appeals`,
    { kind: 'litigation', result: 'pending', filedOn: '2025-06-16' },
    withKey(),
  );
  await ok(
    staff('clerk', 'PATCH', '/staff/applications/{trackingCode}/appeals/{id}', `/api/staff/applications/${a}/appeals/${appeal.id}`, {
      result: 'upheld',
    }),
  );
  await ok(staff('head', 'GET', '/staff/appeals/stats', '/api/staff/appeals/stats?year=2025'));
  await staff('head', 'GET', '/staff/appeals/stats', '/api/staff/appeals/stats');
  await ok(staff('clerk', 'GET', '/staff/calendar', '/api/staff/calendar'));
  await ok(
    staff('admin', 'PUT', '/staff/calendar/{year}', '/api/staff/calendar/2027', {
      holidays: ['2027-01-01'],
      workdays: [],
      notice: '国办发明电〔2026〕1号',
    }),
  );
  await staff('clerk', 'PUT', '/staff/calendar/{year}', '/api/staff/calendar/2027', { holidays: [], workdays: [], notice: 'x' });
  await staff('clerk', 'DELETE', '/staff/session', '/api/staff/session', undefined, { 'X-CSRF-Token': 'wrong' });
  assert.equal((await staff('clerk', 'DELETE', '/staff/session', '/api/staff/session')).status, 204);
}
