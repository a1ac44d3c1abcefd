/**
 * What the page script's own callbacks cost on this page, added up with performance.now() in the
 * extension's isolated world (never on the page's performance timeline, which the page can read).
 * `npm run bench` reads it in Firefox, whose tracing does not attribute our scripts the way
 * Chromium's does. A few clock reads per page: nothing measurable.
 */
declare global {
  var __spyglassPageMs: PageTimes | undefined;
}

export interface PageTimes {
  /** Setting up the page script (API, listeners) before the first read. */
  setup: number;
  /** Reading the article region and its text, over every slice. */
  read: number;
  /** Handling the background's reply and mapping mentions back to text nodes. */
  reply: number;
  /** Painting the highlights. */
  paint: number;
  /** Milliseconds from the page script's start to highlights painted (wall clock, includes the round trip). */
  toPainted?: number;
  startedAt: number;
}

export function startPageTimes(): PageTimes {
  const t: PageTimes = { setup: 0, read: 0, reply: 0, paint: 0, startedAt: performance.now() };
  globalThis.__spyglassPageMs = t;
  return t;
}

/** Runs fn and adds its duration to `part` of the current page's times. */
export function timed<T>(part: 'setup' | 'read' | 'reply' | 'paint', fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    const t = globalThis.__spyglassPageMs;
    if (t) t[part] += performance.now() - t0;
  }
}

/** The same generator, each step's duration added to `read`. */
export function* timedSteps<T>(gen: Generator<void, T>): Generator<void, T> {
  for (;;) {
    const r = timed('read', () => gen.next());
    if (r.done) return r.value;
    yield;
  }
}

export function markPainted(): void {
  const t = globalThis.__spyglassPageMs;
  if (t && t.toPainted === undefined) t.toPainted = performance.now() - t.startedAt;
}
