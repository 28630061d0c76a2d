import { css } from 'lit';

/**
 * The look of base/fields.ts: field, label, hint, warning and error lines,
 * inputs, choices, character count and error summary. Input borders have
 * 3:1 contrast and one token for every form (`--zwgk-input-border`).
 */
export const fieldStyles = css`
  .zwgk-root {
    --_input-border: var(--zwgk-input-border, #57606a);
  }
  .zwgk-root[data-theme='elder'] {
    --_input-border: var(--zwgk-input-border, #000000);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    max-width: 100%;
  }
  .field {
    margin: 0 0 var(--_space-6);
  }
  .field.has-error,
  .group.has-error {
    padding-inline-start: var(--_space-3);
    border-inline-start: 5px solid var(--_color-error);
  }
  .label {
    display: block;
    margin-bottom: var(--_space-1);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .optional {
    font-weight: 400;
    color: var(--_color-muted);
  }
  .hint {
    margin: 0 0 var(--_space-2);
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .error-message,
  .warning-message {
    margin: 0 0 var(--_space-2);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .error-message {
    color: var(--_color-error);
  }
  .warning-message {
    color: var(--_color-warning);
  }
  .tag {
    display: inline-block;
    margin-inline-end: var(--_space-2);
    padding: 0 var(--_space-1);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    font-size: var(--_font-size-small);
  }
  .input {
    display: block;
    width: 100%;
    min-height: var(--_target-size);
    padding: var(--_space-2);
    border: 2px solid var(--_input-border);
    border-radius: 0;
    background: var(--_color-bg);
    color: var(--_color-text);
    font: inherit;
  }
  .input.short {
    max-width: 8em;
  }
  .input.medium {
    max-width: 16em;
  }
  textarea.input {
    resize: vertical;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_color-error);
    border-width: 3px;
  }
  .input:focus-visible,
  .choice input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .count {
    margin: var(--_space-1) 0 0;
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .count.near {
    color: var(--_color-warning);
    font-weight: 700;
  }
  .count.over {
    color: var(--_color-error);
    font-weight: 700;
  }
  .choices {
    display: grid;
    gap: var(--_space-2);
  }
  .choices.inline {
    display: flex;
    flex-flow: row wrap;
    column-gap: var(--_space-4);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-height: var(--_target-size);
  }
  .choice input {
    flex: none;
    width: calc(var(--_target-size) * 0.6);
    height: calc(var(--_target-size) * 0.6);
    margin: 0;
    accent-color: var(--_color-link);
  }
  /* the whole label is the target, as tall as the theme's target size */
  .choice label {
    flex: 1;
    display: flex;
    align-items: center;
    min-height: var(--_target-size);
    padding: var(--_space-1) 0;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .reveal {
    margin: 0 0 var(--_space-2) calc(var(--_target-size) * 0.3);
    padding-inline-start: var(--_space-4);
    border-inline-start: 4px solid var(--_color-border);
  }
  .error-summary {
    margin: 0 0 var(--_space-6);
    padding: var(--_space-4);
    border: 4px solid var(--_color-error);
  }
  .error-summary-title {
    margin: 0 0 var(--_space-3);
    color: var(--_color-error);
    font-size: var(--_font-size-large);
    line-height: 1.3;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .error-summary li + li {
    margin-top: var(--_space-2);
  }
  .error-summary a {
    color: var(--_color-error);
    font-weight: 700;
    overflow-wrap: anywhere;
  }
`;
