/**
 * Multi-pattern matcher: a trie stored as a double array over a small
 * alphabet, walked only from positions where a match may start (word starts
 * for Latin script, every character for CJK and Thai, and after up to two
 * glued prefix letters in Hebrew). Per character the scan costs
 * two table reads; the work does not grow with the number of aliases.
 *
 * compileMatcher() runs at build time and returns plain JSON; loadMatcher()
 * turns that into typed arrays without rebuilding the trie.
 */
import type { Kind } from '../kb/schema';
import type { VerdictClass } from '../kb/kinds';
import { CLS_WORD, WORD_EXCEPTIONS, WORD_RANGES, caseFold, charClasses, foldString, widthFoldChar } from './chars';
import type { MatcherPattern } from './types';

/** A pattern of the engine's own lexicon (cue words for the verdict). */
export interface LexiconPattern {
  text: string;
  /** Index of the lexicon term this pattern belongs to. */
  term: number;
  caseSensitive: boolean;
  /** Matches the start of a word ("hack" in "hackers"); no end boundary. */
  prefix: boolean;
}

export interface CompiledPattern {
  text: string;
  /** Knowledge-base id, or "" for lexicon patterns. */
  id: string;
  kind?: Kind;
  verdictClass?: VerdictClass;
  /** Lexicon term index, or -1 for knowledge-base patterns. */
  term: number;
  caseSensitive: boolean;
  requiresContext: boolean;
  prefix: boolean;
}

/** A knowledge-base entry as the matcher data names it. */
export interface EntityRecord {
  id: string;
  kind: Kind;
  /** Set only when the entry's verdict weight differs from its kind's. */
  cls?: VerdictClass;
}

/**
 * Serialisable form (plain JSON, small and cheap to load). The integer
 * tables are packed as 6-bit varints written with the base64 alphabet: one
 * character holds 5 bits of value and a "more follows" bit, so small numbers
 * (most deltas) take one character and decoding is one table read per char.
 */
export interface MatcherData {
  version: 2;
  /**
   * One record per knowledge-base entry (not per alias); patterns refer to
   * them by index. Named "patterns" so callers that map id to kind keep working.
   */
  patterns: EntityRecord[];
  /** Number of patterns (knowledge-base aliases and lexicon forms). */
  count: number;
  /** Folded code units of the trie's alphabet, most frequent first; the id of alphabet[k] is k + 1. */
  alphabet: string;
  /** Double-array size. */
  size: number;
  /** Per slot 1..size-1: its label id (0 for a free slot), then the zigzag delta of its parent slot. */
  trie: string;
  /** Per slot that ends patterns, in slot order: slot delta, then how many patterns end there. */
  outs: string;
  /** Per pattern (numbered in `outs` order): owner * 16 + flags (see PF_*); owner = entity * 2 or term * 2 + 1. */
  meta: string;
  /**
   * Code units that fold onto an alphabet character other than themselves
   * (capitals, full-width forms, curly quotes...): pairs of code-unit delta and alphabet id.
   */
  folds: string;
  /** Width-folded exact forms of the case-sensitive patterns, in pattern order, joined by "\n". */
  exact: string;
}

export interface Hit {
  /** Pattern index (see Matcher accessors). */
  pattern: number;
  start: number;
  end: number;
}

export interface Matcher {
  /** Number of patterns. */
  readonly count: number;
  /**
   * Pattern records, built on first use (scripts and tests). `text` is the
   * matched key: case-folded unless the pattern is case-sensitive.
   */
  readonly patterns: readonly CompiledPattern[];
  /** Lexicon term index of a pattern, or -1 for knowledge-base aliases. */
  term(pattern: number): number;
  /** Knowledge-base id, or "" for lexicon patterns. */
  id(pattern: number): string;
  kind(pattern: number): Kind | undefined;
  /** The entry's verdict class, if it has one. */
  verdictClass(pattern: number): VerdictClass | undefined;
  requiresContext(pattern: number): boolean;
  /** The pattern's key (see `patterns`). */
  text(pattern: number): string;
  /**
   * Finds matches starting in [from, to) (a match may extend past `to`) and
   * appends them to `hits`. Returns where the next scan should start.
   */
  scan(text: string, hits: Hit[], from?: number, to?: number): number;
  findAll(text: string): Hit[];
}

