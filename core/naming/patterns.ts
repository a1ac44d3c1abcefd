/**
 * Vendor naming patterns (assets/naming/patterns.json): names such as "Storm-2603", "UNC5221" or
 * "Brass Typhoon" that fit a vendor's scheme. findPatternNames() finds such names in a text that the
 * knowledge base did not already match, so the reader can be told what the pattern means.
 * Strict on purpose: every pattern needs a hacking term nearby, and the free word of a
 * "x Typhoon" or "x Bear" name must not be a word that makes it weather, an animal or a car.
 * Pure module: runs in Node and in the browser.
 */
import * as v from 'valibot';
import patternData from '../../assets/naming/patterns.json';

export const PatternSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')),
  /** Regular-expression source for the name itself (word boundaries are added). */
  regex: v.pipe(
    v.string(),
    v.nonEmpty('must not be empty'),
    v.check((s) => {
      try {
        new RegExp(s, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid regular expression'),
  ),
  caseSensitive: v.boolean(),
  /** The vendor that coins names of this form, as shown on cards and in aliases' coinedBy. */
  coinedBy: v.pipe(v.string(), v.nonEmpty()),
  usedBy: v.pipe(v.string(), v.nonEmpty()),
  /** What a name of this form means, in our words. */
  meaning: v.pipe(v.string(), v.nonEmpty()),
  example: v.pipe(v.string(), v.nonEmpty()),
  /** The family word (named group "family") and what it tells ("Typhoon" → "China"). */
  families: v.optional(v.record(v.string(), v.pipe(v.string(), v.nonEmpty()))),
  /** Words that, as the free word (named group "free"), make the match something else. */
  excludeWord: v.optional(v.array(v.string())),
  /** A capitalised word right after the match means it is part of a longer name ("After Typhoon Haiyan"). */
  notBeforeName: v.optional(v.boolean()),
  /** The form is the vendor's alone, so a name of this form may be credited to it when the data does not say. */
  inferCoiner: v.optional(v.boolean()),
});

export const PatternFileSchema = v.object({
  contextWindow: v.pipe(v.number(), v.integer(), v.minValue(20)),
  contextTerms: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1)),
  patterns: v.array(PatternSchema),
});

export type NamingPattern = v.InferOutput<typeof PatternSchema>;
export type PatternFile = v.InferOutput<typeof PatternFileSchema>;

export interface Span {
  start: number;
  end: number;
}

export interface PatternName extends Span {
  text: string;
  patternId: string;
  /** What the family word tells, where the pattern has families ("China" for "… Typhoon"). */
  family?: string;
}

export interface CompiledPatterns {
  patterns: readonly NamingPattern[];
  /** Name fits a pattern (no context needed): the pattern, or undefined. */
  patternOf(name: string): { pattern: NamingPattern; family?: string } | undefined;
  find(text: string, known: readonly Span[]): PatternName[];
}

export class PatternFileError extends Error {
  constructor(file: string, issues: readonly v.BaseIssue<unknown>[]) {
    super(`${file}: ${issues.map((i) => `${v.getDotPath(i) ?? '(file)'}: ${i.message}`).join('; ')}`);
    this.name = 'PatternFileError';
  }
}

export function parsePatternFile(data: unknown, file = 'assets/naming/patterns.json'): PatternFile {
  const r = v.safeParse(PatternFileSchema, data);
  if (!r.success) throw new PatternFileError(file, r.issues);
  const ids = new Set<string>();
  for (const p of r.output.patterns) {
    if (ids.has(p.id)) throw new Error(`${file}: pattern id "${p.id}" is listed twice`);
    ids.add(p.id);
  }
  return r.output;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Name boundaries: not inside a word, not glued to a hyphenated code ("XUNC1234", "Storm-0558-A").
const before = '(?<![\\p{L}\\p{N}_\\-.])';
const after = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

/**
 * The same boundaries, checked in code: a regular expression with Unicode classes in lookarounds
 * costs milliseconds to compile in every fresh worker, one per pattern. ASCII is decided by its
 * code; anything else by one shared class, compiled on the first non-ASCII neighbour.
 */
let wordClass: RegExp | undefined;
function isWordPoint(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || cp === 0x5f;
  return (wordClass ??= /[\p{L}\p{N}]/u).test(String.fromCodePoint(cp));
}
function pointBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}
/** What the `before` lookbehind allows at `start`. */
function boundaryBefore(text: string, start: number): boolean {
  const cp = pointBefore(text, start);
  return !(cp === 0x2d || cp === 0x2e || isWordPoint(cp));
}
/** What the `after` lookahead allows at `end`. */
function boundaryAfter(text: string, end: number): boolean {
  const cp = text.codePointAt(end);
  if (isWordPoint(cp)) return false;
  return !(cp === 0x2d && isWordPoint(text.codePointAt(end + 1)));
}

export interface ScanPattern {
  /** The name alone, boundaries checked in code (see isWordPoint). */
  bare: RegExp;
  /** The name with its boundaries, for the rare match whose end needs a shorter try. */
  bounded: () => RegExp;
}

