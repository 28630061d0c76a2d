/**
 * Form fields as the GOV.UK design system builds them, shared by the
 * application form, the status lookup and the feedback mailbox: a real
 * <label>, a hint under it, the error in plain words between the hint and the
 * control (referenced by `aria-describedby`, with `aria-invalid`), and an error
 * summary that takes focus and links to each field. Inputs carry `name`, so the
 * element listens once on the <form> instead of binding every input.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { CharacterCount } from '../../core/feedback/counter.js';
import { plural } from '../../i18n/format.js';
import { renderingLocale } from '../../i18n/locale.js';

/** What a field shows besides its control. */
export interface FieldText {
  /** the control's `name`, and its id inside the shadow root (summary links focus it) */
  name: string;
  label: string;
  hint?: string;
  /** marks the label "（选填）": required fields are the norm and carry no mark */
  optional?: boolean;
  error?: string;
  /** a doubt that does not block (shown, not counted as an error) */
  warning?: string;
}

export interface TextFieldOptions extends FieldText {
  value: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email';
  /** a textarea with this many rows */
  rows?: number;
  /** e.g. `characters` for codes written in capitals */
  autocapitalize?: string;
  /** a narrower input for short values (邮编, codes, phone numbers) */
  width?: 'short' | 'medium';
  /** shows the character count under the control */
  count?: CharacterCount;
}

function describedBy(text: FieldText, count = false): string | undefined {
  const { name } = text;
  const ids = [text.hint && `${name}-hint`, text.warning && `${name}-warning`, text.error && `${name}-error`, count && `${name}-count`];
  return ids.filter(Boolean).join(' ') || undefined;
}

function labelText(text: FieldText): TemplateResult {
  return html`${text.label}${text.optional ? html`<span class="optional">${msg('（选填）')}</span>` : nothing}`;
}

/** Hint, warning and error lines, in the order a screen reader reads them. */
function notes({ name, hint, warning, error }: FieldText): TemplateResult {
  return html`${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
  ${
    warning
      ? html`<p class="warning-message" id="${name}-warning" part="field-warning"><span class="tag">${msg('请注意')}</span>${warning}</p>`
      : nothing
  }
  ${error ? html`<p class="error-message" id="${name}-error" part="field-error"><span class="tag">${msg('错误')}</span>${error}</p>` : nothing}`;
}

/** The count in words: how many characters are left, or how many too many (never only a colour). */
export function countText(count: CharacterCount): string {
  const locale = renderingLocale();
  const left = count.remaining;
  return left >= 0
    ? plural(locale, left, {
        one: () => msg(str`还可以输入${left}个字`, { id: 'count.left.one' }),
        other: () => msg(str`还可以输入${count.remaining}个字`),
      })
    : plural(locale, -left, {
        one: () => msg(str`超出了${-left}个字`, { id: 'count.over.one' }),
        other: () => msg(str`超出了${-count.remaining}个字`),
      });
}

export function textField(o: TextFieldOptions): TemplateResult {
  const described = describedBy(o, o.count !== undefined);
  const invalid = o.error ? 'true' : undefined;
  const control =
    o.rows !== undefined
      ? html`<textarea
          id=${o.name}
          name=${o.name}
          rows=${o.rows}
          part="textarea"
          class="input"
          aria-describedby=${ifDefined(described)}
          aria-invalid=${ifDefined(invalid)}
          .value=${live(o.value)}
        ></textarea>`
      : html`<input
          id=${o.name}
          name=${o.name}
          type=${o.type ?? 'text'}
          part="input"
          class="input ${o.width ?? ''}"
          autocomplete=${o.autocomplete ?? 'off'}
          inputmode=${ifDefined(o.inputmode)}
          autocapitalize=${ifDefined(o.autocapitalize)}
          spellcheck="false"
          aria-describedby=${ifDefined(described)}
          aria-invalid=${ifDefined(invalid)}
          .value=${live(o.value)}
        />`;
  // The count is not a live region: a pause in typing speaks it through the element's announcer when it matters.
  const count = o.count ? html`<p class="count ${o.count.band}" id="${o.name}-count" part="count">${countText(o.count)}</p>` : nothing;
  return html`<div class="field ${o.error ? 'has-error' : ''}" part="field">
    <label for=${o.name} class="label" part="label">${labelText(o)}</label>
    ${notes(o)} ${control} ${count}
  </div>`;
}

