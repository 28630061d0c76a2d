import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '../../api/client.js';
import { APPLICATION_STATUSES } from '../../api/types/application.js';
import { STAFF_ACTIONS, type StaffAction, type StaffCase } from '../../api/types/staff.js';
import type { DataState } from '../base/data-source.js';
import { loadError, type SessionController } from './session.js';

function parseCase(raw: unknown): StaffCase | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const c = raw as Partial<StaffCase>;
  const ok =
    typeof c.trackingCode === 'string' &&
    APPLICATION_STATUSES.includes(c.status!) &&
    !!c.applicant &&
    !!c.request &&
    !!c.clock &&
    Array.isArray(c.clock.days) &&
    Array.isArray(c.actions) &&
    c.actions.every((a) => STAFF_ACTIONS.includes(a)) &&
    Array.isArray(c.timeline) &&
    Array.isArray(c.attachments);
  return ok ? (c as StaffCase) : undefined;
}

/**
 * One case: loads it, and runs the desk's steps on it. Each step keeps its
 * Idempotency-Key until the server answers, so pressing again after a
 * network failure cannot record the step twice.
 */
export class CaseController implements ReactiveController {
  state: DataState<StaffCase> = { status: 'idle' };
  code = '';
  private abort?: AbortController;
  private pendingKey?: { action: StaffAction; key: string };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: SessionController,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  async open(code: string): Promise<void> {
    this.code = code;
    this.pendingKey = undefined;
    await this.load();
  }

  close(): void {
    this.abort?.abort();
    this.code = '';
    this.state = { status: 'idle' };
    this.host.requestUpdate();
  }

  async load(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.state = { status: 'loading' };
    this.host.requestUpdate();
    try {
      const raw = await this.session.request(`applications/${encodeURIComponent(this.code)}`, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.accept(raw);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.state = { status: 'error', error: loadError(error) };
    }
    this.host.requestUpdate();
  }

  /** Runs one step; resolves with the case after it, rejects with the ApiError for the form to explain. */
  async run(action: StaffAction, body: object): Promise<StaffCase> {
    if (this.pendingKey?.action !== action) this.pendingKey = { action, key: newIdempotencyKey() };
    const raw = await this.session.request(`applications/${encodeURIComponent(this.code)}/${action}`, {
      method: 'POST',
      body,
      idempotencyKey: this.pendingKey.key,
    });
    this.pendingKey = undefined;
    this.accept(raw);
    this.host.requestUpdate();
    if (this.state.status !== 'ready') throw new Error('The case after the step could not be read.');
    return this.state.value;
  }

  private accept(raw: unknown): void {
    const value = parseCase(raw);
    this.state = value ? { status: 'ready', value } : { status: 'error', error: { kind: 'invalid', detail: 'The case answer has the wrong shape.' } };
  }
}
