import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

// `npm start`: the demo portal page, with the reference server mounted at /api
// (embedded PGlite storage in ./.data, so nothing needs installing).
function referenceServer(): Plugin {
  return {
    name: 'zwgk-reference-server',
    async configureServer(server) {
      const serverModule = new URL('../src/server/demo.ts', import.meta.url);
      if (!existsSync(serverModule)) return;
      // Imported at run time (npm start runs Vite under tsx), not bundled into this config.
      const { createDemoServer } = (await import(serverModule.href)) as typeof import('../src/server/demo.ts');
      const demo = await createDemoServer({ dataDir: process.env.ZWGK_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url)) });
      server.config.logger.info(`  reference API at /api (admin token: ${demo.adminToken})`);
      // The staff page (/staff.html) signs in with these; generated anew at each start unless in memory.
      for (const account of demo.staffAccounts ?? []) server.config.logger.info(`  staff ${account.role}: ${account.name} / ${account.password}`);
      server.middlewares.use('/api', (req, res) => {
        req.url = `/api${req.url === '/' ? '' : req.url}`;
        demo.handler(req, res);
      });
      server.httpServer?.once('close', () => void demo.close());
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
