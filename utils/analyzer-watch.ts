/**
 * Re-reading on change: a debounced re-read when the article changes (never starved by constant
 * churn), a re-read after a single-page app changes the URL, and a cheap timer that notices when
 * the extension is disabled or updated (this script is then an orphan) so it can clean up.
 */
import type { AnalyzerContext } from './analyzer-context';

const REANALYSE_DEBOUNCE_MS = 600;
const REANALYSE_MAX_WAIT_MS = 3000;
const POLL_MS = 1000;

export interface Watch {
  /** Starts (or restarts) following the article's changes. */
  observe(): void;
  /** Stops following changes (switched off or paused: nothing to follow until settings change). */
  disconnect(): void;
  /** A debounced re-read. */
  schedule(): void;
}

export interface WatchHooks {
  reread(): void;
  /** The URL changed (single-page app): forget the old view. */
  urlChanged(): void;
  /** The extension is gone. */
  orphaned(): void;
  alive(): boolean;
}

export function startWatch(ctx: AnalyzerContext, hooks: WatchHooks): Watch {
  const { signal } = ctx;
  let observer: MutationObserver | undefined;
  let debounce: number | undefined;
  let firstChange = 0;

  function schedule(): void {
    const now = Date.now();
    if (debounce === undefined) firstChange = now;
    else ctx.clearTimer(debounce);
    const wait = Math.min(REANALYSE_DEBOUNCE_MS, Math.max(0, firstChange + REANALYSE_MAX_WAIT_MS - now));
    debounce = ctx.setTimer(() => {
      debounce = undefined;
      hooks.reread();
    }, wait);
  }

  function disconnect(): void {
    observer?.disconnect();
  }

  function observe(): void {
    observer?.disconnect();
    if (!document.body || signal.aborted) return;
    observer = new MutationObserver((records) => {
      // Our host lives outside <body>; anything here is the page's own change.
      if (records.some((r) => r.type === 'childList' || r.type === 'characterData')) schedule();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
  signal.addEventListener('abort', disconnect, { once: true });

  let lastUrl = location.href;
  const onUrl = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    hooks.urlChanged();
    schedule();
  };
  addEventListener('popstate', onUrl, { signal });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', onUrl, { signal });
  // One cheap timer: follows single-page-app URL changes, and notices when the extension is
  // disabled or updated (this script is then orphaned) so nothing of ours stays on the page.
  const poll = window.setInterval(() => {
    if (signal.aborted) clearInterval(poll);
    else if (!hooks.alive()) hooks.orphaned();
    else onUrl();
  }, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(poll), { once: true });

  return { observe, disconnect, schedule };
}
