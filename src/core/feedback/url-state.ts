/**
 * The mailbox's view in the page URL (`?mailbox=lookup`, `?mailbox=published&mailbox-page=2`),
 * next to whatever else the URL holds; a prefix keeps two mailboxes on one page apart.
 */

export const MAILBOX_VIEWS = ['write', 'lookup', 'published'] as const;
export type MailboxView = (typeof MAILBOX_VIEWS)[number];

export interface MailboxUrlState {
  view: MailboxView;
  /** page of the published letters (1 when absent) */
  page: number;
}

const viewKey = (prefix: string) => `${prefix}mailbox`;
const pageKey = (prefix: string) => `${prefix}mailbox-page`;

/** What the URL asks for; values that cannot be meant (an unknown view, page=abc) are left out. */
export function readMailboxState(search: string, prefix = ''): Partial<MailboxUrlState> {
  const params = new URLSearchParams(search);
  const state: Partial<MailboxUrlState> = {};
  const view = params.get(viewKey(prefix))?.trim();
  if (view && (MAILBOX_VIEWS as readonly string[]).includes(view)) state.view = view as MailboxView;
  const page = params.get(pageKey(prefix))?.trim();
  if (page && /^\d{1,7}$/.test(page) && Number(page) >= 1) state.page = Number(page);
  return state;
}

/**
 * `href` with this mailbox's parameters replaced: the view unless it is the
 * page's default, the page only for published letters past the first.
 * Other parameters and the hash stay.
 */
export function hrefWithMailboxState(href: string, state: MailboxUrlState, prefix = '', defaultView: MailboxView = 'write'): string {
  const url = new URL(href);
  url.searchParams.delete(viewKey(prefix));
  url.searchParams.delete(pageKey(prefix));
  if (state.view !== defaultView) url.searchParams.set(viewKey(prefix), state.view);
  if (state.view === 'published' && state.page > 1) url.searchParams.set(pageKey(prefix), String(state.page));
  return url.href;
}
