import type { ReactiveController, ReactiveElement } from 'lit';

/** Milliseconds of quiet after typing before the count is announced and `zwgk-search` fires. */
const TYPING_PAUSE_MS = 700;

/** What to do once a change's results are shown: move focus to the count, scroll it into view, or neither (announce). */
export interface SettleWork {
  focus: boolean;
  reveal?: boolean;
}

/**
 * A change waiting for its results to settle: once they are shown and the
 * citizen has paused typing, `onSettle` runs once (to announce the count and
 * fire `zwgk-search`), not at every keystroke.
 */
export class SettleController implements ReactiveController {
  private work?: SettleWork;
  /** When the pause after the last keystroke ends (0: no typing, settle at once). */
  private due = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveElement,
    /** Does the work and returns true; false while nothing settled can be reported (no results yet, a search under way). */
    private readonly onSettle: (work: SettleWork) => boolean,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** A change was made (`typing`: a keystroke, which waits for a pause). */
  expect(work: SettleWork, typing = false): void {
    this.work = work;
    this.due = typing ? Date.now() + TYPING_PAUSE_MS : 0;
  }

  /** The results of the expected change are shown: settle after the pause. */
  shown(): void {
    if (!this.work) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        if (this.work && this.onSettle(this.work)) this.work = undefined;
      },
      Math.max(0, this.due - Date.now()),
    );
  }
}
