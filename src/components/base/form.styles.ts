import { css } from 'lit';

/**
 * Around the fields (base/fields.styles.ts): width, headings, actions and the
 * review list, for every element that is a form (`--zwgk-form-max-width`).
 */
export const formStyles = css`
  .zwgk-root {
    container-type: inline-size;
    max-width: var(--zwgk-form-max-width, calc(40 * var(--_rem)));
  }
  h2,
  h3 {
    line-height: 1.3;
    margin: 0 0 var(--_space-3);
  }
  h2 {
    font-size: var(--_font-size-large);
  }
  h3 {
    font-size: var(--_font-size);
  }
  [tabindex='-1']:focus {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
  }
  .button.small {
    font-weight: 400;
    padding: var(--_space-1) var(--_space-3);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .review-list {
    margin: 0 0 var(--_space-4);
  }
  .review-row {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_space-1) var(--_space-4);
    padding: var(--_space-2) 0;
    border-bottom: 1px solid var(--_color-border);
  }
  .review-row dt {
    font-weight: 700;
  }
  .review-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* What the citizen typed keeps its line breaks; the template's own indentation must not (it showed as blank
     lines under 答复期限 in the dev server, which the CDN build's minified templates hid). */
  .review-row dd.typed {
    white-space: pre-wrap;
  }
  /* Mobile first: the browser floor, which has no container queries, keeps each answer under its question. */
  @container (min-width: 30em) {
    .review-row {
      grid-template-columns: minmax(6em, 1fr) 2fr;
    }
  }
`;
