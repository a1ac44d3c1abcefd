/**
 * Name-like words in Latin letters around an introducing word, and whether their capitals mean
 * anything: the word right after or right before it, runs of capitalised words ("Operation Dream
 * Job"), lists of names ("SEAWEED and CACHEMONEY backdoors"), and lines (headings, titles) whose
 * capitals say nothing. Pure.
 */
import type { Span } from './introducer-cues';

// A word in Latin letters: letters and digits, joined by a hyphen only before a capital or digit ("Storm-0558").
const TOKEN = /[A-Za-z0-9]+(?:-(?=[A-Z0-9])[A-Za-z0-9]+)*/y;
export const isLatinLetterish = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
  c === 0x5f ||
  (c >= 0xc0 && c <= 0x24f) ||
  (c >= 0x1e00 && c <= 0x1eff);

export interface Token extends Span {
  text: string;
}

/** The Latin word starting exactly at `at`, with nothing Latin glued to either side. */
export function tokenAt(text: string, at: number): Token | undefined {
  if (at > 0 && isLatinLetterish(text.charCodeAt(at - 1))) return undefined;
  TOKEN.lastIndex = at;
  const m = TOKEN.exec(text);
  if (!m) return undefined;
  const end = at + m[0].length;
  if (end < text.length && isLatinLetterish(text.charCodeAt(end))) return undefined;
  return { text: m[0], start: at, end };
}

/** The Latin word ending exactly at `end`. */
export function tokenEndingAt(text: string, end: number): Token | undefined {
  let s = end;
  while (s > 0 && /[A-Za-z0-9-]/.test(text[s - 1]!)) s--;
  while (s < end && text[s] === '-') s++;
  return s < end ? tokenAt(text, s) : undefined;
}

// What may stand between a naming word and the name: spaces, quotes, a hyphen, a colon, "的".
const GAP = /^[\s"'“”‘’«»「」『』《》〈〉()（）\-–:：,的の]*$/;
// Between a kind word and a name after it: no comma or closing quote ('a worm like this," DeMarre said').
export const GAP_AFTER_KIND = /^[\s\-–“‘«「『《〈的の]*$/;
// Between a name and the word after it: quotes and a hyphen, no punctuation of a sentence.
const GAP_BEFORE = /^[\s"'“”‘’«»「」『』《》〈〉\-–的の]*$/;
export const MAX_GAP = 4;

/** How a word looks: a name only by its form (CamelCase, letters and digits, capitals) or a plain capitalised word. */
export function shape(w: string): 'strong' | 'capital' | 'plain' {
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
export function runAfter(
  text: string,
  at: number,
  allowCapital: boolean,
  foreign: boolean,
  gap = GAP,
): Token | undefined {
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
export function tokenBefore(text: string, at: number, foreign: boolean, skipWord: boolean): Token | undefined {
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
export function titleCaseAt(text: string, at: number): boolean {
  const { line, cut } = lineAround(text, at);
  const words = line.match(/[A-Za-z][A-Za-z'’]+/g) ?? [];
  if (cut || words.length < 4 || line.length > 200) return false;
  return words.filter((w) => /^[A-Z]/.test(w)).length >= words.length * 0.6;
}

/** A short line without a full stop ("Campaign Infrastructure"): a heading, whose capitals say nothing. */
export function headingAt(text: string, at: number): boolean {
  const { line, cut } = lineAround(text, at);
  const trimmed = line.trim();
  return !cut && trimmed.split(/\s+/).length <= 6 && !/[.!?:;,]$/.test(trimmed);
}

/** The longest stretch between two names of a list (", as well as "). */
const MAX_JOIN = 16;

/** Whether `between` joins two names of a list: a comma, a join word, or both (", and"). */
export function isJoin(between: string, joins: ReadonlySet<string>): boolean {
  if (between.length > MAX_JOIN || between.includes('\n')) return false;
  const trimmed = between.replace(/\s+/g, ' ').trim();
  const word = trimmed
    .replace(/^[,，、]\s*/, '')
    .replace(/^-+|-+$/g, '')
    .trim()
    .toLowerCase();
  return word === '' ? trimmed !== '' : joins.has(word);
}

const nameShaped = (t: Token, foreign: boolean) => shape(t.text) === 'strong' || (foreign && t.text.length >= 4);

/**
 * The other names of a list `t` stands in ("SEAWEED and CACHEMONEY backdoors", "dubbed X, Y and Z"),
 * walking away from the introducing word (`before`: towards the start of the text). Each is a name by
 * its form; at most three more.
 */
export function listedWith(
  text: string,
  t: Token,
  direction: 'before' | 'after',
  joins: ReadonlySet<string>,
  foreign: boolean,
): Token[] {
  const out: Token[] = [];
  let edge = t;
  while (out.length < 3) {
    const next = direction === 'before' ? tokenListedBefore(text, edge, joins) : tokenListedAfter(text, edge, joins);
    if (!next || !nameShaped(next, foreign)) break;
    out.push(next);
    edge = next;
  }
  return out;
}

/** The nearest Latin word before `t` that a join separates from it ("SEAWEED" in "SEAWEED and CACHEMONEY"). */
function tokenListedBefore(text: string, t: Token, joins: ReadonlySet<string>): Token | undefined {
  for (let j = t.start - 1; j > 0 && t.start - j <= MAX_JOIN; j--) {
    if (text.charCodeAt(j) === 0x0a) return undefined;
    if (!isLatinLetterish(text.charCodeAt(j - 1)) || isLatinLetterish(text.charCodeAt(j))) continue;
    const w = tokenEndingAt(text, j);
    if (w && isJoin(text.slice(w.end, t.start), joins)) return w;
  }
  return undefined;
}

/** The nearest Latin word after `t` that a join separates from it ("CACHEMONEY" in "SEAWEED and CACHEMONEY"). */
function tokenListedAfter(text: string, t: Token, joins: ReadonlySet<string>): Token | undefined {
  for (let j = t.end + 1; j < text.length && j - t.end <= MAX_JOIN; j++) {
    if (text.charCodeAt(j - 1) === 0x0a) return undefined;
    if (!isLatinLetterish(text.charCodeAt(j)) || isLatinLetterish(text.charCodeAt(j - 1))) continue;
    const w = tokenAt(text, j);
    if (w && isJoin(text.slice(t.end, w.start), joins)) return w;
  }
  return undefined;
}
