/**
 * The analyser, injected only into article-like pages: runs the engine, paints highlights,
 * drives hover cards and the keyboard path, reports to the badge, follows settings live, and
 * re-analyses when the article changes. One cleanup() removes everything it added.
 */
import { browser } from 'wxt/browser';
import { analyzeDocumentAsync } from '../core/engine/analyze';
import { loadMatcher, type MatcherData } from '../core/engine/matcher';
import type { Mention } from '../core/engine/types';
import { HoverTiming } from '../core/hover-timing';
import { pickUiLang } from '../core/i18n/strings';
import type { Entry, Kind } from '../core/kb/schema';
import { DEFAULT_SETTINGS, isSitePaused, type Settings } from '../core/settings';
import matcherJson from '../.generated/kb-matcher.json';
import { CardUi } from './card-ui';
import { Highlighter, type PaintedMention } from './highlighter';
import { parsePageMessage, type PageState, type PageStatus } from './messages';
import { loadSettings, watchSettings } from './storage';

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
function extensionAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string';
  } catch {
    return false;
  }
}

export function startAnalyzer(): void {
  const previous = globalThis.__spyglassAnalyzer as AnalyzerHandle | undefined;
  if (previous?.isValid()) return;
  // An orphan from before an update: remove what it left, then start afresh.
  previous?.cleanup();
  const abort = new AbortController();
  const { signal } = abort;
  const matcherData = matcherJson as unknown as MatcherData;
  const matcher = loadMatcher(matcherData);
  const kindOf = new Map<string, Kind>();
  for (const p of matcherData.patterns) if (p.id && p.kind) kindOf.set(p.id, p.kind);

  let settings: Settings = DEFAULT_SETTINGS;
  let state: PageState = { url: location.href, status: 'loading', score: 0, lang: '', signals: [], entities: [] };
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
    const res = (await browser.runtime.sendMessage({ type: 'cs/get-entries', ids: missing })) as
      { entries?: Entry[] } | undefined;
    for (const e of res?.entries ?? []) entryCache.set(e.id, e);
  }

  async function openCard(p: Painted, focus: boolean): Promise<void> {
    await fetchEntries([p.id]);
    const entry = entryCache.get(p.id);
    if (!entry || signal.aborted) return;
    await fetchEntries(entry.related.slice(0, 3));
    const related = entry.related.map((r) => entryCache.get(r)).filter((e): e is Entry => e !== undefined);
    if (!p.node.isConnected) return;
    card.show({ entry, related, anchor: p.range, focus });
    highlighter.setActive(p.range);
  }

  const card = new CardUi({
    lang: () => (settings.language === 'auto' ? pickUiLang(navigator.language) : settings.language),
    theme: () => settings.theme,
    onOpenRelated: (id) => void browser.runtime.sendMessage({ type: 'cs/open-entry', id }),
    onMore: (id) => void browser.runtime.sendMessage({ type: 'cs/open-entry', id }),
    onClose: () => closeCard(),
    onPointerEnter: () => hover.cardEnter(),
    onPointerLeave: () => hover.cardLeave(),
  });

  const hover = new HoverTiming<Painted>(
    {
      prefetch: (p) => void fetchEntries([p.id]).catch(() => undefined),
      show: (p) => void openCard(p, false).catch(() => undefined),
      hide: () => {
        card.hide();
        highlighter.setActive(null);
      },
    },
    { set: (fn, ms) => setTimer(fn, ms), clear: clearTimer },
    settings.hoverDelayMs,
  );

  function closeCard(): void {
    hover.reset();
    card.hide();
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
    if (!settings.hoverCards || painted.length === 0) return;
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const ev = pendingMove;
        pendingMove = null;
        if (!ev || signal.aborted) return;
        if (card.contains(ev.target)) return;
        hover.pointerAt(mentionAt(ev.clientX, ev.clientY));
      });
    }
    pendingMove = e;
  };

  function report(status: PageStatus): void {
    state = { ...state, url: location.href, status };
    void browser.runtime.sendMessage({ type: 'cs/page-state', state }).catch(() => undefined);
  }

  /** What the current paint was made with, to tell whether a re-analysis changed anything. */
  let paintedWith = '';
  const paintKey = () => JSON.stringify([settings.highlightStyle, settings.colors, settings.mentions]);

  function unpaint(): void {
    closeCard();
    highlighter.clear();
    painted = [];
    byNode = new Map();
    cursor = -1;
    paintedWith = '';
  }

  function paint(mentions: Mention[]): void {
    const next: Painted[] = [];
    const seen = new Set<string>();
    for (const m of mentions) {
      if (!m.node || m.nodeStart === undefined || m.nodeEnd === undefined || !m.node.isConnected) continue;
      if (settings.mentions === 'first' && seen.has(m.id)) continue;
      seen.add(m.id);
      const range = document.createRange();
      try {
        range.setStart(m.node, m.nodeStart);
        range.setEnd(m.node, m.nodeEnd);
      } catch {
        continue;
      }
      next.push({
        id: m.id,
        kind: kindOf.get(m.id) ?? 'concept',
        range,
        node: m.node,
        nodeStart: m.nodeStart,
        nodeEnd: m.nodeEnd,
      });
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
    if (settings.highlightStyle !== 'none') highlighter.paint(painted, settings);
  }

  let run: AbortController | undefined;
  async function analyse(): Promise<void> {
    if (signal.aborted) return;
    if (!settings.enabled) {
      unpaint();
      report('disabled');
      return;
    }
    if (isSitePaused(location.href, settings.pausedSites)) {
      unpaint();
      report('paused');
      return;
    }
    // A newer run supersedes an older one; big pages are analysed in slices so no task runs long.
    run?.abort();
    const thisRun = new AbortController();
    run = thisRun;
    let a;
    try {
      a = await analyzeDocumentAsync(document, {
        matcher,
        threshold: settings.threshold,
        sliceMs: 8,
        signal: AbortSignal.any([signal, thisRun.signal]),
      });
    } catch {
      return;
    }
    allMentions = a.mentions;
    const counts = new Map<string, number>();
    for (const m of a.mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    state = {
      url: location.href,
      status: !a.isArticle ? 'not-article' : a.espionage ? 'espionage' : 'article',
      score: a.score,
      lang: a.lang,
      signals: a.signals.slice(0, 12),
      entities: [...counts].map(([id, count]) => ({ id, count })),
    };
    const show = state.status === 'espionage' || (state.status === 'article' && settings.scope === 'any-article');
    if (show) paint(a.mentions);
    else unpaint();
    report(state.status);
    observe();
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
      void analyse();
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
        .filter((m) => m.id === id && m.node?.isConnected)
        .map((m) => {
          const range = document.createRange();
          range.setStart(m.node!, m.nodeStart!);
          range.setEnd(m.node!, m.nodeEnd!);
          return {
            id: m.id,
            kind: kindOf.get(m.id) ?? 'concept',
            range,
            node: m.node!,
            nodeStart: m.nodeStart!,
            nodeEnd: m.nodeEnd!,
          };
        });
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

  browser.runtime.onMessage.addListener(onMessage);
  function onMessage(raw: unknown): Promise<unknown> | undefined {
    if (signal.aborted) return undefined;
    const msg = parsePageMessage(raw);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'page/get-state':
        return Promise.resolve(state);
      case 'page/show-mention':
        return Promise.resolve({ ok: showMention(msg.id) });
      case 'page/close-card':
        closeCard();
        return Promise.resolve({ ok: true });
    }
  }

  function cleanup(): void {
    if (signal.aborted) return;
    abort.abort();
    for (const id of timers) clearTimeout(id);
    timers.clear();
    observer?.disconnect();
    unpaint();
    card.destroy();
    unwatch();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension is already gone.
    }
    globalThis.__spyglassAnalyzer = undefined;
  }

  const unwatch = watchSettings(({ settings: next }) => {
    settings = next;
    hover.showDelay = next.hoverDelayMs;
    void analyse();
  });

  document.addEventListener('pointermove', onPointerMove, { passive: true, signal });
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && card.open) closeCard();
    },
    { signal },
  );
  addEventListener('scroll', () => card.open && !card.element?.matches(':focus-within') && closeCard(), {
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
    state = { url: location.href, status: 'loading', score: 0, lang: '', signals: [], entities: [] };
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
    else if (!extensionAlive()) cleanup();
    else onUrl();
  }, 1000);

  const handle: AnalyzerHandle = { cleanup, isValid: () => !signal.aborted && extensionAlive() };
  globalThis.__spyglassAnalyzer = handle;
  void loadSettings().then(({ settings: s }) => {
    settings = s;
    hover.showDelay = s.hoverDelayMs;
    void analyse();
  });
}
