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
  /** The draft found on arrival, offered back until the citizen answers. */
  offered?: { draft: ApplicationDraft; savedAt: string };
  /** Whether what was typed is kept in the browser (the notice says where). */
  kept = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: Omit<DraftOptions<ApplicationDraft>, 'parse' | 'isEmpty'>,
    private readonly parts: DraftParts,
  ) {
    super(host, { ...options, parse: parseApplicationDraft });
  }

  /** Looks for a saved draft to offer back: true when there is one. */
  offer(): boolean {
    const read = this.read();
    if (read.status === 'found') this.offered = { draft: read.data, savedAt: read.savedAt };
    return this.offered !== undefined;
  }

  /** Puts the offered draft back into the form (values, files to add again, a submission under way); its step. */
  resume(): ApplicationStep | undefined {
    const draft = this.offered?.draft;
    if (!draft) return undefined;
    this.parts.form.reset(draft.values);
    this.parts.files.reset(draft.attachmentNames);
    const pending = draft.submission;
    if (pending) this.parts.submitter.resume({ key: pending.key, body: JSON.parse(pending.body) as ApplicationRequest });
    this.offered = undefined;
    this.kept = true;
    return draft.step;
  }

  /** Keeps what the form holds, at `step`; nothing before anything was typed, chosen or added. */
  keep(step: ApplicationStep): void {
    const values = this.parts.form.values;
    const files = this.parts.files;
    if (!hasAnyValue(values) && files.attachments.length === 0) return;
    const draft: ApplicationDraft = { values, step, attachmentNames: [...files.uploadedNames(), ...files.reattach] };
    const pending = this.parts.submitter.pending;
    if (pending) draft.submission = { key: pending.key, body: JSON.stringify(pending.body) };
    this.kept = this.save(draft);
    this.host.requestUpdate();
  }

  /** Deletes the saved draft (the server has the application, or the citizen said so). */
  override clear(): void {
    super.clear();
    this.offered = undefined;
    this.kept = false;
  }
}
