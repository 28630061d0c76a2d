/** Small pieces the mailbox's three views share: what they read from the element, headings. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import { formatDate } from '../../i18n/format.js';
import { heading } from '../base/heading.js';
import { errorSummary, focusControl, type SummaryItem } from '../base/fields.js';
import type { DraftPolicy } from '../base/controllers/draft.js';
import type { FeedbackFormLimits } from '../../core/feedback/form.js';

/**
 * What a view reads from the mailbox element: accessor options, read when
 * needed (the pattern of Shoelace's FormControlControllerOptions). Each view is
 * a Lit reactive controller of the element itself.
 */
export interface MailboxViewOptions {
  apiBase: () => string;
  locale: () => Locale;
  headingLevel: () => number;
  limits: () => FeedbackFormLimits;
  draftPolicy: () => DraftPolicy;
  /** the element's `validate-on` attribute, as set (each form reads it with its own default) */
  validateOn: () => unknown;
  root: () => ShadowRoot;
  announce: (text: string) => void;
  localize: <T>(fn: () => T) => T;
  emit: <T>(name: `zwgk-${string}`, detail: T) => void;
  /** focuses the element with this id in the shadow root, after the next render */
  focus: (id: string) => Promise<void>;
}

/** A heading at the host page's level, so the mailbox fits the page's outline. */
export function mailboxHeading(level: number, id: string, content: unknown, className = '', focusable = false): TemplateResult {
  return heading({ level, fallback: 2, id, className, focusable }, content);
}

/** A form's error summary (`id`: where a failed submit moves focus), above the form; nothing when there is no problem. */
export function mailboxSummary(items: SummaryItem[], id: string, options: MailboxViewOptions): TemplateResult | typeof nothing {
  return items.length
    ? errorSummary(items, (target) => focusControl(options.root(), target), {
        id,
        title: (titleId, text) => mailboxHeading(options.headingLevel(), titleId, text, 'error-summary-title'),
      })
    : nothing;
}

/** A date in a letter's list of facts (受理日期, 答复日期): the label, and the date as a machine-readable <time>. */
export function dateRow(label: string, date: string, locale: Locale): TemplateResult {
  return html`<div>
    <dt>${label}</dt>
    <dd><time datetime=${date}>${formatDate(date, locale)}</time></dd>
  </div>`;
}

/** A letter's own words, or the reply's, under their label; typed line breaks are kept by the styles. */
export function textBlock(label: string, text: string): TemplateResult {
  return html`<p class="block-label">${label}</p>
    <p class="text">${text}</p>`;
}
