import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface UrlStateOptions {
  /** Whether the element mirrors its state in the page URL at all (e.g. a `url-state` attribute). */
  enabled: () => boolean;
  /** The page URL changed under the element (Back, Forward): read its state from `url`. */
  onNavigate: (url: URL) => void;
}

/**
 * An element's state in the page URL, beside whatever else the URL holds:
 * `write()` pushes a new history entry (a search, a page) or replaces the
 * current one (typing), and Back / Forward call `onNavigate`. The page's own
 * `history.state` is kept as it is: a portal's router may own it.
 */
export class UrlStateController implements ReactiveController {
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
  }

  /** The page URL now. */
  get url(): URL {
    return new URL(window.location.href);
  }

  /** Puts `href` in the address bar: a new history entry (`push`) or in place of the current one (`replace`). */
  write(href: string, how: 'push' | 'replace'): void {
    if (!this.options.enabled() || href === window.location.href) return;
    if (how === 'push') history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
  }

  private onPopState = (): void => {
    if (this.options.enabled()) this.options.onNavigate(this.url);
  };
}
