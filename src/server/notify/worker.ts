/**
 * The delivery worker, in the server process: it expands committed outbox
 * events into deliveries, claims the due ones, sends them (SMTP, webhook,
 * SMS gateway webhook) and records the outcome. A failure is retried with
 * exponential backoff and jitter, up to `maxAttempts`; then the delivery is
 * dead (visible in the staff view, retried by an admin). Everything lives in
 * the database, so a restart — or a SIGKILL — resumes where it stopped.
 * (A new application whose event this worker's plan makes no delivery of is
 * stored planned already — createDemoServer hands the plan to the app — so
 * the worker never takes it: see Storage.createApplication.)
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { provisionalWorkingDaysBetween, todayInChina } from '../../core/calendar/index.js';
import type { NotifyConfig } from './config.js';
import type { DigestCase, NotifyEvent } from './events.js';
import { planDeliveries } from './plan.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';
import type { ClaimedDelivery, NotificationStore, OpenCase } from './store.js';
import { renderMail, renderSms, webhookBody, type MailKind } from './templates.js';

export interface RetryPolicy {
  /** delay before the second attempt; doubled each time */
  baseMs: number;
  /** no delay is longer than this */
  capMs: number;
  /** attempts before a delivery is dead */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 6 * 3600_000, maxAttempts: 8 };

export interface NotifierOptions {
  store: NotificationStore;
  config: NotifyConfig;
  log?: (line: string) => void;
  /** how often to look for work when there was none, default 1000 ms */
  pollMs?: number;
  /** deliveries sent at once, default 10 */
  batch?: number;
  /** how long a claimed delivery is this worker's before another may take it, default 2 min */
  leaseMs?: number;
  retry?: Partial<RetryPolicy>;
  /** the clock of the digest schedule */
  now?: () => Date;
}

