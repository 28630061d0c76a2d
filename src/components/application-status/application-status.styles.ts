import { css } from 'lit';

export const applicationStatusStyles = css`
  form {
    margin-bottom: var(--_space-6);
  }
  .lookup {
    margin-top: var(--_space-4);
  }
  .status-label {
    display: block;
    font-size: var(--_font-size-large);
  }
  .status-meaning,
  .report-row,
  .days-left {
    display: block;
  }
  .report-row {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .days-left.overdue {
    color: var(--_color-error);
    font-weight: 700;
  }
  .supplement {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-4);
    border: 1px solid var(--_color-warning);
    border-inline-start: 6px solid var(--_color-warning);
    border-radius: var(--_radius);
  }
  .supplement p {
    margin: 0 0 var(--_space-2);
  }
  .note {
    margin: var(--_space-1) 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline li {
    position: relative;
    padding: 0 0 var(--_space-4) var(--_space-6);
    border-inline-start: 3px solid var(--_color-border);
    margin-inline-start: var(--_space-2);
  }
  .timeline li:last-child {
    border-inline-start-color: transparent;
  }
  .timeline li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.6875rem;
    top: calc(0.25 * var(--_rem));
    width: calc(1.125 * var(--_rem));
    height: calc(1.125 * var(--_rem));
    border-radius: 50%;
    border: 3px solid var(--zwgk-application-status-marker-color, var(--_color-link));
    background: var(--_color-bg);
  }
  .timeline li[aria-current='step']::before {
    background: var(--zwgk-application-status-marker-color, var(--_color-link));
  }
  .what {
    display: block;
    font-weight: 700;
  }
  .current-tag {
    font-weight: 400;
  }
  time {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .action-result {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-success);
    border-inline-start: 6px solid var(--_color-success);
    border-radius: var(--_radius);
  }
  .action-result p {
    margin: 0;
  }
  .supplement-form {
    margin: var(--_space-4) 0 0;
  }
  .supplement-form h4 {
    margin: 0 0 var(--_space-3);
  }
  .triggers {
    margin: 0 0 var(--_space-2);
  }
  .files {
    margin: 0 0 var(--_space-4);
    padding: 0;
    list-style: none;
  }
  .files li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-bottom: var(--_space-2);
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .withdraw {
    margin: 0 0 var(--_space-6);
  }
  .withdraw .confirm {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .documents,
  .download-failure {
    margin: 0 0 var(--_space-4);
  }
`;
