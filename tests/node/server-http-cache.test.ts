// Over real HTTP (the Node adapter, as `npm run serve` runs it): directory answers, reports and the contact card a
// portal's cache can keep (ETag, Cache-Control, 304 on If-None-Match), gzip for browsers, body limits that still refuse an oversize POST however it is sent
// and leave reads alone, the request log written in batches, and the reply deadline memoised per receipt day
// but recomputed once the office enters a year.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { ApplicationReceipt } from '../../src/api/types/application.js';
import type { AnnualReport } from '../../src/api/types/report.js';
import { provisionalReplyDueDate } from '../../src/core/calendar/index.js';
import { queryDirectory } from '../../src/core/directory/query.js';
import { createDirectoryIndex } from '../../src/core/directory/search-index.js';
import { parseDirectoryQuery } from '../../src/core/directory/url-state.js';
import { createDemoServer, type DemoServer } from '../../src/server/demo.js';
import { bufferedSink } from '../../src/server/log.js';
import { startServer, type RunningServer } from '../../src/server/node.js';
import { DEMO_CONTACT, demoDirectoryItems } from '../../src/server/seed.js';
import { createOfficeCalendar } from '../../src/server/staff/office-calendar.js';
import { sampleApplication } from '../../src/server/testing.js';

const PORTAL = 'https://portal.example.gov.cn';
let demo: DemoServer;
let running: RunningServer;
let api: string;

before(async () => {
  demo = await createDemoServer({ dataDir: 'memory', corsOrigins: [PORTAL], rateLimit: false });
  running = await startServer({ app: demo.app, port: 0, host: '127.0.0.1' });
  api = `${running.origin}/api`;
});
after(async () => {
  await running.close();
  await demo.close();
});

/**
 * A request as sent, and its answer's bytes as they came: Node's client adds no Content-Length for a body written in
 * chunks, and decompresses nothing.
 */
function exchange(
  url: string,
  headers: Record<string, string> = {},
  { method = 'GET', chunks = [] }: { method?: string; chunks?: string[] } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers }, (res) => {
      const received: Buffer[] = [];
      res.on('data', (chunk: Buffer) => received.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(received) }));
    });
    sent.on('error', reject);
    for (const chunk of chunks) sent.write(chunk);
    sent.end();
  });
}

/** A request to the API with its body in `chunks`: the answer's status, type and text. */
async function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: string[],
): Promise<{ status: number; type: string; body: string }> {
  const answer = await exchange(`${api}${path}`, headers, { method, chunks });
  return { status: answer.status, type: String(answer.headers['content-type']), body: answer.body.toString() };
}

describe('directory answers caches can keep', () => {
  const search = '/disclosures?q=%E5%A4%96%E8%B4%B8';

  test('a search carries a strong ETag and Cache-Control, and its bytes are the directory core’s JSON', async () => {
    const response = await fetch(`${api}${search}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(response.headers.get('content-type'), 'application/json');
    const expected = JSON.stringify(queryDirectory(createDirectoryIndex(demoDirectoryItems()), parseDirectoryQuery({ q: '外贸' })));
    assert.equal(await response.text(), expected);
  });

  test('a repeat with If-None-Match is a 304 without a body, still with its validators and CORS', async () => {
    const first = await fetch(`${api}${search}`, { headers: { Origin: PORTAL } });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await fetch(`${api}${search}`, { headers: { 'If-None-Match': ifNoneMatch, Origin: PORTAL } });
      assert.equal(again.status, 304, ifNoneMatch);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(again.headers.get('access-control-allow-origin'), PORTAL);
      assert.match(again.headers.get('vary') ?? '', /Origin/);
    }
    const stale = await fetch(`${api}${search}`, { headers: { 'If-None-Match': '"not-this-one"' } });
    assert.equal(stale.status, 200);
    assert.ok((await stale.text()).startsWith('{"items":['));
  });

  test('another query has another ETag; one document is cacheable too; HEAD gives the validators alone', async () => {
    const one = await fetch(`${api}${search}`);
    const page2 = await fetch(`${api}${search}&page=2`);
    assert.notEqual(one.headers.get('etag'), page2.headers.get('etag'));
    const id = demoDirectoryItems()[0]!.id;
    const item = await fetch(`${api}/disclosures/${encodeURIComponent(id)}`);
    assert.equal(item.status, 200);
    assert.equal(((await item.json()) as { id: string }).id, id);
    const itemAgain = await fetch(`${api}/disclosures/${encodeURIComponent(id)}`, {
      headers: { 'If-None-Match': item.headers.get('etag')! },
    });
    assert.equal(itemAgain.status, 304);
    const head = await fetch(`${api}${search}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), one.headers.get('etag'));
    assert.equal(await head.text(), '');
    assert.equal((await fetch(`${api}/disclosures/no-such-id`)).status, 404);
  });
});