export interface Notifier {
  /** One round: digest, planning, one batch of deliveries; how much work it found. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of many deliveries spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return exponential / 2 + (random() * exponential) / 2;
}

/** Due within this many working days: the staff digest lists the case. */
export const DIGEST_WORKING_DAYS = 3;

export function digestOf(date: string, cases: OpenCase[]): NotifyEvent {
  const dueSoon: DigestCase[] = [];
  const overdue: DigestCase[] = [];
  for (const c of cases) {
    const workingDaysLeft = provisionalWorkingDaysBetween(date, c.dueDate).value;
    if (workingDaysLeft < 0) overdue.push({ ...c, workingDaysLeft });
    else if (workingDaysLeft <= DIGEST_WORKING_DAYS) dueSoon.push({ ...c, workingDaysLeft });
  }
  return { type: 'staff.digest', caseId: `DIGEST-${date}`, digest: { date, dueSoon, overdue } };
}

/** A refusal that no retry can change (an SMTP 5xx: no such mailbox): dead at once. */
class PermanentFailure extends Error {}

function chinaHour(now: Date): number {
  return (now.getUTCHours() + 8) % 24;
}

export function startNotifier(options: NotifierOptions): Notifier {
  const { store, config, log = () => undefined } = options;
  const pollMs = options.pollMs ?? 1000;
  const batch = options.batch ?? 10;
  const leaseMs = options.leaseMs ?? 120_000;
  const retry: RetryPolicy = {
    ...DEFAULT_RETRY,
    ...Object.fromEntries(Object.entries(options.retry ?? {}).filter(([, v]) => v !== undefined)),
  };
  const now = options.now ?? (() => new Date());
  const transport: Transporter | null = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const renderContext = { portalUrl: config.portalUrl, mailFrom: config.mailFrom };
  let digestDone = '';

  async function sendMail(delivery: ClaimedDelivery): Promise<void> {
    if (!transport) throw new Error('ZWGK_SMTP_URL is not set');
    const mail = renderMail(delivery.kind as MailKind, delivery.event.payload, renderContext);
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: delivery.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The delivery id as Message-ID: a retried mail is the same message, so a mail system can drop the duplicate.
        messageId: `<${delivery.id}@zwgk-kit>`,
        headers: { 'X-Zwgk-Delivery': delivery.id, 'X-Zwgk-Event': delivery.event.type, ...mail.headers },
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code && code >= 500 && code < 600) throw new PermanentFailure(`SMTP ${code}: ${(error as Error).message}`);
      throw error;
    }
  }

  async function post(url: string, delivery: ClaimedDelivery, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Zwgk-Delivery': delivery.id,
        'Zwgk-Event': delivery.event.type,
        [SIGNATURE_HEADER]: signatureHeader(config.webhookSecret ?? '', body, Math.floor(Date.now() / 1000)),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(config.webhookTimeoutMs),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
  }

  function send(delivery: ClaimedDelivery): Promise<void> {
    const { event } = delivery;
    switch (delivery.channel) {
      case 'email':
        return sendMail(delivery);
      case 'webhook':
        return post(
          delivery.recipient,
          delivery,
          webhookBody(event.payload, { deliveryId: delivery.id, eventId: event.eventId, occurredAt: event.occurredAt }),
        );
      case 'sms': {
        if (!config.smsWebhook) throw new Error('ZWGK_SMS_WEBHOOK is not set');
        const language =
          'application' in event.payload
            ? event.payload.application.language
            : 'letter' in event.payload
              ? event.payload.letter.language
              : 'zh-CN';
        return post(config.smsWebhook, delivery, {
          id: delivery.id,
          eventId: event.eventId,
          type: event.type,
          to: delivery.recipient,
          text: renderSms(delivery.kind as MailKind, event.payload),
          language,
        });
      }
    }
  }

  async function deliver(delivery: ClaimedDelivery): Promise<void> {
    try {
      await send(delivery);
      await store.markDelivered(delivery.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = error instanceof PermanentFailure || delivery.attempt >= retry.maxAttempts;
      const wait = dead ? null : backoffMs(delivery.attempt, retry);
      await store.markFailed(delivery.id, delivery.attempt, message, wait);
      // Never the recipient: an address or a phone number is personal data.
      log(
        `notify: ${delivery.channel} ${delivery.kind} delivery ${delivery.id} failed (attempt ${delivery.attempt}/${retry.maxAttempts}): ${message}` +
          (wait === null ? ' — dead letter; an admin can retry it' : `; next attempt in ${Math.round(wait / 1000)} s`),
      );
    }
  }

  async function digest(): Promise<void> {
    if (!config.staffEmails.length) return;
    const at = now();
    const today = todayInChina(at);
    if (digestDone === today || chinaHour(at) < config.digestHour) return;
    await store.recordDigestOnce(today, (cases) => digestOf(today, cases));
    digestDone = today;
  }

  async function tick(): Promise<number> {
    await digest();
    const planned = await store.planEvents(50, (event) => planDeliveries(event, config));
    const claimed = await store.claimDue(batch, leaseMs);
    await Promise.all(claimed.map(deliver));
    return planned + claimed.length;
  }

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(run, ms);
  };
  function run(): void {
    current = (async () => {
      let work = 0;
      try {
        work = await tick();
      } catch (error) {
        log(`notify: worker round failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      schedule(work > 0 ? 0 : pollMs);
    })();
  }

  const started = (async () => {
    if (!transport) {
      log('notify: ZWGK_SMTP_URL is not set — e-mails are kept as waiting-for-configuration and sent once it is');
    } else {
      const released = await store.releaseWaiting('email');
      if (released) log(`notify: ${released} e-mails that waited for SMTP configuration are queued`);
    }
  })().then(
    () => schedule(0),
    (error: unknown) => {
      log(`notify: could not start: ${error instanceof Error ? error.message : String(error)}`);
      schedule(pollMs);
    },
  );

  return {
    tick,
    async stop() {
      stopped = true;
      await started;
      clearTimeout(timer);
      await current;
      transport?.close();
    },
  };
}
