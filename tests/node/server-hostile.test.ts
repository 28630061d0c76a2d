// Hostile input against every endpoint the server documents (so endpoints added later are covered too):
// NUL, lone surrogates, bidi overrides, malformed escapes and huge strings in the URL; runaway nesting,
// prototype keys, wrong types and unstorable text in every field of a JSON body. Not one may be a 5xx,
// and every refusal is a problem+json a client can read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Problem } from '../../src/api/types/problem.js';
import { createDemoServer, type DemoServer } from '../../src/server/demo.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { DEMO_LETTER_PHONE, DEMO_LETTERS } from '../../src/server/seed.js';
import { sampleApplication, sampleLetter } from '../../src/server/testing.js';

const ADMIN = 'hostile-admin-token-0123456789abcdef0123456789';
// The suite makes thousands of failed look-ups from one address; their throttle has its own tests.
const UNLIMITED_LOOKUPS = {
  perCode: { free: 1e9, baseDelayMs: 1, maxDelayMs: 1, forgetAfterMs: 1 },
  perAddress: { free: 1e9, baseDelayMs: 1, maxDelayMs: 1, forgetAfterMs: 1 },
};
let demo: DemoServer;
let app: Hono;
let keys = 0;
const failures: string[] = [];

const HOSTILE_SEGMENTS = ['%00', '%ED%A0%80', '%E2%80%AE', '%0A', '%1B%5B31m', '%', '%E0%A4%A', '__proto__', 'x'.repeat(8000)];
const HOSTILE_VALUES = ['%00', '%ED%A0%80', '%EF%BF%BE', '%E2%80%AE139', '%0D%0Aforged', 'a'.repeat(6000), '%', '%zz'];
const HOSTILE_STRINGS = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202e\u202d', '\u200b\u200b\u200b', 'x'.repeat(70_000)];
const WRONG_TYPES: unknown[] = [0, -1, 1e308, true, null, [], {}, [[[]]], { a: { b: 1 } }];

/** Every path of the document with a sample of each path parameter. */
const SAMPLE_PARAM: Record<string, string> = {
  trackingCode: 'YS-ABCDEFGHJK',
  queryCode: DEMO_LETTERS[0]!.queryCode,
  id: 'x',
  year: '2024',
};