describe('reports and the contact card caches can keep', () => {
  test('the contact card, given at start, is kept as a directory answer is: strong ETag, a minute fresh, a 304 on a repeat', async () => {
    const card = await exchange(`${api}/contact`);
    assert.equal(card.status, 200);
    assert.deepEqual(JSON.parse(card.body.toString()), DEMO_CONTACT);
    assert.match(card.headers.etag ?? '', /^"[\w-]+"$/);
    assert.equal(card.headers['cache-control'], 'public, max-age=60');
    const again = await exchange(`${api}/contact`, { 'If-None-Match': card.headers.etag!, Origin: PORTAL });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, card.headers.etag);
    assert.equal(again.headers['access-control-allow-origin'], PORTAL);
  });

  test('a report and the list are asked again each time (no-cache) and a repeat is a 304, gzipped or not', async () => {
    const list = await exchange(`${api}/reports`);
    assert.equal(list.headers['cache-control'], 'public, no-cache');
    assert.equal((await exchange(`${api}/reports`, { 'If-None-Match': list.headers.etag! })).status, 304);
    const { href } = (JSON.parse(list.body.toString()) as { href: string }[])[0]!;

    const plain = await exchange(`${running.origin}${href}`);
    assert.equal(plain.status, 200);
    assert.match(plain.headers.etag ?? '', /^"[\w-]+"$/);
    assert.equal(plain.headers['cache-control'], 'public, no-cache');
    const repeat = await exchange(`${running.origin}${href}`, { 'If-None-Match': plain.headers.etag! });
    assert.equal(repeat.status, 304);
    assert.equal(repeat.body.length, 0);
    assert.equal(repeat.headers.etag, plain.headers.etag);

    // gzipped, the 200's ETag is weak (hono's compress); the 304 to that request names it the same way
    const gzipped = await exchange(`${running.origin}${href}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gzipped.headers.etag, `W/${plain.headers.etag}`);
    const gzippedRepeat = await exchange(`${running.origin}${href}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': gzipped.headers.etag! });
    assert.equal(gzippedRepeat.status, 304);
    assert.equal(gzippedRepeat.headers.etag, gzipped.headers.etag);
    assert.match(String(gzippedRepeat.headers.vary), /Accept-Encoding/);
  });

  test('a report’s history and each published version revalidate the same way', async () => {
    const { href } = (JSON.parse((await exchange(`${api}/reports`)).body.toString()) as { href: string }[])[0]!;
    const history = await exchange(`${running.origin}${href}/versions`);
    assert.equal(history.status, 200);
    assert.equal(history.headers['cache-control'], 'public, no-cache');
    assert.equal((await exchange(`${running.origin}${href}/versions`, { 'If-None-Match': history.headers.etag! })).status, 304);
    const first = (JSON.parse(history.body.toString()) as { href: string }[]).at(-1)!.href;
    const version = await exchange(`${running.origin}${first}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(version.status, 200);
    assert.equal(version.headers['content-encoding'], 'gzip');
    assert.match(version.headers.etag ?? '', /^W\/"[\w-]+"$/);
    assert.equal(version.headers['cache-control'], 'public, no-cache');
    const again = await exchange(`${running.origin}${first}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': version.headers.etag! });
    assert.equal(again.status, 304);
    assert.equal(again.headers.etag, version.headers.etag);
  });

  test('a correction published while the server runs is served at once: the old ETag no longer gives a 304', async () => {
    const { href, year } = (JSON.parse((await exchange(`${api}/reports`)).body.toString()) as { href: string; year: number }[])[0]!;
    const before = await exchange(`${running.origin}${href}`);
    const report = JSON.parse(before.body.toString()) as AnnualReport;
    const versions = await demo.storage.listReportVersions(year);
    const at = new Date().toISOString();
    const staff = { id: 'test', name: '测试' };
    await demo.storage.createReportVersion({
      year,
      version: versions.length + 1,
      status: 'published',
      revision: 1,
      document: { ...report, agency: `${report.agency}（更正）` },
      sources: {},
      note: '更正',
      returnNote: null,
      createdAt: at,
      createdBy: staff,
      updatedAt: at,
      updatedBy: staff,
      submittedAt: null,
      submittedBy: null,
      publishedAt: at,
      publishedBy: staff,
    });
    const after = await exchange(`${running.origin}${href}`, { 'If-None-Match': before.headers.etag! });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal((JSON.parse(after.body.toString()) as AnnualReport).agency, `${report.agency}（更正）`);
  });
});

describe('gzip for browsers', () => {
  const search = '/disclosures?q=%E5%A4%96%E8%B4%B8';
  const json = () => JSON.stringify(queryDirectory(createDirectoryIndex(demoDirectoryItems()), parseDirectoryQuery({ q: '外贸' })));

  test('a directory answer goes gzipped to a request that takes gzip, with an ETag of its own, and as it is to one that does not', async () => {
    const plain = await exchange(`${api}${search}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), json());
    assert.match(plain.headers.etag ?? '', /^"[\w-]+"$/);

    const gzipped = await exchange(`${api}${search}`, { 'Accept-Encoding': 'gzip, deflate, br', Origin: PORTAL });
    assert.equal(gzipped.status, 200);
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzipped.body).toString(), json());
    assert.ok(gzipped.body.length < plain.body.length / 2, `${gzipped.body.length} of ${plain.body.length} bytes`);
    assert.equal(Number(gzipped.headers['content-length']), gzipped.body.length);
    assert.equal(gzipped.headers.etag, `${plain.headers.etag!.slice(0, -1)}-gz"`);
    assert.match(String(gzipped.headers.vary), /Accept-Encoding/);
    assert.match(String(gzipped.headers.vary), /Origin/);
    assert.equal(gzipped.headers['cache-control'], 'public, max-age=60');
    assert.equal(gzipped.headers['access-control-allow-origin'], PORTAL);
  });

  test('gzip refused (q=0) or not named gets the answer as it is; * takes it', async () => {
    for (const refused of ['gzip;q=0', 'identity', 'br;q=1, gzip;q=0, *;q=0.5', 'deflate']) {
      const answer = await exchange(`${api}${search}`, { 'Accept-Encoding': refused });
      assert.equal(answer.headers['content-encoding'], undefined, refused);
      assert.equal(answer.body.toString(), json(), refused);
    }
    const any = await exchange(`${api}${search}`, { 'Accept-Encoding': '*' });
    assert.equal(any.headers['content-encoding'], 'gzip');
  });

  test('the gzipped answer revalidates by its own ETag: a 304 for it, the answer again for the other one', async () => {
    const first = await exchange(`${api}${search}`, { 'Accept-Encoding': 'gzip' });
    const again = await exchange(`${api}${search}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag! });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, first.headers.etag);
    const plainEtag = (await exchange(`${api}${search}`)).headers.etag!;
    const other = await exchange(`${api}${search}`, { 'Accept-Encoding': 'gzip', 'If-None-Match': plainEtag });
    assert.equal(other.status, 200);
    assert.equal(gunzipSync(other.body).toString(), json());
  });

  test('an answer under 1 KB goes as it is; a report goes gzipped', async () => {
    const id = demoDirectoryItems()[0]!.id;
    const item = await exchange(`${api}/disclosures/${encodeURIComponent(id)}`, { 'Accept-Encoding': 'gzip' });
    assert.ok(item.body.length < 1024, `${item.body.length} bytes`);
    assert.equal(item.headers['content-encoding'], undefined);
    assert.equal((JSON.parse(item.body.toString()) as { id: string }).id, id);

    const { href } = (JSON.parse((await exchange(`${api}/reports`)).body.toString()) as { href: string }[])[0]!;
    const plain = await exchange(`${running.origin}${href}`);
    const report = await exchange(`${running.origin}${href}`, { 'Accept-Encoding': 'gzip' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /Accept-Encoding/);
    assert.equal(report.headers['content-encoding'], 'gzip');
    assert.match(String(report.headers.vary), /Accept-Encoding/);
    assert.deepEqual(JSON.parse(gunzipSync(report.body).toString()), JSON.parse(plain.body.toString()));
  });

  test('a page and a script beside the API go gzipped to a browser (a built demo served by the reference server)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-static-'));
    const script = `export const text = ${JSON.stringify('政务公开 '.repeat(400))};\n`;
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>政务公开</title>${'<p>信息公开</p>'.repeat(200)}`);
    writeFileSync(join(dir, 'kit.js'), script);
    const site = await startServer({ app: demo.app, port: 0, host: '127.0.0.1', staticDir: dir });
    try {
      const plain = await exchange(`${site.origin}/kit.js`);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), script);
      const gzipped = await exchange(`${site.origin}/kit.js`, { 'Accept-Encoding': 'gzip, deflate' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzipped.body).toString(), script);
      const page = await exchange(`${site.origin}/`, { 'Accept-Encoding': 'gzip' });
      assert.equal(page.headers['content-encoding'], 'gzip');
      assert.match(gunzipSync(page.body).toString(), /^<!doctype html>/);
      const search = await exchange(`${site.origin}/api/disclosures?q=%E5%A4%96%E8%B4%B8`, { 'Accept-Encoding': 'gzip' });
      assert.equal(gunzipSync(search.body).toString(), json());
    } finally {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('body limits over HTTP', () => {
  const huge = JSON.stringify(sampleApplication({ request: { description: '很'.repeat(30_000) } }));
  const post = { 'Content-Type': 'application/json', 'Idempotency-Key': 'limit-1' };

  test('an oversize JSON POST with a Content-Length is refused with a 413 problem', async () => {
    assert.ok(Buffer.byteLength(huge) > 64 * 1024);
    const answer = await raw('POST', '/applications', { ...post, 'Content-Length': String(Buffer.byteLength(huge)) }, [huge]);
    assert.equal(answer.status, 413);
    assert.match(answer.type, /^application\/problem\+json/);
  });

  test('an oversize JSON POST sent in chunks without a length is refused with a 413 problem too', async () => {
    const chunks = huge.match(/[\s\S]{1,8192}/g)!;
    const answer = await raw('POST', '/applications', post, chunks);
    assert.equal(answer.status, 413);
    assert.match(answer.type, /^application\/problem\+json/);
  });

  test('a JSON POST within the limit is read and stored, with or without a length', async () => {
    const body = JSON.stringify(sampleApplication());
    const sized = await raw(
      'POST',
      '/applications',
      { ...post, 'Idempotency-Key': 'limit-2', 'Content-Length': String(Buffer.byteLength(body)) },
      [body],
    );
    assert.equal(sized.status, 201, sized.body);
    const chunked = await raw('POST', '/applications', { ...post, 'Idempotency-Key': 'limit-3' }, [body.slice(0, 100), body.slice(100)]);
    assert.equal(chunked.status, 201, chunked.body);
    const codes = [sized, chunked].map((a) => (JSON.parse(a.body) as ApplicationReceipt).trackingCode);
    assert.notEqual(codes[0], codes[1]);
  });

  test('a read is never limited: a GET that carries a body is answered as the GET it is', async () => {
    const answer = await raw('GET', '/disclosures?q=%E5%A4%96%E8%B4%B8', { 'Content-Length': String(Buffer.byteLength(huge)) }, [huge]);
    assert.equal(answer.status, 200);
    assert.ok(answer.body.startsWith('{"items":['));
  });
});

describe('request log and deadlines', () => {
  test('the request log writes its lines in batches, and everything on flush', async () => {
    const writes: string[] = [];
    const log = bufferedSink((text) => writes.push(text), { flushMs: 20, maxBytes: 100 });
    log.sink('{"a":1}');
    log.sink('{"b":2}');
    assert.deepEqual(writes, [], 'nothing is written per line');
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(writes, ['{"a":1}\n{"b":2}\n'], 'one write for both lines');
    log.sink('x'.repeat(120));
    assert.equal(writes.length, 2, 'a full buffer is written at once');
    log.sink('{"c":3}');
    log.flush();
    assert.deepEqual(writes.slice(2), ['{"c":3}\n']);
  });

  test('the reply deadline is memoised per receipt day and recomputed once the office enters the next year', async () => {
    const calendar = createOfficeCalendar(demo.storage);
    await calendar.ready();
    // 20 working days from 21 December 2026 run into 2027, not yet published: a flagged estimate, weekdays only.
    const before = calendar.replyDueDate('2026-12-21');
    assert.deepEqual(before, { value: '2027-01-18', provisional: true });
    assert.equal(calendar.replyDueDate('2026-12-21'), before, 'the same answer object: computed once');
    await calendar.put({ year: 2027, holidays: ['2027-01-01'], workdays: [], notice: '国办发明电〔2026〕1号', source: 'office' });
    const after = calendar.replyDueDate('2026-12-21');
    assert.deepEqual(after, { value: '2027-01-19', provisional: false });
    assert.deepEqual(after, provisionalReplyDueDate('2026-12-21'));
  });
});
