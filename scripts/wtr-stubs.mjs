// Stubs for failures the reference server cannot be made to produce on demand,
// named as such: an endpoint that fails once then answers, one that fails once then
// redirects to a real endpoint, a slow one, one that answers with broken JSON,
// a pass-through to the real /api whose first answer is lost (see lostAnswerStub),
// published-letter pages that are empty or of the wrong shape, and a list served
// slowly, as over a real network (see slowListStub).
// A Koa middleware for web-test-runner.
const CONTACT = {
  agency: '福建省商务厅',
  contact: '林伟',
  phone: '0591-87270308',
  fax: '0591-87856133',
  address: '福州市铜盘路118号',
  postcode: '350003',
};

export function failureStubs() {
  const failedOnce = new Set();
  return async function failureStubsMiddleware(ctx, next) {
    const failOnce = /^\/__stubs\/fail-once\/([\w-]+)$/.exec(ctx.path);
    if (failOnce && !failedOnce.has(failOnce[1])) {
      failedOnce.add(failOnce[1]);
      ctx.status = 503;
      ctx.type = 'application/problem+json';
      ctx.body = JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
    } else if (failOnce) {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(CONTACT);
    } else if (/^\/__stubs\/fail-once-then\/[\w-]+$/.test(ctx.path) && String(ctx.query.then ?? '').startsWith('/api/')) {
      // Stub: 503 the first time for each key, then a redirect to the real endpoint in ?then=.
      if (!failedOnce.has(ctx.path)) {
        failedOnce.add(ctx.path);
        ctx.status = 503;
        ctx.type = 'application/problem+json';
        ctx.body = JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 });
      } else {
        ctx.redirect(String(ctx.query.then));
      }
    } else if (ctx.path === '/__stubs/slow') {
      await new Promise((resolve) => setTimeout(resolve, Number(ctx.query.ms ?? 1500)));
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(CONTACT);
    } else if (ctx.path === '/__stubs/empty-200') {
      // Stub: a proxy that answers 200 with no body at all.
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = '';
    } else if (ctx.path === '/__stubs/cut-off') {
      // Stub: the connection drops mid-body (Content-Length promises more than arrives).
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
      ctx.res.write('{"agency": "福建省商务厅", "year": 2024, "format": "20');
      setTimeout(() => ctx.res.destroy(), 50);
    } else if (ctx.path === '/__stubs/not-json') {
      ctx.type = 'application/json';
      ctx.body = '{"agency": "福建省商务厅", ';
    } else if (SLOW_LIST.test(ctx.path)) {
      await slowListStub(ctx);
    } else if (LOST_ANSWER.test(ctx.path)) {
      await lostAnswerStub(ctx, failedOnce);
    } else if (ctx.path === '/__stubs/feedback-page/empty/feedback') {
      // Stub: no letter published yet (the reference server is seeded with some).
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({
        items: [],
        total: 0,
        page: 1,
        pageSize: 10,
        stats: { received: 0, replied: 0, medianWorkingDaysToReply: null },
      });
    } else if (ctx.path === '/__stubs/feedback-page/malformed/feedback') {
      // Stub: a portal backend that answers the list with the wrong shape.
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ letters: [{ title: '标题' }], count: '1' });
    } else {
      return next();
    }
  };
}

// Stub: a connection that breaks, for the feedback mailbox's retry. `/__stubs/api-lost-answer/<key>/<path>`
// passes requests on to the real `/api/<path>`, except the first POST per key: that one reaches the server
// (the letter is stored) but its answer is replaced by one the browser must reject (two different
// Content-Length headers), so fetch fails as on a dropped connection and the browser does not resend by itself. `/__stubs/api-offline-once/<key>/<path>` breaks the first GET per key
// without passing it on (an unreachable server), then passes requests on.
const LOST_ANSWER = /^\/__stubs\/(api-lost-answer|api-offline-once)\/([\w-]+)\/(.+)$/;
const PASSED_HEADERS = ['accept', 'accept-language', 'authorization', 'content-type', 'idempotency-key'];

async function lostAnswerStub(ctx, failedOnce) {
  const [, mode, key, path] = LOST_ANSWER.exec(ctx.path);
  const breaks = mode === 'api-lost-answer' ? ctx.method === 'POST' : ctx.method === 'GET';
  const first = breaks && !failedOnce.has(`${mode}/${key}`);
  if (first) failedOnce.add(`${mode}/${key}`);
  const breakConnection = () => {
    ctx.respond = false;
    ctx.req.socket.end('HTTP/1.1 201 Created\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n');
  };
  if (first && mode === 'api-offline-once') return breakConnection();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = Object.fromEntries(PASSED_HEADERS.filter((name) => ctx.get(name)).map((name) => [name, ctx.get(name)]));
  const upstream = await fetch(`${ctx.origin}/api/${path}${ctx.search}`, {
    method: ctx.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
  const text = await upstream.text();
  if (first) return breakConnection();
  ctx.status = upstream.status;
  ctx.type = upstream.headers.get('content-type') ?? 'application/json';
  ctx.body = text;
}

// Stub: a slow link (loopback sends a whole answer at once). A POST to `/__stubs/slow-list/<key>` keeps its body;
// a GET of the same path sends it back as JSON, 64 KB every 10 ms.
const SLOW_LIST = /^\/__stubs\/slow-list\/[\w-]+$/;
const slowLists = new Map();

async function slowListStub(ctx) {
  if (ctx.method === 'POST') {
    const parts = [];
    for await (const part of ctx.req) parts.push(part);
    slowLists.set(ctx.path, Buffer.concat(parts));
    ctx.status = 204;
    return;
  }
  const body = slowLists.get(ctx.path);
  if (!body) return void (ctx.status = 404);
  ctx.respond = false;
  ctx.res.writeHead(200, { 'Content-Type': 'application/json' });
  for (let at = 0; at < body.length && !ctx.res.destroyed; at += 65536) {
    ctx.res.write(body.subarray(at, at + 65536));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  ctx.res.end();
}
