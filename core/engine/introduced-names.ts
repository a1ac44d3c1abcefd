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
import type { Introducers, LexiconFile } from './lexicon';

/** At most this many distinct names per page are reported (each with every occurrence). */
export const MAX_INTRODUCED_NAMES = 10;
/** The longest introducing phrase quoted. */
const MAX_WORDS = 80;

export interface Span {
  start: number;
  end: number;
}

type Role = IntroducedKind | 'naming' | 'nameFirst';
interface Cue extends Span {
  role: Role;
}

export interface CompiledIntroducers {
  /** Text in this language writes names in another script (Latin names stand out). */
  foreignScript: boolean;
  cues(text: string): Cue[];
}

const ROLES: readonly Role[] = ['malware', 'group', 'campaign', 'naming', 'nameFirst'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters of the Latin, Greek and Cyrillic scripts and digits: a word form ends where they end.
const WORD = 'A-Za-z0-9_\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u1F00-\\u1FFF\\u0400-\\u04FF';
const isSpacedScript = (form: string) =>
  /^[\s\-'’\u0020-\u024F\u1E00-\u1EFF\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF]+$/.test(form);

function formSource(raw: string): string {
  const prefix = raw.endsWith('*');
  const form = raw.replace(/\*$/, '');
  const body = escape(form).replace(/ /g, '\\s+');
  // Words of scripts written without spaces (or with particles glued on) match anywhere.
  if (!isSpacedScript(form)) return body;
  const start = /^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF]/.test(form)
    ? `(?<![${WORD}])`
    : '';
  return `${start}${body}${prefix ? `[${WORD}]*` : `(?![${WORD}])`}`;
}

/** Languages whose own script is not Latin: a name in Latin letters stands out there. */
const FOREIGN_SCRIPT = new Set(['zh', 'ja', 'ko', 'ru', 'uk', 'ar', 'fa', 'he', 'hi', 'th', 'el']);

export function compileIntroducers(lang: string, words: Introducers): CompiledIntroducers {
  const exprs: { roles: Role[]; re: RegExp }[] = [];
  // One pass for the forms of every role, one for the acronyms in capitals ("RAT", "APT"); the role
  // is the group that matched, each role's forms longest first.
  for (const exact of [false, true]) {
    const roles: Role[] = [];
    const groups: string[] = [];
    for (const role of ROLES) {
      const forms = (words[role] ?? []).filter((f) => /\p{Lu}/u.test(f) === exact).sort((a, b) => b.length - a.length);
      if (forms.length === 0) continue;
      roles.push(role);
      groups.push(`(${forms.map(formSource).join('|')})`);
    }
    // Without the "u" flag: case folding of the Greek and Cyrillic ranges under "iu" costs tens of
    // milliseconds to compile in a fresh worker, and no form needs more than the BMP.
    if (groups.length) exprs.push({ roles, re: new RegExp(groups.join('|'), exact ? 'g' : 'gi') });
  }
  return {
    foreignScript: FOREIGN_SCRIPT.has(lang),
    cues(text) {
      const out: Cue[] = [];
      for (const { roles, re } of exprs) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const g = m.findIndex((x, i) => i > 0 && x !== undefined);
          out.push({ role: roles[g - 1]!, start: m.index, end: m.index + m[0].length });
        }
      }
      return out.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}

/** The lexicon file that holds a detected language's words ("zh-Hans" → "zh"). */
const fileLang = (lang: string) => (lang.startsWith('zh') ? 'zh' : lang);

const COMPILED = new Map<string, CompiledIntroducers | null>();
/** The language's introducers, compiled on first use (null when its lexicon has none). */
export function introducersFor(lang: string, files: readonly LexiconFile[]): CompiledIntroducers | null {
  const key = fileLang(lang);
  let c = COMPILED.get(key);
  if (c === undefined) {
    const words = files.find((f) => f.lang === key)?.introducers;
    c = words ? compileIntroducers(key, words) : null;
    COMPILED.set(key, c);
  }
  return c;
}

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

// A word in Latin letters: letters and digits, joined by a hyphen only before a capital or digit ("Storm-0558").
const TOKEN = /[A-Za-z0-9]+(?:-(?=[A-Z0-9])[A-Za-z0-9]+)*/y;
const isLatinLetterish = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
  c === 0x5f ||
  (c >= 0xc0 && c <= 0x24f) ||
  (c >= 0x1e00 && c <= 0x1eff);

interface Token extends Span {
  text: string;
}

/** The Latin word starting exactly at `at`, with nothing Latin glued to either side. */
function tokenAt(text: string, at: number): Token | undefined {
  if (at > 0 && isLatinLetterish(text.charCodeAt(at - 1))) return undefined;
  TOKEN.lastIndex = at;
  const m = TOKEN.exec(text);
  if (!m) return undefined;
  const end = at + m[0].length;
  if (end < text.length && isLatinLetterish(text.charCodeAt(end))) return undefined;
  return { text: m[0], start: at, end };
}

/** The Latin word ending exactly at `end`. */
function tokenEndingAt(text: string, end: number): Token | undefined {
  let s = end;
  while (s > 0 && /[A-Za-z0-9-]/.test(text[s - 1]!)) s--;
  while (s < end && text[s] === '-') s++;
  return s < end ? tokenAt(text, s) : undefined;
}

// What may stand between a naming word and the name: spaces, quotes, a hyphen, a colon, "的".
const GAP = /^[\s"'“”‘’«»「」『』《》〈〉()（）\-–:：,的の]*$/;
// Between a kind word and a name after it: no comma or closing quote ('a worm like this," DeMarre said').
const GAP_AFTER_KIND = /^[\s\-–“‘«「『《〈的の]*$/;
// Between a name and the word after it: quotes and a hyphen, no punctuation of a sentence.
const GAP_BEFORE = /^[\s"'“”‘’«»「」『』《》〈〉\-–的の]*$/;
const MAX_GAP = 4;

/** How a word looks: a name only by its form (CamelCase, letters and digits, capitals) or a plain capitalised word. */
function shape(w: string): 'strong' | 'capital' | 'plain' {
  const letters = w.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return 'plain';
  // Letters with digits ("RedNovember7", "FEC2"), not a lower-case word with a number ("stage1") nor a code ("AA20-206A").
  if (/[0-9]/.test(w)) {
    const digits = w.length - letters.length - (w.match(/-/g)?.length ?? 0);
    return /^[A-Za-z]/.test(w) && /[A-Z]/.test(w) && letters.length >= 3 && digits <= letters.length
      ? 'strong'
      : 'plain';
  }
  if (/[a-z][A-Z]/.test(w)) return 'strong';
  if (/^[A-Z]+$/.test(letters) && letters.length >= 4) return 'strong';
  if (/^[A-Z][a-z]+$/.test(w)) return 'capital';
  return 'plain';
}

/** A run of up to three name words starting at `at` (after an introducer). */
function runAfter(text: string, at: number, allowCapital: boolean, foreign: boolean, gap = GAP): Token | undefined {
  let i = at;
  while (i < text.length && i - at <= MAX_GAP && gap.test(text[i]!) && text[i] !== '\n') i++;
  if (i - at > MAX_GAP) return undefined;
  const first = tokenAt(text, i);
  if (!first) return undefined;
  const ok = (t: Token) => {
    const s = shape(t.text);
    return s === 'strong' || (s === 'capital' && (allowCapital || foreign)) || (foreign && t.text.length >= 4);
  };
  if (!ok(first)) return undefined;
  let run = first;
  // "Operation Dream Job", "Red Menshen": later words of a name are capitalised too.
  for (let n = 1; n < 3 && (allowCapital || foreign); n++) {
    if (text[run.end] !== ' ') break;
    const next = tokenAt(text, run.end + 1);
    if (!next || shape(next.text) === 'plain') break;
    run = { text: text.slice(first.start, next.end), start: first.start, end: next.end };
  }
  return run;
}

/** One name word ending right before an introducer at `at` ("ShadowPad backdoor", "BRICKSTORMと呼ばれる"). */
function tokenBefore(text: string, at: number, foreign: boolean, skipWord: boolean): Token | undefined {
  let i = at;
  while (i > 0 && at - i <= MAX_GAP && GAP_BEFORE.test(text[i - 1]!) && text[i - 1] !== '\n') i--;
  if (at - i > MAX_GAP) return undefined;
  let t = tokenEndingAt(text, i);
  // One lower-case word may stand between ("the ShadowPad modular backdoor").
  if (t && skipWord && /^[a-z]+$/.test(t.text) && t.text.length <= 12 && text[t.start - 1] === ' ')
    t = tokenEndingAt(text, t.start - 1);
  if (!t) return undefined;
  const s = shape(t.text);
  return s === 'strong' || (foreign && t.text.length >= 4) ? t : undefined;
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

/** The line around `at`, at most LINE_REACH characters each way (a page may have very long lines). */
const LINE_REACH = 300;
function lineAround(text: string, at: number): { line: string; cut: boolean } {
  let from = at;
  while (from > 0 && at - from < LINE_REACH && text.charCodeAt(from - 1) !== 0x0a) from--;
  let to = at;
  while (to < text.length && to - at < LINE_REACH && text.charCodeAt(to) !== 0x0a) to++;
  const cut = (from > 0 && text.charCodeAt(from - 1) !== 0x0a) || (to < text.length && text.charCodeAt(to) !== 0x0a);
  return { line: text.slice(from, to), cut };
}

/** A line written in title case ("Campaign Pilfers Data From Banks"): its capitals say nothing. */
function titleCaseAt(text: string, at: number): boolean {
  const { line, cut } = lineAround(text, at);
  const words = line.match(/[A-Za-z][A-Za-z'’]+/g) ?? [];
  if (cut || words.length < 4 || line.length > 200) return false;
  return words.filter((w) => /^[A-Z]/.test(w)).length >= words.length * 0.6;
}

/** A short line without a full stop ("Campaign Infrastructure"): a heading, whose capitals say nothing. */
function headingAt(text: string, at: number): boolean {
  const { line, cut } = lineAround(text, at);
  const trimmed = line.trim();
  return !cut && trimmed.split(/\s+/).length <= 6 && !/[.!?:;,]$/.test(trimmed);
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
    if (!reasonable(name, text, input, knownTexts, seen)) return;
    found.push({ name, kind: kind.role, words: { start: from, end: to } });
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
