import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { MessageKey, MessageParams } from '../../../core/validate/messages.js';
import {
  COMMON_MESSAGES,
  addEnglishMessages,
  formatFieldIn,
  formatIn,
  hasEnglishMessages,
  type MessageLocale,
  type MessageTable,
} from '../../../core/validate/messages-common.js';
import { lazyModule } from '../lazy-module.js';

/** English validation messages: loaded once per page by the first form that speaks English. */
const englishMessages = lazyModule(() => import('../../../core/validate/messages-en.js'));

/**
 * When a field's problem shows (lion's `feedbackCondition`, gcds' `validateOn`):
 * `blur` — when the citizen leaves a field they filled in (the default);
 * `submit` — only once they try to send; `input` — as they type. In every mode
 * a problem put right disappears at once, and submitting shows every problem.
 */
export type ValidateOn = 'blur' | 'submit' | 'input';

export const VALIDATE_ON: readonly ValidateOn[] = ['blur', 'submit', 'input'];

/** An attribute value as a ValidateOn, or `fallback` when it is not one (a typo in a page keeps the element's default). */
export function validateOnOf(value: unknown, fallback: ValidateOn): ValidateOn {
  return VALIDATE_ON.includes(value as ValidateOn) ? (value as ValidateOn) : fallback;
}

/**
 * Where the error summary stands: `before-form` — above the form, outside it (the mailbox's letter and look-up);
 * `in-form` — the first thing inside the form (the application form, above the step's fieldset).
 */
export type SummaryPlacement = 'before-form' | 'in-form';

/** A problem with a field: a message-table key (with its parameters), or the server's own words. */
export interface Issue {
  code?: MessageKey;
  params?: MessageParams;
  /** words to show when there is no code the element knows (the server's message, already localised) */
  text?: string;
}

export type Issues<F extends string> = Partial<Record<F, Issue>>;

/** One line of the error summary: the control it links to (none for a problem no field can fix) and the words. */
export interface SummaryItem {
  target?: string;
  message: string;
}

export interface FormFeedbackOptions<V, F extends string> {
  /** The values the form starts with (and returns to on reset()). */
  initial: () => V;
  /** Every field in page order: the error summary lists problems in this order. */
  fields: readonly F[];
  /** Every problem with `values` that blocks sending. */
  validate: (values: V) => Issues<F>;
  /** Doubts that do not block sending (shown at the field once it was checked, never in the summary). */
  warn?: (values: V) => Issues<F>;
  validateOn?: () => ValidateOn;
  /** Where the element renders the summary (default `in-form`): `summaryAt()` answers for that place only. */
  summaryPlacement?: () => SummaryPlacement;
  locale: () => MessageLocale;
  /**
   * The messages its issues are worded from (default: the shared ones, COMMON_MESSAGES); the application
   * form gives the whole table (validationMessages), with its identity-number and delivery messages.
   */
  messages?: MessageTable;
  /** A field left blank on blur shows nothing until submit (default: '' or an empty list). */
  isBlank?: (field: F, values: V) => boolean;
  /**
   * The question `field` asks, as its label says it: when given, messages name it ("请填写联系电话"), so an
   * error summary of several problems never repeats one bare sentence (GOV.UK).
   */
  label?: (field: F) => string;
  /** The element's own words for an issue, where the message table's are not right (undefined: the table's). */
  word?: (issue: Issue, field: F | undefined) => string | undefined;
  /** The id of the control a summary line of `field` links to (default: the field's name); undefined for none. */
  target?: (field: F) => string | undefined;
  /**
   * What a server issue at `field` was about (default: `values[field]`): the issue stays while this is
   * unchanged, since the form cannot check the server's rule itself, and goes once it changes.
   */
  valueAt?: (field: F, values: V) => unknown;
}

const blank = (value: unknown): boolean =>
  value == null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** Issues are built code first, then params (or text alone), so their JSON compares them. */
const same = (a: Issue, b: Issue): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A problem that shows at a field. */
interface Shown {
  issue: Issue;
  /** the server's problem: the value it was about (it stays while the field holds that value) */
  about?: string;
  /** a problem only the element knows (a refused file): it stays until cleared or the field is checked again */
  flag?: boolean;
}

