import { css } from 'lit';

export const reportEditorStyles = css`
  :host {
    display: block;
    --_prefilled: var(--zwgk-report-editor-prefilled-background, #eef5fc);
  }
  h2 {
    font-size: var(--_font-size-large);
    margin: 0 0 var(--_space-2);
  }
  h3 {
    font-size: 1.125em;
    margin: var(--_space-6) 0 var(--_space-2);
  }
  .meta,
  .legend,
  .count {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .note {
    border-inline-start: 4px solid var(--_color-primary);
    padding-inline-start: var(--_space-2);
  }
  .note.warning {
    border-color: var(--_color-warning);
  }
  .save-state,
  .actions,
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    margin: var(--_space-2) 0;
  }
  .save-state p {
    margin: 0;
    font-weight: 600;
  }
  .save-state.failed p,
  .save-state.conflict p,
  .message.error {
    color: var(--_color-error);
  }
  .save-state.saved p {
    color: var(--_color-success);
  }
  .note-form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: end;
  }
  .note-form label {
    flex-basis: 100%;
    font-weight: 600;
  }
  textarea {
    font: inherit;
    min-height: var(--_target-size);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    min-width: min(100%, calc(24 * var(--_rem)));
  }
  .scroll {
    overflow-x: auto;
    margin-bottom: var(--_space-3);
  }
  table {
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--_space-1) 0;
  }
  th,
  td {
    border: 1px solid var(--_color-border);
    padding: calc(0.125 * var(--_rem)) var(--_space-1);
    text-align: start;
    vertical-align: middle;
  }
  th[scope='row'] {
    min-width: 14em;
    font-weight: normal;
  }
  .depth-1 {
    padding-inline-start: 1.5em;
  }
  .depth-2 {
    padding-inline-start: 3em;
  }
  tr.group th {
    background: var(--_color-surface);
    font-weight: 600;
  }
  .official {
    display: block;
    color: var(--_color-muted);
    font-size: 0.85em;
  }
  td.cell {
    position: relative;
    white-space: nowrap;
  }
  td.prefilled {
    background: var(--_prefilled);
  }
  .cell-input {
    font: inherit;
    width: 5.5em;
    min-height: calc(2.25 * var(--_rem));
    padding: 0 var(--_space-1);
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    text-align: end;
    background: var(--_color-bg);
    color: var(--_color-text);
  }
  .cell-input[readonly] {
    border-style: dashed;
  }
  .cell-input[aria-invalid='true'] {
    border: 2px solid var(--_color-error);
  }
  .has-warning .cell-input {
    border: 2px solid var(--_color-warning);
  }
  .source {
    display: inline-block;
    min-width: 1.5em;
    margin-inline-start: calc(0.125 * var(--_rem));
    font-size: 0.8em;
    color: var(--_color-primary);
    font-weight: 600;
  }
  .source.changed {
    color: var(--_color-warning);
  }
  .mark {
    display: inline-block;
    min-width: calc(1.25 * var(--_rem));
    margin-inline-start: calc(0.125 * var(--_rem));
    border-radius: 10px;
    font-size: 0.75em;
    text-align: center;
    color: #fff;
    background: var(--_color-error);
  }
  .mark.warning {
    background: var(--_color-warning);
  }
  .finding-list {
    padding-inline-start: 2em;
  }
  .finding.error strong {
    color: var(--_color-error);
  }
  .finding.warning strong {
    color: var(--_color-warning);
  }
  .link-button {
    font: inherit;
    background: none;
    border: none;
    color: var(--_color-link);
    text-decoration: underline;
    cursor: pointer;
    min-height: calc(1.5 * var(--_rem));
  }
  .toolbar {
    display: flex;
    gap: var(--_space-1);
    margin-bottom: var(--_space-1);
  }
  .tool {
    font: inherit;
    min-height: calc(2.25 * var(--_rem));
    min-width: calc(2.75 * var(--_rem));
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    background: var(--_color-bg);
    color: var(--_color-text);
    cursor: pointer;
  }
  .tool[aria-pressed='true'] {
    background: var(--_color-primary);
    color: var(--_color-primary-text);
  }
  .rich-host.rich-text {
    min-height: 6em;
    padding: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    white-space: pre-wrap;
    word-wrap: break-word;
  }
  .rich-host.rich-text[aria-readonly='true'] {
    background: var(--_color-surface);
  }
  .rich-host.rich-text:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .count.over {
    color: var(--_color-warning);
    font-weight: 600;
  }
  /* The essentials of prosemirror-view/style/prosemirror.css, which the editor needs inside the shadow root. */
  .ProseMirror {
    position: relative;
    white-space: pre-wrap;
    font-variant-ligatures: none;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-gapcursor {
    display: none;
  }
  @media (forced-colors: active) {
    .mark,
    .tool[aria-pressed='true'] {
      forced-color-adjust: none;
    }
  }
`;
