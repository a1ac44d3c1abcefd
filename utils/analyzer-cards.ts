/**
 * Card loading: the card's UI (card.js) is injected into this frame by the background the first
 * time a card is about to open; entries come from the background and are cached for the page's
 * life. Opening a card passes the mention's text, so the card can say which name matched; a name
 * that only fits a vendor naming pattern opens a card that says what the pattern means.
 */
import type { Entry } from '../core/kb/schema';
import type { AnalyzerContext } from './analyzer-context';
import type { Painted } from './analyzer-paint';
import type { CardHandle } from './card-ui';
import type { PageChoice } from './messages';
import { send } from './page-api';

export interface CardHooks {
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
  /** The card opened on this mention (to mark it active). */
  onShown(p: Painted): void;
  /** The reader chose from the card: "not this", "mute", or Undo of either. */
  onChoice(choice: PageChoice): void;
}

export interface Cards {
  /** Loads the UI and the entry ahead of time (hover intent). */
  prefetch(p: Painted): void;
  open(p: Painted, focus: boolean): Promise<void>;
  hide(): void;
  readonly isOpen: boolean;
  /** The card holds the event target (the pointer is over the card, not the page). */
  contains(target: EventTarget | null): boolean;
  /** The card holds the focus. */
  hasFocus(): boolean;
  destroy(): void;
}

export function createCards(ctx: AnalyzerContext, hooks: CardHooks): Cards {
  const { api, signal } = ctx;
  const entryCache = new Map<string, Entry>();
  let card: CardHandle | undefined;
  let cardLoading: Promise<CardHandle | undefined> | undefined;

  async function fetchEntries(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !entryCache.has(id));
    if (missing.length === 0) return;
    const res = await send(api, { type: 'cs/get-entries', ids: missing });
    for (const e of res?.entries ?? []) entryCache.set(e.id, e);
  }

  function ensureCard(): Promise<CardHandle | undefined> {
    if (card) return Promise.resolve(card);
    cardLoading ??= (async () => {
      if (!globalThis.__spyglassCard) await send(api, { type: 'cs/load-card' });
      const mod = globalThis.__spyglassCard;
      if (!mod || signal.aborted) return undefined;
      const openEntry = (id: string) => void send(api, { type: 'cs/open-entry', id }).catch(() => undefined);
      card = mod.create({
        language: () => ctx.view()?.language ?? 'auto',
        theme: () => ctx.view()?.theme ?? 'system',
        onOpenRelated: openEntry,
        onMore: openEntry,
        onClose: () => hooks.onClose(),
        onPointerEnter: () => hooks.onPointerEnter(),
        onPointerLeave: () => hooks.onPointerLeave(),
        onChoice: (c) => hooks.onChoice(c),
      });
      return card;
    })().catch(() => {
      cardLoading = undefined;
      return undefined;
    });
    return cardLoading;
  }

  async function open(p: Painted, focus: boolean): Promise<void> {
    if (p.pattern) {
      // A name the knowledge base does not know: the card says what its form means (no entry to fetch).
      const ui = await ensureCard();
      if (!ui || !p.node.isConnected || signal.aborted) return;
      ui.show({ pattern: p.pattern, anchor: p.range, focus });
      hooks.onShown(p);
      return;
    }
    const [ui] = await Promise.all([ensureCard(), fetchEntries([p.id])]);
    const entry = entryCache.get(p.id);
    if (!ui || !entry || signal.aborted) return;
    await fetchEntries(entry.related.slice(0, 3));
    const related = entry.related.map((r) => entryCache.get(r)).filter((e): e is Entry => e !== undefined);
    if (!p.node.isConnected || signal.aborted) return;
    ui.show({ entry, related, matchedText: p.text, anchor: p.range, focus });
    hooks.onShown(p);
  }

  return {
    prefetch(p) {
      void ensureCard();
      if (!p.pattern) void fetchEntries([p.id]).catch(() => undefined);
    },
    open,
    hide: () => card?.hide(),
    get isOpen() {
      return card?.open === true;
    },
    contains: (target) => card?.contains(target) === true,
    hasFocus: () => card?.element?.matches(':focus-within') === true,
    destroy() {
      card?.destroy();
      card = undefined;
    },
  };
}
