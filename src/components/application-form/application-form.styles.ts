import { css } from 'lit';

export const applicationFormStyles = css`
  .progress {
    display: block;
    margin-bottom: var(--_space-1);
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .step-title {
    margin-bottom: var(--_space-4);
  }
  .intro {
    margin: 0 0 var(--_space-4);
  }
  .nav {
    margin-top: var(--_space-6);
  }
  /* A line of text with its button at the far end, wrapping on a narrow screen. */
  .draft-notice,
  .review-heading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  .draft-notice {
    column-gap: var(--_space-4);
    margin: 0 0 var(--_space-4);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .draft-notice p {
    margin: 0;
  }
  .draft-prompt {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-inline-start: 6px solid var(--_color-link);
    border-radius: var(--_radius);
  }
  .draft-prompt p {
    margin: 0 0 var(--_space-4);
  }
  .attachments {
    margin-bottom: var(--_space-6);
  }
  .drop-zone {
    position: relative;
    padding: var(--_space-4);
    border: 2px dashed var(--_input-border);
    border-radius: var(--_radius);
  }
  .drop-zone.dragging {
    border-style: solid;
    border-color: var(--_color-link);
    background: var(--_color-surface);
  }
  .file-input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
    overflow: hidden;
  }
  .file-input:focus-visible + .file-label {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .drop-hint {
    margin: var(--_space-2) 0 0;
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .attachment-list {
    margin: var(--_space-3) 0 0;
    padding: 0;
    list-style: none;
  }
  .attachment {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .file-name {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .file-size {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  .upload-status.done {
    color: var(--_color-success);
  }
  .upload-status.failed {
    color: var(--_color-error);
  }
  progress {
    width: calc(6 * var(--_rem));
    vertical-align: middle;
  }
  .review-section {
    margin-bottom: var(--_space-4);
  }
  .review-heading h3 {
    margin: 0;
  }
  .failure {
    margin-top: var(--_space-6);
  }
  .failure .title {
    font-size: var(--_font-size);
  }
  .receipt {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-top: 8px solid var(--_color-success);
    border-radius: var(--_radius);
  }
  .receipt-title {
    color: var(--_color-success);
  }
  .tracking {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-4);
    background: var(--_color-surface);
    border-radius: var(--_radius);
  }
  .tracking p {
    margin: 0 0 var(--_space-2);
  }
  /* The one thing an elderly citizen is told to write down: on one line even at 320 px in elder mode, in groups. */
  .tracking-code {
    /* monospace: every code is as wide as any other (a run of W fits as 8s do), and 8/B, 2/Z read apart */
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
    font-size: min(calc(var(--_font-size-large) * 1.25), 6.25vw);
    font-weight: 700;
    letter-spacing: 0.05em;
    white-space: nowrap;
  }
  .code-group + .code-group {
    margin-inline-start: 0.4em;
  }
  .explanation {
    margin: var(--_space-1) 0 0;
    font-size: var(--_font-size-small);
    color: var(--_color-muted);
  }
  .next-steps {
    margin: 0;
    padding-inline-start: var(--_space-6);
  }
  .next-steps li + li {
    margin-top: var(--_space-2);
  }
  /* The printout is the receipt alone: no buttons, no live region. */
  @media print {
    .receipt-actions,
    [part='announcer'] {
      display: none !important;
    }
    .receipt {
      border: 1px solid #000;
    }
    .zwgk-root {
      max-width: none;
      color: #000;
    }
  }
`;
