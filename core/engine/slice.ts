/** Runs step generators in slices so no task blocks the page for long. No imports: page-side. */

export interface SliceOptions {
  /** Longest stretch of work before yielding to the event loop, in ms. */
  sliceMs?: number;
  signal?: AbortSignal;
}

/**
 * Runs `gen` to completion: the first slice synchronously, later ones in timer callbacks, so no
 * task runs much longer than sliceMs. Every step runs inside one of our own functions called by
 * the browser (never in a promise continuation), which is what lets browser tracing and DevTools
 * attribute the work to this script. `done` is called from within the last slice.
 */
export function runStepsInSlices<T>(
  gen: Generator<void, T>,
  options: SliceOptions,
  done: (value: T) => void,
  fail: (reason: unknown) => void,
): void {
  const sliceMs = options.sliceMs ?? 10;
  const slice = () => {
    if (options.signal?.aborted) return fail(options.signal.reason);
    const t0 = performance.now();
    let r: IteratorResult<void, T>;
    try {
      for (;;) {
        r = gen.next();
        if (r.done) break;
        if (performance.now() - t0 >= sliceMs) {
          setTimeout(slice, 0);
          return;
        }
      }
    } catch (err) {
      return fail(err);
    }
    done(r.value);
  };
  slice();
}

/** The same as a promise. */
export function runStepsSliced<T>(gen: Generator<void, T>, options: SliceOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => runStepsInSlices(gen, options, resolve, reject));
}
