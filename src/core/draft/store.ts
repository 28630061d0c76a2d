/**
 * Drafts kept in the browser (localStorage or sessionStorage) with an expiry,
 * as plain functions over a minimal key-value store so they run in Node
 * tests too. A draft holds what a citizen typed: it is removed when it
 * expires, when it cannot be read, and when the server confirms a submission.
 */

/** What a draft needs from `localStorage` / `sessionStorage`. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A draft older than this is deleted unread (personal data should not linger on a shared computer). */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const VERSION = 1;

interface Envelope {
  v: number;
  /** ISO instant of the last save */
  savedAt: string;
  data: unknown;
}

export type DraftRead<T> =
  { status: 'none' } | { status: 'expired' } | { status: 'unreadable' } | { status: 'found'; data: T; savedAt: string };

/** The storage key of one form's draft; `parts` (e.g. api-base and agency) keep two forms on one site apart. */
export function draftKey(form: string, ...parts: string[]): string {
  return `zwgk:${form}:v${VERSION}:${JSON.stringify(parts)}`;
}

/** Saves `data`; false when the store refuses (full, disabled, private mode) — the form then simply has no draft. */
export function saveDraft(store: KeyValueStore, key: string, data: unknown, now: Date = new Date()): boolean {
  const envelope: Envelope = { v: VERSION, savedAt: now.toISOString(), data };
  try {
    store.setItem(key, JSON.stringify(envelope));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a draft and checks it with `parse` (stored data is not trusted: an
 * older version of the form or another script may have written it). Expired
 * and unreadable drafts are removed.
 */
export function loadDraft<T>(
  store: KeyValueStore,
  key: string,
  parse: (data: unknown) => T | undefined,
  now: Date = new Date(),
  maxAgeMs: number = DRAFT_MAX_AGE_MS,
): DraftRead<T> {
  let text: string | null;
  try {
    text = store.getItem(key);
  } catch {
    return { status: 'none' };
  }
  if (text === null) return { status: 'none' };
  const envelope = parseEnvelope(text);
  if (!envelope) {
    clearDraft(store, key);
    return { status: 'unreadable' };
  }
  if (now.getTime() - Date.parse(envelope.savedAt) > maxAgeMs) {
    clearDraft(store, key);
    return { status: 'expired' };
  }
  const data = parse(envelope.data);
  if (data === undefined) {
    clearDraft(store, key);
    return { status: 'unreadable' };
  }
  return { status: 'found', data, savedAt: envelope.savedAt };
}

export function clearDraft(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // A store that cannot be written holds nothing of ours either.
  }
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return undefined;
    const { v, savedAt } = value as Partial<Envelope>;
    if (v !== VERSION || typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return undefined;
    return value as Envelope;
  } catch {
    return undefined;
  }
}
