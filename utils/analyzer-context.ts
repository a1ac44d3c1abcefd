/**
 * What every part of the page script shares: the extension API, one cleanup signal (aborted once,
 * on pagehide or when the extension goes away) and timers that die with it.
 */
import type { PageView } from './messages';
import type { PageApi } from './page-api';

export interface AnalyzerContext {
  readonly api: PageApi;
  /** Aborted once, when the page script removes everything it added. */
  readonly signal: AbortSignal;
  /** A timeout that never fires after cleanup. */
  setTimer(fn: () => void, ms: number): number;
  clearTimer(id: number): void;
  /** The reader's display settings, as the background last sent them. */
  view(): PageView | undefined;
}

export function createContext(
  api: PageApi,
  signal: AbortSignal,
  view: () => PageView | undefined,
): AnalyzerContext & { clearTimers(): void } {
  const timers = new Set<number>();
  return {
    api,
    signal,
    view,
    setTimer(fn, ms) {
      const id = window.setTimeout(() => {
        timers.delete(id);
        if (!signal.aborted) fn();
      }, ms);
      timers.add(id);
      return id;
    },
    clearTimer(id) {
      clearTimeout(id);
      timers.delete(id);
    },
    clearTimers() {
      for (const id of timers) clearTimeout(id);
      timers.clear();
    },
  };
}
