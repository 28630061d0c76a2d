import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FocusOptions {
  /** Where targets are looked up (the element's shadow root). */
  root: () => ParentNode | null;
}

export interface FocusRequest {
  /** how to bring the target into view (default `nearest`); `none` leaves the scroll position alone */
  block?: ScrollLogicalPosition | 'none';
}

/**
 * Focus after render, in one place: `after(selector)` moves focus to what the
 * next render puts on screen (a confirmation heading, an error summary, a
 * result), without the browser's own jump, then scrolls it into view.
 */
export class FocusController implements ReactiveController {
  private pending?: { selector: string; request: FocusRequest };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FocusOptions,
  ) {
    host.addController(this);
  }

  /** Focuses `selector` once the next update has rendered it. */
  after(selector: string, request: FocusRequest = {}): void {
    this.pending = { selector, request };
    this.host.requestUpdate();
  }

  /** Like after(), and resolves once focus has moved (or the target did not appear). */
  async afterUpdate(selector: string, request: FocusRequest = {}): Promise<void> {
    this.after(selector, request);
    await this.host.updateComplete;
  }

  hostUpdated(): void {
    if (!this.pending) return;
    const { selector, request } = this.pending;
    this.pending = undefined;
    const target = this.options.root()?.querySelector<HTMLElement>(selector);
    if (target) focusInView(target, request.block ?? 'nearest');
  }

  /**
   * Focuses the form control with `id` now and scrolls its whole question (label
   * and hint included) into view — what an error-summary link does (GOV.UK).
   */
  control(id: string): void {
    const root = this.options.root();
    const control = root && 'getElementById' in root ? (root as ShadowRoot).getElementById(id) : null;
    if (!control) return;
    control.focus({ preventScroll: true });
    (control.closest('.field') ?? control).scrollIntoView({ block: 'center' });
  }
}

/** Focuses `target` without the browser's jump, then brings it into view. */
export function focusInView(target: HTMLElement, block: ScrollLogicalPosition | 'none' = 'nearest'): void {
  target.focus({ preventScroll: true });
  if (block !== 'none') target.scrollIntoView({ block });
}
