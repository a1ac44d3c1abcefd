/**
 * Names an espionage article introduces that the knowledge base does not know: "a new backdoor
 * dubbed BRICKSTORM", "the ShadowPad backdoor", "名为BRICKSTORM的后门", "BRICKSTORMと呼ばれるバックドア".
 * The words that introduce a name are data (each lexicon's `introducers`); the words that are never
 * a new name are data too (assets/naming/introduced-stop.json). Only a name-like token next to an
 * introducer counts: in Latin-script text a CamelCase word, letters with digits or a word in capitals
 * (a plain capitalised word only right after a naming word), in other scripts a word in Latin letters.
 * Runs after the verdict, on espionage pages only; each language's expressions are compiled once. Pure.
 */
import stopData from '../../assets/naming/introduced-stop.json';
import type { IntroducedKind, PlacedPatternName } from '../page-state';
import { introducersFor, ROLES, type Cue, type Span } from './introducer-cues';
import type { LexiconFile } from './lexicon';
import {
  GAP_AFTER_KIND,
  headingAt,
  isLatinLetterish,
  listedWith,
  MAX_GAP,
  runAfter,
  shape,
  titleCaseAt,
  tokenBefore,
  type Token,
} from './name-tokens';

export type { Span } from './introducer-cues';

/** At most this many distinct names per page are reported (each with every occurrence). */
export const MAX_INTRODUCED_NAMES = 10;
/** The longest introducing phrase quoted. */
const MAX_WORDS = 80;

let stopWords: Set<string> | undefined;
let ordinary: WeakMap<readonly LexiconFile[], Set<string>> | undefined;
/** Words that are never a new name: the stop list, every lexicon term's label and every introducer word. */
function isOrdinary(word: string, files: readonly LexiconFile[]): boolean {
  stopWords ??= new Set((stopData as { words: string[] }).words);
  ordinary ??= new WeakMap();
  let set = ordinary.get(files);
  if (!set) {
    set = new Set<string>();
    for (const f of files) {
      // Each term's first form only: the worker's lexicon keeps no more (runtimeLexiconFile), and Node must agree.
      for (const t of f.terms) if (t.texts[0]) set.add(t.texts[0].toLowerCase());
      for (const r of ROLES) for (const x of f.introducers?.[r] ?? []) set.add(x.replace(/\*$/, '').toLowerCase());
    }
    ordinary.set(files, set);
  }
  const w = word.toLowerCase();
  return stopWords.has(w) || set.has(w);
}

let campaignWords: WeakMap<readonly LexiconFile[], Set<string>> | undefined;
function isCampaignWord(word: string, files: readonly LexiconFile[]): boolean {
  campaignWords ??= new WeakMap();
  let set = campaignWords.get(files);
  if (!set) {
    set = new Set(files.flatMap((f) => (f.introducers?.campaign ?? []).map((x) => x.toLowerCase())));
    campaignWords.set(files, set);
  }
  return set.has(word.toLowerCase());
}

export interface IntroducedInput {
  /** The page's text (headline line included). */
  text: string;
  /** The page's detected language ("zh-Hans", "de"): its lexicon's introducer words are read. */
  lang: string;
  /** Knowledge-base mentions (headline included) and the pattern names already found. */
  known: readonly Span[];
  files: readonly LexiconFile[];
  /** A name that fits a vendor naming pattern is listed as such, not here. */
  isPatternName?: (name: string) => boolean;
}

interface Candidate {
  name: Token;
  kind: IntroducedKind;
  words: Span;
}

