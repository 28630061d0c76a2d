/** Detail of `zwgk-copied`: which value went to the clipboard. */
export interface ZwgkCopiedDetail {
  /** the field it came from (`phone`, `email` …) */
  field: string;
  value: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-copied': CustomEvent<ZwgkCopiedDetail>;
  }
}
