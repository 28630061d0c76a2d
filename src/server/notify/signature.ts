/**
 * Webhook signatures: `Zwgk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with
 * ZWGK_WEBHOOK_SECRET. The timestamp is signed too, so a captured request cannot be replayed later
 * (receivers refuse an old `t`); README shows the receiver's side.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Zwgk-Signature';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
