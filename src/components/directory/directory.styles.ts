import { css } from 'lit';
import { containerQuery } from '../../styles/container-query.js';

export const directoryStyles = css`
  .directory {
    container-type: inline-size;
    display: grid;
    gap: var(--_space-4);
  }

  /* Search */
  .search {
    display: grid;
    gap: var(--_space-2);
  }
  .search label {
    font-weight: 700;
  }
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  input[type='search'] {
    flex: 1 1 calc(12 * var(--_rem));
    min-width: 0;
    min-height: var(--_target-size);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    color: var(--_color-text);
    font: inherit;
  }
  /* The clear button is ours, visible and labelled; the browser's little × is neither. */
  input[type='search']::-webkit-search-cancel-button {
    display: none;
  }
  .hint {
    margin: 0;
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }

  /* Filters and sort */
  .filters {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--zwgk-directory-filters-background, var(--_color-surface));
  }
  .filters legend {
    padding: 0 var(--_space-1);
    font-weight: 700;
  }
  /* On a narrow screen (a phone, or elder text on one) the filters fold behind one button, so results start near the box. */
  .filters-toggle {
    justify-self: start;
  }
  .filters:not(.open) {
    display: none;
  }
  ${containerQuery(
    'min-width: 36em',
    css`
      .filters,
      .filters:not(.open) {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .filters-toggle {
        display: none;
      }
    `,
  )}
  ${containerQuery(
    'min-width: 56em',
    css`
      .filters,
      .filters:not(.open) {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    `,
  )}
  .filter {
    display: grid;
    gap: var(--_space-1);
    min-width: 0;
  }
  .filter label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  select {
    width: 100%;
    min-height: var(--_target-size);
    padding: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    color: var(--_color-text);
    font: inherit;
  }

  /* Results */
  .count {
    margin: 0;
    /* one line; lh is Chrome 109, so the browser floor takes the line height times the text size */
    min-height: calc(var(--_line-height) * 1em);
    min-height: 1lh;
    /* brought to the top after 搜索 with a little room above it */
    scroll-margin-top: var(--_space-3);
    font-weight: 600;
  }
  .results {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Results being replaced keep their full contrast (dimmed text would fall below 4.5:1, WCAG 1.4.3):
     a bar above the list says it is working (with the count line's words). Not the cursor: an inherited property
     restyles every result, each closed <details> included, when the list turns busy and back (at 4× CPU, a layout
     of some 50 ms when the first results replace the newest page) — and a phone has no cursor. */
  .results[aria-busy='true'] {
    box-shadow: inset 0 3px 0 var(--_color-primary);
  }
  .item {
    padding: var(--_space-3) 0;
    border-block-end: 1px solid var(--zwgk-directory-item-border, var(--_color-border));
    /* a result below the fold is laid out and painted only when scrolled near (Chrome 85; older browsers ignore it) */
    content-visibility: auto;
    contain-intrinsic-size: calc(12 * var(--_rem));
    /* once laid out, its last size (Chrome 95) */
    contain-intrinsic-size: auto calc(12 * var(--_rem));
  }
  .item:first-child {
    border-block-start: 1px solid var(--zwgk-directory-item-border, var(--_color-border));
  }
  .title {
    margin: 0 0 var(--_space-1);
    font-size: var(--_font-size-large);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  /* Each title's link is a full-size target (48 px in elder mode), even when the title fits on one line. */
  a.name {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target-size);
  }
  .title.lapsed .name {
    text-decoration-line: line-through;
  }
  .title.lapsed a.name {
    text-decoration-line: underline line-through;
  }
  mark {
    background: var(--zwgk-directory-mark-background, #ffe27a);
    color: inherit;
    /* Not colour alone: a match is also underlined. */
    text-decoration: underline;
    text-decoration-thickness: 0.125em;
  }

  /* 有效性: words and colour, with a border so the badge is visible without colour vision. */
  .badge {
    display: inline-block;
    margin-inline-start: var(--_space-2);
    padding: 0 var(--_space-2);
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    font-size: var(--_font-size-small);
    font-weight: 700;
    line-height: 1.5;
    vertical-align: middle;
    text-decoration: none;
    white-space: nowrap;
  }
  .badge.valid {
    color: var(--_color-success);
  }
  .badge.expired {
    color: var(--_color-warning);
  }
  .badge.repealed {
    color: var(--_color-error);
    border-style: double;
    border-width: 3px;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .meta div {
    display: flex;
    gap: var(--_space-1);
    min-width: 0;
  }
  .meta dt::after {
    content: '：';
  }
  .zwgk-root[lang='en'] .meta dt::after {
    content: ':';
  }
  .meta dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary {
    margin: var(--_space-2) 0 0;
    overflow-wrap: anywhere;
  }

  details {
    margin-block-start: var(--_space-2);
  }
  summary {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target-size);
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    color: var(--_color-link);
    cursor: pointer;
  }
  summary::before {
    content: '▸';
    margin-inline-end: var(--_space-1);
  }
  details[open] > summary::before {
    content: '▾';
  }
  summary::marker,
  summary::-webkit-details-marker {
    display: none;
    content: '';
  }
  .metadata {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }
  .metadata th,
  .metadata td {
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .metadata th {
    width: 7em;
    background: var(--_color-surface);
    font-weight: 600;
    white-space: nowrap;
  }

  /* Pagination: large targets that wrap on a phone. */
  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .page {
    min-width: var(--_target-size);
    min-height: var(--_target-size);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    color: var(--_color-link);
    font: inherit;
    cursor: pointer;
  }
  .page.current {
    border: 3px solid var(--_color-text);
    color: var(--_color-text);
    font-weight: 700;
    cursor: default;
  }
  .gap {
    display: flex;
    align-items: center;
    padding: 0 var(--_space-1);
  }
  /* While loading, the skeleton keeps the space the content will take (as reserve.css does before the upgrade), */
  /* so the page below does not jump when it arrives. */
  .state.loading {
    min-height: var(--zwgk-directory-reserve, 100vh);
  }
`;
