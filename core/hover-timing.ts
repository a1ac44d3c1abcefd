/**
 * Hover timing, after Wikipedia's Page Previews: start work ~150 ms into a hover, show no sooner
 * than `showDelay` after the hover began, hide ~300 ms after the pointer leaves both the mention
 * and the card. Pure: timers are injected so tests can drive a fake clock.
 */
export const PREFETCH_MS = 150;
export const HIDE_MS = 300;

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverCallbacks<T> {
  prefetch(target: T): void;
  show(target: T): void;
  hide(): void;
}

export class HoverTiming<T> {
  private target: T | null = null;
  private shown: T | null = null;
  private onCard = false;
  private timers: number[] = [];
  private hideTimer: number | undefined;

  constructor(
    private readonly cb: HoverCallbacks<T>,
    private readonly clock: Timers,
    public showDelay = 500,
  ) {}

  /** The pointer is now over `target` (null: over nothing of ours). */
  pointerAt(target: T | null): void {
    if (target === this.target) return;
    this.target = target;
    this.clearPending();
    if (target !== null) {
      this.cancelHide();
      if (target === this.shown) return;
      this.timers.push(this.clock.set(() => this.cb.prefetch(target), Math.min(PREFETCH_MS, this.showDelay)));
      this.timers.push(
        this.clock.set(() => {
          this.shown = target;
          this.cb.show(target);
        }, this.showDelay),
      );
    } else if (this.shown !== null && !this.onCard) {
      this.scheduleHide();
    }
  }

  cardEnter(): void {
    this.onCard = true;
    this.cancelHide();
  }

  cardLeave(): void {
    this.onCard = false;
    if (this.target === null && this.shown !== null) this.scheduleHide();
  }

  /** The card was opened some other way (keyboard): treat it as shown. */
  markShown(target: T): void {
    this.clearPending();
    this.cancelHide();
    this.shown = target;
  }

  /** Closed by Esc, the close button or the page: forget everything. */
  reset(): void {
    this.clearPending();
    this.cancelHide();
    this.target = null;
    this.shown = null;
    this.onCard = false;
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = this.clock.set(() => {
      this.hideTimer = undefined;
      this.shown = null;
      this.cb.hide();
    }, HIDE_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== undefined) this.clock.clear(this.hideTimer);
    this.hideTimer = undefined;
  }

  private clearPending(): void {
    for (const id of this.timers) this.clock.clear(id);
    this.timers = [];
  }
}