/** Pattern flags in MatcherData.meta. */
const PF_CASE = 1;
const PF_CONTEXT = 2;
const PF_PREFIX = 4;
/** The pattern's last character is a word character (so it needs a word boundary after it). */
const PF_LAST_WORD = 8;

/** Per output slot, what a match ending there needs (flags of its patterns, merged). */
const OF_ALWAYS = 1; // a case-insensitive pattern that needs no boundary after it
const OF_BOUNDARY = 2; // a case-insensitive pattern that needs a word boundary after it
const OF_CASE = 4; // a case-sensitive pattern (checked in full)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Writes unsigned integers as 6-bit varints (5 value bits, bit 5 = more follows). */
class VarintWriter {
  private readonly out: string[] = [];
  push(value: number): void {
    let v = value;
    if (!(v >= 0 && v < 2 ** 30) || v !== Math.floor(v)) throw new Error(`cannot pack ${value}`);
    while (v >= 32) {
      this.out.push(B64[(v & 31) | 32]!);
      v >>>= 5;
    }
    this.out.push(B64[v]!);
  }
  toString(): string {
    return this.out.join('');
  }
}

const zigzag = (x: number) => (x < 0 ? -2 * x - 1 : 2 * x);

let b64Table: Uint8Array | undefined;
function b64Digits(): Uint8Array {
  if (b64Table) return b64Table;
  const t = new Uint8Array(128);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  b64Table = t;
  return t;
}

interface TrieNode {
  children: Map<number, number>;
  outs: number[];
}

