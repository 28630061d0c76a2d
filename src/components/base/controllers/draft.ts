import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clearDraft, loadDraft, saveDraft, type DraftRead, type KeyValueStore } from '../../../core/draft/store.js';

/** Where a form keeps what the citizen typed: `local` (survives closing the browser), `session`, or `off`. */
export type DraftPolicy = 'local' | 'session' | 'off';

export interface DraftOptions<T> {
  /** The element's `draft` attribute. */
  policy: () => DraftPolicy;
  /** The storage key (see core/draft `draftKey`): one per form and backend. */
  key: () => string;
  /** Checks a stored draft; anything that does not parse is dropped. */
  parse: (raw: unknown) => T | undefined;
  /** Nothing worth keeping (an untouched form): saving clears the draft instead. */
  isEmpty?: (value: T) => boolean;
}

/** The storage a policy names, or none when it is off or the browser refuses storage (sandboxed frame, privacy settings). */
export function draftStore(policy: DraftPolicy): KeyValueStore | undefined {
  if (policy === 'off') return undefined;
  try {
    return policy === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A form's draft: read once, saved as the citizen types, cleared only when the
 * server confirms (or the citizen discards it). See docs/decisions/0002-draft-policy.md.
 */
export class DraftController<T> implements ReactiveController {
  /** What was stored when the element first rendered (read once, when its attributes are known). */
  found: DraftRead<T> = { status: 'none' };
  private checked = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions<T>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.checked) return;
    this.checked = true;
    this.found = this.read();
  }

  private get store(): KeyValueStore | undefined {
    return draftStore(this.options.policy());
  }

  /** The stored draft, if there is a readable one that has not expired. */
  read(): DraftRead<T> {
    const store = this.store;
    if (!store) return { status: 'none' };
    return loadDraft(store, this.options.key(), this.options.parse);
  }

  /** Keeps `value`; an empty form clears the draft. Returns false when storage refused it (full, disabled). */
  save(value: T): boolean {
    const store = this.store;
    if (!store) return false;
    if (this.options.isEmpty?.(value)) {
      clearDraft(store, this.options.key());
      return true;
    }
    return saveDraft(store, this.options.key(), value);
  }

  clear(): void {
    const store = this.store;
    if (store) clearDraft(store, this.options.key());
  }
}
