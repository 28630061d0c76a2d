/**
 * The application's draft on top of DraftController (the `draft` policy): what it keeps — the values, the
 * step, the names of the files uploaded (to add again) and a submission under way with its Idempotency-Key —
 * saved as the citizen types, offered back after a reload, let go when the server confirms or the citizen
 * clears it. See docs/decisions/0002-draft-policy.md.
 */
import type { ReactiveControllerHost } from 'lit';
import { DraftController, type DraftOptions } from '../base/controllers/draft.js';
import type { SubmissionController } from '../base/controllers/submission.js';
import type { ApplicationReceipt, ApplicationRequest } from '../../api/types/application.js';
import { hasAnyValue, parseApplicationDraft, type ApplicationDraft, type ApplicationStep } from '../../core/application/form.js';
import type { ApplicationFeedback } from './application-feedback.js';
import type { AttachmentQueue } from './attachment-queue.js';

/** What a draft is made of, and put back into. */
export interface DraftParts {
  form: ApplicationFeedback;
  files: AttachmentQueue;
  submitter: SubmissionController<ApplicationRequest, ApplicationReceipt>;
}

export class DraftKeeper extends DraftController<ApplicationDraft> {
  /** Whether what was typed is kept in the browser (the notice says where). */
  kept = false;

  constructor(
    host: ReactiveControllerHost,
    options: Omit<DraftOptions<ApplicationDraft>, 'parse' | 'isEmpty'>,
    private readonly parts: DraftParts,
  ) {
    super(host, { ...options, parse: parseApplicationDraft });
  }

  /** The draft found on arrival (read before the first render), offered back until the citizen answers. */
  get offered(): { data: ApplicationDraft; savedAt: string } | undefined {
    return this.found.status === 'found' ? this.found : undefined;
  }

  /** 继续: puts the offered draft back into the form (values, files to add again, a submission under way); its step. */
  resume(): ApplicationStep | undefined {
    const offered = this.offered;
    if (!offered) return undefined;
    const { data } = offered;
    const { form, files, submitter } = this.parts;
    form.reset(data.values);
    files.reset(data.attachmentNames);
    const pending = data.submission;
    if (pending) submitter.resume({ key: pending.key, body: JSON.parse(pending.body) as ApplicationRequest });
    this.found = { status: 'none' };
    this.kept = true;
    return data.step;
  }

  /**
   * Keeps what the form holds, at `step`; nothing before anything was typed, chosen or added. Called as the form
   * changes (a value, a file, the step), which renders it anew: `kept` is shown then.
   */
  keep(step: ApplicationStep): void {
    const { form, files, submitter } = this.parts;
    const values = form.values;
    if (!hasAnyValue(values) && files.attachments.length === 0) return;
    const draft: ApplicationDraft = { values, step, attachmentNames: [...files.uploadedNames(), ...files.reattach] };
    const pending = submitter.pending;
    if (pending) draft.submission = { key: pending.key, body: JSON.stringify(pending.body) };
    this.kept = this.save(draft);
  }

  /** Deletes the saved draft (重新开始 or 清除, or the server has the application); the element then renders anew. */
  override clear(): void {
    super.clear();
    this.found = { status: 'none' };
    this.kept = false;
  }
}