export interface Choice {
  value: string;
  label: string;
  /** shown under the option when it is chosen (a conditional reveal) */
  reveal?: TemplateResult;
}

export interface ChoiceGroupOptions extends FieldText {
  type: 'radio' | 'checkbox';
  choices: Choice[];
  selected: readonly string[];
  /** options side by side, for a few short ones (满意/基本满意/不满意) */
  inline?: boolean;
}

/**
 * A radio or checkbox group: a <fieldset> whose <legend> is the question.
 * The first input carries the group's id, so a summary link can focus it.
 */
export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const described = describedBy(o);
  return html`<div class="field ${o.error ? 'has-error' : ''}" part="field">
    <fieldset class="group" aria-describedby=${ifDefined(described)}>
      <legend class="label" part="label">${labelText(o)}</legend>
      ${notes(o)}
      <div class="choices ${o.inline ? 'inline' : ''}">
        ${o.choices.map((choice, index) => {
          const id = index === 0 ? o.name : `${o.name}-${choice.value}`;
          const checked = o.selected.includes(choice.value);
          return html`<div class="choice">
              <input
                id=${id}
                type=${o.type}
                name=${o.name}
                value=${choice.value}
                aria-invalid=${ifDefined(o.error ? 'true' : undefined)}
                .checked=${live(checked)}
              />
              <label for=${id}>${choice.label}</label>
            </div>
            ${checked && choice.reveal ? html`<div class="reveal">${choice.reveal}</div>` : nothing}`;
        })}
      </div>
    </fieldset>
  </div>`;
}

export function selectField(o: FieldText & { value: string; choices: Choice[] }): TemplateResult {
  const described = describedBy(o);
  return html`<div class="field ${o.error ? 'has-error' : ''}" part="field">
    <label for=${o.name} class="label" part="label">${labelText(o)}</label>
    ${notes(o)}
    <select
      id=${o.name}
      name=${o.name}
      class="input"
      part="select"
      aria-describedby=${ifDefined(described)}
      aria-invalid=${ifDefined(o.error ? 'true' : undefined)}
    >
      ${o.choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === o.value}>${choice.label}</option>`)}
    </select>
  </div>`;
}

export interface SummaryItem {
  /** the id of the control to focus; none for a problem no field can fix */
  target?: string;
  message: string;
}

export interface SummaryOptions {
  /** the summary's id, when the element shows more than one (the title's id is `<id>-title`) */
  id?: string;
  /** renders the title (e.g. at the host page's heading level); an <h2> by default */
  title?: (id: string, text: string) => TemplateResult;
}

const h2 = (id: string, text: string) => html`<h2 class="error-summary-title" id=${id}>${text}</h2>`;

/**
 * The error summary: a heading and a link per problem. It is not a live
 * region (role="alert" would speak it twice): the element moves focus to it
 * (`tabindex="-1"`), which reads it once.
 */
export function errorSummary(
  items: SummaryItem[],
  focusField: (id: string) => void,
  { id, title = h2 }: SummaryOptions = {},
): TemplateResult {
  const titleId = `${id ?? 'error-summary'}-title`;
  const text = plural(renderingLocale(), items.length, {
    one: () => msg('有1处需要修改'),
    other: () => msg(str`有${items.length}处需要修改`),
  });
  return html`<div class="error-summary" id=${ifDefined(id)} part="error-summary" tabindex="-1" aria-labelledby=${titleId}>
    ${title(titleId, text)}
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            ${
              item.target
                ? html`<a
                    href="#${item.target}"
                    @click=${(event: Event) => {
                      event.preventDefault();
                      focusField(item.target!);
                    }}
                    >${item.message}</a
                  >`
                : item.message
            }
          </li>`,
      )}
    </ul>
  </div>`;
}

/** Focuses the control with `id` inside `root` and brings it into view, its label included. */
export function focusControl(root: ShadowRoot, id: string): void {
  const control = root.getElementById(id) as HTMLElement | null;
  if (!control) return;
  control.focus({ preventScroll: true });
  (control.closest('.field') ?? control).scrollIntoView({ block: 'center' });
}
