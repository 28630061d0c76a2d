/** Small pieces the mailbox's three views share: what they read from the element, headings. */
import type { TemplateResult } from 'lit';
import type { Locale } from '../../i18n/locale.js';
import { heading } from '../base/heading.js';
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