function reasonable(
  t: Token,
  text: string,
  input: IntroducedInput,
  knownTexts: Set<string>,
  seen: Map<string, boolean>,
): boolean {
  const name = t.text;
  if (name.length < 4 || name.length > 40) return false;
  // A hash, or part of a detection name or a path ("Trojan:MSIL/…", "HEUR:…", "Win32.Agent").
  if (/^[0-9a-f]{12,}$/i.test(name)) return false;
  if (/[:/\\.@_]/.test(text[t.start - 1] ?? '') || /^[:/\\@_]|^\.[A-Za-z0-9]/.test(text.slice(t.end, t.end + 2)))
    return false;
  if (/^\d/.test(name) || /^(cve|cwe|ghsa|cnvd|jvn)\b/i.test(name) || /^T\d{4}/.test(name)) return false;
  const words = name.split(/[\s-]+/);
  // "Operation Silent Harbor": a campaign word may lead a longer name.
  const lead = words.length > 1 && isCampaignWord(words[0]!, input.files) ? 1 : 0;
  if (words.slice(lead).some((w) => isOrdinary(w, input.files)) || isOrdinary(name, input.files)) return false;
  if (input.known.some((k) => k.start < t.end && t.start < k.end)) return false;
  // What holds for the name wherever it stands is decided once per page.
  let whole = seen.get(name);
  if (whole === undefined) seen.set(name, (whole = nameStands(name, text, input, knownTexts)));
  if (!whole) return false;
  // A word in capitals inside a line in capitals is a shouted headline, not a name.
  if (/^[A-Z0-9-]+$/.test(name)) {
    const around = text.slice(Math.max(0, t.start - 30), Math.min(text.length, t.end + 30));
    const capsWords = around.match(/\b[A-Z]{2,}\b/g) ?? [];
    if (capsWords.length >= 4) return false;
  }
  return true;
}

/** Not a known name, not a pattern name, and not written in lower case elsewhere ("Windows" and "windows"). */
function nameStands(name: string, text: string, input: IntroducedInput, knownTexts: Set<string>): boolean {
  if (knownTexts.has(name.toLowerCase())) return false;
  if (input.isPatternName?.(name)) return false;
  const lower = name.toLowerCase();
  if (lower !== name)
    for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1))
      if (!isLatinLetterish(text.charCodeAt(at - 1)) && !isLatinLetterish(text.charCodeAt(at + lower.length)))
        return false;
  return true;
}

/** The kind word nearest a naming word, within a few words before it or right after the name. */
function kindNear(cues: readonly Cue[], i: number, nameEnd: number, text: string, before: number): Cue | undefined {
  const c = cues[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const k = cues[j]!;
    if (c.start - k.end > before) break;
    if (k.role === 'naming' || k.role === 'nameFirst') continue;
    const between = text.slice(k.end, c.start);
    if (/[.!?。！？\n]/.test(between)) break;
    // "a new backdoor, which researchers dubbed": at most three words between.
    if ((between.match(/[^\s,;:]+/g) ?? []).length > 3) break;
    return k;
  }
  for (let j = i + 1; j < cues.length; j++) {
    const k = cues[j]!;
    if (k.start < nameEnd) continue;
    if (k.start - nameEnd > MAX_GAP + 1) break;
    if (k.role !== 'naming' && k.role !== 'nameFirst') return k;
  }
  return undefined;
}

/**
 * The names the article introduces, each with its kind, the words that introduced it and every
 * occurrence (offsets in `text`), at most MAX_INTRODUCED_NAMES names, in order of first occurrence.
 */
