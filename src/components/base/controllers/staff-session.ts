import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiError, requestJson, type RequestOptions } from '../../../api/client.js';
import { apiUrl } from '../../../api/url.js';
import { STAFF_ROLES, type StaffSession, type StaffUser } from '../../../api/types/staff.js';
import { signInFailure, type SignInFailure, type SignInField, type StaffSignInHandlers, type StaffSignInView } from '../staff-sign-in.js';
import { FocusController } from './focus.js';
import { toLoadError, type LoadError } from './request.js';

export type StaffSessionState =
  | { status: 'checking' }
  /** `expired`: the session ended on the server (a 401 while signed in), not by signing out here */
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'signed-in'; user: StaffUser; csrfToken: string }
  /** The session could not be checked (server unreachable, a malformed answer): Retry is `check(true)`. */
  | { status: 'error'; error: LoadError };

export interface StaffSessionOptions {
  /** The backend root (the element's `api-base`); the staff API is `{api-base}/staff/…`. Nothing is asked while undefined. */
  apiBase: () => string | undefined;
  /** Sent as `Accept-Language`, so the server's problems come in the element's language. */
  locale: () => string;
  /** Called after every change of state, e.g. to emit zwgk-signed-in / zwgk-signed-out. */
  onChange?: (state: StaffSessionState, previous: StaffSessionState) => void;
}

/** A query string's values, as `apiUrl` takes them. */
export type StaffQuery = Record<string, string | number | undefined>;

/** The session the server answered with, as the signed-in state; throws (malformed) without a user, a role or a CSRF token. */
function signedIn(raw: unknown): StaffSessionState {
  const { user, csrfToken } = (raw ?? {}) as Partial<StaffSession>;
  if (!user || typeof user.name !== 'string' || !STAFF_ROLES.includes(user.role) || typeof csrfToken !== 'string')
    throw new ApiError('malformed', 'Not a staff session.');
  return { status: 'signed-in', user: { id: String(user.id ?? ''), name: user.name, role: user.role }, csrfToken };
}

/**
 * The staff session the office's elements work in (`GET/POST/DELETE {api-base}/staff/session`):
 * an HttpOnly cookie the page never sees, the signed-in user and role, and the CSRF token the
 * server hands out with it, sent on every staff write. Any 401 from a staff endpoint means the
 * session ended on the server (expired, or signed out elsewhere): the state becomes
 * `signed-out` with `expired`, and the element asks to sign in again.
 *
 * Nothing is asked on the server (SSR): the state stays `checking`, the browser asks once connected.
 */
export class StaffSessionController implements ReactiveController {
  state: StaffSessionState = { status: 'checking' };
  private checkedFor?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StaffSessionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!isServer) void this.check();
  }

  /** Is there a session already (a reload of the page keeps it)? Asks once per api-base; again with `force` (Retry). */
  async check(force = false): Promise<void> {
    const base = this.options.apiBase();
    if (base === undefined || (!force && this.checkedFor === base)) return;
    this.checkedFor = base;
    if (this.state.status !== 'checking') this.set({ status: 'checking' });
    try {
      this.set(signedIn(await this.request('session')));
    } catch (error) {
      this.set(
        error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'error', error: toLoadError(error) },
      );
    }
  }

  /** Signs in; rejects with the server's ApiError (wrong password, locked out, unreachable) for the element to explain. */
  async signIn(name: string, password: string): Promise<void> {
    this.set(signedIn(await this.request('session', { method: 'POST', body: { name, password } })));
  }

  async signOut(): Promise<void> {
    try {
      await this.request('session', { method: 'DELETE' });
    } catch {
      // Signed out here whatever the server says: the cookie expires on its own.
    }
    if (this.state.status === 'signed-in') this.set({ status: 'signed-out' });
  }

  /** A staff request (`path` under `{api-base}/staff/`) with the CSRF token on writes; a 401 ends the session here too. */
  async request<T = unknown>(path: string, options: RequestOptions & { query?: StaffQuery } = {}): Promise<T> {
    const { query, ...rest } = options;
    const headers: Record<string, string> = { 'Accept-Language': this.options.locale(), ...rest.headers };
    if (rest.method && rest.method !== 'GET' && this.state.status === 'signed-in') headers['X-CSRF-Token'] = this.state.csrfToken;
    try {
      return await requestJson<T>(this.url(path, query), { ...rest, headers });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && this.state.status === 'signed-in')
        this.set({ status: 'signed-out', expired: true });
      throw error;
    }
  }

  /** The URL of a staff endpoint, e.g. for a download link. */
  url(path: string, query?: StaffQuery): string {
    return apiUrl(this.options.apiBase() ?? '', `staff/${path}`, query);
  }

  private set(next: StaffSessionState): void {
    const previous = this.state;
    this.state = next;
    this.host.requestUpdate();
    this.options.onChange?.(next, previous);
  }
}

/** What the sign-in form holds between renders. */
export interface StaffSignInForm {
  name: string;
  password: string;
  busy: boolean;
  missing: SignInField[];
  failure?: SignInFailure;
}

const EMPTY_FORM: StaffSignInForm = { name: '', password: '', busy: false, missing: [] };

/**
 * The sign-in form of an element that works in a StaffSessionController (base/staff-sign-in.ts renders it):
 * what was typed, the blank fields, why the server refused, the busy button; a notice when the session ended
 * (expired on the server, or signed out here). Focus goes to what a failure shows — the error summary, the
 * server's refusal — and to the heading when the session ends under the user.
 */
export class StaffSignInController implements ReactiveController {
  form: StaffSignInForm = EMPTY_FORM;
  readonly handlers: StaffSignInHandlers = {
    onSubmit: (event) => void this.submit(event),
    focusField: (id) => this.focus.control(id),
  };
  private readonly focus: FocusController;
  private signedOutHere = false;
  private seen?: StaffSessionState['status'];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: StaffSessionController,
    root: () => ParentNode | null,
  ) {
    host.addController(this);
    this.focus = new FocusController(host, { root });
  }

  hostUpdate(): void {
    const state = this.session.state;
    if (this.seen === 'signed-in' && state.status === 'signed-out') {
      this.form = EMPTY_FORM;
      this.signedOutHere = !state.expired;
      this.focus.after('#sign-in-title');
    }
    this.seen = state.status;
  }

  /** The form's plain data, with the element's intro line and what became of unsaved work when a session expires. */
  view(words: { intro?: string; expiredNote: string }): StaffSignInView {
    const state = this.session.state;
    const notice = state.status !== 'signed-out' ? undefined : state.expired ? 'expired' : this.signedOutHere ? 'signed-out' : undefined;
    return { ...this.form, ...words, notice };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Read now: once the event has been dispatched its target is retargeted to the host.
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const name = String(data.get('name') ?? '');
    const password = String(data.get('password') ?? '');
    const missing = (['name', 'password'] as const).filter((field) => !(field === 'name' ? name.trim() : password));
    this.signedOutHere = false;
    if (missing.length) {
      this.set({ name, password, busy: false, missing });
      this.focus.after('#sign-in-summary');
      return;
    }
    this.set({ name, password, busy: true, missing: [] });
    try {
      await this.session.signIn(name.trim(), password);
      this.set(EMPTY_FORM);
    } catch (error) {
      this.set({ name, password: '', busy: false, missing: [], failure: signInFailure(error) });
      this.focus.after('.sign-in-failure');
    }
  }

  private set(form: StaffSignInForm): void {
    this.form = form;
    this.host.requestUpdate();
  }
}
