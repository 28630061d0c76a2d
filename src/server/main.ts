/**
 * `npm run serve`: the reference server on its own.
 *
 *   PORT               default 8787 (0: any free port)
 *   HOST               default 127.0.0.1
 *   ZWGK_DATA_DIR      PGlite data directory, default ./.data
 *   DATABASE_URL       use PostgreSQL instead (several instances may share it)
 *   ZWGK_ADMIN_TOKEN   bearer token of /api/admin, at least 32 random bytes; generated and printed when unset
 *   ZWGK_CORS_ORIGINS  comma-separated portal origins allowed to write (ZWGK_ALLOWED_ORIGINS also read)
 *   ZWGK_RATE_LIMIT    creating POSTs per minute and client address, default 30; 0 turns it off
 *   ZWGK_TRUST_PROXY   number of your own reverse proxies in front (default 0): clients are counted by
 *                      the X-Forwarded-For hop that many from the right, which a client cannot forge
 *   ZWGK_ALTCHA_HMAC_KEY  key of the spam-protection challenges; random per start when unset
 *   ZWGK_ALTCHA_COMPLEXITY  normal (default) or test (near-instant, for automated tests only)
 *   ZWGK_QUIET         1: no request log (the log never holds query strings or bodies)
 *   ZWGK_STATIC_DIR    built demo to serve at / (default demo/dist when present)
 *   Notifications (mail, webhooks, SMS): see src/server/notify/config.ts — ZWGK_SMTP_URL, ZWGK_MAIL_FROM,
 *   ZWGK_STAFF_EMAILS, ZWGK_WEBHOOKS, ZWGK_WEBHOOK_SECRET, ZWGK_SMS_WEBHOOK …; without ZWGK_SMTP_URL mails wait.
 *   ZWGK_NOTIFY_POLL_MS, ZWGK_NOTIFY_RETRY_BASE_MS, ZWGK_NOTIFY_MAX_ATTEMPTS  worker tuning (defaults 1000, 30000, 8)
 */
import { randomBytes } from 'node:crypto';
import { adminTokenProblem, trustedProxyHops } from './config.js';
import { createDemoServer } from './demo.js';
import { storageSettingsFromEnv } from './env-storage.js';
import { bufferedSink } from './log.js';
import { startServer } from './node.js';
import { notifyConfigFromEnv } from './notify/config.js';

const env = process.env;
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const rateLimit = Number(env.ZWGK_RATE_LIMIT ?? 30);
const generatedToken = !env.ZWGK_ADMIN_TOKEN;
const adminToken = env.ZWGK_ADMIN_TOKEN || randomBytes(32).toString('base64url');
const trustProxy = trustedProxyHops(env.ZWGK_TRUST_PROXY);

// A guessable token or a misread proxy setting would run insecurely: refuse to start, saying why.
const configProblem = generatedToken ? null : adminTokenProblem(adminToken);
if (configProblem || trustProxy === null) {
  console.error(
    `zwgk reference server could not start: ${configProblem ?? 'ZWGK_TRUST_PROXY must be the number of proxies in front (0, 1, 2 …).'}`,
  );
  process.exit(1);
}

// Request lines are written in batches (one write per 100 ms), not one synchronous write per request.
const requestLog = env.ZWGK_QUIET === '1' ? null : bufferedSink((text) => process.stdout.write(text));
process.on('exit', () => requestLog?.flush());

const positive = (value: string | undefined) => (value && Number(value) > 0 ? Number(value) : undefined);
let notifyConfig;
try {
  notifyConfig = notifyConfigFromEnv(env);
} catch (error) {
  console.error(`zwgk reference server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Start-up failures (a data directory in use, an unreachable database) are told in one line, not a stack.
const demo = await createDemoServer({
  ...storageSettingsFromEnv(env),
  adminToken,
  corsOrigins: [...list(env.ZWGK_CORS_ORIGINS), ...list(env.ZWGK_ALLOWED_ORIGINS)],
  rateLimit: Number.isFinite(rateLimit) && rateLimit > 0 ? { max: rateLimit, windowMs: 60_000 } : false,
  trustProxy,
  // The demo letters (fixed codes, a fixed phone) belong to `npm start`, never to a real office's database.
  demoLetters: false,
  altchaHmacKey: env.ZWGK_ALTCHA_HMAC_KEY || undefined,
  altchaComplexity: env.ZWGK_ALTCHA_COMPLEXITY === 'test' ? 'test' : 'normal',
  log: requestLog?.sink,
  notify: {
    config: notifyConfig,
    pollMs: positive(env.ZWGK_NOTIFY_POLL_MS),
    retry: { baseMs: positive(env.ZWGK_NOTIFY_RETRY_BASE_MS), maxAttempts: positive(env.ZWGK_NOTIFY_MAX_ATTEMPTS) },
  },
}).catch((error: unknown) => {
  console.error(`zwgk reference server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const running = await startServer({
  app: demo.app,
  port: Number(env.PORT ?? 8787),
  host: env.HOST || '127.0.0.1',
  staticDir: env.ZWGK_STATIC_DIR ?? 'demo/dist',
  trustProxy,
});

console.log(`zwgk reference server listening on ${running.origin}/api (storage: ${demo.storage.kind})`);
for (const { name, role, password } of demo.staffAccounts) console.log(`demo staff account ${name} (${role}), password: ${password}`);
if (generatedToken) console.log(`admin token (generated; set ZWGK_ADMIN_TOKEN to fix it): ${adminToken}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  requestLog?.flush();
  console.log(`${signal}: shutting down`);
  // Never hang on a stuck connection: leave after 5 s whatever happens.
  setTimeout(() => process.exit(1), 5_000).unref();
  await running.close();
  await demo.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
