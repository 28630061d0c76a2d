/**
 * Runs steps (a generator that pauses by yielding) in tasks of about
 * `sliceMs`, giving the page back between tasks through `pause` — so a slow
 * phone keeps answering taps while 100,000 items are indexed. Resolves to the
 * steps' result, or to undefined when `signal` aborts first.
 */
export async function runInSlices<T>(
  steps: Generator<void, T, void>,
  options: { pause: () => Promise<void>; sliceMs?: number; signal?: AbortSignal; now?: () => number },
): Promise<T | undefined> {
  const { pause, sliceMs = 8, signal, now = () => performance.now() } = options;
  for (;;) {
    const deadline = now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (now() >= deadline) break;
    }
    await pause();
    if (signal?.aborted) return undefined;
  }
}