export function compileMatcher(kb: readonly MatcherPattern[], lexicon: readonly LexiconPattern[] = []): MatcherData {
  const patterns: CompiledPattern[] = [];
  for (const p of kb) {
    patterns.push({
      text: p.text,
      id: p.id,
      kind: p.kind,
      ...(p.verdictClass ? { verdictClass: p.verdictClass } : {}),
      term: -1,
      caseSensitive: p.caseSensitive,
      requiresContext: p.requiresContext,
      prefix: false,
    });
  }
  for (const p of lexicon) {
    patterns.push({
      text: p.text,
      id: '',
      term: p.term,
      caseSensitive: p.caseSensitive,
      requiresContext: false,
      prefix: p.prefix,
    });
  }

  // Alphabet ids by frequency (most frequent first): small ids pack into one character.
  const keys = patterns.map((p) => foldString(p.text, true));
  const freq = new Map<number, number>();
  for (const key of keys)
    for (let i = 0; i < key.length; i++) freq.set(key.charCodeAt(i), (freq.get(key.charCodeAt(i)) ?? 0) + 1);
  const alphabet = [...freq.keys()].sort((x, y) => freq.get(y)! - freq.get(x)! || x - y);
  const alphaIds = new Map<number, number>(alphabet.map((c, i) => [c, i + 1]));
  const nodes: TrieNode[] = [{ children: new Map(), outs: [] }];
  keys.forEach((key, index) => {
    if (key.length === 0) return;
    let n = 0;
    for (let i = 0; i < key.length; i++) {
      const a = alphaIds.get(key.charCodeAt(i))!;
      const node = nodes[n]!;
      let next = node.children.get(a);
      if (next === undefined) {
        next = nodes.length;
        nodes.push({ children: new Map(), outs: [] });
        node.children.set(a, next);
      }
      n = next;
    }
    nodes[n]!.outs.push(index);
  });

  // Double-array layout, breadth first. nextFree is a path-compressed
  // "smallest free slot at or after i" so placement stays near-linear.
  const base: number[] = [0];
  const check: number[] = [-2];
  const nextFree: number[] = [1];
  const isFree = (i: number) => i >= check.length || check[i] === -1;
  const findFree = (i: number): number => {
    let j = i;
    while (j < check.length && check[j] !== -1) j = nextFree[j] ?? j + 1;
    let k = i;
    while (k < j && k < check.length) {
      const n = nextFree[k] ?? k + 1;
      nextFree[k] = j;
      k = n;
    }
    return j;
  };
  const use = (i: number, parent: number) => {
    while (check.length <= i) {
      check.push(-1);
      base.push(0);
      nextFree.push(check.length);
    }
    check[i] = parent;
    nextFree[i] = i + 1;
  };
  const position: number[] = new Array<number>(nodes.length).fill(-1);
  position[0] = 0;
  const queue: number[] = [0];
  const outLists = new Map<number, number[]>();
  for (let q = 0; q < queue.length; q++) {
    const ni = queue[q]!;
    const node = nodes[ni]!;
    const pos = position[ni]!;
    if (node.outs.length > 0) outLists.set(pos, node.outs);
    if (node.children.size === 0) continue;
    const labels = [...node.children.keys()].sort((x, y) => x - y);
    const first = labels[0]!;
    let slot = findFree(first + 1);
    for (;;) {
      const b = slot - first;
      if (b >= 1 && labels.every((l) => isFree(b + l))) break;
      slot = findFree(slot + 1);
    }
    const b = slot - first;
    base[pos] = b;
    for (const l of labels) use(b + l, pos);
    for (const l of labels) {
      const child = node.children.get(l)!;
      position[child] = b + l;
      queue.push(child);
    }
  }
  // Patterns are renumbered in slot order of their end, so each output slot
  // owns a contiguous run of pattern numbers.
  const order: number[] = [];
  const outs = new VarintWriter();
  let prevPos = 0;
  const outSlots = [...outLists.keys()].sort((x, y) => x - y);
  for (const pos of outSlots) {
    const list = outLists.get(pos)!;
    outs.push(pos - prevPos);
    outs.push(list.length);
    prevPos = pos;
    order.push(...list);
  }

  const trie = new VarintWriter();
  let prevParent = 0;
  for (let t = 1; t < check.length; t++) {
    const parent = check[t]!;
    if (parent < 0) {
      trie.push(0);
      continue;
    }
    trie.push(t - base[parent]!);
    trie.push(zigzag(parent - prevParent));
    prevParent = parent;
  }

  const entities: EntityRecord[] = [];
  const entityIndex = new Map<string, number>();
  const meta = new VarintWriter();
  const exact: string[] = [];
  for (const index of order) {
    const p = patterns[index]!;
    let owner: number;
    if (p.term >= 0) owner = p.term * 2 + 1;
    else {
      let e = entityIndex.get(p.id);
      if (e === undefined) {
        e = entities.length;
        entityIndex.set(p.id, e);
        entities.push({ id: p.id, kind: p.kind!, ...(p.verdictClass ? { cls: p.verdictClass } : {}) });
      }
      owner = e * 2;
    }
    const folded = foldString(p.text, false);
    const lastWord = folded.length > 0 && charClasses()[folded.charCodeAt(folded.length - 1)] === CLS_WORD;
    const flags =
      (p.caseSensitive ? PF_CASE : 0) |
      (p.requiresContext ? PF_CONTEXT : 0) |
      (p.prefix ? PF_PREFIX : 0) |
      (lastWord ? PF_LAST_WORD : 0);
    meta.push(owner * 16 + flags);
    if (p.caseSensitive) exact.push(folded);
  }
  const folds = new VarintWriter();
  const fold = caseFold();
  let prevC = 0;
  for (let c = 0; c < 65536; c++) {
    const id = fold[c] !== c ? alphaIds.get(fold[c]!) : undefined;
    if (id === undefined) continue;
    folds.push(c - prevC);
    folds.push(id);
    prevC = c;
  }
  return {
    version: 2,
    patterns: entities,
    count: order.length,
    alphabet: String.fromCharCode(...alphabet),
    size: check.length,
    trie: trie.toString(),
    outs: outs.toString(),
    meta: meta.toString(),
    folds: folds.toString(),
    exact: exact.join('\n'),
  };
}

