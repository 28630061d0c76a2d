import { css } from 'lit';

/** Dense but readable: a staff screen shows many cases at once, at the same contrast and target sizes as the citizen's. */
export const requestDeskStyles = css`
  .zwgk-root {
    max-width: var(--zwgk-request-desk-max-width, calc(80 * var(--_rem)));
  }
  h2,
  h3,
  h4 {
    margin: 0 0 var(--_space-3);
    line-height: 1.3;
  }
  h2 {
    font-size: var(--_font-size-large);
  }
  h3 {
    font-size: 1.0625em;
  }
  h2:focus,
  h3:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
    padding: var(--_space-2) var(--_space-3);
    margin-bottom: var(--_space-4);
    border-bottom: 3px solid var(--zwgk-request-desk-accent, var(--_color-primary));
    background: var(--_color-surface);
  }
  .bar .title {
    margin: 0;
    font-weight: 700;
    font-size: var(--_font-size-large);
  }
  .bar nav ul {
    display: flex;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar .who {
    margin-inline-start: auto;
  }
  .tab {
    min-height: var(--_target-size);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: var(--_color-link);
    font: inherit;
    cursor: pointer;
  }
  .tab[aria-current='page'] {
    border-color: var(--_color-border);
    background: var(--_color-bg);
    color: var(--_color-text);
    font-weight: 700;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-link);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    min-height: calc(1.5 * var(--_rem));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-2) var(--_space-4);
    margin-bottom: var(--_space-3);
  }
  .filters .field {
    margin: 0;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }
  .counts button {
    min-height: var(--_target-size);
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  .counts button[aria-pressed='true'] {
    border-color: var(--_color-link);
    box-shadow: inset 0 -3px 0 var(--_color-link);
    font-weight: 700;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: var(--_space-2);
  }
  th,
  td {
    padding: var(--_space-2);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_color-surface);
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .overdue {
    color: var(--_color-error);
    font-weight: 700;
  }
  .soon {
    color: var(--_color-warning);
    font-weight: 700;
  }
  .pager {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    margin-top: var(--_space-3);
  }
  .case-grid {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: var(--_space-6);
  }
  @media (max-width: 60rem) {
    .case-grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  section.block {
    margin-bottom: var(--_space-6);
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
  }
  dl.facts dt {
    color: var(--_color-muted);
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .timeline {
    margin: 0;
    padding: 0 0 0 var(--_space-4);
  }
  .timeline li {
    margin-bottom: var(--_space-2);
  }
  .timeline .meta {
    display: block;
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .timeline .note {
    display: block;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .clock-days {
    font-size: var(--_font-size-small);
  }
  .clock-days td.kind-paused,
  .clock-days td.kind-holiday {
    color: var(--_color-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-bottom: var(--_space-3);
  }
  .action-form {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    margin-bottom: var(--_space-4);
  }
  .form-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-top: var(--_space-3);
  }
  .letter {
    padding: var(--_space-6);
    border: 1px solid var(--_color-border);
    background: var(--_color-bg);
    font-family: 'FangSong', 'STFangsong', serif;
    white-space: pre-wrap;
  }
  .letter h4,
  .letter .doc-no {
    text-align: center;
  }
  .letter h4 {
    font-size: 1.25em;
  }
  .letter .signature {
    text-align: end;
  }
  .files {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
  .holiday-list {
    margin: 0 0 var(--_space-3);
  }
`;