/**
 * One form-feedback policy for every form: the values, which fields were touched, which problems
 * show (per `validate-on`), the error summary's items and place, and server field errors mapped onto
 * the fields with their parameters filled in. The element renders; this decides what it shows.
 * FormFeedbackController (below) adds what a longer form also does: its own flags, warnings.
 *
 * While the citizen types, a problem that shows keeps its words until the field is checked again (on
 * leaving it, or on submit), so nothing new appears under their fingers — except with `validate-on="input"`.
 */
export class FormFeedback<V extends object, F extends string> implements ReactiveController {
  values: V;
  /** fields checked at least once — left (in `blur` mode), typed in (`input` mode) or submitted: their warnings show */
  readonly touched = new Set<F>();
  /** whether the summary is up (after a submit with problems, or server errors) */
  summaryShown = false;
  protected shown = new Map<F, Shown>();
  /** problems no field can fix (a server error with no field this form has) */
  private formIssues: Issue[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    protected readonly o: FormFeedbackOptions<V, F>,
  ) {
    this.values = o.initial();
    host.addController(this);
  }

  /** A form that speaks English loads the English messages before any problem is worded (a Chinese page never does). */
  hostUpdate(): void {
    if (isServer || hasEnglishMessages() || this.o.locale() !== 'en') return;
    englishMessages.load().then(
      (module) => {
        addEnglishMessages(module);
        this.update();
      },
      () => undefined, // tried again on the next update; meanwhile the Chinese words show
    );
  }

  private get mode(): ValidateOn {
    return this.o.validateOn?.() ?? 'blur';
  }

  private blank(field: F): boolean {
    return this.o.isBlank?.(field, this.values) ?? blank((this.values as Record<string, unknown>)[field]);
  }

  private about(field: F): string {
    const { valueAt } = this.o;
    return JSON.stringify(valueAt ? valueAt(field, this.values) : (this.values as Record<string, unknown>)[field]) ?? '';
  }

  /** The problem `field` has now: the form's own check first, then what the server said about this very value. */
  private now(field: F, checks: Issues<F>): Issue | undefined {
    const shown = this.shown.get(field);
    return checks[field] ?? (shown?.about === this.about(field) ? shown.issue : undefined);
  }

  protected update(): void {
    this.host.requestUpdate();
  }

  /** Sets values (the citizen typed, or a draft came back). A problem put right goes at once. */
  set(patch: Partial<V>): void {
    this.values = { ...this.values, ...patch };
    const checks = this.o.validate(this.values);
    const input = this.mode === 'input';
    for (const [field, shown] of this.shown) {
      if (shown.flag) continue;
      // A server problem goes once its value changed; another stays while the field still has one.
      const now = shown.about === undefined ? checks[field] : shown.about === this.about(field) && shown.issue;
      if (!now) this.shown.delete(field);
      else if (input) shown.issue = now;
    }
    if (input)
      this.check((Object.keys(patch) as F[]).filter((f) => this.o.fields.includes(f) && !this.blank(f) && !this.shown.get(f)?.flag));
    this.update();
  }

  /** The citizen left `field`: in `blur` mode its problem shows, unless it is still blank. */
  blur(field: F): void {
    if (this.mode !== 'blur' || !this.o.fields.includes(field) || (this.blank(field) && !this.shown.has(field))) return;
    // Only a change re-renders: a field left as the element takes it away (another view) must not ask for one.
    if (this.check([field])) this.update();
  }

