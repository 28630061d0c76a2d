import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { nothing, type TemplateResult } from 'lit';

/** A `heading-level` attribute as a real level, 1–6; anything unreadable gives the element's default. */
export function clampHeadingLevel(level: number, fallback: number): number {
  const whole = Math.trunc(level);
  return Number.isFinite(whole) && whole !== 0 ? Math.min(6, Math.max(1, whole)) : fallback;
}

export interface HeadingOptions {
  /** the element's `heading-level`, and the level it uses when that is unreadable */
  level: number;
  fallback: number;
  id?: string;
  className?: string;
  part?: string;
  /** `tabindex="-1"`, so focus can move to it (in-page links, a confirmation) */
  focusable?: boolean;
}

/** A real `<h1>`…`<h6>` at the host page's level, so an element fits the page's outline. */
export function heading(o: HeadingOptions, content: unknown): TemplateResult {
  // The level is a clamped number, so the static tag is always one of h1…h6.
  const tag = unsafeStatic(`h${clampHeadingLevel(o.level, o.fallback)}`);
  return staticHtml`<${tag} id=${o.id ?? nothing} class=${o.className || nothing} part=${o.part ?? nothing} tabindex=${o.focusable ? '-1' : nothing}>${content}</${tag}>`;
}
