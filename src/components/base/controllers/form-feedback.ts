import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  formatFieldMessage,
  formatMessage,
  type MessageKey,
  type MessageLocale,
  type MessageParams,
} from '../../../core/validate/messages.js';

/**
 * When a field's problem shows (lion's `feedbackCondition`, gcds' `validateOn`):
 * `blur` — when the citizen leaves a field they filled in (the default);
 * `submit` — only once they try to send; `input` — as they type. In every mode
 * a problem put right disappears at once, and submitting shows every problem.
 */
export type ValidateOn = 'blur' | 'submit' | 'input';

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
  /** Doubts that do not block sending (shown at the field, never in the summary). */
  warn?: (values: V) => Issues<F>;
  validateOn?: () => ValidateOn;
  locale: () => MessageLocale;
  /** A field left blank on blur shows nothing until submit (default: '' or an empty list). */
  isBlank?: (field: F, values: V) => boolean;
  /**
   * The question `field` asks, as its label says it: when given, messages name it ("请填写联系电话"), so an
   * error summary of several problems never repeats one bare sentence (GOV.UK).
   */
  label?: (field: F) => string;
}

const defaultBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * One form-feedback policy for every form: the values, which fields were
 * touched, which problems show (per `validate-on`), warnings, the error
 * summary's items, and server field errors mapped onto the fields with their
 * parameters filled in. The element renders; this decides what it shows.
 */
export class FormFeedbackController<V extends object, F extends string> implements ReactiveController {
  values: V;
  /** fields the citizen has left at least once */
  readonly touched = new Set<F>();
  /** whether the summary is up (after a submit with problems, or server errors) */
  summaryShown = false;
  private shown = new Map<F, Issue>();
  /** problems no field can fix (a server error with no field this form has) */
  private formIssues: Issue[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FormFeedbackOptions<V, F>,
  ) {
    this.values = options.initial();
    host.addController(this);
  }

  hostConnected(): void {}

  private get mode(): ValidateOn {
    return this.options.validateOn?.() ?? 'blur';
  }

  private isBlank(field: F): boolean {
    return this.options.isBlank?.(field, this.values) ?? defaultBlank((this.values as Record<string, unknown>)[field]);
  }

  /** Sets values (the citizen typed, or a draft came back). A problem put right goes at once. */
  set(patch: Partial<V>): void {
    this.values = { ...this.values, ...patch };
    const now = this.options.validate(this.values);
    const next = new Map<F, Issue>();
    for (const [field, issue] of this.shown) if (now[field]) next.set(field, sameIssue(issue, now[field]!) ? issue : now[field]!);
    if (this.mode === 'input') {
      for (const field of Object.keys(patch) as F[]) if (now[field] && !this.isBlank(field)) next.set(field, now[field]!);
    }
    this.shown = next;
    this.host.requestUpdate();
  }

  /** The citizen left `field`: in `blur` mode its problem shows, unless it is still blank. */
  blur(field: F): void {
    if (!this.options.fields.includes(field)) return;
    this.touched.add(field);
    if (this.mode !== 'blur' || (this.isBlank(field) && !this.shown.has(field))) return;
    const issue = this.options.validate(this.values)[field];
    if (issue) this.shown.set(field, issue);
    else this.shown.delete(field);
    this.host.requestUpdate();
  }

  /**
   * Checks `fields` (every field by default; one step's fields in a longer form) for sending: true when
   * nothing blocks; otherwise their problems and the summary show.
   */
  submit(fields: readonly F[] = this.options.fields): boolean {
    const all = this.options.validate(this.values);
    this.shown = new Map(fields.filter((f) => all[f]).map((f) => [f, all[f]!]));
    this.formIssues = [];
    this.summaryShown = this.shown.size > 0;
    this.host.requestUpdate();
    return this.shown.size === 0;
  }

  /**
   * Shows problems the server found (a 422), mapped onto this form's fields by
   * `mapServerErrors()` (server-errors.ts); those at no field of this form go to the summary alone.
   */
  showServerErrors(issues: readonly { field?: F; issue: Issue }[]): void {
    this.shown = new Map();
    this.formIssues = [];
    for (const { field, issue } of issues) {
      if (field && !this.shown.has(field)) this.shown.set(field, issue);
      else if (!field) this.formIssues.push(issue);
    }
    this.summaryShown = this.shown.size + this.formIssues.length > 0;
    this.host.requestUpdate();
  }

  /** Back to the initial values with nothing shown (a new letter, a discarded draft). */
  reset(values: V = this.options.initial()): void {
    this.values = values;
    this.touched.clear();
    this.shown = new Map();
    this.formIssues = [];
    this.summaryShown = false;
    this.host.requestUpdate();
  }

  hideSummary(): void {
    this.summaryShown = false;
    this.host.requestUpdate();
  }

  /** The words of the problem `field` shows, if any. */
  errorFor(field: F): string | undefined {
    const issue = this.shown.get(field);
    return issue ? this.word(issue, field) : undefined;
  }

  /** The words of a doubt about `field` that does not block, if it shows no error. */
  warningFor(field: F): string | undefined {
    if (this.shown.has(field) || (!this.touched.has(field) && !this.summaryShown)) return undefined;
    const issue = this.options.warn?.(this.values)[field];
    return issue ? this.word(issue, field) : undefined;
  }

  /** The summary's lines, in field order, then problems no field can fix. */
  summaryItems(): SummaryItem[] {
    if (!this.summaryShown) return [];
    const fields = this.options.fields
      .filter((f) => this.shown.has(f))
      .map((f) => ({ target: f, message: this.word(this.shown.get(f)!, f) }));
    return [...fields, ...this.formIssues.map((issue) => ({ message: this.word(issue) }))];
  }

  private word(issue: Issue, field?: F): string {
    if (!issue.code) return issue.text ?? '';
    const label = field && this.options.label?.(field);
    return label
      ? formatFieldMessage(this.options.locale(), issue.code, label, issue.params)
      : formatMessage(this.options.locale(), issue.code, issue.params);
  }
}

function sameIssue(a: Issue, b: Issue): boolean {
  return a.code === b.code && a.text === b.text && JSON.stringify(a.params) === JSON.stringify(b.params);
}
