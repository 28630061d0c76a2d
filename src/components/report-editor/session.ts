/**
 * The staff session the editor works in (`GET/POST {api-base}/staff/session`): who is signed
 * in, with which role, and the CSRF token every staff write carries in `X-CSRF-Token`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, apiUrl, requestJson } from '../../api/client.js';
import { toLoadError, type LoadError } from '../base/controllers/request.js';

export interface StaffUserView {
  id: string;
  name: string;
  role: 'clerk' | 'head' | 'admin';
}

interface SessionAnswer {
  user: StaffUserView;
  csrfToken: string;
}

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; failed?: 'credentials' | 'locked' }
  | { status: 'signed-in'; user: StaffUserView; csrfToken: string }
  | { status: 'error'; error: LoadError };

export class StaffSessionController implements ReactiveController {
  state: SessionState = { status: 'checking' };
  private checkedFor?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly apiBase: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.check();
  }

  /** Checks once per api-base (again after `check(true)`). */
  async check(force = false): Promise<void> {
    const base = this.apiBase();
    if (base === undefined || (!force && this.checkedFor === base)) return;
    this.checkedFor = base;
    this.set({ status: 'checking' });
    try {
      this.accept(await requestJson<SessionAnswer>(apiUrl(base, 'staff/session')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.set({ status: 'signed-out' });
      else this.set({ status: 'error', error: toLoadError(error) });
    }
  }

  async signIn(name: string, password: string): Promise<void> {
    const base = this.apiBase();
    if (base === undefined) return;
    try {
      this.accept(await requestJson<SessionAnswer>(apiUrl(base, 'staff/session'), { method: 'POST', body: { name, password } }));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 422))
        this.set({ status: 'signed-out', failed: 'credentials' });
      else if (error instanceof ApiError && error.status === 429) this.set({ status: 'signed-out', failed: 'locked' });
      else this.set({ status: 'error', error: toLoadError(error) });
    }
  }

  /** Headers of a staff write. */
  writeHeaders(): Record<string, string> {
    return this.state.status === 'signed-in' ? { 'X-CSRF-Token': this.state.csrfToken } : {};
  }

  /** A write answered 401: the session ended; sign in again (what was typed stays in the editor). */
  expired(): void {
    this.set({ status: 'signed-out' });
  }

  private accept(answer: SessionAnswer): void {
    this.set({ status: 'signed-in', user: answer.user, csrfToken: answer.csrfToken });
  }

  private set(state: SessionState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
