/**
 * The reference server: every endpoint of the backend contract (design/api.md)
 * under `/api`, as one Hono app that runs in-process in tests, behind Vite in
 * the demo, and on its own in `npm run serve`.
 */
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContactInfo } from '../api/types/contact.js';
import type { DisclosureItem } from '../api/types/directory.js';
import type { AnnualReport } from '../api/types/report.js';
import { CalendarRangeError } from '../core/calendar/index.js';
import { createDirectoryIndex } from '../core/directory/search-index.js';
import { corsHeaders } from './cors.js';
import { createAltcha, type AltchaComplexity } from './altcha.js';
import type { ServerDeps } from './deps.js';
import { inputGuard } from './guard.js';
import { createLookupGuard, type LOOKUP_LIMITS } from './lookup-guard.js';
import { securityHeaders } from './headers.js';
import { logLine, rawPath, type LogSink } from './log.js';
import type { DeliveryPlan } from './notify/store.js';
import { clientAddress } from './http.js';
import { openApiDocument } from './openapi.js';
import { ProblemError, problemResponse } from './problem.js';
import { createFailureThrottle, createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { applicationRoutes } from './routes/applications.js';
import { attachmentRoutes, MAX_ATTACHMENT_BYTES, UPLOAD_LIMITS, type UploadLimits } from './routes/attachments.js';
import { directoryRoutes } from './routes/directory.js';
import { feedbackRoutes } from './routes/feedback.js';
import { notificationRoutes } from './routes/notifications.js';
import { reportRoutes } from './routes/reports.js';
import { reportVersionRoutes, staffReportRoutes, type ActorOf } from './routes/staff-reports.js';
import { applicantCaseRoutes } from './routes/applicant-case.js';
import { staffCaseRoutes } from './routes/staff-cases.js';
import { staffSessionRoutes } from './routes/staff-session.js';
import { createOfficeCalendar } from './staff/office-calendar.js';
import { RELEASED_FILE_MAX_BYTES } from './staff/released-files.js';
import { staffSessionMiddleware, type StaffEnv } from './staff/auth.js';
import type { Storage } from './storage/types.js';

export const API_BASE = '/api';

/** JSON bodies are small; an upload may carry one 10 MB file plus its multipart framing. */
export const MAX_JSON_BYTES = 64 * 1024;
const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;
const MAX_RELEASED_UPLOAD_BYTES = RELEASED_FILE_MAX_BYTES + 64 * 1024;

/** The POSTs that create something: idempotency keys and the rate limit apply to these. */
const CREATING_PATHS = ['/applications', '/feedback', '/attachments'].map((p) => `${API_BASE}${p}`);

export interface AppOptions {
  storage: Storage;
  /** Bearer token of the `/admin` endpoints */
  adminToken: string;
  /** Portal origins allowed to write (and read); other origins may only read public data */
  corsOrigins: string[];
  /** Creating POSTs per client address and window; `false` turns the limit off. Default 30 a minute. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For hops are believed (default 0: none, the socket's
   * peer is the client). `true` means 1. Hops beyond that count were written by the client and are ignored.
   */
  trustProxy?: boolean | number;
  /** Expiry and quotas of uploads not yet sent with an application (default UPLOAD_LIMITS). */
  uploadLimits?: Partial<UploadLimits>;
  /** Failed look-ups allowed per code and per address before the doubling wait (default LOOKUP_LIMITS). */
  lookupLimits?: typeof LOOKUP_LIMITS;
  /** The clock of receipt dates and deadlines (tests set it). */
  now?: () => Date;
  contact?: ContactInfo;
  reports?: AnnualReport[];
  directoryItems?: readonly DisclosureItem[];
  altcha?: { hmacKey?: string; complexity?: AltchaComplexity };
  /** One JSON line per request: method, path without query (phone numbers travel there), status, time. No personal data. */
  log?: LogSink;
  /**
   * How the notification worker running beside this app plans an event (createDemoServer passes it when it starts
   * one): a new application's event that makes no delivery is then stored as planned, sparing the worker a round.
   */
  planDeliveries?: DeliveryPlan;
}

function sameToken(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Wrong admin tokens per address: a few free, then a doubling wait, so the token cannot be guessed online. */
function adminAuth(token: string, addressOf: (c: Context) => string): MiddlewareHandler {
  if (!token) throw new Error('createApp needs an adminToken');
  const failures = createFailureThrottle({ free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 });
  return async (c, next) => {
    const address = addressOf(c);
    const wait = failures.waitSeconds(address, Date.now());
    if (wait > 0)
      throw new ProblemError('too-many-requests', `Too many wrong tokens; try again in ${wait} s.`, [], { 'Retry-After': String(wait) });
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match || !sameToken(match[1]!, token)) {
      failures.fail(address, Date.now());
      throw new ProblemError('unauthorized', 'Send Authorization: Bearer <admin token>.', [], {
        'WWW-Authenticate': 'Bearer realm="zwgk-admin"',
      });
    }
    await next();
  };
}

/** The signed-in staff member, as the session middleware left it on the context. */
const sessionActor: ActorOf = (c) => (c as unknown as Context<StaffEnv>).get('staff');

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const proxyHops = options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? options.trustProxy : 0;
  const addressOf = (c: Context) => clientAddress(c, proxyHops);
  const directoryItems = options.directoryItems ?? [];
  const officeCalendar = createOfficeCalendar(options.storage);
  const deps: ServerDeps = {
    storage: options.storage,
    now,
    altcha: createAltcha({ hmacKey: options.altcha?.hmacKey ?? randomBytes(32).toString('hex'), complexity: options.altcha?.complexity }),
    contact: options.contact,
    reports: options.reports ?? [],
    directory: createDirectoryIndex(directoryItems),
    directoryById: new Map(directoryItems.map((item) => [item.id, item])),
    replyDepartment: options.contact?.agency ?? '政府信息公开工作机构',
    lookups: createLookupGuard(addressOf, options.lookupLimits),
    addressOf,
    uploadLimits: { ...UPLOAD_LIMITS, ...options.uploadLimits },
    officeCalendar,
    planDeliveries: options.planDeliveries,
  };
  const allowedOrigins = new Set(options.corsOrigins);
  const limiter = options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? { max: 30, windowMs: 60_000 });

  const app = new Hono().basePath(API_BASE);

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    if (error instanceof CalendarRangeError) return problemResponse(c, new ProblemError('calendar-unavailable', error.message));
    if (error instanceof HTTPException) {
      const kind = error.status === 413 ? 'payload-too-large' : error.status === 415 ? 'unsupported-media-type' : 'bad-request';
      return problemResponse(c, new ProblemError(kind, error.message || undefined));
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    options.log?.(
      logLine({ at: new Date().toISOString(), level: 'error', method: c.req.method, path: rawPath(c.req.url), error: message }),
    );
    return problemResponse(c, new ProblemError('internal'));
  });
  app.notFound((c) => problemResponse(c, new ProblemError('not-found', `No endpoint ${c.req.method} ${c.req.path}.`)));

  if (options.log) {
    const log = options.log;
    app.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      const ms = Math.round((performance.now() - start) * 10) / 10;
      log(logLine({ at: new Date().toISOString(), method: c.req.method, path: rawPath(c.req.url), status: c.res.status, ms }));
    });
  }

  app.use('*', securityHeaders('api', proxyHops));

  // CORS: allow-listed portals may do everything; any other origin may read public data, never write.
  app.use(
    '*',
    corsHeaders({
      origin: (origin, c) => {
        if (allowedOrigins.has(origin)) return origin;
        const method = c.req.method === 'OPTIONS' ? (c.req.header('access-control-request-method') ?? '') : c.req.method;
        const privatePath = c.req.path.startsWith(`${API_BASE}/admin`) || c.req.path.startsWith(`${API_BASE}/staff`);
        return isRead(method) && !privatePath ? '*' : null;
      },
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization', 'Accept-Language', 'X-CSRF-Token', 'If-Match'],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed', 'Content-Language', 'ETag'],
      maxAge: 600,
    }),
  );
  // Browsers send some cross-site POSTs without a preflight: refuse writes from foreign origins here too.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (
      origin &&
      !isRead(c.req.method) &&
      c.req.method !== 'OPTIONS' &&
      !allowedOrigins.has(origin) &&
      origin !== new URL(c.req.url).origin
    ) {
      throw new ProblemError('origin-not-allowed', `${origin} is not an allowed origin for this request.`);
    }
    await next();
  });

  const onTooLarge = (c: Context) => problemResponse(c, new ProblemError('payload-too-large', 'The request body is too large.'));
  const streamedSmallBody = bodyLimit({ maxSize: MAX_JSON_BYTES, onError: onTooLarge });
  // With a Content-Length the header says it all (as bodyLimit itself decides), and the body stays unread here, so
  // the Node adapter reads it straight off the socket later; hono's bodyLimit would wrap it in a Request and stream.
  const smallBody: MiddlewareHandler = (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamedSmallBody(c, next);
    return parseInt(length, 10) > MAX_JSON_BYTES ? Promise.resolve(onTooLarge(c)) : next();
  };
  const uploadBody = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: onTooLarge });
  const releasedBody = bodyLimit({ maxSize: MAX_RELEASED_UPLOAD_BYTES, onError: onTooLarge });
  // Only where a body is read: on a GET the limit would only make the adapter build a Request and its body stream.
  app.use('*', (c, next) =>
    isRead(c.req.method)
      ? next()
      : c.req.path === `${API_BASE}/attachments`
        ? uploadBody(c, next)
        : c.req.path === `${API_BASE}/staff/files`
          ? releasedBody(c, next)
          : smallBody(c, next),
  );
  // After the size limit, before every route: no NUL, lone surrogate or runaway nesting reaches a handler.
  app.use('*', inputGuard());

  if (limiter) {
    app.use('*', async (c, next) => {
      if (c.req.method === 'POST' && CREATING_PATHS.includes(c.req.path)) {
        const { allowed, retryAfterSeconds } = limiter.hit(addressOf(c), Date.now());
        if (!allowed) {
          throw new ProblemError('too-many-requests', `Try again in ${retryAfterSeconds} s.`, [], {
            'Retry-After': String(retryAfterSeconds),
          });
        }
      }
      await next();
    });
  }

  // Years of the working-day calendar the office entered: loaded before any deadline is computed.
  app.use('*', async (_c, next) => {
    await officeCalendar.ready();
    await next();
  });

  app.use('/admin/*', adminAuth(options.adminToken, addressOf));
  // Staff: a signed-in session on every request, the CSRF token on every write (src/server/staff/auth.ts).
  app.use('/staff/*', staffSessionMiddleware(options.storage, now, proxyHops) as unknown as MiddlewareHandler);

  app.get('/openapi.json', (c) => c.json(openApiDocument));
  app.route('/', applicationRoutes(deps));
  app.route('/', attachmentRoutes(deps));
  app.route('/', feedbackRoutes(deps));
  app.route('/', directoryRoutes(deps));
  app.route('/', reportVersionRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', staffSessionRoutes(deps, { proxyHops }));
  app.route('/', staffReportRoutes(deps, sessionActor));
  app.route('/', staffCaseRoutes(deps, officeCalendar));
  app.route('/', applicantCaseRoutes(deps));
  app.route('/', notificationRoutes(deps));
  return app;
}
