import { html, nothing, type TemplateResult } from 'lit';

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

type HeadingTemplate = (id: unknown, className: unknown, part: unknown, tabindex: unknown, content: unknown) => TemplateResult;
// One template a level rather than lit/static-html's unsafeStatic tag: ~300 B gzip less on a page that renders a few
// headings. (The directory's results keep static-html: with this and a nested template for their content, a
// keystroke at 4× CPU took 1.10–1.15× as long.)
const LEVELS: HeadingTemplate[] = [
  (i, c, p, t, x) => html`<h1 id=${i} class=${c} part=${p} tabindex=${t}>${x}</h1>`,
  (i, c, p, t, x) => html`<h2 id=${i} class=${c} part=${p} tabindex=${t}>${x}</h2>`,
  (i, c, p, t, x) => html`<h3 id=${i} class=${c} part=${p} tabindex=${t}>${x}</h3>`,
  (i, c, p, t, x) => html`<h4 id=${i} class=${c} part=${p} tabindex=${t}>${x}</h4>`,
  (i, c, p, t, x) => html`<h5 id=${i} class=${c} part=${p} tabindex=${t}>${x}</h5>`,
  (i, c, p, t, x) => html`<h6 id=${i} class=${c} part=${p} tabindex=${t}>${x}</h6>`,
];

/** A real `<h1>`…`<h6>` at the host page's level, so an element fits the page's outline. */
export function heading(o: HeadingOptions, content: unknown): TemplateResult {
  const template = LEVELS[clampHeadingLevel(o.level, o.fallback) - 1]!;
  return template(o.id ?? nothing, o.className || nothing, o.part ?? nothing, o.focusable ? '-1' : nothing, content);
}
