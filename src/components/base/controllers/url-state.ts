import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface UrlStateOptions {
  /** Whether the element mirrors its state in the page URL at all (e.g. a `url-state` attribute). */
  enabled: () => boolean;
  /** The page URL changed under the element (Back, Forward): read its state from `url`. */
  onNavigate: (url: URL) => void;
  /** Milliseconds of quiet after typing before the URL follows (history calls cost a few ms, too much per keystroke). */
  typingDelayMs?: number;
}

/** How a change reaches history: a new entry, in place of the current one, or as part of a typing burst. */
export type UrlWrite = 'push' | 'replace' | 'typing';

/**
 * An element's state in the page URL, beside whatever else the URL holds.
 * Every change but typing pushes a history entry, so Back undoes a whole
 * search; a typing burst makes one entry (pushed, then replaced as typing goes
 * on, written after a short pause). Back / Forward call `onNavigate`. The
 * page's own `history.state` is kept as it is: a portal's router may own it.
 */
export class UrlStateController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  /** The current typing burst has its own history entry already. */
  private inBurst = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlStateOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.timer);
  }

  /** The page URL now. */
  get url(): URL {
    return new URL(window.location.href);
  }

  /** Puts `href()` in the address bar (read when it is written: a typing burst waits for a pause). */
  write(href: () => string, how: UrlWrite): void {
    clearTimeout(this.timer);
    if (how === 'typing') {
      this.timer = setTimeout(() => {
        if (this.commit(href(), this.inBurst ? 'replace' : 'push')) this.inBurst = true;
      }, this.options.typingDelayMs ?? 250);
      return;
    }
    if (how === 'push') this.inBurst = false;
    this.commit(href(), how);
  }

  /** The citizen paused: the next keystroke starts a new history entry. */
  endBurst(): void {
    this.inBurst = false;
  }

  /** Writes `href`; false when it is off or there was nothing to write. */
  private commit(href: string, how: 'push' | 'replace'): boolean {
    if (!this.options.enabled() || href === window.location.href) return false;
    if (how === 'push') history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
    return true;
  }

  private onPopState = (): void => {
    if (!this.options.enabled()) return;
    clearTimeout(this.timer);
    this.inBurst = false;
    this.options.onNavigate(this.url);
  };
}
