import { css } from 'lit';
import { containerQuery } from '../../styles/container-query.js';

export const reportViewerStyles = css`
  .imported-note {
    border: 1px solid var(--zwgk-color-warning, #7a4d00);
    border-inline-start-width: 6px;
    padding: 0.5em 0.75em;
    margin-block-end: 1em;
    color: var(--zwgk-color-text, #1f2328);
  }
  .imported-note p {
    margin: 0;
  }
  .imported-note summary {
    cursor: pointer;
    margin-block-start: 0.5em;
  }
  .report {
    container-type: inline-size;
    --_header-bg: var(--zwgk-report-viewer-header-background, var(--_color-surface));
    --_row-label-width: var(--zwgk-report-viewer-row-label-width, 18em);
  }
  .heading {
    margin: var(--_space-6) 0 var(--_space-3);
    font-size: var(--_font-size-large);
    line-height: 1.35;
  }
  .report-header > .heading {
    margin-top: 0;
    font-size: calc(var(--_font-size-large) * 1.2);
  }
  .heading:focus,
  td:focus,
  .finding:focus {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  td:focus {
    outline-offset: -0.25rem;
  }
  /* The official Chinese label under an English one. */
  .official {
    display: block;
    font-size: var(--_font-size-small);
    font-weight: 400;
    color: var(--_color-muted);
  }
  .heading .official {
    margin-top: var(--_space-1);
  }

  /* Details */
  .meta {
    margin: 0 0 var(--_space-4);
    display: grid;
    grid-template-columns: minmax(5em, max-content) 1fr;
    column-gap: var(--_space-4);
  }
  .meta > div {
    display: contents;
  }
  .meta dt,
  .meta dd {
    padding: var(--_space-1) 0;
    border-top: 1px solid var(--_color-surface);
  }
  .meta dt {
    color: var(--_color-muted);
    font-weight: 600;
  }
  .meta dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .contact {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .contact-label {
    color: var(--_color-muted);
  }
  .actions,
  .table-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: var(--_space-3) 0;
  }

  /* Table of contents */
  .toc {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .toc-title {
    margin: 0 0 var(--_space-1);
    font-weight: 700;
  }
  .toc ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .toc a {
    /* a full-size target (48 px in elder mode), however short the heading */
    display: inline-flex;
    align-items: center;
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    padding: var(--_space-1) 0;
  }

  /* Findings */
  .icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
    vertical-align: -0.18em;
    fill: currentColor;
  }
  .icon .glyph {
    fill: none;
    stroke: var(--_color-bg);
    stroke-width: 1.8;
    stroke-linecap: round;
  }
  .error > .severity,
  .summary.error,
  .mark.error {
    color: var(--_color-error);
  }
  .warning > .severity,
  .summary.warning,
  .mark.warning {
    color: var(--_color-warning);
  }
  .summary {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid currentColor;
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    font-size: var(--_font-size-large);
  }
  .summary.clean {
    color: var(--_color-success);
  }
  .explain,
  .compare-note {
    color: var(--_color-muted);
  }
  .notice {
    padding: var(--_space-3);
    border: 1px solid var(--_color-warning);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
  }
  .notice p {
    margin: 0 0 var(--_space-2);
  }
  .finding-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .finding {
    margin: var(--_space-2) 0;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 6px solid var(--_color-warning);
    background: var(--_color-surface);
  }
  .finding.error {
    border-inline-start-color: var(--_color-error);
  }
  .finding p {
    margin: 0 0 var(--_space-1);
  }
  .finding-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    align-items: baseline;
  }
  .severity {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-weight: 700;
  }
  .rule,
  .path {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .cells {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .cells a {
    display: inline-block;
    padding: var(--_space-1) 0;
  }

  /* Narrative parts */
  .narrative {
    overflow-wrap: anywhere;
  }
  .narrative p {
    margin: 0 0 var(--_space-3);
    text-indent: 2em;
  }
  .narrative table {
    display: block;
    overflow-x: auto;
  }
  .narrative img {
    max-width: 100%;
    height: auto;
  }
  .blank-part {
    color: var(--_color-muted);
  }

  /* Tables */
  .scroll {
    max-width: 100%;
    overflow-x: auto;
    margin: var(--_space-3) 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    min-width: 100%;
    background: var(--_color-bg);
  }
  caption {
    padding: var(--_space-2) var(--_space-3);
    text-align: start;
    font-weight: 700;
  }
  th,
  td {
    padding: var(--_space-1) var(--_space-2);
    border-inline-end: 1px solid var(--_color-border);
    border-block-start: 1px solid var(--_color-border);
    vertical-align: top;
  }
  th:last-child,
  td:last-child {
    border-inline-end: 0;
  }
  thead th,
  thead td {
    background: var(--_header-bg);
    font-weight: 600;
    text-align: center;
    vertical-align: middle;
  }
  /* Column labels wrap into a few lines, not one character a line. */
  th[scope='col'],
  th[scope='colgroup'] {
    min-width: 3.5em;
  }
  /* 结果维持, 尚未审结 … read as words, not broken between characters. */
  .reviews th[scope='col'] {
    white-space: nowrap;
  }
  .note {
    font-size: var(--_font-size-small);
    font-weight: 400;
    text-align: start;
  }
  .row-label {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    min-width: 12em;
    max-width: var(--_row-label-width);
    background: var(--_color-bg);
    text-align: start;
    font-weight: 400;
  }
  thead .row-label {
    background: var(--_header-bg);
  }
  tbody th.row-label {
    box-shadow: inset -0.0625rem 0 0 var(--_color-border);
  }
  .row-label.depth-1 {
    padding-inline-start: 1.25em;
  }
  .row-label.depth-2 {
    padding-inline-start: 2.25em;
  }
  tr.group th {
    background: var(--_color-surface);
    font-weight: 700;
    text-align: start;
  }
  tr.group th.depth-1 {
    padding-inline-start: 1.25em;
  }
  .sticky {
    position: sticky;
    inset-inline-start: var(--_space-2);
    display: inline-block;
  }
  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.marked {
    box-shadow: inset 0 0 0 2px var(--_color-warning);
  }
  td.marked.error {
    box-shadow: inset 0 0 0 2px var(--_color-error);
  }
  .mark {
    display: inline-flex;
    align-items: center;
    gap: 0.15em;
    min-height: calc(1.5 * var(--_rem));
    margin-inline-start: var(--_space-1);
    font-size: var(--_font-size-small);
    font-weight: 700;
    text-decoration: none;
    white-space: nowrap;
  }
  .mark span {
    text-decoration: underline;
  }
  .change {
    font-weight: 600;
  }

  /* Charts */
  .chart-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, calc(20 * var(--_rem))), 1fr));
    gap: var(--_space-4);
  }
  .chart {
    margin: 0;
  }
  .chart figcaption {
    margin-bottom: var(--_space-2);
    font-weight: 700;
  }
  svg.bars {
    display: block;
  }
  svg.bars text {
    fill: currentColor;
  }
  .bar.series-current {
    fill: var(--zwgk-report-viewer-bar-color, var(--_color-link));
  }
  .bar.series-previous {
    fill: var(--zwgk-report-viewer-previous-bar-color, var(--_color-bg));
    stroke: var(--_color-text);
    stroke-width: 1px;
    stroke-dasharray: 4px 2px;
  }
  .chart-source {
    margin: var(--_space-1) 0 0;
    font-size: var(--_font-size-small);
  }
  .chart-source a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target-size);
    min-width: var(--_target-size);
  }

  .problems {
    margin: 0 0 var(--_space-3);
    padding-inline-start: 1.25em;
  }

  ${containerQuery(
    'max-width: 30em',
    css`
      /* On a phone the sticky labels take under half the width; the numbers scroll beside them. */
      /* vw first: where the query falls back to the viewport (the browser floor has no cqi), the viewport's width. */
      .row-label {
        min-width: 45vw;
        min-width: 45cqi;
        max-width: 50vw;
        max-width: 50cqi;
      }
      .meta {
        grid-template-columns: 1fr;
      }
      .meta dd {
        border-top: 0;
        padding-top: 0;
      }
    `,
  )}

  /* Print every table whole, with its header on every page; no buttons. */
  @media print {
    .actions,
    .table-actions,
    .toc,
    .button {
      display: none;
    }
    .scroll {
      overflow: visible;
      border: 0;
    }
    .row-label,
    .sticky {
      position: static;
    }
    table {
      font-size: calc(0.75 * var(--_rem));
    }
    thead {
      display: table-header-group;
    }
    tr,
    .finding,
    .chart {
      break-inside: avoid;
    }
    .heading {
      break-after: avoid;
    }
  }
  /* While loading, the skeleton keeps the space the content will take (as reserve.css does before the upgrade), */
  /* so the page below does not jump when it arrives. */
  .state.loading {
    min-height: var(--zwgk-report-viewer-reserve, 100vh);
  }
`;
