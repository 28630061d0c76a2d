import { css } from 'lit';

export const contactCardStyles = css`
  .card {
    container-type: inline-size;
    padding: var(--zwgk-contact-card-padding, var(--_space-4));
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--zwgk-contact-card-background, var(--_color-bg));
  }
  .heading {
    margin: 0 0 var(--_space-1);
    font-size: var(--_font-size-large);
    line-height: 1.3;
    color: var(--zwgk-contact-card-heading-color, var(--_color-text));
  }
  .department {
    margin: 0 0 var(--_space-3);
    color: var(--_color-muted);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: 1fr;
    column-gap: var(--_space-4);
    align-items: baseline;
  }
  .row {
    display: contents;
  }
  dt {
    padding: var(--_space-2) 0;
    border-top: 1px solid var(--_color-surface);
  }
  dd {
    padding: 0 0 var(--_space-2);
  }
  dt {
    color: var(--_color-muted);
    font-weight: 600;
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li + li {
    margin-top: var(--_space-1);
  }
  .value {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-2);
  }
  .note {
    color: var(--_color-muted);
    font-size: var(--_font-size-small);
  }
  address {
    font-style: normal;
  }
  .copy {
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
    color: var(--_color-link);
    font: inherit;
    font-size: var(--_font-size-small);
    cursor: pointer;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-top: var(--_space-4);
  }
  /* Wider than a narrow phone, each label sits beside its value. Mobile first: the browser floor, which has no
     container queries, keeps each label above its value. */
  @container (min-width: 22em) {
    dl {
      grid-template-columns: minmax(4.5em, max-content) 1fr;
    }
    dd {
      padding-top: var(--_space-2);
      border-top: 1px solid var(--_color-surface);
    }
  }
  @media print {
    .copy,
    .actions {
      display: none;
    }
  }
  /* Phone, fax, e-mail and website links: a full-size target (48 px in elder mode), not just the line of text. */
  a[part~='link'] {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target-size);
    min-width: var(--_target-size);
  }
`;
