/**
 * The step open on a case and what it has gathered: which step's form is open, its field
 * errors and the server's refusal, the answer being prepared (outcome, uploaded files, the
 * drafted 答复书), and what the last step did. Focus moves to the form when it opens, to the
 * result when it is done, and back to the button when it is cancelled (Escape cancels).
 */
import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { newIdempotencyKey } from '../../api/idempotency.js';
import type { ApplicationStatus, AttachmentReceipt, OutcomeId } from '../../api/types/application.js';
import { STAFF_ACTION_LABELS, type AnswerLetter, type StaffAction } from '../../api/types/staff.js';
import { plural } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { toLoadError } from '../base/controllers/request.js';
import { describeActionFailure, readActionBody } from './action-bodies.js';
import { emptyAnswer, type ActionHandlers, type ActionUi } from './actions.js';
import type { CaseController } from './case.js';
import { labels } from './labels.js';
import { printLetter } from './letter.js';
import type { StaffSessionController } from '../base/controllers/staff-session.js';

export interface CaseStepsOptions {
  session: StaffSessionController;
  case: CaseController;
  locale: () => Locale;
  /** Runs `fn` in the element's locale (for messages built outside render) */
  localize: <T>(fn: () => T) => T;
  /** Moves focus to `selector` after the next render */
  focus: (selector: string) => void;
  focusField: (id: string) => void;
  announce: (text: string) => void;
  /** The server recorded `action`; the case is now in `status` */
  onDone: (trackingCode: string, action: StaffAction, status: ApplicationStatus) => void;
}

/** Holds no lifecycle of its own: it asks the host to render when the step's state changes. */
export class CaseStepsController {
  ui: ActionUi = { busy: false, errors: new Map(), answer: emptyAnswer() };
  /** what the last step did, said where the actions are */
  result = '';

  /** The handlers of renderActions(). */
  readonly handlers: ActionHandlers = {
    onOpen: (action) => this.open(action),
    onCancel: () => this.cancel(),
    onSubmit: (event) => void this.submit(event),
    onKeydown: (event) => this.onKeydown(event),
    focusField: (id) => this.options.focusField(id),
    onOutcome: (event) => this.onOutcome(event),
    onFiles: (event) => void this.onFiles(event),
    onRemoveFile: (id) => this.removeFile(id),
    onDraftLetter: () => void this.draftLetter(),
    onLetterInput: (event) => this.onLetterInput(event),
    onPrint: () => this.ui.answer.letter && printLetter(this.ui.answer.letter, this.options.locale()),
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CaseStepsOptions,
  ) {}

  reset(): void {
    this.set({ busy: false, errors: new Map(), answer: emptyAnswer() });
  }

  /** A case was opened: nothing open, nothing said yet. */
  clear(): void {
    this.reset();
    this.result = '';
  }

  private set(ui: ActionUi): void {
    this.ui = ui;
    this.host.requestUpdate();
  }

  private setAnswer(answer: ActionUi['answer']): void {
    this.set({ ...this.ui, answer });
  }

  private open(action: StaffAction): void {
    if (this.ui.open === action) {
      this.cancel();
      return;
    }
    this.result = '';
    this.set({ busy: false, errors: new Map(), answer: emptyAnswer(), open: action });
    this.options.focus('#action-form-title');
  }

  private cancel(): void {
    const open = this.ui.open;
    this.reset();
    if (open) this.options.focus(`#action-${open}`);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { localize, session, focus } = this.options;
    const action = this.ui.open;
    if (!action || this.ui.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const read = localize(() => readActionBody(action, new FormData(form), this.ui.answer));
    if ('errors' in read) {
      this.set({ ...this.ui, errors: read.errors, failure: undefined });
      focus('#action-summary');
      return;
    }
    this.set({ ...this.ui, busy: true, errors: new Map(), failure: undefined });
    const state = await this.options.case.run({ action, body: read.body });
    if (session.state.status !== 'signed-in') return;
    if (state.status === 'sent') {
      const after = state.receipt;
      const locale = this.options.locale();
      const label = STAFF_ACTION_LABELS[action][locale];
      this.result = localize(() => msg(str`已${label}。当前状态：${labels().STATUS_LABELS[after.status][locale]}。`));
      this.reset();
      this.options.onDone(after.trackingCode, action, after.status);
      focus('.action-result');
    } else if (state.status === 'failed') {
      this.set({ ...this.ui, busy: false, failure: localize(() => describeActionFailure(state.failure.error)) });
      focus('.action-failure');
    }
  }

  private onOutcome(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as OutcomeId | '';
    this.setAnswer({ ...this.ui.answer, outcome: value || undefined });
  }

  private async onFiles(event: Event): Promise<void> {
    const { localize } = this.options;
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    this.setAnswer({ ...this.ui.answer, uploading: this.ui.answer.uploading + files.length });
    const failures: string[] = [];
    for (const file of files) {
      try {
        const form = new FormData();
        form.append('file', file, file.name);
        const receipt = await this.options.session.request<AttachmentReceipt>('files', {
          method: 'POST',
          body: form,
          idempotencyKey: newIdempotencyKey(),
          timeoutMs: 120_000,
        });
        this.setAnswer({ ...this.ui.answer, files: [...this.ui.answer.files, receipt] });
      } catch (error) {
        failures.push(`${file.name}：${localize(() => describeActionFailure(toLoadError(error)))}`);
      }
      this.setAnswer({ ...this.ui.answer, uploading: this.ui.answer.uploading - 1 });
    }
    if (failures.length) this.set({ ...this.ui, failure: failures.join('\n') });
    const count = this.ui.answer.files.length;
    this.options.announce(
      localize(() =>
        plural(this.options.locale(), count, { one: () => msg('已上传1个文件'), other: () => msg(str`已上传${count}个文件`) }),
      ),
    );
  }

  private removeFile(id: string): void {
    this.setAnswer({ ...this.ui.answer, files: this.ui.answer.files.filter((f) => f.id !== id) });
    this.options.focus('#files');
  }

  private async draftLetter(): Promise<void> {
    const answer = this.ui.answer;
    if (!answer.outcome) return;
    this.setAnswer({ ...answer, letterBusy: true });
    try {
      const letter = await this.options.session.request<AnswerLetter>(
        `applications/${encodeURIComponent(this.options.case.code)}/answer-letter`,
        { method: 'POST', body: { outcome: answer.outcome, files: answer.files.map((f) => f.name) } },
      );
      this.set({ ...this.ui, failure: undefined, answer: { ...this.ui.answer, letter, letterBusy: false } });
      this.options.focus('#letter-title');
    } catch (error) {
      this.set({
        ...this.ui,
        failure: this.options.localize(() => describeActionFailure(toLoadError(error))),
        answer: { ...this.ui.answer, letterBusy: false },
      });
      this.options.focus('.action-failure');
    }
  }

  private onLetterInput(event: Event): void {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    const key = input.dataset.letter as keyof AnswerLetter | undefined;
    const letter = this.ui.answer.letter;
    if (!key || !letter) return;
    this.setAnswer({ ...this.ui.answer, letter: { ...letter, [key]: input.value } });
  }
}
