/**
 * Multi-pattern matcher: a trie stored as a double array over a small
 * alphabet, walked only from positions where a match may start (word starts
 * for Latin script, every character for CJK). Per character the scan costs
 * two table reads; the work does not grow with the number of aliases.
 *
 * compileMatcher() runs at build time and returns plain JSON; loadMatcher()
 * turns that into typed arrays without rebuilding the trie.
 */
import type { Kind } from '../kb/schema';
import { CLS_WORD, caseFold, charClasses, foldString, widthFold } from './chars';
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
  /** Lexicon term index, or -1 for knowledge-base patterns. */
  term: number;
  caseSensitive: boolean;
  requiresContext: boolean;
  prefix: boolean;
}

/** Serialisable form (plain JSON). */
export interface MatcherData {
  version: 1;
  patterns: CompiledPattern[];
  /** Folded code units; alphabet id = index + 1. */
  alphabet: number[];
  base: number[];
  check: number[];
  /** Double-array positions that end at least one pattern, ascending. */
  outPos: number[];
  /** outList[outStart[k]..outStart[k+1]) are the pattern indexes ending at outPos[k]. */
  outStart: number[];
  outList: number[];
}

export interface Hit {
  /** Index into matcher.patterns. */
  pattern: number;
  start: number;
  end: number;
}

export interface Matcher {
  readonly patterns: readonly CompiledPattern[];
  /**
   * Finds matches starting in [from, to) (a match may extend past `to`) and
   * appends them to `hits`. Returns where the next scan should start.
   */
  scan(text: string, hits: Hit[], from?: number, to?: number): number;
  findAll(text: string): Hit[];
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

  const alphaIds = new Map<number, number>();
  const alphabet: number[] = [];
  const nodes: TrieNode[] = [{ children: new Map(), outs: [] }];
  patterns.forEach((p, index) => {
    const key = foldString(p.text, true);
    if (key.length === 0) return;
    let n = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let a = alphaIds.get(c);
      if (a === undefined) {
        alphabet.push(c);
        a = alphabet.length;
        alphaIds.set(c, a);
      }
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
  const outPos: number[] = [];
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
  const outStart: number[] = [];
  const outList: number[] = [];
  for (const pos of [...outLists.keys()].sort((x, y) => x - y)) {
    outPos.push(pos);
    outStart.push(outList.length);
    outList.push(...outLists.get(pos)!);
  }
  outStart.push(outList.length);
  return { version: 1, patterns, alphabet, base, check, outPos, outStart, outList };
}

export function loadMatcher(data: MatcherData): Matcher {
  if (data.version !== 1) throw new Error(`unsupported matcher data version ${String(data.version)}`);
  const cls = charClasses();
  const fold = caseFold();
  const wfold = widthFold();
  const size = data.check.length;
  const base = Int32Array.from(data.base);
  const check = Int32Array.from(data.check);
  const outAt = new Int32Array(size).fill(-1);
  data.outPos.forEach((pos, k) => (outAt[pos] = k));
  const outStart = Int32Array.from(data.outStart);
  const outList = Int32Array.from(data.outList);
  const patterns = data.patterns;
  const exact = patterns.map((p) => (p.caseSensitive ? foldString(p.text, false) : ''));
  const lastIsWord = patterns.map((p) => {
    const f = foldString(p.text, false);
    return f.length > 0 && cls[f.charCodeAt(f.length - 1)] === CLS_WORD;
  });

  const idOfFolded = new Uint16Array(65536);
  data.alphabet.forEach((c, i) => (idOfFolded[c] = i + 1));
  // One read per character: alphabet id << 1 | is-word-character.
  const info = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) info[c] = (idOfFolded[fold[c]!]! << 1) | (cls[c] === CLS_WORD ? 1 : 0);
  const spaceId = idOfFolded[0x20]!;

  /** Letter case (and width) check for case-sensitive patterns. */
  const sameCase = (text: string, start: number, end: number, want: string): boolean => {
    let m = 0;
    let prevSpace = false;
    for (let k = start; k < end; k++) {
      const c = wfold[text.charCodeAt(k)]!;
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
  const accept = (text: string, start: number, end: number, k: number, into: number[] | undefined): number => {
    const endsWordRun = end < text.length && cls[text.charCodeAt(end)] === CLS_WORD;
    let n = 0;
    for (let j = outStart[k]!; j < outStart[k + 1]!; j++) {
      const pi = outList[j]!;
      const p = patterns[pi]!;
      if (endsWordRun && !p.prefix && lastIsWord[pi]) continue;
      if (p.caseSensitive && !sameCase(text, start, end, exact[pi]!)) continue;
      if (into) into.push(pi);
      n++;
    }
    return n;
  };

  const found: number[] = [];
  const scan = (text: string, hits: Hit[], from = 0, to = text.length): number => {
    const n = text.length;
    let prevWord = from > 0 ? info[text.charCodeAt(from - 1)]! & 1 : 0;
    let i = from;
    while (i < to) {
      const v = info[text.charCodeAt(i)]!;
      const isWord = v & 1;
      // Only word starts (or non-word characters such as CJK) can start a match.
      if (v < 2 || (isWord & prevWord) === 1 || v >> 1 === spaceId) {
        prevWord = isWord;
        i++;
        continue;
      }
      let s = 0;
      let j = i;
      let bestEnd = -1;
      let bestOut = -1;
      let prevSpace = false;
      while (j < n) {
        const aj = info[text.charCodeAt(j)]! >> 1;
        if (aj === 0) break;
        if (aj === spaceId) {
          if (prevSpace) {
            j++;
            continue;
          }
          prevSpace = true;
        } else prevSpace = false;
        const t = base[s]! + aj;
        if (t >= size || check[t] !== s) break;
        s = t;
        j++;
        const k = outAt[s]!;
        if (k >= 0 && accept(text, i, j, k, undefined) > 0) {
          bestEnd = j;
          bestOut = k;
        }
      }
      if (bestEnd < 0) {
        prevWord = isWord;
        i++;
        continue;
      }
      found.length = 0;
      accept(text, i, bestEnd, bestOut, found);
      for (const pi of found) hits.push({ pattern: pi, start: i, end: bestEnd });
      i = bestEnd;
      prevWord = info[text.charCodeAt(i - 1)]! & 1;
    }
    return i;
  };

  return {
    patterns,
    scan,
    findAll(text) {
      const hits: Hit[] = [];
      scan(text, hits);
      return hits;
    },
  };
}
