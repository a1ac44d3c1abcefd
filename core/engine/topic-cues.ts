/**
 * Compiles the topic gate's cue list at build time (scripts/kb-build.ts writes it to
 * .generated/topic-cues.ts; core/engine/topic-gate.ts matches it on every page). Sources: the
 * lexicons' hacking and espionage terms in every language, the knowledge base's names of entries
 * whose kind counts as hacking evidence, and the code-name forms of the vendor naming patterns.
 * The list is kept small: every cue is normalised like the page text, short Latin-script cues get
 * word boundaries, and a cue that contains another cue is dropped (the shorter one already
 * matches everywhere the longer one would). Pure module; build-time only.
 */
import type { Kind } from '../kb/kinds';
import type { LexiconFile, LexiconModel } from './lexicon';
import type { MatcherPattern } from './types';
import { bucketCues, normaliseForCues, type TopicCues } from './topic-gate';

/**
 * A term is a topic cue when it weighs this much as hacking evidence, or this much as espionage
 * evidence: the verdict needs both kinds (min(C, S) in classify.ts), so an espionage article
 * carries strong hacking terms; weak ones ("attributed to", 0.2) would only let more pages in.
 */
export const MIN_HACKING_WEIGHT = 0.4;
export const MIN_ESPIONAGE_WEIGHT = 1.5;
/** A knowledge-base name counts when its entry's kind weighs this much as hacking evidence. */
export const MIN_NAME_HACKING_WEIGHT = 1.5;

/** A one-word cue of a spaced script keeps its stem: all but its last STEM_CUT letters, at least STEM_CHARS. */
export const STEM_CHARS = 6;
export const STEM_CUT = 3;
/** A one-word name shorter than this (without digits) is an ordinary word too often ("Major", "Rocke"). */
export const MIN_NAME_CHARS = 6;

/** Code names ("APT 28", "TA453", "UNC5221"): letters, then digits; the digits become wildcards. */
const CODE_NAME = /^ ?[a-z]{2,5}( ?[a-z])? ?\d{1,5}$/;

/** "apt 28" → " apt ##": one cue for every group of the same vendor scheme. */
export function generaliseCode(cue: string): string {
  return CODE_NAME.test(cue) ? ` ${cue.trim().replace(/\d/g, '#')}` : cue;
}

/** Scripts written without spaces between words (or with prefixes glued on, as Arabic's "ال" and Hebrew's ו ה ב ל מ ש כ). */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}]/u;

export interface CueSources {
  lexicons: readonly LexiconFile[];
  model: Pick<LexiconModel, 'kinds'>;
  names: readonly Pick<MatcherPattern, 'text' | 'kind' | 'requiresContext'>[];
  /** Regular-expression sources of the naming patterns (assets/naming/patterns.json). */
  patternRegexes?: readonly string[];
  /** Ordinary words (assets/naming/common-words.json), never a name's distinctive word. */
  commonWords?: readonly string[];
}

export interface CompiledCues {
  /** What the gate reads (key filter and cue checks). */
  cues: TopicCues;
  /** The cues, shortest first. */
  list: string[];
  count: number;
  /** Where the cues came from, before dropping contained ones. */
  fromLexicons: number;
  fromNames: number;
  fromPatterns: number;
}

/**
 * One surface form as a cue, or undefined when it is too short to tell anything. Latin, Greek and
 * Cyrillic forms of up to 3 letters must be a whole word, of 4–5 letters a word start; longer ones
 * and unspaced scripts match anywhere (German and Dutch compounds, Japanese, Arabic prefixes).
 */
export function toCue(form: string, stem = true): string | undefined {
  const n = normaliseForCues(form).trim();
  if (n.length === 0) return undefined;
  if (UNSPACED.test(n)) return [...n].length >= 2 ? n : undefined;
  if (n.length < 2) return undefined;
  if (n.length <= 3) return ` ${n} `;
  if (n.length <= 5) return ` ${n}`;
  // One long word becomes its stem, so inflections and compounds share one cue
  // ("hackers", "hacking", "Hackerangriff" → "hacker"-like stems; "spionage" inside "Industriespionage").
  return !stem || n.includes(' ') || /\d/.test(n) ? n : n.slice(0, Math.max(STEM_CHARS, n.length - STEM_CUT));
}