/** Reads 6-bit varints from `s` into `into`, starting at `into[0]`; returns how many. */
function unpack(s: string, into: Int32Array): number {
  const digits = b64Digits();
  let n = 0;
  let v = 0;
  let shift = 0;
  for (let i = 0; i < s.length; i++) {
    const d = digits[s.charCodeAt(i)]!;
    v |= (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      into[n++] = v;
      v = 0;
      shift = 0;
    }
  }
  return n;
}

/** Info bits per code unit: word character, may start a match, alphabet id << 2. */
const I_WORD = 1;
const I_START = 2;

/**
 * Hebrew writes ו ה ב ל מ ש כ (and, the, in, to, from, that, as) glued to the next word. A Hebrew
 * word start with no match is tried again after up to this many of them ("והאקרים" finds "האקרים",
 * "בשב״כ" finds "שב״כ"): the pattern list itself is the dictionary that checks the stripped word.
 */
const MAX_HEBREW_PREFIXES = 2;
const isHebrewPrefix = (c: number) =>
  c === 0x5d5 || c === 0x5d4 || c === 0x5d1 || c === 0x5dc || c === 0x5de || c === 0x5e9 || c === 0x5db;

export function loadMatcher(data: MatcherData): Matcher {
  if (data.version !== 2) throw new Error(`unsupported matcher data version ${String(data.version)}`);
  const size = data.size;
  const alphabetSize = data.alphabet.length;
  const count = data.count;

  const digits = b64Digits();
  // Outputs: slot -> output index k; patterns outStart[k]..outStart[k+1]-1 end there.
  const outAt = new Int32Array(size).fill(-1);
  const baseOut = new Int32Array(size);
  const outStream = new Int32Array(data.outs.length);
  const outPairs = unpack(data.outs, outStream) >> 1;
  const outStart = new Int32Array(outPairs + 1);
  const endSlot = new Int32Array(count);
  {
    let pos = 0;
    let next = 0;
    for (let k = 0; k < outPairs; k++) {
      pos += outStream[2 * k]!;
      outAt[pos] = k;
      baseOut[pos] = 1;
      outStart[k] = next;
      const n = outStream[2 * k + 1]!;
      endSlot.fill(pos, next, next + n);
      next += n;
    }
    outStart[outPairs] = next;
  }

  // Double array: base << 1 | ends-a-pattern (the walk reads one entry per step for
  // both), and check, padded so base + label never reads past its end.
  const check = new Int32Array(size + alphabetSize + 1).fill(-1);
  check[0] = -2;
  {
    // One pass over the packed slots: label id (0 = free), then parent delta.
    const s = data.trie;
    let t = 1;
    let label = 0;
    let parent = 0;
    let v = 0;
    let shift = 0;
    for (let i = 0; i < s.length; i++) {
      const d = digits[s.charCodeAt(i)]!;
      v |= (d & 31) << shift;
      if (d & 32) {
        shift += 5;
        continue;
      }
      if (label === 0) {
        if (v === 0) t++;
        else label = v;
      } else {
        parent += v & 1 ? -((v + 1) >>> 1) : v >>> 1;
        check[t] = parent;
        baseOut[parent] = ((t - label) << 1) | (baseOut[parent]! & 1);
        t++;
        label = 0;
      }
      v = 0;
      shift = 0;
    }
  }

  const meta = new Int32Array(count);
  unpack(data.meta, meta);
  const exactList = data.exact.length > 0 ? data.exact.split('\n') : [];
  const exact: (string | undefined)[] = new Array<string | undefined>(count);
  const outFlags = new Uint8Array(outPairs);
  for (let k = 0, e = 0; k < outPairs; k++) {
    let f = 0;
    for (let pi = outStart[k]!; pi < outStart[k + 1]!; pi++) {
      const m = meta[pi]!;
      if (m & PF_CASE) {
        exact[pi] = exactList[e++];
        f |= OF_CASE;
      } else f |= m & PF_PREFIX || !(m & PF_LAST_WORD) ? OF_ALWAYS : OF_BOUNDARY;
    }
    outFlags[k] = f;
  }

  // One read per code unit: alphabet id << 2 | may-start << 1 | is-word.
  const info = new Uint16Array(65536);
  for (const [from, to] of WORD_RANGES) info.fill(I_WORD, from, to + 1);
  for (const c of WORD_EXCEPTIONS) info[c] = 0;
  const setId = (c: number, id: number) => {
    info[c] = (info[c]! & I_WORD) | (id << 2) | (alphabet.charCodeAt(id - 1) === 0x20 ? 0 : I_START);
  };
  const alphabet = data.alphabet;
  for (let i = 0; i < alphabetSize; i++) setId(alphabet.charCodeAt(i), i + 1);
  {
    const folds = new Int32Array(data.folds.length);
    const n = unpack(data.folds, folds);
    let c = 0;
    for (let r = 0; r < n; r += 2) {
      c += folds[r]!;
      setId(c, folds[r + 1]!);
    }
  }
  // -1 when no pattern has a space, so it never equals a real id (or 0).
  const spaceId = alphabet.indexOf(' ') + 1 || -1;

  /** Letter case (and width) check for case-sensitive patterns. */
  const sameCase = (text: string, start: number, end: number, want: string): boolean => {
    let m = 0;
    let prevSpace = false;
    for (let k = start; k < end; k++) {
      const c = widthFoldChar(text.charCodeAt(k));
      if (c === 0x20) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      if (want.charCodeAt(m) !== c) return false;
      m++;
    }
    return m === want.length;
  };

  /** Appends every pattern valid at this end to `into`; returns how many. */
  const accept = (text: string, start: number, end: number, k: number, into: Hit[] | undefined): number => {
    const endsWordRun = end < text.length && (info[text.charCodeAt(end)]! & I_WORD) !== 0;
    let n = 0;
    for (let pi = outStart[k]!; pi < outStart[k + 1]!; pi++) {
      const m = meta[pi]!;
      if (endsWordRun && (m & (PF_PREFIX | PF_LAST_WORD)) === PF_LAST_WORD) continue;
      if (m & PF_CASE && !sameCase(text, start, end, exact[pi]!)) continue;
      if (into) into.push({ pattern: pi, start, end });
      n++;
    }
    return n;
  };

  const root = baseOut[0]! >> 1;
  const scan = (text: string, hits: Hit[], from = 0, to = text.length): number => {
    const n = text.length;
    let prevWord = from > 0 ? info[text.charCodeAt(from - 1)]! & I_WORD : 0;
    let i = from;
    // Hebrew prefix letters already stepped over at this word start (see isHebrewPrefix).
    let stripped = 0;
    while (i < to) {
      const v = info[text.charCodeAt(i)]!;
      const prefixes = stripped;
      stripped = 0;
      // Only word starts (or non-word characters such as CJK) can start a match.
      if ((v & I_START) === 0) {
        if (prevWord === 0 && prefixes < MAX_HEBREW_PREFIXES && isHebrewPrefix(text.charCodeAt(i))) {
          // A prefix letter that no pattern starts with: the rest of the word may still match.
          stripped = prefixes + 1;
          i++;
          continue;
        }
        prevWord = v & I_WORD;
        i++;
        continue;
      }
      if ((v & prevWord) !== 0) {
        // Inside a word: skip to its end (prevWord stays 1).
        i++;
        while (i < to && (info[text.charCodeAt(i)]! & I_WORD) !== 0) i++;
        continue;
      }
      // First step inline: most starts fail right at the root.
      let s = root + (v >> 2);
      if (check[s] !== 0) {
        if (prefixes < MAX_HEBREW_PREFIXES && isHebrewPrefix(text.charCodeAt(i))) {
          // Try the rest of the word as its own start.
          stripped = prefixes + 1;
          prevWord = 0;
          i++;
          continue;
        }
        prevWord = v & I_WORD;
        i++;
        if (prevWord !== 0) while (i < to && (info[text.charCodeAt(i)]! & I_WORD) !== 0) i++;
        continue;
      }
      let cur = baseOut[s]!;
      let j = i + 1;
      let bestEnd = -1;
      let bestOut = -1;
      let prevSpace = false;
      // Whether every character walked so far is a word character.
      let inWord = v & I_WORD;
      if ((cur & 1) !== 0 && accept(text, i, j, outAt[s]!, undefined) > 0) {
        bestEnd = j;
        bestOut = outAt[s]!;
      }
      while (j < n) {
        const w = info[text.charCodeAt(j)]!;
        const a = w >> 2;
        const t = (cur >> 1) + a;
        // Label 0 (not in the alphabet) never passes: slot base + 0 is no child of s.
        if (check[t] !== s) {
          // Keys hold single spaces, so a second space never has a transition: skip it.
          if (prevSpace && a === spaceId) {
            j++;
            continue;
          }
          break;
        }
        prevSpace = a === spaceId;
        inWord &= w;
        s = t;
        cur = baseOut[t]!;
        j++;
        if ((cur & 1) !== 0) {
          const k = outAt[t]!;
          const f = outFlags[k]!;
          if (
            f & OF_ALWAYS ||
            (f & OF_BOUNDARY && (j >= n || (info[text.charCodeAt(j)]! & I_WORD) === 0)) ||
            (f & OF_CASE && accept(text, i, j, k, undefined) > 0)
          ) {
            bestEnd = j;
            bestOut = k;
          }
        }
      }
      if (bestEnd < 0) {
        if (prefixes < MAX_HEBREW_PREFIXES && isHebrewPrefix(text.charCodeAt(i))) {
          stripped = prefixes + 1;
          prevWord = 0;
          i++;
          continue;
        }
        // No match from here. If the walk never left the word, no position
        // inside it can start a match either.
        if (inWord !== 0 && j > i + 1) {
          i = j;
          prevWord = 1;
        } else {
          prevWord = v & I_WORD;
          i++;
        }
        continue;
      }
      accept(text, i, bestEnd, bestOut, hits);
      i = bestEnd;
      prevWord = info[text.charCodeAt(i - 1)]! & I_WORD;
    }
    return i;
  };

  const entities = data.patterns;
  const term = (pi: number) => (meta[pi]! & 16 ? meta[pi]! >> 5 : -1);
  const entity = (pi: number) => (meta[pi]! & 16 ? -1 : meta[pi]! >> 5);
  const text = (pi: number): string => {
    const e = exact[pi];
    if (e !== undefined) return e;
    let out = '';
    for (let s = endSlot[pi]!; s > 0; s = check[s]!)
      out = data.alphabet.charAt(s - (baseOut[check[s]!]! >> 1) - 1) + out;
    return out;
  };
  let records: CompiledPattern[] | undefined;
  return {
    count,
    get patterns() {
      records ??= Array.from({ length: count }, (_, pi): CompiledPattern => {
        const e = entities[entity(pi)];
        const m = meta[pi]!;
        return {
          text: text(pi),
          id: e?.id ?? '',
          kind: e?.kind,
          ...(e?.cls ? { verdictClass: e.cls } : {}),
          term: term(pi),
          caseSensitive: (m & PF_CASE) !== 0,
          requiresContext: (m & PF_CONTEXT) !== 0,
          prefix: (m & PF_PREFIX) !== 0,
        };
      });
      return records;
    },
    term,
    id: (pi) => entities[entity(pi)]?.id ?? '',
    kind: (pi) => entities[entity(pi)]?.kind,
    verdictClass: (pi) => entities[entity(pi)]?.cls,
    requiresContext: (pi) => (meta[pi]! & PF_CONTEXT) !== 0,
    text,
    scan,
    findAll(t) {
      const hits: Hit[] = [];
      scan(t, hits);
      return hits;
    },
  };
}
