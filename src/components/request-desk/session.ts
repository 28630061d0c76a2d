import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, apiUrl, requestJson, type RequestOptions } from '../../api/client.js';
import { STAFF_ROLES, type StaffSession, type StaffUser } from '../../api/types/staff.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; expired?: boolean }
  | { status: 'signed-in'; user: StaffUser; csrfToken: string };

export interface SessionOptions {
  apiBase: () => string;
  locale: () => string;
  /** called after every change of state, e.g. to emit zwgk-signed-in / zwgk-signed-out */
  onChange?: (state: SessionState, previous: SessionState) => void;
}

type SessionAnswer = Pick<StaffSession, 'user' | 'csrfToken'>;

function readSession(raw: unknown): SessionAnswer | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { user, csrfToken } = raw as Partial<StaffSession>;
  if (!user || typeof user.name !== 'string' || !STAFF_ROLES.includes(user.role) || typeof csrfToken !== 'string') return undefined;
  return { user: { id: String(user.id ?? ''), name: user.name, role: user.role }, csrfToken };
}

/**
 * The desk's staff session: an HttpOnly cookie the page never sees, plus the
 * CSRF token the server hands out with it, sent on every write. Any answer
 * 401 from a staff endpoint means the session ended on the server (expired,
 * or signed out elsewhere): the desk goes back to sign-in and says so.
 */
export class SessionController implements ReactiveController {
  state: SessionState = { status: 'checking' };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SessionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.state.status === 'checking') void this.check();
  }

  get user(): StaffUser | undefined {
    return this.state.status === 'signed-in' ? this.state.user : undefined;
  }

  private set(next: SessionState): void {
    const previous = this.state;
    this.state = next;
    this.host.requestUpdate();
    this.options.onChange?.(next, previous);
  }

  /** Is there a session already (a reload of the page keeps it)? */
  async check(): Promise<void> {
    try {
      const answer = readSession(await requestJson(this.url('session'), this.headers()));
      this.set(answer ? { status: 'signed-in', ...answer } : { status: 'signed-out' });
    } catch {
      this.set({ status: 'signed-out' });
    }
  }

  /** Signs in; rejects with the server's ApiError (wrong password, locked out, unreachable) for the form to explain. */
  async signIn(name: string, password: string): Promise<void> {
    const raw = await requestJson(this.url('session'), { ...this.headers(), method: 'POST', body: { name, password } });
    const answer = readSession(raw);
    if (!answer) throw new ApiError('malformed', 'The sign-in answer has no user or CSRF token.');
    this.set({ status: 'signed-in', ...answer });
  }

  async signOut(): Promise<void> {
    try {
      await this.request('session', { method: 'DELETE' });
    } catch {
      // Signed out here whatever the server says: the cookie expires on its own.
    }
    if (this.state.status === 'signed-in') this.set({ status: 'signed-out' });
  }

  /** A staff request with the CSRF token on writes; a 401 ends the session here too. */
  async request<T = unknown>(path: string, options: RequestOptions & { query?: Record<string, string | number | undefined> } = {}): Promise<T> {
    const { query, ...rest } = options;
    const headers: Record<string, string> = { ...this.headers().headers, ...rest.headers };
    if (rest.method && rest.method !== 'GET' && this.state.status === 'signed-in') headers['X-CSRF-Token'] = this.state.csrfToken;
    try {
      return await requestJson<T>(this.url(path, query), { ...rest, headers });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && this.state.status === 'signed-in') this.set({ status: 'signed-out', expired: true });
      throw error;
    }
  }

  /** The URL of a staff endpoint, e.g. for a download link. */
  url(path: string, query?: Record<string, string | number | undefined>): string {
    return apiUrl(this.options.apiBase(), `staff/${path}`, query);
  }

  private headers(): { headers: Record<string, string> } {
    return { headers: { 'Accept-Language': this.options.locale() } };
  }
}

