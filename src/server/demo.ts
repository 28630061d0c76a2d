/**
 * The reference server with demo data, ready to mount: used by `npm start`
 * (Vite middleware), the browser tests (in memory, fresh each run) and the CLI.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { AltchaComplexity } from './altcha.js';
import { createApp } from './app.js';
import type { LOOKUP_LIMITS } from './lookup-guard.js';
import type { UploadLimits } from './routes/attachments.js';
import { createNodeHandler, type NodeHandler } from './node.js';
import type { NotifyConfig } from './notify/config.js';
import { planDeliveries } from './notify/plan.js';
import { startNotifier, type Notifier, type NotifierOptions } from './notify/worker.js';
import type { RateLimitOptions } from './rate-limit.js';
import { DEMO_CONTACT, DEMO_REPORTS, demoDirectoryItems, seedDemoLetters } from './seed.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';
import { seedDemoStaff, type DemoStaffAccount } from './staff/demo-staff.js';
import { seedDemoReportDraft } from './report-demo.js';

export interface DemoServerOptions {
  /** PGlite data directory, or `memory` for a database that lives as long as the process (default `./.data`) */
  dataDir?: string | 'memory';
  /** PostgreSQL instead of PGlite */
  databaseUrl?: string;
  /** default: random, returned as `adminToken` */
  adminToken?: string;
  corsOrigins?: string[];
  /** default 300 creating POSTs a minute per address: generous, for demos and browser tests */
  rateLimit?: RateLimitOptions | false;
  trustProxy?: boolean | number;
  /** failed look-ups allowed per code and address (default LOOKUP_LIMITS) */
  lookupLimits?: typeof LOOKUP_LIMITS;
  /** expiry and quotas of pending uploads (default UPLOAD_LIMITS) */
  uploadLimits?: Partial<UploadLimits>;
  /** Seed the sample letters (fixed query codes and phone): the demo and tests only, default true. */
  demoLetters?: boolean;
  altchaHmacKey?: string;
  altchaComplexity?: AltchaComplexity;
  now?: () => Date;
  log?: (line: string) => void;
  /** demo staff passwords: `fixed` (DEMO_STAFF; the default in memory) or `generated` anew at each start (the default otherwise) */
  staffPasswords?: 'fixed' | 'generated';
  /** Runs the notification worker in this process (the CLI and `npm start`); without it events wait in the outbox. */
  notify?: { config: NotifyConfig } & Pick<NotifierOptions, 'pollMs' | 'retry' | 'batch' | 'leaseMs' | 'log'>;
  /** this year's demo applications and report draft (default: on, except in memory, where tests keep the queue to themselves) */
  reportDraft?: boolean;
}

export interface DemoServer {
  app: Hono;
  handler: NodeHandler;
  storage: Storage;
  adminToken: string;
  /** one account per role, with the password to sign in with */
  staffAccounts: DemoStaffAccount[];
  notifier: Notifier | null;
  close(): Promise<void>;
}

export async function createDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { dataDir = '.data', databaseUrl } = options;
  const storage = await openStorage(databaseUrl ? { databaseUrl } : dataDir === 'memory' ? { memory: true } : { dataDir });
  const now = options.now ?? (() => new Date());
  let staffAccounts: DemoStaffAccount[];
  try {
    if (options.demoLetters ?? true) await seedDemoLetters(storage, now());
    staffAccounts = await seedDemoStaff(storage, options.staffPasswords ?? (dataDir === 'memory' && !databaseUrl ? 'fixed' : 'generated'));
  } catch (error) {
    await storage.close();
    throw error;
  }
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const notifyConfig = options.notify?.config;
  const app = createApp({
    storage,
    adminToken,
    corsOrigins: options.corsOrigins ?? [],
    rateLimit: options.rateLimit ?? { max: 300, windowMs: 60_000 },
    lookupLimits: options.lookupLimits,
    uploadLimits: options.uploadLimits,
    trustProxy: options.trustProxy,
    now,
    contact: DEMO_CONTACT,
    reports: DEMO_REPORTS,
    directoryItems: demoDirectoryItems(),
    altcha: { hmacKey: options.altchaHmacKey, complexity: options.altchaComplexity },
    log: options.log,
    planDeliveries: notifyConfig && ((event) => planDeliveries(event, notifyConfig)),
  });
  if (options.reportDraft ?? dataDir !== 'memory') {
    try {
      await seedDemoReportDraft(app, storage, adminToken, staffAccounts, now());
    } catch (error) {
      await storage.close();
      throw error;
    }
  }
  const notifier = options.notify
    ? startNotifier({
        ...options.notify,
        store: storage.notifications,
        now,
        log: options.notify.log ?? options.log ?? ((line) => console.log(line)),
      })
    : null;
  const close = async () => {
    await notifier?.stop();
    await storage.close();
  };
  return { app, handler: createNodeHandler(app), storage, adminToken, staffAccounts, notifier, close };
}
