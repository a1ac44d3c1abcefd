/**
 * The page script, injected only into article-like pages. It reads the article region (the DOM
 * half of the analysis), hands the text to the background for the verdict and the mentions,
 * paints highlights, drives hover cards and the keyboard path, and re-reads the page when the
 * article changes. It carries no framework, no polyfill and no knowledge base: the card's UI
 * (card.js) is loaded on the first hover, the matcher lives in the background. One cleanup()
 * removes everything it added.
 */
import { placeMentions, readPageSteps, type TextMention } from '../core/engine/page';
import type { RegionText } from '../core/engine/region';
import { runStepsInSlices } from '../core/engine/slice';
import type { Mention } from '../core/engine/types';
import { HoverTiming } from '../core/hover-timing';
import type { Kind } from '../core/kb/kinds';
import type { Entry } from '../core/kb/schema';
import type { CardHandle } from './card-ui';
import { Highlighter, type PaintedMention } from './highlighter';
import { parsePageMessage, type AnalyzeReply, type PageState, type PageStatus, type PageView } from './messages';
import { pageApi, send, type OnMessage, type PageApi } from './page-api';

const REANALYSE_DEBOUNCE_MS = 600;
const REANALYSE_MAX_WAIT_MS = 3000;

interface Painted extends PaintedMention {
  node: Text;
  nodeStart: number;
  nodeEnd: number;
}

interface AnalyzerHandle {
  cleanup(): void;
  isValid(): boolean;
}

/** False once the extension is disabled, updated or reloaded: this script is then an orphan. */
function extensionAlive(api: PageApi): boolean {
  try {
    return typeof api.runtime?.id === 'string';
  } catch {
    return false;
  }
}

const loadingState = (): PageState => ({
  url: location.href,
  status: 'loading',
  score: 0,
  lang: '',
  signals: [],
  entities: [],
});