function operations(): { method: string; template: string }[] {
  const paths = (openApiDocument as unknown as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths).flatMap(([template, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
      .map((method) => ({ method: method.toUpperCase(), template })),
  );
}

const fill = (template: string, value?: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => value ?? SAMPLE_PARAM[name] ?? 'x');

async function send(label: string, method: string, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${ADMIN}`);
  if (method === 'POST') headers.set('Idempotency-Key', `hostile-${++keys}`);
  let response: Response;
  try {
    response = await app.request(`http://localhost/api${url}`, { method, ...init, headers });
  } catch (error) {
    failures.push(`${label}: threw ${String(error)}`);
    return new Response(null, { status: 599 });
  }
  const text = await response.text();
  if (response.status >= 500) failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
  else if (response.status >= 400) {
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/problem+json')) failures.push(`${label}: ${response.status} answered as ${type}`);
    else {
      const problem = JSON.parse(text) as Problem;
      if (problem.status !== response.status || !problem.title) failures.push(`${label}: a problem without status or title`);
      for (const error of problem.errors ?? [])
        if (error.field !== '' && !error.field.startsWith('/')) failures.push(`${label}: field ${error.field}`);
    }
  }
  return new Response(text, { status: response.status, headers: response.headers });
}

/** Every leaf of `body` replaced in turn by `value`: one body per leaf. */
function eachLeaf(body: unknown, value: unknown, at = ''): { at: string; body: unknown }[] {
  if (body && typeof body === 'object') {
    const out: { at: string; body: unknown }[] = [];
    for (const [key, item] of Object.entries(body)) {
      const copy = (b: unknown) => (Array.isArray(body) ? Object.assign([...body], { [key]: b }) : { ...(body as object), [key]: b });
      out.push({ at: `${at}/${key}`, body: copy(value) });
      for (const inner of eachLeaf(item, value, `${at}/${key}`)) out.push({ at: inner.at, body: copy(inner.body) });
    }
    return out;
  }
  return [];
}

const json = (body: unknown): RequestInit => ({
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /applications': sampleApplication(),
  'POST /feedback': sampleLetter({ proof: Buffer.from('null').toString('base64') }),
  'POST /feedback/{queryCode}/rating': { rating: 'satisfied', contact: DEMO_LETTER_PHONE },
  'PATCH /admin/applications/{trackingCode}': { status: 'accepted', note: '受理' },
  'PATCH /admin/feedback/{queryCode}': { status: 'processing', reply: '答复', replyDepartment: '办公室', publish: true },
};

before(async () => {
  demo = await createDemoServer({
    dataDir: 'memory',
    adminToken: ADMIN,
    altchaComplexity: 'test',
    rateLimit: false,
    lookupLimits: UNLIMITED_LOOKUPS,
  });
  app = demo.app;
});
after(() => demo.close());

describe('hostile input: never a 5xx, always a readable problem', () => {
  test('the document lists the endpoints the suite walks', () => {
    assert.ok(operations().length >= 15, 'every documented operation is attacked');
  });

  test('hostile path segments and query values on every endpoint', async () => {
    for (const { method, template } of operations()) {
      const hasParam = template.includes('{');
      for (const segment of HOSTILE_SEGMENTS) {
        const url = hasParam ? fill(template, segment) : `${template}/${segment}`;
        await send(`${method} ${url.slice(0, 80)}`, method, url, method === 'GET' ? {} : json({}));
      }
      for (const name of ['phone', 'contact', 'q', 'year', 'page', 'pageSize', 'category', 'sort', '%00', '__proto__']) {
        for (const value of HOSTILE_VALUES) {
          const url = `${fill(template)}?${name}=${value}&${name}=2`;
          await send(`${method} ${url.slice(0, 80)}`, method, url, method === 'GET' ? {} : json({}));
        }
      }
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('a NUL in the code of a look-up is a 400 naming the problem, not a database error', async () => {
    const response = await send('nul code', 'GET', `/applications/%00?phone=${DEMO_LETTER_PHONE}`);
    assert.equal(response.status, 400);
    const contact = await send('nul contact', 'GET', `/feedback/${DEMO_LETTERS[0]!.queryCode}?contact=138%0000000000`);
    assert.equal(contact.status, 400);
    const problem = (await contact.json()) as Problem;
    assert.equal(problem.errors?.[0]?.field, '/contact');
    assert.equal(problem.errors?.[0]?.code, 'text.forbiddenCharacters');
    assert.deepEqual(failures.splice(0), []);
  });

  test('bodies nested thousands deep are 400 before anything walks them', async () => {
    for (const [operation] of Object.entries(SAMPLE_BODIES)) {
      const [method, template] = operation.split(' ') as [string, string];
      for (const depth of [33, 4_000, 20_000]) {
        for (const text of ['['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)]) {
          const response = await send(`${operation} depth ${depth}`, method, fill(template), json(text.slice(0, 60_000)));
          assert.ok(response.status === 400 || response.status === 413, `${operation} depth ${depth}: ${response.status}`);
        }
      }
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('every field of every JSON body: unstorable text, wrong types, prototype keys', async () => {
    for (const [operation, sample] of Object.entries(SAMPLE_BODIES)) {
      const [method, template] = operation.split(' ') as [string, string];
      const url = fill(template);
      for (const value of [...HOSTILE_STRINGS, ...WRONG_TYPES]) {
        for (const { at, body } of eachLeaf(sample, value))
          await send(`${operation} ${at}=${JSON.stringify(value).slice(0, 20)}`, method, url, json(body));
      }
      for (const body of [
        'null',
        '[]',
        '"text"',
        '42',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
        '{"a":"\\u0000"}',
      ]) {
        await send(`${operation} ${body}`, method, url, json(body));
      }
      for (const key of ['__proto__', 'constructor', 'prototype', '\u0000', '\ud800']) {
        const text = JSON.stringify(sample).replace(/^\{/, `{${JSON.stringify(key)}:{"polluted":true},`);
        const response = await send(`${operation} key ${JSON.stringify(key)}`, method, url, json(text));
        assert.ok(response.status >= 400 && response.status < 500, `${operation} key ${JSON.stringify(key)}: ${response.status}`);
      }
    }
    assert.deepEqual(failures.splice(0), []);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a NUL or lone surrogate in a text field is a 422 pointing at that field', async () => {
    const body = sampleApplication();
    for (const bad of ['张\u0000三', '张\ud800三']) {
      const response = await send('nul name', 'POST', '/applications', json({ ...body, applicant: { ...body.applicant, name: bad } }));
      assert.equal(response.status, 422);
      const problem = (await response.json()) as Problem;
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        ['/applicant/name'],
      );
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('an ALTCHA proof that is base64 of null, a number or garbage is refused with 403, never 500', async () => {
    for (const proof of ['null', '0', '[]', '{"challenge":null}', '{"challenge":{"parameters":null},"solution":{}}', '\u0000']) {
      const letter = sampleLetter({ proof: Buffer.from(proof).toString('base64') });
      const response = await send(`proof ${proof}`, 'POST', '/feedback', json(letter));
      assert.equal(response.status, 403, proof);
    }
    assert.deepEqual(failures.splice(0), []);
  });
});
