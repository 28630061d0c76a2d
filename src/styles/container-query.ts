import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * A container query (Chrome 105, Safari 16) that still applies at the browser floor (Chrome 87 / Safari 14.1,
 * scripts/browser-floor.mjs): where container queries are unknown, the same rules apply by the viewport's
 * width, which on a phone is about the element's. `condition` is e.g. 'max-width: 30em', in
 * em — of the container's text, which never falls below 16px, and in the media fallback of the browser's
 * default size — never in rem, which the page's `html { font-size }` would move. scripts/check-floor.mjs fails the build on a container query
 * without this fallback.
 */
export function containerQuery(condition: string, rules: CSSResult): CSSResult {
  // A string, not a css`` literal: the build's CSS minifier skips a file with a literal that is not a stylesheet.
  const query = unsafeCSS(`(${condition})`);
  return css`
    @container ${query} {
      ${rules}
    }
    @supports not (container-type: inline-size) {
      @media ${query} {
        ${rules}
      }
    }
  `;
}
