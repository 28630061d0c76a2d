/** A part of the element loaded on first use (dynamic import), with the state to render while it comes. */
export class LazyView<T> {
  value?: T;
  /** the module could not be fetched (offline); `load()` tries again */
  failed = false;
  private loading?: Promise<T>;

  constructor(
    private readonly importer: () => Promise<T>,
    private readonly onChange: () => void,
  ) {}

  /** Starts loading unless it is loaded or on its way. */
  load(): void {
    void this.get().catch(() => undefined);
  }

  get(): Promise<T> {
    if (this.loading) return this.loading;
    this.failed = false;
    this.loading = this.importer().then(
      (value) => {
        this.value = value;
        this.failed = false;
        this.onChange();
        return value;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        this.onChange();
        throw error;
      },
    );
    return this.loading;
  }
}
