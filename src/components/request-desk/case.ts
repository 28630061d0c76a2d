import type { ReactiveControllerHost } from 'lit';
import { APPLICATION_STATUSES } from '../../api/types/application.js';
import { STAFF_ACTIONS, type StaffAction, type StaffCase } from '../../api/types/staff.js';
import { RequestController, type DataState, type Parse } from '../base/controllers/request.js';
import { SubmissionController, type SubmissionState } from '../base/controllers/submission.js';
import type { StaffSessionController } from '../base/controllers/staff-session.js';

const parseCase: Parse<StaffCase> = (raw) => {
  const c = (raw ?? {}) as Partial<StaffCase>;
  const ok =
    typeof c.trackingCode === 'string' &&
    APPLICATION_STATUSES.includes(c.status!) &&
    !!c.applicant &&
    !!c.request &&
    !!c.delivery &&
    !!c.clock &&
    Array.isArray(c.clock.days) &&
    Array.isArray(c.actions) &&
    c.actions.every((a) => STAFF_ACTIONS.includes(a)) &&
    Array.isArray(c.timeline) &&
    Array.isArray(c.attachments);
  return ok ? { value: c as StaffCase } : { problems: ['The case answer has the wrong shape.'] };
};

export interface Step {
  action: StaffAction;
  body: object;
}

/**
 * One case: loads it, and runs the desk's steps on it. A step goes through
 * the SubmissionController: the same step with the same body, sent again
 * after a network failure, keeps its Idempotency-Key and is recorded once.
 */
export class CaseController {
  code = '';
  private readonly request: RequestController<StaffCase>;
  private readonly steps: SubmissionController<Step, StaffCase>;

  constructor(
    host: ReactiveControllerHost,
    private readonly session: StaffSessionController,
  ) {
    this.request = new RequestController(host, { parse: parseCase, label: () => 'zwgk-request-desk (case)' });
    this.steps = new SubmissionController(host, {
      parse: parseCase,
      send: ({ action, body }, idempotencyKey, signal) =>
        this.session.request(`applications/${encodeURIComponent(this.code)}/${action}`, { method: 'POST', body, idempotencyKey, signal }),
    });
  }

  get state(): DataState<StaffCase> {
    return this.request.state;
  }

  get value(): StaffCase | undefined {
    return this.request.value;
  }

  open(code: string): Promise<unknown> {
    this.code = code;
    this.steps.reset();
    return this.load();
  }

  close(): void {
    this.code = '';
    this.steps.reset();
    this.request.reset();
  }

  load(): Promise<unknown> {
    return this.request.run((signal) => this.session.request(`applications/${encodeURIComponent(this.code)}`, { signal }));
  }

  /** Runs one step; the case shown becomes the server's answer. */
  async run(step: Step): Promise<SubmissionState<StaffCase>> {
    const state = await this.steps.submit(step);
    if (state.status === 'sent') this.request.accept(state.receipt);
    return state;
  }
}
