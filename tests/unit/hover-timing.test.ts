import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HIDE_MS, HoverTiming, PREFETCH_MS, type Timers } from '../../core/hover-timing';

// The injected clock, driven by vitest's fake timers.
const timers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clear: (id) => clearTimeout(id),
};

function setup(showDelay = 500) {
  const cb = { prefetch: vi.fn<(t: string) => void>(), show: vi.fn<(t: string) => void>(), hide: vi.fn<() => void>() };
  return { cb, hover: new HoverTiming<string>(cb, timers, showDelay) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HoverTiming', () => {
  test('prefetches at 150 ms, not before', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(PREFETCH_MS - 1);
    expect(cb.prefetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.prefetch).toHaveBeenCalledExactlyOnceWith('a');
    expect(cb.show).not.toHaveBeenCalled();
  });

  test.each([150, 500, 1200])('shows at showDelay %i ms, not before', (delay) => {
    const { cb, hover } = setup(delay);
    hover.pointerAt('a');
    vi.advanceTimersByTime(delay - 1);
    expect(cb.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.show).toHaveBeenCalledExactlyOnceWith('a');
    expect(cb.prefetch).toHaveBeenCalledExactlyOnceWith('a');
  });

  test('a show delay shorter than 150 ms prefetches no later than it shows', () => {
    const { cb, hover } = setup(100);
    hover.pointerAt('a');
    vi.advanceTimersByTime(100);
    expect(cb.prefetch).toHaveBeenCalledOnce();
    expect(cb.show).toHaveBeenCalledOnce();
  });

  test('the show delay can change between hovers', () => {
    const { cb, hover } = setup(500);
    hover.showDelay = 1000;
    hover.pointerAt('a');
    vi.advanceTimersByTime(999);
    expect(cb.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.show).toHaveBeenCalledOnce();
  });

  test('leaving before the delay shows nothing', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(100);
    hover.pointerAt(null);
    vi.advanceTimersByTime(5000);
    expect(cb.prefetch).not.toHaveBeenCalled();
    expect(cb.show).not.toHaveBeenCalled();
    expect(cb.hide).not.toHaveBeenCalled();
  });

  test('moving to another mention restarts the clock for it', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(400);
    hover.pointerAt('b');
    vi.advanceTimersByTime(499);
    expect(cb.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.show).toHaveBeenCalledExactlyOnceWith('b');
  });

  test('the same target reported again changes nothing', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(300);
    hover.pointerAt('a');
    vi.advanceTimersByTime(200);
    expect(cb.show).toHaveBeenCalledOnce();
  });

  test('hides 300 ms after the pointer leaves, not before', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    vi.advanceTimersByTime(HIDE_MS - 1);
    expect(cb.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.hide).toHaveBeenCalledOnce();
  });

  test('stays open while the pointer is on the card, hides after it leaves the card', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    vi.advanceTimersByTime(100);
    hover.cardEnter();
    vi.advanceTimersByTime(10_000);
    expect(cb.hide).not.toHaveBeenCalled();
    hover.cardLeave();
    vi.advanceTimersByTime(HIDE_MS - 1);
    expect(cb.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(cb.hide).toHaveBeenCalledOnce();
  });

  test('leaving the card back onto the mention keeps it open', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    hover.cardEnter();
    hover.pointerAt('a');
    hover.cardLeave();
    vi.advanceTimersByTime(10_000);
    expect(cb.hide).not.toHaveBeenCalled();
    expect(cb.show).toHaveBeenCalledOnce();
  });

  test('re-entering the mention cancels the hide and does not show again', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    vi.advanceTimersByTime(HIDE_MS - 1);
    hover.pointerAt('a');
    vi.advanceTimersByTime(10_000);
    expect(cb.hide).not.toHaveBeenCalled();
    expect(cb.show).toHaveBeenCalledOnce();
  });

  test('after hiding, hovering the same mention shows it again', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    vi.advanceTimersByTime(HIDE_MS);
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    expect(cb.show).toHaveBeenCalledTimes(2);
  });

  test('markShown treats a keyboard-opened card as shown', () => {
    const { cb, hover } = setup();
    hover.markShown('a');
    hover.pointerAt('a');
    vi.advanceTimersByTime(10_000);
    expect(cb.show).not.toHaveBeenCalled();
    hover.pointerAt(null);
    vi.advanceTimersByTime(HIDE_MS);
    expect(cb.hide).toHaveBeenCalledOnce();
  });

  test('reset clears pending show and pending hide', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(100);
    hover.reset();
    vi.advanceTimersByTime(10_000);
    expect(cb.show).not.toHaveBeenCalled();
    expect(cb.prefetch).not.toHaveBeenCalled();

    hover.pointerAt('b');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    hover.reset();
    vi.advanceTimersByTime(10_000);
    expect(cb.hide).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('after reset the same target is hovered afresh', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.reset();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    expect(cb.show).toHaveBeenCalledTimes(2);
  });

  test('reset forgets the pointer being on the card', () => {
    const { cb, hover } = setup();
    hover.pointerAt('a');
    vi.advanceTimersByTime(500);
    hover.cardEnter();
    hover.reset();
    hover.pointerAt('b');
    vi.advanceTimersByTime(500);
    hover.pointerAt(null);
    vi.advanceTimersByTime(HIDE_MS);
    expect(cb.hide).toHaveBeenCalledOnce();
  });
});
