/**
 * Form fields as the GOV.UK design system builds them (the same pattern as the
 * application form): a real <label>, a hint under it, the error in plain words
 * between hint and input (in `aria-describedby`, with `aria-invalid`), and an
 * error summary that takes focus and links to each field. Inputs carry `name`,
 * so the element listens once on the <form>.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { CharacterCount } from '../../core/feedback/counter.js';
import { heading } from './parts.js';

export interface FieldText {
  /** the control's id inside the shadow root (also its `name`) */
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export interface TextFieldOptions extends FieldText {
  value: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: 'text' | 'tel' | 'email';
  /** a textarea with this many rows */
  rows?: number;
  /** shows the character count under the control */
  count?: CharacterCount;
  /** a narrower input for short values (codes, phone numbers) */
  short?: boolean;
}

function describedBy(text: FieldText, extra: (string | false | undefined)[] = []): string | undefined {
  const ids = [text.hint && `${text.id}-hint`, text.error && `${text.id}-error`, ...extra].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function notes(text: FieldText): TemplateResult {
  return html`${text.hint ? html`<p class="hint" id="${text.id}-hint">${text.hint}</p>` : nothing}
  ${text.error
    ? html`<p class="error-message" id="${text.id}-error" part="field-error"><span class="tag">${msg('错误')}</span>${text.error}</p>`
    : nothing}`;
}

/** The count in words: how many characters are left, or how many too many (never only a colour). */
export function countText(count: CharacterCount): string {
  return count.remaining >= 0 ? msg(str`还可以输入${count.remaining}个字`) : msg(str`超出了${-count.remaining}个字`);
}

export function textField(o: TextFieldOptions): TemplateResult {
  const described = describedBy(o, [o.count && `${o.id}-count`]);
  const invalid = o.error ? 'true' : undefined;
  const control =
    o.rows !== undefined
      ? html`<textarea
          id=${o.id}
          name=${o.id}
          rows=${o.rows}
          part="textarea"
          class="input"
          aria-describedby=${ifDefined(described)}
          aria-invalid=${ifDefined(invalid)}
          .value=${live(o.value)}
        ></textarea>`
      : html`<input
          id=${o.id}
          name=${o.id}
          type=${o.type ?? 'text'}
          part="input"
          class="input ${o.short ? 'short' : ''}"
          autocomplete=${o.autocomplete ?? 'off'}
          inputmode=${ifDefined(o.inputmode)}
          spellcheck="false"
          aria-describedby=${ifDefined(described)}
          aria-invalid=${ifDefined(invalid)}
          .value=${live(o.value)}
        />`;
  // The count is not a live region: a pause in typing speaks it through the element's announcer when it matters.
  const count = o.count
    ? html`<p class="count ${o.count.band}" id="${o.id}-count" part="count">${countText(o.count)}</p>`
    : nothing;
  return html`<div class="field ${o.error ? 'has-error' : ''}" part="field">
    <label for=${o.id} class="label" part="label">${o.label}</label>
    ${notes(o)} ${control} ${count}
  </div>`;
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A radio group: a <fieldset> whose <legend> is the question. The first radio
 * carries the group's id, so a summary link can focus it.
 */
export function radioGroup(o: FieldText & { choices: Choice[]; selected: string; inline?: boolean }): TemplateResult {
  const described = describedBy(o);
  return html`<div class="field ${o.error ? 'has-error' : ''}" part="field">
    <fieldset class="group" aria-describedby=${ifDefined(described)}>
      <legend class="label" part="label">${o.label}</legend>
      ${notes(o)}
      <div class="choices ${o.inline ? 'inline' : ''}">
        ${o.choices.map((choice, index) => {
          const id = index === 0 ? o.id : `${o.id}-${choice.value}`;
          return html`<div class="choice">
            <input
              id=${id}
              type="radio"
              name=${o.id}
              value=${choice.value}
              aria-invalid=${ifDefined(o.error ? 'true' : undefined)}
              .checked=${live(o.selected === choice.value)}
            />
            <label for=${id}>${choice.label}</label>
          </div>`;
        })}
      </div>
    </fieldset>
  </div>`;
}

export interface SummaryItem {
  /** the id of the control to focus; none for a problem no field can fix */
  target?: string;
  message: string;
}

/**
 * The error summary: a heading and a link per problem. Not a live region
 * (role="alert" would speak it twice): the element moves focus to it.
 */
export function errorSummary(id: string, items: SummaryItem[], level: number, focusField: (id: string) => void): TemplateResult {
  const title = items.length === 1 ? msg('有1处需要修改') : msg(str`有${items.length}处需要修改`);
  return html`<div class="error-summary" id=${id} part="error-summary" tabindex="-1" aria-labelledby="${id}-title">
    ${heading(level, `${id}-title`, title, 'error-summary-title')}
    <ul>
      ${items.map(
        (item) => html`<li>
          ${item.target
            ? html`<a
                href="#${item.target}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  focusField(item.target!);
                }}
                >${item.message}</a
              >`
            : item.message}
        </li>`,
      )}
    </ul>
  </div>`;
}

/** Focuses the control with `id` inside `root` and brings it into view with its label. */
export function focusControl(root: ShadowRoot, id: string): void {
  const control = root.getElementById(id) as HTMLElement | null;
  if (!control) return;
  control.focus({ preventScroll: true });
  (control.closest('.field') ?? control).scrollIntoView({ block: 'center' });
}
