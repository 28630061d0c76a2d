// Mounts the reference server (in-memory storage, demo data) at /api inside the
// test runner's dev server, so browser tests run against the real backend on loopback.
export function referenceApi() {
  let demo;
  let starting;
  // Starting PGlite compiles WebAssembly and holds the event loop for seconds: do it
  // when the test server starts, before any test is timing its requests.
  const start = () =>
    (starting ??= import('../src/server/demo.ts').then(({ createDemoServer }) =>
      createDemoServer({ dataDir: 'memory', adminToken: 'test-admin-token', altchaComplexity: 'test' }),
    ));
  return {
    async middleware(ctx, next) {
      if (ctx.path !== '/api' && !ctx.path.startsWith('/api/')) return next();
      demo ??= await start();
      ctx.respond = false;
      await new Promise((resolve) => {
        ctx.res.once('close', resolve);
        demo.handler(ctx.req, ctx.res);
      });
    },
    plugin: {
      name: 'zwgk-reference-api',
      async serverStart() {
        demo = await start();
      },
      async serverStop() {
        await demo?.close();
      },
    },
  };
}
