import { css } from 'lit';
import { hostReset } from './host-reset.js';

/**
 * Design tokens. Every public token is a `--zwgk-*` custom property that a host
 * page may set on any ancestor; the values here are only fallbacks, so the
 * host's values inherit into the shadow root. Sizes are in rem so that a host
 * page's `body { font-size: 12px }` cannot shrink the widgets, while the
 * citizen's own browser font size still scales them.
 *
 * Private `--_*` properties resolve each token once, on `.zwgk-root`, the
 * wrapper every element renders; the elder theme swaps the fallbacks there.
 */
export const tokens = css`
  ${hostReset}
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .zwgk-root {
    --_font-family: var(
      --zwgk-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_font-size: var(--zwgk-font-size-base, calc(1 * var(--_rem)));
    --_font-size-small: var(--zwgk-font-size-small, calc(0.875 * var(--_rem)));
    --_font-size-large: var(--zwgk-font-size-large, calc(1.25 * var(--_rem)));
    --_line-height: var(--zwgk-line-height, 1.6);
    --_color-text: var(--zwgk-color-text, #1f2328);
    --_color-muted: var(--zwgk-color-muted, #57606a);
    --_color-bg: var(--zwgk-color-bg, #ffffff);
    --_color-surface: var(--zwgk-color-surface, #f6f8fa);
    --_color-border: var(--zwgk-color-border, #8c959f);
    --_color-primary: var(--zwgk-color-primary, #b4141b);
    --_color-primary-text: var(--zwgk-color-primary-text, #ffffff);
    --_color-link: var(--zwgk-color-link, #0b57a4);
    --_color-error: var(--zwgk-color-error, #b3261e);
    --_color-warning: var(--zwgk-color-warning, #7a4d00);
    --_color-success: var(--zwgk-color-success, #1a6b32);
    --_space-1: var(--zwgk-space-1, calc(0.25 * var(--_rem)));
    --_space-2: var(--zwgk-space-2, calc(0.5 * var(--_rem)));
    --_space-3: var(--zwgk-space-3, calc(0.75 * var(--_rem)));
    --_space-4: var(--zwgk-space-4, calc(1 * var(--_rem)));
    --_space-6: var(--zwgk-space-6, calc(1.5 * var(--_rem)));
    --_radius: var(--zwgk-radius, calc(0.375 * var(--_rem)));
    --_target-size: var(--zwgk-target-size, calc(2.75 * var(--_rem)));
    --_focus-ring: var(--zwgk-focus-ring, calc(0.1875 * var(--_rem)) solid #0b57a4);
    --_focus-offset: var(--zwgk-focus-offset, calc(0.125 * var(--_rem)));

    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_color-text);
    text-align: start;
  }
  /* 适老化: base text >= 18px, targets >= 44px, text contrast >= 7:1, strong focus. */
  .zwgk-root[data-theme='elder'] {
    --_font-size: var(--zwgk-font-size-base, calc(1.25 * var(--_rem)));
    --_font-size-small: var(--zwgk-font-size-small, calc(1.125 * var(--_rem)));
    --_font-size-large: var(--zwgk-font-size-large, calc(1.5 * var(--_rem)));
    --_line-height: var(--zwgk-line-height, 1.7);
    --_color-text: var(--zwgk-color-text, #000000);
    --_color-muted: var(--zwgk-color-muted, #2b2b2b);
    --_color-border: var(--zwgk-color-border, #3d3d3d);
    --_color-primary: var(--zwgk-color-primary, #8a0f14);
    --_color-link: var(--zwgk-color-link, #003a7a);
    --_color-error: var(--zwgk-color-error, #8c1d18);
    --_color-warning: var(--zwgk-color-warning, #5c3a00);
    --_color-success: var(--zwgk-color-success, #0f4d22);
    --_target-size: var(--zwgk-target-size, calc(3 * var(--_rem)));
    --_focus-ring: var(--zwgk-focus-ring, calc(0.25 * var(--_rem)) solid #000000);
    --_focus-offset: var(--zwgk-focus-offset, calc(0.1875 * var(--_rem)));
  }
  a {
    color: var(--_color-link);
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-offset);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Buttons shared by every element: large targets, visible focus, no colour-only states. */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-1);
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    padding: var(--_space-2) var(--_space-4);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-primary);
    color: var(--_color-primary-text);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }
  .button.secondary {
    background: var(--_color-bg);
    color: var(--_color-primary);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
`;

/** Loading, empty and error states, shared so every element looks alike. */
export const states = css`
  .state {
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-bg);
  }
  .state.error {
    border-color: var(--_color-error);
    border-inline-start-width: 6px;
  }
  .state .title {
    margin: 0 0 var(--_space-2);
    font-weight: 700;
  }
  .state.error .title {
    color: var(--_color-error);
  }
  .state p {
    margin: 0 0 var(--_space-3);
  }
  .skeleton-line {
    height: 1em;
    margin: var(--_space-2) 0;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_color-surface), #e6e9ed, var(--_color-surface));
    background-size: 200% 100%;
    animation: zwgk-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes zwgk-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-line {
      animation: none;
    }
  }
`;