  /** Checks `fields` afresh: their problems show (or go), their warnings too. True when what shows changed. */
  private check(fields: readonly F[]): boolean {
    const checks = this.o.validate(this.values);
    let changed = false;
    for (const field of fields) {
      // A field checked for the first time may show a warning.
      if (this.o.warn && !this.touched.has(field)) changed = true;
      this.touched.add(field);
      const before = this.shown.get(field);
      const now = this.now(field, checks);
      if (!now) changed = this.shown.delete(field) || changed;
      else if (!before || before.flag || !same(before.issue, now)) {
        this.shown.set(field, { issue: now });
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Checks `fields` (every field by default; one step's fields in a longer form) for sending: true when
   * none of them has a problem; otherwise their problems and the summary show. Problems at other fields
   * (another step's, which the server found) stay as they are.
   */
  submit(fields: readonly F[] = this.o.fields): boolean {
    this.check(fields);
    this.formIssues = [];
    this.summaryShown = fields.some((field) => this.shown.has(field));
    this.update();
    return !this.summaryShown;
  }

  /**
   * Shows problems the server found (a 422), mapped onto this form's fields by
   * `mapServerErrors()` (server-errors.ts); those at no field of this form go to the summary alone.
   * A server problem stays while its field keeps the value it was about.
   */
  showServerErrors(issues: readonly { field?: F; issue: Issue }[]): void {
    this.shown = new Map();
    this.formIssues = [];
    for (const { field, issue } of issues) {
      if (!field) this.formIssues.push(issue);
      else if (!this.shown.has(field)) this.shown.set(field, { issue, about: this.about(field) });
    }
    this.summaryShown = issues.length > 0;
    this.update();
  }

  /** Back to the initial values with nothing shown (a new letter, a discarded draft). */
  reset(values: V = this.o.initial()): void {
    this.values = values;
    this.touched.clear();
    this.showServerErrors([]);
  }

  /** The words of the problem `field` shows, if any. */
  errorFor(field: F): string | undefined {
    const shown = this.shown.get(field);
    return shown && this.wordOf(shown.issue, field);
  }

  /**
   * The summary's lines for `fields` (default: every field), in their order (the page's), then problems
   * no field can fix.
   */
  summaryItems(fields: readonly F[] = this.o.fields): SummaryItem[] {
    if (!this.summaryShown) return [];
    const { target } = this.o;
    return [
      ...fields
        .filter((f) => this.shown.has(f))
        .map((f): SummaryItem => ({ target: target ? target(f) : f, message: this.wordOf(this.shown.get(f)!.issue, f) })),
      ...this.formIssues.map((issue) => ({ message: this.wordOf(issue) })),
    ];
  }

  /** The summary's lines when the element renders it at `place` (see `summaryPlacement`), else none. */
  summaryAt(place: SummaryPlacement, fields?: readonly F[]): SummaryItem[] {
    return place === (this.o.summaryPlacement?.() ?? 'in-form') ? this.summaryItems(fields) : [];
  }

  /** An issue in words, in the element's language: its own words, else the message table's naming the question. */
  wordOf(issue: Issue, field?: F): string {
    const o = this.o;
    const own = o.word?.(issue, field);
    if (own !== undefined) return own;
    if (!issue.code) return issue.text ?? '';
    const label = field && o.label?.(field);
    const table = o.messages ?? COMMON_MESSAGES;
    return label
      ? formatFieldIn(table, o.locale(), issue.code, label, issue.params)
      : formatIn(table, o.locale(), issue.code, issue.params);
  }
}

/**
 * FormFeedback with what a longer form also does: a problem only the element knows (a refused file),
 * taken away by hand, the summary hidden on moving on, and warnings that do not block. The mailbox's
 * short forms use FormFeedback alone, so they do not ship these.
 */
export class FormFeedbackController<V extends object, F extends string> extends FormFeedback<V, F> {
  /** Shows a problem only the element knows (a file refused before upload); it stays until clear() or a new check. */
  flag(field: F, issue: Issue): void {
    this.shown.set(field, { issue, flag: true });
    this.update();
  }

  /** Takes the problem at `field` away (a choice was made, the file that failed was removed). */
  clear(field: F): void {
    if (this.shown.delete(field)) this.update();
  }

  hideSummary(): void {
    this.summaryShown = false;
    this.update();
  }

  /** Whether `field` shows a problem. */
  hasError(field: F): boolean {
    return this.shown.has(field);
  }

  /** The words of a doubt about `field` that does not block, once it was checked, if it shows no error. */
  warningFor(field: F): string | undefined {
    if (this.shown.has(field) || (!this.touched.has(field) && !this.summaryShown)) return undefined;
    const issue = this.o.warn?.(this.values)[field];
    return issue && this.wordOf(issue, field);
  }
}
