import { css } from 'lit';

/**
 * The sign-in form's own look (base/staff-sign-in.ts): its width and the notices above the fields.
 * The fields and the error summary look as every form's do (base/fields.styles.ts).
 */
export const staffSignInStyles = css`
  .sign-in {
    max-width: calc(28 * var(--_rem));
  }
  .notice {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-warning);
    border-inline-start: 6px solid var(--_color-warning);
    border-radius: var(--_radius);
  }
  .notice.error {
    border-color: var(--_color-error);
  }
  .notice.success {
    border-color: var(--_color-success);
  }
  .notice p {
    margin: 0;
  }
`;
