/** Small pieces the mailbox's three views share: what they need from the element, headings, dates, numbers. */
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';
import type { ApiErrorKind } from '../../api/client.js';
import { intlTag, type Locale } from '../../i18n/locale.js';
import type { FeedbackFormLimits } from '../../core/feedback/form.js';
import type { KeyValueStore } from '../../core/draft/store.js';

/** Which request failed, in `zwgk-error`. */
export type MailboxOperation = 'challenge' | 'submit' | 'lookup' | 'rate' | 'list';

/** Detail of `zwgk-error`. */
export interface MailboxErrorDetail {
  operation: MailboxOperation;
  kind: ApiErrorKind | 'invalid' | 'proof';
  /** HTTP status, when the server answered */
  status?: number;
}

/** What a view needs from the element that hosts it. */
export interface MailboxHost {
  readonly apiBase: string;
  readonly locale: Locale;
  readonly headingLevel: number;
  readonly limits: FeedbackFormLimits;
  /** where the draft is kept; undefined when drafts are off or storage is unavailable */
  draftStore(): KeyValueStore | undefined;
  /** re-render */
  changed(): void;
  announce(text: string): void;
  localize<T>(fn: () => T): T;
  emit<T>(name: `zwgk-${string}`, detail: T): void;
  /** focuses the element with this id in the shadow root (after the next render) */
  focus(id: string): Promise<void>;
  readonly root: ShadowRoot;
}

/** A heading at the host page's level (2–6), so the mailbox fits the page's outline. */
export function heading(level: number, id: string, content: unknown, className = '', focusable = false): TemplateResult {
  const tag = unsafeStatic(`h${Math.min(6, Math.max(2, Math.trunc(level) || 2))}`);
  return focusable
    ? staticHtml`<${tag} id=${id} class=${className} tabindex="-1">${content}</${tag}>`
    : staticHtml`<${tag} id=${id} class=${className}>${content}</${tag}>`;
}

/** `YYYY-MM-DD` as people read dates in the element's language (2025年3月3日, 3 March 2025). */
export function formatDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number);
  const time = Date.UTC(year!, month! - 1, day!);
  if (Number.isNaN(time)) return date;
  return new Intl.DateTimeFormat(intlTag(locale), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(time);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 }).format(value);
}
