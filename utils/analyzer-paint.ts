/**
 * Painting: turns the mentions the background found into ranges, paints them (CSS Custom
 * Highlight API, see highlighter.ts), finds the mention under the pointer and walks them for the
 * keyboard path. Keeps the paint when a re-read changed nothing.
 */
import type { Mention } from '../core/engine/types';
import type { Kind } from '../core/kb/kinds';
import type { Introduction, PatternInfo, PlacedPatternName } from '../core/page-state';
import type { PageView } from './messages';
import { Highlighter, type PaintedMention } from './highlighter';

export interface Painted extends PaintedMention {
  node: Text;
  nodeStart: number;
  nodeEnd: number;
  /** The mention's text as the page writes it. */
  text: string;
  /** Set for a name that only fits a vendor naming pattern (no knowledge-base entry). */
  pattern?: { text: string; info?: PatternInfo; introduced?: Introduction };
}

/** Pattern names placed in the page, with what the background said of each. */
export interface PatternMentions {
  mentions: readonly Mention[];
  names: readonly PlacedPatternName[];
}

export interface Painter {
  /**
   * Paints the mentions (or keeps the paint if nothing changed); kinds say each entry's colour.
   * Pattern names are painted quietly, after the entries.
   */
  paint(mentions: readonly Mention[], kinds: Record<string, Kind>, view: PageView, patterns?: PatternMentions): void;
  unpaint(): void;
  /** The painted mention under a viewport point, or null. */
  at(x: number, y: number): Painted | null;
  /** The next mention of `id` (or of anything) after the keyboard cursor; it becomes the cursor. */
  next(all: readonly Mention[], id?: string): Painted | undefined;
  setActive(range: Range | null): void;
  readonly count: number;
}

function toPainted(m: Mention, kinds: Record<string, Kind>, pattern?: PlacedPatternName): Painted | undefined {
  if (!m.node || m.nodeStart === undefined || m.nodeEnd === undefined || !m.node.isConnected) return undefined;
  const range = document.createRange();
  try {
    range.setStart(m.node, m.nodeStart);
    range.setEnd(m.node, m.nodeEnd);
  } catch {
    return undefined;
  }
  const base = { range, node: m.node, nodeStart: m.nodeStart, nodeEnd: m.nodeEnd, text: m.text };
  if (!pattern) return { id: m.id, kind: kinds[m.id] ?? 'concept', ...base };
  return {
    id: `pattern:${pattern.text}`,
    kind: 'threat-actor',
    quiet: true,
    ...base,
    pattern: {
      text: pattern.text,
      ...(pattern.info ? { info: pattern.info } : {}),
      ...(pattern.introduced ? { introduced: pattern.introduced } : {}),
    },
  };
}

/** `onUnpaint` runs before the highlights go (the open card belongs to them). */
export function createPainter(onUnpaint: () => void): Painter {
  const highlighter = new Highlighter();
  let painted: Painted[] = [];
  let byNode = new Map<Text, Painted[]>();
  let kindsNow: Record<string, Kind> = {};
  let cursor = -1;
  /** What the current paint was made with, to tell whether a re-read changed anything. */
  let paintedWith = '';
  const paintKey = (v: PageView) => JSON.stringify([v.highlightStyle, v.colors, v.mentions]);

  function unpaint(): void {
    onUnpaint();
    highlighter.clear();
    painted = [];
    byNode = new Map();
    cursor = -1;
    paintedWith = '';
  }

  function paint(
    mentions: readonly Mention[],
    kinds: Record<string, Kind>,
    view: PageView,
    patterns?: PatternMentions,
  ): void {
    kindsNow = kinds;
    const next: Painted[] = [];
    const seen = new Set<string>();
    const add = (p: Painted | undefined) => {
      if (!p || (view.mentions === 'first' && seen.has(p.id))) return;
      seen.add(p.id);
      next.push(p);
    };
    for (const m of mentions) add(toPainted(m, kinds));
    if (patterns)
      for (const m of patterns.mentions) {
        const name = patterns.names[Number(m.id)];
        if (name) add(toPainted(m, kinds, name));
      }
    // Nothing changed (a ticker or a clock elsewhere in the page re-ran the analysis): keep the
    // highlights, the keyboard position and any open card as they are.
    const same =
      paintedWith === paintKey(view) &&
      next.length === painted.length &&
      next.every((p, i) => {
        const q = painted[i]!;
        return (
          q.id === p.id &&
          q.kind === p.kind &&
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
    paintedWith = paintKey(view);
    if (view.highlightStyle !== 'none') highlighter.paint(painted, view.colors);
  }

  function at(x: number, y: number): Painted | null {
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
    const inBoxes = (p: Painted) => {
      // The caret lands on the nearest character even past the line's end: check the boxes.
      for (const r of p.range.getClientRects())
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
      return false;
    };
    const list = node && node.nodeType === Node.TEXT_NODE ? byNode.get(node as Text) : undefined;
    if (list) {
      for (const p of list) if (offset >= p.nodeStart && offset <= p.nodeEnd && inBoxes(p)) return p;
      return null;
    }
    // Firefox ESR 140 can hand a content script the caret's text node as a wrapper that is not the
    // one our walk saw, so the map misses it: then test the painted boxes themselves (few ranges).
    if (node && node.nodeType === Node.TEXT_NODE) for (const p of painted) if (inBoxes(p)) return p;
    return null;
  }

  function next(all: readonly Mention[], id?: string): Painted | undefined {
    let candidates = id ? painted.filter((p) => p.id === id) : painted;
    if (candidates.length === 0 && id) {
      // "Show in page" for an entity whose later mentions are not painted: use any mention.
      candidates = all
        .filter((m) => m.id === id)
        .map((m) => toPainted(m, kindsNow))
        .filter((p): p is Painted => p !== undefined);
    }
    if (candidates.length === 0) return undefined;
    const current = cursor >= 0 ? painted[cursor] : undefined;
    const idx = current ? candidates.indexOf(current) : -1;
    const chosen = candidates[(idx + 1) % candidates.length]!;
    cursor = painted.indexOf(chosen);
    return chosen;
  }

  return {
    paint,
    unpaint,
    at,
    next,
    setActive: (range) => highlighter.setActive(range),
    get count() {
      return painted.length;
    },
  };
}
