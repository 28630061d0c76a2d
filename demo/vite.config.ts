import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

// `npm start`: the demo portal page, with the reference server mounted at /api
// (embedded PGlite storage in ./.data-demo, apart from `npm run serve`'s ./.data: the demo letters
// with their fixed codes and phone exist only here, so nothing needs installing).
function referenceServer(): Plugin {
  return {
    name: 'zwgk-reference-server',
    async configureServer(server) {
      const serverModule = new URL('../src/server/demo.ts', import.meta.url);
      if (!existsSync(serverModule)) return;
      // Imported at run time (npm start runs Vite under tsx), not bundled into this config.
      const { createDemoServer } = (await import(serverModule.href)) as typeof import('../src/server/demo.ts');
      const { notifyConfigFromEnv } = (await import(
        new URL('../src/server/notify/config.ts', import.meta.url).href
      )) as typeof import('../src/server/notify/config.ts');
      const { startMailSink } = (await import(
        new URL('../src/server/notify/mail-sink.ts', import.meta.url).href
      )) as typeof import('../src/server/notify/mail-sink.ts');
      // The demo's mail goes to a local SMTP sink on loopback (unless ZWGK_SMTP_URL names a real server) and shows on /mail.html.
      const sink = process.env.ZWGK_SMTP_URL ? null : await startMailSink({ keep: 200 });
      const demo = await createDemoServer({
        dataDir: process.env.ZWGK_DATA_DIR ?? fileURLToPath(new URL('../.data-demo', import.meta.url)),
        notify: {
          config: { ...notifyConfigFromEnv(process.env), ...(sink ? { smtpUrl: sink.url } : {}) },
          log: (line) => server.config.logger.info(`  ${line}`),
        },
      });
      server.config.logger.info(`  reference API at /api (admin token: ${demo.adminToken})`);
      // The staff page (/staff.html) signs in with these; generated anew at each start unless in memory.
      for (const account of demo.staffAccounts ?? [])
        server.config.logger.info(`  staff ${account.role}: ${account.name} / ${account.password}`);
      if (sink) server.config.logger.info(`  mail the system sends: /mail.html (local SMTP sink at ${sink.url})`);
      server.middlewares.use('/demo-mail.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify({ sink: sink?.url ?? null, messages: sink ? [...sink.messages].reverse() : [] }));
      });
      server.middlewares.use('/api', (req, res) => {
        req.url = `/api${req.url === '/' ? '' : req.url}`;
        demo.handler(req, res);
      });
      server.httpServer?.once('close', () => void demo.close().then(() => sink?.close()));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [referenceServer()],
  // Two pages on one reference server: the citizen's portal and the office's desk.
  build: {
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        staff: fileURLToPath(new URL('./staff.html', import.meta.url)),
      },
    },
  },
  server: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? '127.0.0.1' },
});