export function startAnalyzer(): void {
  const previous = globalThis.__spyglassAnalyzer as AnalyzerHandle | undefined;
  if (previous?.isValid()) return;
  // An orphan from before an update: remove what it left, then start afresh.
  previous?.cleanup();
  const api = pageApi();
  if (!api) return;
  const abort = new AbortController();
  const { signal } = abort;

  /** The reader's display settings, as the background last sent them. */
  let view: PageView | undefined;
  let kinds: Record<string, Kind> = {};
  let state: PageState = loadingState();
  let painted: Painted[] = [];
  let byNode = new Map<Text, Painted[]>();
  let allMentions: Mention[] = [];
  let cursor = -1;
  const entryCache = new Map<string, Entry>();
  const highlighter = new Highlighter();
  const timers = new Set<number>();
  let observer: MutationObserver | undefined;

  const setTimer = (fn: () => void, ms: number) => {
    const id = window.setTimeout(() => {
      timers.delete(id);
      if (!signal.aborted) fn();
    }, ms);
    timers.add(id);
    return id;
  };
  const clearTimer = (id: number) => {
    clearTimeout(id);
    timers.delete(id);
  };

  async function fetchEntries(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !entryCache.has(id));
    if (missing.length === 0) return;
    const res = await send(api!, { type: 'cs/get-entries', ids: missing });
    for (const e of res?.entries ?? []) entryCache.set(e.id, e);
  }

  // The card's UI comes from card.js, which the background injects into this frame on first use.
  let card: CardHandle | undefined;
  let cardLoading: Promise<CardHandle | undefined> | undefined;
  function ensureCard(): Promise<CardHandle | undefined> {
    if (card) return Promise.resolve(card);
    cardLoading ??= (async () => {
      if (!globalThis.__spyglassCard) await send(api!, { type: 'cs/load-card' });
      const mod = globalThis.__spyglassCard;
      if (!mod || signal.aborted) return undefined;
      card = mod.create({
        language: () => view?.language ?? 'auto',
        theme: () => view?.theme ?? 'system',
        onOpenRelated: (id) => void send(api!, { type: 'cs/open-entry', id }).catch(() => undefined),
        onMore: (id) => void send(api!, { type: 'cs/open-entry', id }).catch(() => undefined),
        onClose: () => closeCard(),
        onPointerEnter: () => hover.cardEnter(),
        onPointerLeave: () => hover.cardLeave(),
      });
      return card;
    })().catch(() => {
      cardLoading = undefined;
      return undefined;
    });
    return cardLoading;
  }

  async function openCard(p: Painted, focus: boolean): Promise<void> {
    const [ui] = await Promise.all([ensureCard(), fetchEntries([p.id])]);
    const entry = entryCache.get(p.id);
    if (!ui || !entry || signal.aborted) return;
    await fetchEntries(entry.related.slice(0, 3));
    const related = entry.related.map((r) => entryCache.get(r)).filter((e): e is Entry => e !== undefined);
    if (!p.node.isConnected || signal.aborted) return;
    ui.show({ entry, related, anchor: p.range, focus });
    highlighter.setActive(p.range);
  }

  const hover = new HoverTiming<Painted>(
    {
      prefetch: (p) => {
        void ensureCard();
        void fetchEntries([p.id]).catch(() => undefined);
      },
      show: (p) => void openCard(p, false).catch(() => undefined),
      hide: () => {
        card?.hide();
        highlighter.setActive(null);
      },
    },
    { set: (fn, ms) => setTimer(fn, ms), clear: clearTimer },
    500,
  );

  function closeCard(): void {
    hover.reset();
    card?.hide();
    highlighter.setActive(null);
  }

  function mentionAt(x: number, y: number): Painted | null {
    let node: Node | null = null;
    let offset = 0;
    const d = document as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    if (d.caretPositionFromPoint) {
      const pos = d.caretPositionFromPoint(x, y);
      node = pos?.offsetNode ?? null;
      offset = pos?.offset ?? 0;
    } else if (document.caretRangeFromPoint) {
      const r = document.caretRangeFromPoint(x, y);
      node = r?.startContainer ?? null;
      offset = r?.startOffset ?? 0;
    }
    if (!(node instanceof Text)) return null;
    const list = byNode.get(node);
    if (!list) return null;
    for (const p of list) {
      if (offset < p.nodeStart || offset > p.nodeEnd) continue;
      // The caret lands on the nearest character even past the line's end: check the boxes.
      for (const r of p.range.getClientRects())
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return p;
    }
    return null;
  }

  let pendingMove: PointerEvent | null = null;
  const onPointerMove = (e: PointerEvent) => {
    if (!view?.hoverCards || painted.length === 0) return;
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const ev = pendingMove;
        pendingMove = null;
        if (!ev || signal.aborted) return;
        if (card?.contains(ev.target)) return;
        hover.pointerAt(mentionAt(ev.clientX, ev.clientY));
      });
    }
    pendingMove = e;
  };

  function report(status: PageStatus): void {
    state = { ...state, url: location.href, status };
    void send(api!, { type: 'cs/page-state', state }).catch(() => undefined);
  }

  /** What the current paint was made with, to tell whether a re-analysis changed anything. */
  let paintedWith = '';
  const paintKey = () => JSON.stringify([view?.highlightStyle, view?.colors, view?.mentions]);

  function unpaint(): void {
    closeCard();
    highlighter.clear();
    painted = [];
    byNode = new Map();
    cursor = -1;
    paintedWith = '';
  }

  function toPainted(m: Mention): Painted | undefined {
    if (!m.node || m.nodeStart === undefined || m.nodeEnd === undefined || !m.node.isConnected) return undefined;
    const range = document.createRange();
    try {
      range.setStart(m.node, m.nodeStart);
      range.setEnd(m.node, m.nodeEnd);
    } catch {
      return undefined;
    }
    return {
      id: m.id,
      kind: kinds[m.id] ?? 'concept',
      range,
      node: m.node,
      nodeStart: m.nodeStart,
      nodeEnd: m.nodeEnd,
    };
  }

  function paint(mentions: Mention[]): void {
    const next: Painted[] = [];
    const seen = new Set<string>();
    for (const m of mentions) {
      if (view?.mentions === 'first' && seen.has(m.id)) continue;
      const p = toPainted(m);
      if (!p) continue;
      seen.add(m.id);
      next.push(p);
    }
    // Nothing changed (a ticker or a clock elsewhere in the page re-ran the analysis): keep the
    // highlights, the keyboard position and any open card as they are.
    const same =
      paintedWith === paintKey() &&
      next.length === painted.length &&
      next.every((p, i) => {
        const q = painted[i]!;
        return (
          q.id === p.id &&
          q.node === p.node &&
          q.range.startContainer === p.node &&
          q.range.startOffset === p.nodeStart &&
          q.range.endOffset === p.nodeEnd
        );
      });
    if (same) return;
    unpaint();
    painted = next;
    for (const p of painted) {
      const list = byNode.get(p.node) ?? [];
      list.push(p);
      byNode.set(p.node, list);
    }
    paintedWith = paintKey();
    if (view && view.highlightStyle !== 'none') highlighter.paint(painted, view.colors);
  }

  let run: AbortController | undefined;
  /**
   * Reads the page, asks the background for the verdict, then paints. Written with callbacks
   * rather than await: each piece of work then runs inside a function of ours that the browser
   * calls (script start, timer, message), where tracing and DevTools attribute it to Spyglass.
   */
  function analyse(): void {
    if (signal.aborted) return;
    // A newer run supersedes an older one; big pages are read in slices so no task runs long.
    run?.abort();
    const thisRun = new AbortController();
    run = thisRun;
    const stale = () => signal.aborted || thisRun.signal.aborted;
    runStepsInSlices(
      readPageSteps(document),
      { sliceMs: 8, signal: AbortSignal.any([signal, thisRun.signal]) },
      (read) => {
        send(api!, { type: 'cs/analyze', page: read.page }).then(
          (reply: AnalyzeReply | { error: string } | undefined) => {
            if (!reply || 'error' in reply || stale()) return;
            setTimer(() => {
              if (!stale()) apply(reply, read.region);
            }, 0);
          },
          () => undefined,
        );
      },
      () => undefined,
    );
  }

  function apply(reply: AnalyzeReply, region: RegionText): void {
    view = reply.view;
    hover.showDelay = view.hoverDelayMs;
    kinds = reply.kinds;
    const found: TextMention[] = reply.mentions;
    allMentions = placeMentions(region, found);
    const counts = new Map<string, number>();
    for (const m of allMentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    state = {
      url: location.href,
      status: reply.status,
      score: reply.score,
      lang: reply.lang,
      signals: reply.signals,
      entities: [...counts].map(([id, count]) => ({ id, count })),
    };
    if (reply.paint) paint(allMentions);
    else unpaint();
    // Switched off or paused: nothing to follow until the settings change again.
    if (reply.status === 'disabled' || reply.status === 'paused') observer?.disconnect();
    else observe();
  }

  // Re-analyse after the article changes: debounced, but never starved by constant churn.
  let debounce: number | undefined;
  let firstChange = 0;
  function scheduleAnalyse(): void {
    const now = Date.now();
    if (debounce === undefined) firstChange = now;
    else clearTimer(debounce);
    const wait = Math.min(REANALYSE_DEBOUNCE_MS, Math.max(0, firstChange + REANALYSE_MAX_WAIT_MS - now));
    debounce = setTimer(() => {
      debounce = undefined;
      analyse();
    }, wait);
  }

  function observe(): void {
    observer?.disconnect();
    if (!document.body) return;
    observer = new MutationObserver((records) => {
      // Our host lives outside <body>; anything here is the page's own change.
      if (records.some((r) => r.type === 'childList' || r.type === 'characterData')) scheduleAnalyse();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function showMention(id?: string): boolean {
    const list = id ? painted.filter((p) => p.id === id) : painted;
    let candidates = list;
    if (candidates.length === 0 && id) {
      // "Show in page" for an entity whose later mentions are not painted: use any mention.
      candidates = allMentions
        .filter((m) => m.id === id)
        .map(toPainted)
        .filter((p): p is Painted => p !== undefined);
    }
    if (candidates.length === 0) return false;
    const current = cursor >= 0 ? painted[cursor] : undefined;
    const idx = current ? candidates.indexOf(current) : -1;
    const next = candidates[(idx + 1) % candidates.length]!;
    cursor = painted.indexOf(next);
    const el = next.node.parentElement;
    el?.scrollIntoView({
      block: 'center',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    hover.markShown(next);
    void openCard(next, true).catch(() => undefined);
    return true;
  }

  // Every answer is synchronous, so `reply` is called before the listener returns.
  const onMessage: OnMessage = (raw, _sender, reply) => {
    if (signal.aborted) return undefined;
    const msg = parsePageMessage(raw);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'page/get-state':
        reply(state);
        break;
      case 'page/show-mention':
        reply({ ok: showMention(msg.id) });
        break;
      case 'page/close-card':
        closeCard();
        reply({ ok: true });
        break;
      case 'page/settings-changed':
        // Read the page again with the new settings (the reply carries them).
        analyse();
        reply({ ok: true });
        break;
    }
    return undefined;
  };
  api.runtime.onMessage.addListener(onMessage);

  function cleanup(): void {
    if (signal.aborted) return;
    abort.abort();
    run?.abort();
    for (const id of timers) clearTimeout(id);
    timers.clear();
    observer?.disconnect();
    unpaint();
    card?.destroy();
    card = undefined;
    try {
      api!.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension is already gone.
    }
    globalThis.__spyglassAnalyzer = undefined;
  }

  document.addEventListener('pointermove', onPointerMove, { passive: true, signal });
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && card?.open) closeCard();
    },
    { signal },
  );
  addEventListener('scroll', () => card?.open && !card.element?.matches(':focus-within') && closeCard(), {
    passive: true,
    signal,
  });
  addEventListener('pagehide', cleanup, { signal });

  let lastUrl = location.href;
  const onUrl = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    unpaint();
    // Until the new view is analysed, the popup and the badge must not show the old one.
    state = loadingState();
    report('loading');
    scheduleAnalyse();
  };
  addEventListener('popstate', onUrl, { signal });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', onUrl, { signal });
  // One cheap timer: follows single-page-app URL changes, and notices when the extension is
  // disabled or updated (this script is then orphaned) so nothing of ours stays on the page.
  const poll = window.setInterval(() => {
    if (signal.aborted) clearInterval(poll);
    else if (!extensionAlive(api)) cleanup();
    else onUrl();
  }, 1000);

  const handle: AnalyzerHandle = { cleanup, isValid: () => !signal.aborted && extensionAlive(api) };
  globalThis.__spyglassAnalyzer = handle;
  analyse();
}