/** A pattern's scanner; `boundedSource` is the expression it answers for, boundaries included. */
export function scanPattern(
  p: Pick<NamingPattern, 'regex' | 'caseSensitive'>,
): ScanPattern & { boundedSource: string } {
  const flags = p.caseSensitive ? 'gu' : 'giu';
  const boundedSource = `${before}(?:${p.regex})${after}`;
  let bounded: RegExp | undefined;
  return {
    bare: new RegExp(p.regex, flags),
    bounded: () => (bounded ??= new RegExp(boundedSource, flags)),
    boundedSource,
  };
}

/**
 * The next match of the pattern with its boundaries, from `bare.lastIndex`, exactly as the
 * bounded expression would find it: a bare match failing the start boundary is retried one
 * position on; one failing only the end boundary is handed to the bounded expression from its
 * start (it may match a shorter form there, or later). Leaves `bare.lastIndex` after the match.
 */
export function nextBounded(c: ScanPattern, text: string): RegExpExecArray | null {
  const bare = c.bare;
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    const start = m.index;
    if (!boundaryBefore(text, start)) {
      bare.lastIndex = start + 1;
      continue;
    }
    if (m[0].length > 0 && boundaryAfter(text, start + m[0].length)) return m;
    const bounded = c.bounded();
    bounded.lastIndex = start;
    const b = bounded.exec(text);
    bare.lastIndex = b ? b.index + Math.max(1, b[0].length) : text.length + 1;
    return b;
  }
  return null;
}

export function compilePatterns(file: PatternFile): CompiledPatterns {
  const compiled = file.patterns.map((p) => {
    let anchored: RegExp | undefined;
    return {
      p,
      anchored: () => (anchored ??= new RegExp(`^(?:${p.regex})$`, p.caseSensitive ? 'u' : 'iu')),
      ...scanPattern(p),
      exclude: new Set(p.excludeWord ?? []),
    };
  });
  const terms = [...file.contextTerms].sort((a, b) => b.length - a.length);
  // ASCII terms are whole words; others (Chinese, Japanese) match anywhere.
  const context = new RegExp(
    terms.map((t) => (/^[\x20-\x7e]+$/.test(t) ? `(?<![A-Za-z])${escape(t)}(?![A-Za-z])` : escape(t))).join('|'),
    'giu',
  );
  const windowChars = file.contextWindow;

  const verdict = (c: (typeof compiled)[number], m: RegExpExecArray | RegExpMatchArray) => {
    const free = m.groups?.free;
    if (free !== undefined && c.exclude.has(free)) return undefined;
    const familyWord = m.groups?.family;
    const family = c.p.families && familyWord !== undefined ? c.p.families[familyWord] : undefined;
    return { pattern: c.p, ...(family ? { family } : {}) };
  };

  const patternOf: CompiledPatterns['patternOf'] = (name) => {
    const t = name.trim();
    for (const c of compiled) {
      const m = c.anchored().exec(t);
      if (!m) continue;
      const hit = verdict(c, m);
      if (hit) return hit;
    }
    return undefined;
  };

  const find: CompiledPatterns['find'] = (text, known) => {
    const out: PatternName[] = [];
    let cues: number[] | undefined;
    const hasContext = (start: number, end: number) => {
      if (!cues) {
        cues = [];
        context.lastIndex = 0;
        for (let m = context.exec(text); m; m = context.exec(text)) cues.push(m.index);
      }
      return cues.some((c) => c >= start - windowChars && c <= end + windowChars && (c < start || c >= end));
    };
    const overlaps = (s: number, e: number) =>
      known.some((k) => k.start < e && s < k.end) || out.some((o) => o.start < e && s < o.end);
    for (const c of compiled) {
      c.bare.lastIndex = 0;
      for (let m = nextBounded(c, text); m; m = nextBounded(c, text)) {
        const start = m.index;
        const end = start + m[0].length;
        const hit = verdict(c, m);
        if (!hit || overlaps(start, end)) continue;
        // "After Typhoon Haiyan": a capitalised word right after a two-word name means it is part of a longer name.
        if (c.p.notBeforeName && /^\s[A-Z][a-z]/.test(text.slice(end, end + 3))) continue;
        if (!hasContext(start, end)) continue;
        out.push({
          start,
          end,
          text: m[0],
          patternId: c.p.id,
          ...(hit.family ? { family: hit.family } : {}),
        });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };

  return { patterns: file.patterns, patternOf, find };
}

let defaults: CompiledPatterns | undefined;

/** The bundled patterns (assets/naming/patterns.json), compiled once. */
export function defaultPatterns(): CompiledPatterns {
  defaults ??= compilePatterns(parsePatternFile(patternData));
  return defaults;
}

/** Names in `text` that fit a vendor pattern and do not overlap a knowledge-base mention (`knownSpans`). */
export function findPatternNames(
  text: string,
  knownSpans: readonly Span[],
  patterns: CompiledPatterns = defaultPatterns(),
): PatternName[] {
  return patterns.find(text, knownSpans);
}
