import { css } from 'lit';

/**
 * Immunity to the host page's CSS. Shadow DOM keeps the page's selectors out, but inherited properties
 * still flow in through the host element (`* { font-style: italic }` matches it), and rem follows the
 * page's `html { font-size: 62.5% }`. So `.zwgk-root`, the wrapper every element renders, starts from the
 * initial value of every property (`all: initial` — custom properties, the theming tokens, still inherit),
 * and the design tokens (tokens.ts, which includes this first) then set font, size, line height, colour
 * and alignment. `direction` and `unicode-bidi` are outside `all`, so they are reset by name.
 *
 * `--_rem` is the unit the tokens' sizes are written in: a rem, but never less than the browser default
 * of 16px, so a page that shrinks its rem cannot shrink the widgets' text or targets below legibility,
 * while a citizen who sets a larger default font size still gets larger widgets.
 */
export const hostReset = css`
  .zwgk-root {
    all: initial;
    display: block;
    direction: ltr;
    unicode-bidi: isolate;
    --_rem: max(1rem, 16px);
  }
  .zwgk-root *,
  .zwgk-root *::before,
  .zwgk-root *::after {
    box-sizing: border-box;
  }
`;
