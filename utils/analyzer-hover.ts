/**
 * Hover and keyboard: follows the pointer (one hit test per animation frame) with the hover
 * timing of core/hover-timing.ts, closes the card on Escape and on scroll, and opens a mention's
 * card with focus for the keyboard path.
 */
import { HoverTiming } from '../core/hover-timing';
import type { AnalyzerContext } from './analyzer-context';
import type { Cards } from './analyzer-cards';
import type { Painted, Painter } from './analyzer-paint';

export interface Hover {
  closeCard(): void;
  /** Opens the card of a mention chosen without the pointer (keyboard, popup), with focus. */
  showWithFocus(p: Painted): void;
  setDelay(ms: number): void;
  readonly timing: HoverTiming<Painted>;
}

export function startHover(ctx: AnalyzerContext, painter: Painter, cards: () => Cards): Hover {
  const { signal } = ctx;
  const timing = new HoverTiming<Painted>(
    {
      prefetch: (p) => cards().prefetch(p),
      show: (p) =>
        void cards()
          .open(p, false)
          .catch(() => undefined),
      hide: () => {
        cards().hide();
        painter.setActive(null);
      },
    },
    { set: (fn, ms) => ctx.setTimer(fn, ms), clear: (id) => ctx.clearTimer(id) },
    500,
  );

  function closeCard(): void {
    timing.reset();
    cards().hide();
    painter.setActive(null);
  }

  let pendingMove: PointerEvent | null = null;
  const onPointerMove = (e: PointerEvent) => {
    if (!ctx.view()?.hoverCards || painter.count === 0) return;
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const ev = pendingMove;
        pendingMove = null;
        if (!ev || signal.aborted) return;
        if (cards().contains(ev.target)) return;
        timing.pointerAt(painter.at(ev.clientX, ev.clientY));
      });
    }
    pendingMove = e;
  };
  document.addEventListener('pointermove', onPointerMove, { passive: true, signal });
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && cards().isOpen) closeCard();
    },
    { signal },
  );
  addEventListener('scroll', () => cards().isOpen && !cards().hasFocus() && closeCard(), { passive: true, signal });

  return {
    closeCard,
    showWithFocus(p) {
      p.node.parentElement?.scrollIntoView({
        block: 'center',
        behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
      });
      timing.markShown(p);
      void cards()
        .open(p, true)
        .catch(() => undefined);
    },
    setDelay(ms) {
      timing.showDelay = ms;
    },
    timing,
  };
}
