/**
 * Notification settings, from the environment of `npm run serve` (and the demo):
 *
 *   ZWGK_SMTP_URL         e.g. smtp://user:pass@mail.example.gov.cn:587; unset: mails wait (waiting-for-configuration)
 *   ZWGK_MAIL_FROM        sender, default "政务公开 <no-reply@localhost>"
 *   ZWGK_STAFF_EMAILS     comma-separated staff addresses for the daily digest of due and overdue cases
 *   ZWGK_DIGEST_HOUR      hour of the day (China time) the digest goes out, default 8
 *   ZWGK_PORTAL_URL       the page where applicants look up their case (named in the 答复 mail)
 *   ZWGK_WEBHOOKS         comma-separated URLs that receive every event as signed JSON
 *   ZWGK_WEBHOOK_SECRET   HMAC-SHA256 key of the signatures (required with ZWGK_WEBHOOKS or ZWGK_SMS_WEBHOOK)
 *   ZWGK_SMS_WEBHOOK      SMS gateway URL: receives { to, text } as signed JSON for the applicant's mobile
 *   ZWGK_WEBHOOK_TIMEOUT_MS  default 10000
 */
export interface NotifyConfig {
  smtpUrl?: string;
  mailFrom: string;
  staffEmails: string[];
  digestHour: number;
  portalUrl?: string;
  webhooks: string[];
  webhookSecret?: string;
  smsWebhook?: string;
  webhookTimeoutMs: number;
}

export const DEFAULT_MAIL_FROM = '政务公开 <no-reply@localhost>';

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function httpUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: ${value} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name}: ${value} is not an http(s) URL`);
  return url.href;
}

/** Checks the settings; a mistake is told at start in one line, never found later by a lost notification. */
export function notifyConfig(input: Partial<NotifyConfig>): NotifyConfig {
  const config: NotifyConfig = {
    mailFrom: DEFAULT_MAIL_FROM,
    staffEmails: [],
    digestHour: 8,
    webhooks: [],
    webhookTimeoutMs: 10_000,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '')),
  };
  if (config.smtpUrl && !/^smtps?:\/\//.test(config.smtpUrl)) throw new Error(`ZWGK_SMTP_URL must start with smtp:// or smtps://`);
  config.webhooks = config.webhooks.map((u) => httpUrl(u, 'ZWGK_WEBHOOKS'));
  if (config.smsWebhook) config.smsWebhook = httpUrl(config.smsWebhook, 'ZWGK_SMS_WEBHOOK');
  if ((config.webhooks.length || config.smsWebhook) && !config.webhookSecret) {
    throw new Error('ZWGK_WEBHOOKS and ZWGK_SMS_WEBHOOK need ZWGK_WEBHOOK_SECRET, the key receivers check signatures with');
  }
  if (!Number.isInteger(config.digestHour) || config.digestHour < 0 || config.digestHour > 23) throw new Error('ZWGK_DIGEST_HOUR must be 0–23');
  return config;
}

export function notifyConfigFromEnv(env: NodeJS.ProcessEnv): NotifyConfig {
  return notifyConfig({
    smtpUrl: env.ZWGK_SMTP_URL,
    mailFrom: env.ZWGK_MAIL_FROM,
    staffEmails: list(env.ZWGK_STAFF_EMAILS),
    digestHour: env.ZWGK_DIGEST_HOUR ? Number(env.ZWGK_DIGEST_HOUR) : undefined,
    portalUrl: env.ZWGK_PORTAL_URL,
    webhooks: list(env.ZWGK_WEBHOOKS),
    webhookSecret: env.ZWGK_WEBHOOK_SECRET,
    smsWebhook: env.ZWGK_SMS_WEBHOOK,
    webhookTimeoutMs: env.ZWGK_WEBHOOK_TIMEOUT_MS ? Number(env.ZWGK_WEBHOOK_TIMEOUT_MS) : undefined,
  });
}
