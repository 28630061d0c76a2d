// Mounts the reference server (in-memory storage, demo data) at /api inside the
// test runner's dev server, so browser tests run against the real backend on loopback.
import { existsSync } from 'node:fs';

export function referenceApi() {
  let demo;
  let starting;
  const start = async () => {
    const { createDemoServer } = await import('../src/server/demo.ts');
    return createDemoServer({ dataDir: 'memory', adminToken: 'test-admin-token', altchaComplexity: 'test' });
  };
  const available = existsSync(new URL('../src/server/demo.ts', import.meta.url));
  return {
    async middleware(ctx, next) {
      if (!available || (ctx.path !== '/api' && !ctx.path.startsWith('/api/'))) return next();
      demo ??= await (starting ??= start());
      ctx.respond = false;
      await new Promise((resolve) => {
        ctx.res.once('close', resolve);
        demo.handler(ctx.req, ctx.res);
      });
    },
    plugin: {
      name: 'zwgk-reference-api',
      async serverStop() {
        await demo?.close();
      },
    },
  };
}
