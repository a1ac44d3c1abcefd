/**
 * The page script, injected only into article-like pages that name something of our topic (or
 * that the reader asked to analyse). It carries no framework, no polyfill and no knowledge base:
 * the card's UI (card.js) is loaded on the first hover, the matcher lives in the background. Its
 * parts share one cleanup signal and are wired here: reading (analyzer-reading.ts), painting
 * (analyzer-paint.ts), hover and keyboard (analyzer-hover.ts), card loading (analyzer-cards.ts)
 * and re-reading on change (analyzer-watch.ts).
 */
import { placeMentions } from '../core/engine/page';
import type { Mention } from '../core/engine/types';
import { createCards, type Cards } from './analyzer-cards';
import { createContext } from './analyzer-context';
import { startHover } from './analyzer-hover';
import { createPainter } from './analyzer-paint';
import { createReader, stateOf, type ReadResult } from './analyzer-reading';
import { startWatch } from './analyzer-watch';
import { parsePageMessage, type PageChoice, type PageState, type PageView } from './messages';
import { pageApi, send, type OnMessage, type PageApi } from './page-api';
import { markPainted, startPageTimes, timed } from './page-timing';

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
  // After the early return: a second injection must not reset the running script's record.
  const times = startPageTimes();
  // An orphan from before an update: remove what it left, then start afresh.
  previous?.cleanup();
  const found = pageApi();
  if (!found) return;
  const api: PageApi = found;
  const abort = new AbortController();
  let view: PageView | undefined;
  const ctx = createContext(api, abort.signal, () => view);

  let state: PageState = loadingState();
  let lastSent = '';
  let mentions: Mention[] = [];
  const painter = createPainter(() => hover.closeCard());
  const hover = startHover(ctx, painter, () => cards);
  const cards: Cards = createCards(ctx, {
    onClose: () => hover.closeCard(),
    onPointerEnter: () => hover.timing.cardEnter(),
    onPointerLeave: () => hover.timing.cardLeave(),
    onShown: (p) => painter.setActive(p.range),
    onChoice: choose,
  });

  /**
   * Entries the reader just chose not to see here: hidden at once, before the background has
   * stored the choice and the page is read again with it.
   */
  const pending = new Set<string>();
  let lastRead: ReadResult | undefined;

  function apply(read: ReadResult): void {
    lastRead = read;
    const r = pending.size === 0 ? read : { ...read, mentions: read.mentions.filter((m) => !pending.has(m.id)) };
    const { reply } = r;
    view = reply.view;
    hover.setDelay(view.hoverDelayMs);
    mentions = r.mentions;
    state = stateOf(r, location.href, document.title ?? '');
    // Open extension views (the side panel) follow the page: tell the background when it changed.
    const sent = JSON.stringify(state);
    if (sent !== lastSent) {
      lastSent = sent;
      void send(api, { type: 'cs/page-state', state }).catch(() => undefined);
    }
    if (reply.paint) {
      timed('paint', () =>
        painter.paint(mentions, reply.kinds, reply.view, {
          mentions: r.patternMentions,
          names: reply.patternNames ?? [],
        }),
      );
      markPainted();
    } else painter.unpaint();
    // Switched off or paused: nothing to follow until the settings change again.
    if (reply.status === 'disabled' || reply.status === 'paused') watch.disconnect();
    else watch.observe();
  }
  const reader = createReader(ctx, apply);

  function choose(choice: PageChoice): void {
    const hides = choice.op === 'dismiss' || choice.op === 'mute';
    if (hides) {
      pending.add(choice.id);
      if (lastRead) apply(lastRead);
    }
    const stored = () => {
      pending.delete(choice.id);
      // Read again with the stored choices (the background's relay of the change may come later).
      reader.read();
    };
    send(api, { type: 'cs/choice', change: choice }).then(stored, stored);
  }

  const watch = startWatch(ctx, {
    reread: () => reader.read(),
    urlChanged: () => {
      painter.unpaint();
      mentions = [];
      // Until the new view is analysed, the popup and the badge must not show the old one.
      state = loadingState();
      lastSent = '';
      void send(api, { type: 'cs/page-state', state }).catch(() => undefined);
    },
    orphaned: () => cleanup(),
    alive: () => extensionAlive(api),
  });

  function showMention(id?: string): boolean {
    const next = painter.next(mentions, id);
    if (!next) return false;
    hover.showWithFocus(next);
    return true;
  }

  /** How long a shown stretch of text stays marked. */
  const FLASH_MS = 2000;
  let flashTimer: number | undefined;

  /** Scrolls to a stretch of the read text (a brief's quote) and marks it for a moment. */
  function showText(start: number, end: number): boolean {
    const region = lastRead?.region;
    const placed = region ? placeMentions(region, [{ id: 'quote', start, end }])[0] : undefined;
    if (!placed?.node || placed.nodeStart === undefined || !placed.node.isConnected) return false;
    const range = document.createRange();
    try {
      range.setStart(placed.node, placed.nodeStart);
      if (placed.endNode && placed.endNodeOffset !== undefined) range.setEnd(placed.endNode, placed.endNodeOffset);
      else range.setEnd(placed.node, placed.nodeEnd ?? placed.nodeStart);
    } catch {
      return false;
    }
    hover.closeCard();
    placed.node.parentElement?.scrollIntoView({
      block: 'center',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    painter.setActive(range);
    if (flashTimer !== undefined) ctx.clearTimer(flashTimer);
    flashTimer = ctx.setTimer(() => painter.setActive(null), FLASH_MS);
    return true;
  }

  // Every answer is synchronous, so `reply` is called before the listener returns.
  const onMessage: OnMessage = (raw, _sender, reply) => {
    if (abort.signal.aborted) return undefined;
    const msg = parsePageMessage(raw);
    if (!msg) return undefined;
    switch (msg.type) {
      case 'page/get-state':
        reply(state);
        break;
      case 'page/show-mention':
        reply({ ok: showMention(msg.id) });
        break;
      case 'page/show-text':
        reply({ ok: showText(msg.start, msg.end) });
        break;
      case 'page/close-card':
        hover.closeCard();
        reply({ ok: true });
        break;
      case 'page/settings-changed':
        // Read the page again with the new settings (the reply carries them).
        reader.read();
        reply({ ok: true });
        break;
    }
    return undefined;
  };
  api.runtime.onMessage.addListener(onMessage);

  function cleanup(): void {
    if (abort.signal.aborted) return;
    abort.abort();
    reader.cancel();
    ctx.clearTimers();
    painter.unpaint();
    cards.destroy();
    try {
      api.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension is already gone.
    }
    globalThis.__spyglassAnalyzer = undefined;
  }
  addEventListener('pagehide', cleanup, { signal: abort.signal });

  const handle: AnalyzerHandle = { cleanup, isValid: () => !abort.signal.aborted && extensionAlive(api) };
  globalThis.__spyglassAnalyzer = handle;
  times.setup = performance.now() - times.startedAt;
  // The gate (or the reader's "Analyse this page") already judged the page: no second check.
  reader.read(globalThis.__spyglassGatePassed === true ? true : undefined);
}