/**
 * The code-name part of a naming pattern ("Storm-\d{4}" → " storm ####"): its literal start and
 * digit runs. Patterns whose free part is a word ("Earth ([A-Z]…)", "… Typhoon") give none: their
 * family words alone are weather, animals and metals, and such names come with hacking terms.
 */
export function patternCue(regex: string): string | undefined {
  let out = '';
  let digits = false;
  let i = 0;
  while (i < regex.length) {
    const ch = regex[i]!;
    if (ch === '\\' && regex[i + 1] === 'd') {
      const q = /^\{(\d+)(?:,\d*)?\}|^\+/.exec(regex.slice(i + 2));
      out += '#'.repeat(q?.[1] ? Number(q[1]) : 1);
      digits = true;
      i += 2 + (q ? q[0].length : 0);
    } else if (ch === '\\' && regex[i + 1] === '.') {
      out += ' ';
      i += 2;
    } else if (/[A-Za-z0-9 -]/.test(ch)) {
      out += ch;
      i++;
    } else break;
  }
  if (!digits || i < regex.length) return undefined;
  // "#" is not a word character: normalise the literal runs only.
  const norm = out
    .split(/(#+)/)
    .map((part) => (part.startsWith('#') ? part : normaliseForCues(part)))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
  return ` ${norm}`;
}

/** Drops every cue that contains another cue (it could only match where the other does). */
export function pruneContained(cues: Iterable<string>): string[] {
  const sorted = [...new Set(cues)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const c of sorted) {
    if (kept.some((k) => (k.includes('#') || c.includes('#') ? wildContains(c, k) : c.includes(k)))) continue;
    kept.push(c);
  }
  return kept;
}

/** Whether `outer` contains `inner` where "#" in inner matches a digit or "#" in outer. */
function wildContains(outer: string, inner: string): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    let ok = true;
    for (let j = 0; j < inner.length && ok; j++) {
      const a = inner[j]!;
      const b = outer[i + j]!;
      ok = a === '#' ? b === '#' || (b >= '0' && b <= '9') : a === b;
    }
    if (ok) return true;
  }
  return false;
}

export function compileTopicCues(src: CueSources): CompiledCues {
  const fromLex: string[] = [];
  for (const file of src.lexicons)
    for (const t of file.terms) {
      if ((t.p ?? 0) > 0) continue;
      if ((t.c ?? 0) < MIN_HACKING_WEIGHT && (t.s ?? 0) < MIN_ESPIONAGE_WEIGHT) continue;
      for (const form of t.texts) {
        const c = toCue(form);
        if (c) fromLex.push(c);
      }
    }
  const hacking = (k: Kind) => (src.model.kinds[k]?.c ?? 0) >= MIN_NAME_HACKING_WEIGHT;
  const common = new Set((src.commonWords ?? []).map((w) => normaliseForCues(w).trim()));
  const fromNames: string[] = [];
  for (const n of src.names) {
    // A name that is an ordinary word counts only with hacking terms nearby, which are cues.
    if (n.requiresContext || !hacking(n.kind)) continue;
    const norm = normaliseForCues(n.text).trim();
    if (
      common.has(norm) ||
      (!norm.includes(' ') && !/\d/.test(norm) && !UNSPACED.test(norm) && norm.length < MIN_NAME_CHARS)
    )
      continue;
    const c = toCue(n.text, false);
    if (c) fromNames.push(generaliseCode(c));
  }
  const fromPatterns: string[] = [];
  for (const r of src.patternRegexes ?? []) {
    const c = patternCue(r);
    if (c) fromPatterns.push(c);
  }
  const kept = pruneContained([...fromLex, ...fromNames, ...fromPatterns]);
  return {
    cues: bucketCues(kept),
    list: kept,
    count: kept.length,
    fromLexicons: fromLex.length,
    fromNames: fromNames.length,
    fromPatterns: fromPatterns.length,
  };
}
