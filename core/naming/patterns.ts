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

export function compilePatterns(file: PatternFile): CompiledPatterns {
  const compiled = file.patterns.map((p) => ({
    p,
    anchored: new RegExp(`^(?:${p.regex})$`, p.caseSensitive ? 'u' : 'iu'),
    scan: new RegExp(`${before}(?:${p.regex})${after}`, p.caseSensitive ? 'gu' : 'giu'),
    exclude: new Set(p.excludeWord ?? []),
  }));
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
      const m = c.anchored.exec(t);
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
      c.scan.lastIndex = 0;
      for (let m = c.scan.exec(text); m; m = c.scan.exec(text)) {
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
