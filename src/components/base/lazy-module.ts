/** A module that loads on first use, once per page (see lazyModule). */
export interface LazyModule<M> {
  /** Loads the module, or resolves with the load already made; rejects when it could not be loaded. */
  load(): Promise<M>;
  /** The module once a load has resolved, for a render that must not wait. */
  readonly value: M | undefined;
  /** Gives the module without importing it (server rendering imports it statically, and cannot wait). */
  provide(module: M): void;
}

/**
 * What an element loads only when it needs it (ProseMirror, the report's tables, the status labels),
 * never with the kit: `import()` runs on the first `load()`, every later call shares it, and a load
 * that failed (a dropped connection) is tried again on the next call rather than remembered.
 */
export function lazyModule<M>(importModule: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | undefined;
  let value: M | undefined;
  return {
    load() {
      loading ??= importModule().then(
        (module) => (value = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get value() {
      return value;
    },
    provide(module) {
      value = module;
      loading = Promise.resolve(module);
    },
  };
}
