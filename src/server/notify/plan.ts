/** Which deliveries an event makes: one per channel and recipient, decided once when the worker takes the event. */
import type { NotifyConfig } from './config.js';
import type { NotifyEvent } from './events.js';
import type { PlannedDelivery } from './store.js';
import { mailKindOf } from './templates.js';

/** A mainland mobile number (SMS cannot reach a landline), as 11 digits; null otherwise. */
export function mobileNumber(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function planDeliveries(event: NotifyEvent, config: NotifyConfig): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  const mailState = config.smtpUrl ? 'pending' : 'waiting-for-configuration';
  const kind = mailKindOf(event);
  if (event.type === 'staff.digest') {
    const { dueSoon, overdue } = event.digest;
    if (dueSoon.length + overdue.length > 0) {
      for (const address of new Set(config.staffEmails.map((a) => a.toLowerCase()))) {
        planned.push({ channel: 'email', recipient: address, kind: 'staff-digest', state: mailState });
      }
    }
    return planned;
  }
  if (kind) {
    const email = event.contact.email?.trim().toLowerCase();
    if (email) planned.push({ channel: 'email', recipient: email, kind, state: mailState });
    const mobile = mobileNumber(event.contact.phone);
    if (mobile && config.smsWebhook) planned.push({ channel: 'sms', recipient: mobile, kind, state: 'pending' });
  }
  for (const url of config.webhooks) planned.push({ channel: 'webhook', recipient: url, kind: event.type, state: 'pending' });
  return planned;
}
