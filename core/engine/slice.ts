/** Runs step generators in slices so no task blocks the page for long. No imports: page-side. */

export interface SliceOptions {
  /** Longest stretch of work before yielding to the event loop, in ms. */
  sliceMs?: number;
  signal?: AbortSignal;
}

/**
 * A macrotask yield. setTimeout rather than scheduler.yield(): its callback is a task of its
 * own that browser tracing attributes to our script, so measured cost includes the rest of
 * the work; and it lets input and rendering in between like scheduler.yield() does.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `gen` to completion, yielding whenever a slice has run for sliceMs. */
export async function runStepsSliced<T>(gen: Generator<void, T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 10;
  const now = () => globalThis.performance.now();
  let t0 = now();
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    if (now() - t0 >= sliceMs) {
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      t0 = now();
    }
  }
}
