import { css } from 'lit';

export const feedbackMailboxStyles = css`
  .zwgk-root {
    container-type: inline-size;
  }
  .mailbox {
    --_query-code-size: var(--zwgk-feedback-mailbox-query-code-size, calc(2 * var(--_rem)));
    --_letter-background: var(--zwgk-feedback-mailbox-letter-background, var(--_color-bg));
    --_tab-indicator: var(--zwgk-feedback-mailbox-tab-indicator, var(--_color-primary));
  }

  /* Tabs: the chosen one is bold, underlined by a bar and on a surface — never colour alone. */
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    border-bottom: 1px solid var(--_color-border);
  }
  .tab {
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    padding: var(--_space-2) var(--_space-4);
    border: 0;
    border-bottom: 4px solid transparent;
    background: none;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_tab-indicator);
    background: var(--_color-surface);
    font-weight: 700;
  }
  .panel {
    padding-block: var(--_space-4);
  }

  /* Fields: base/fields.styles.ts; here only what the mailbox does differently. */
  form {
    max-width: calc(40 * var(--_rem));
  }
  /* wide enough for a query code or a phone number */
  .input.short {
    max-width: calc(20 * var(--_rem));
  }
  fieldset.contact {
    margin: 0 0 var(--_space-6);
  }
  fieldset.contact .field {
    margin-bottom: var(--_space-4);
  }
  fieldset.contact .label {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: var(--_space-4) 0 0;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .state,
  .notice {
    margin: var(--_space-4) 0;
  }
  .notice {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .notice p {
    margin: 0 0 var(--_space-2);
  }

  /* Confirmation: the query code, large, with copy and a plain warning. */
  .confirmation {
    padding: var(--_space-4);
    border: 1px solid var(--_color-success);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
  }
  .confirmation-title {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size-large);
  }
  .code-label {
    margin: 0;
  }
  .query-code {
    margin: var(--_space-1) 0 var(--_space-3);
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: var(--_query-code-size);
    font-weight: 700;
    letter-spacing: 0.15em;
    overflow-wrap: anywhere;
  }
  .keep-warning {
    padding: var(--_space-3);
    border: 2px solid var(--_color-warning);
    border-radius: var(--_radius);
  }
  .keep-warning p {
    margin: 0;
  }

  /* Letters: the looked-up one and the published ones. */
  .lookup-result {
    margin-top: var(--_space-6);
  }
  .letter {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_letter-background);
  }
  .letter-title {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-large);
    overflow-wrap: anywhere;
  }
  .category {
    margin: 0 0 var(--_space-2);
  }
  .meta {
    display: grid;
    gap: var(--_space-1) var(--_space-4);
    margin: 0 0 var(--_space-3);
  }
  .meta > div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .meta dt {
    color: var(--_color-muted);
  }
  .meta dt::after {
    content: '：';
  }
  .meta dt:lang(en)::after {
    content: ':';
  }
  .meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Mobile first: the browser floor, without container queries, keeps the one-column list. */
  @container (min-width: 36em) {
    .meta {
      grid-template-columns: repeat(auto-fill, minmax(calc(14 * var(--_rem)), 1fr));
    }
  }
  .status {
    font-weight: 700;
  }
  .status::before {
    content: '● ';
  }
  .status.replied {
    color: var(--_color-success);
  }
  .status.replied::before {
    content: '✓ ';
  }
  .text-block {
    margin: 0 0 var(--_space-3);
  }
  .text-block.reply {
    padding: var(--_space-3);
    border-inline-start: 4px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .block-label {
    margin: 0 0 var(--_space-1);
    font-weight: 700;
  }
  .text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    letter-spacing: 0.1em;
  }
  .waiting,
  .rated,
  .rating-closed {
    margin: var(--_space-3) 0 0;
  }
  .rating-form {
    margin-top: var(--_space-4);
    padding-top: var(--_space-4);
    border-top: 1px solid var(--_color-border);
  }

  /* Published letters: totals on top, pages with large targets. */
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-4);
  }
  .totals > div {
    flex: 1 1 calc(9 * var(--_rem));
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .totals dt {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .totals dd {
    margin: 0;
    font-size: var(--_font-size-large);
    font-weight: 700;
  }
  .page-status {
    margin: 0 0 var(--_space-3);
  }
  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: var(--_space-4) 0 0;
    padding: 0;
    list-style: none;
  }
  .pagination .gap {
    display: flex;
    align-items: center;
    min-height: var(--_target-size);
  }
  .pagination .current {
    background: var(--_color-primary);
    color: var(--_color-primary-text);
    text-decoration: underline;
  }
`;
