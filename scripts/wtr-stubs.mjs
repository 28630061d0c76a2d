// Stubs for failures the reference server cannot be made to produce on demand,
// named as such: an endpoint that fails once then answers, one that fails once then
// redirects to a real endpoint, a slow one, and one that answers with broken JSON.
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
    } else if (ctx.path === '/__stubs/not-json') {
      ctx.type = 'application/json';
      ctx.body = '{"agency": "福建省商务厅", ';
    } else {
      return next();
    }
  };
}