export function introducedNamesIn(input: IntroducedInput): PlacedPatternName[] {
  const { text } = input;
  const intro = introducersFor(input.lang, input.files);
  if (!intro) return [];
  const cues = intro.cues(text);
  if (cues.length === 0) return [];
  const foreign = intro.foreignScript;
  const knownTexts = new Set(input.known.map((k) => text.slice(k.start, k.end).toLowerCase()));
  const seen = new Map<string, boolean>();
  // How far before a naming word its kind word may stand ("a new backdoor, which researchers dubbed").
  const reach = foreign ? 12 : 40;
  const found: Candidate[] = [];
  const add = (name: Token | undefined, kind: Cue | undefined, from: number, to: number) => {
    if (!name || !kind || kind.role === 'naming' || kind.role === 'nameFirst') return;
    // The other names of a list the name stands in, away from the introducing words.
    const listed = listedWith(text, name, name.end <= from ? 'before' : 'after', intro.joins, foreign);
    for (const n of [name, ...listed])
      if (reasonable(n, text, input, knownTexts, seen))
        found.push({ name: n, kind: kind.role, words: { start: from, end: to } });
  };
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i]!;
    // A kind word in capitals is shouted ("ET TROJAN", a headline), not an introduction.
    const cueText = text.slice(c.start, c.end);
    if (cueText.length >= 4 && /\p{Lu}/u.test(cueText) && !/\p{Ll}/u.test(cueText)) continue;
    if (c.role === 'naming') {
      let name = runAfter(text, c.end, true, foreign);
      // In a title-case line a capitalised word says nothing: only a name by its form counts there.
      if (name && !foreign && shape(name.text.split(' ')[0]!) !== 'strong' && titleCaseAt(text, c.start))
        name = runAfter(text, c.end, false, foreign);
      if (!name) continue;
      const k = kindNear(cues, i, name.end, text, reach);
      if (k) add(name, k, Math.min(k.start, c.start), Math.max(k.end, c.end));
    } else if (c.role === 'nameFirst') {
      const name = tokenBefore(text, c.start, foreign, false);
      if (!name) continue;
      // The kind word follows ("BRICKSTORM adlı arka kapı") or stands before the name.
      let k: Cue | undefined;
      for (let j = i + 1; j < cues.length && cues[j]!.start - c.end <= reach; j++)
        if (cues[j]!.role !== 'naming' && cues[j]!.role !== 'nameFirst') {
          k = cues[j];
          break;
        }
      k ??= kindNear(cues, i, c.end, text, reach);
      if (k) add(name, k, Math.min(c.start, k.start), Math.max(c.end, k.end));
    } else {
      // A kind word: the name right before it ("the ShadowPad backdoor") or right after ("后门BRICKSTORM").
      const next = cues[i + 1];
      const nextIsNaming = next && (next.role === 'naming' || next.role === 'nameFirst') && next.start - c.end < 40;
      add(tokenBefore(text, c.start, foreign, !foreign), c, c.start, c.end);
      if (nextIsNaming) continue;
      // "Operation Triangulation": the campaign word written as part of the name.
      const capitalCampaign = c.role === 'campaign' && !foreign && /^\p{Lu}/u.test(text[c.start]!);
      const after = runAfter(text, c.end, capitalCampaign, foreign, GAP_AFTER_KIND);
      if (
        after &&
        capitalCampaign &&
        !titleCaseAt(text, c.start) &&
        !headingAt(text, c.start) &&
        // "Global Malware Campaign Pilfers Data", "The Parliamentarian Operation": part of a longer title.
        !/\p{Lu}[\p{L}’']*\s+$/u.test(text.slice(Math.max(0, c.start - 30), c.start))
      )
        add({ text: text.slice(c.start, after.end), start: c.start, end: after.end }, c, c.start, c.end);
      else if (capitalCampaign) add(runAfter(text, c.end, false, foreign, GAP_AFTER_KIND), c, c.start, c.end);
      else add(after, c, c.start, c.end);
    }
  }
  return place(text, found, input.known);
}

/** Each distinct name once (its first introduction), with every occurrence outside known spans. */
function place(text: string, found: readonly Candidate[], known: readonly Span[]): PlacedPatternName[] {
  const byName = new Map<string, Candidate>();
  for (const f of [...found].sort((a, b) => a.name.start - b.name.start))
    if (!byName.has(f.name.text) && byName.size < MAX_INTRODUCED_NAMES) byName.set(f.name.text, f);
  const out: PlacedPatternName[] = [];
  // Longer names first, so "GhostSecret" is not placed again inside "Operation GhostSecret".
  for (const [name, f] of [...byName].sort((a, b) => b[0].length - a[0].length)) {
    const words = text.slice(f.words.start, f.words.end).replace(/\s+/g, ' ').trim().slice(0, MAX_WORDS);
    const introduced = { kind: f.kind, words };
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (isLatinLetterish(text.charCodeAt(at - 1)) || isLatinLetterish(text.charCodeAt(end))) continue;
      if (known.some((k) => k.start < end && at < k.end)) continue;
      if (out.some((o) => o.start < end && at < o.end)) continue;
      out.push({ text: name, start: at, end, introduced });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
