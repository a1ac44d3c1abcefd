/**
 * What an article reports, in its own words, when the knowledge base holds no event for it: the
 * sentences where someone accuses, attributes, blames, charges or sanctions (the `claims.accuse`
 * words of every lexicon, assets/lexicon/<lang>.json), who does it (a knowledge-base entry named
 * before the verb), whom (one named after it), of what (hacking, espionage, sabotage, spyware, from
 * the lexicon cues and entries in the same sentence), against which targets (other agencies and
 * organisations named there), over which period ("since May 2023"), and the response or denial
 * the article reports. Each line keeps the sentence it came from. Nothing is inferred beyond the
 * sentence, and a claim needs an accuser the knowledge base knows. Pure.
 */
import type { Kind } from '../kb/kinds';
import type { ArticleBrief, ArticleQuote, BriefClaim } from '../page-state';
import { CLS_WORD, charClasses, foldString } from './chars';
import type { Lexicon, LexiconFile } from './lexicon';
import type { Hit, Matcher } from './matcher';

export const MAX_CLAIMS = 3;
const MAX_SENTENCE = 600;
const MAX_QUOTE = 280;

/** A claim word, folded; a prefix matches the start of a longer word ("accus" in "accused"). */
export interface ClaimWord {
  w: string;
  prefix: boolean;
}

export interface ClaimWords {
  accuse: ClaimWord[];
  deny: ClaimWord[];
}

/** A word of this many characters or more also matches its inflected forms (as a prefix). */
const PREFIX_FROM = 6;

/**
 * Every lexicon's claim words, folded. A form ending in "*" is a prefix; so is any form of
 * PREFIX_FROM characters or more; shorter ones ("nega", "nie") match only as whole words, since
 * every lexicon applies to every page and a short stem of one language starts words of another.
 */
export function claimWordsOf(files: readonly LexiconFile[]): ClaimWords {
  const read = (forms: readonly string[], into: Map<string, ClaimWord>) => {
    for (const raw of forms) {
      const star = raw.endsWith('*');
      const w = foldString(raw.replace(/\*$/, ''), true).trim();
      if (w) into.set(w, { w, prefix: star || w.length >= PREFIX_FROM });
    }
  };
  const accuse = new Map<string, ClaimWord>();
  const deny = new Map<string, ClaimWord>();
  for (const f of files) {
    read(f.claims?.accuse ?? [], accuse);
    read(f.claims?.deny ?? [], deny);
  }
  return { accuse: [...accuse.values()], deny: [...deny.values()] };
}

export interface BriefInput {
  text: string;
  /** Where the article's own text starts (after the headline line). */
  titleEnd: number;
  /** Knowledge-base mentions after the headline, in text order. */
  found: readonly { id: string; start: number; end: number }[];
  kindOf: (id: string) => Kind | undefined;
  matcher: Matcher;
  lexicon: Lexicon;
  words: ClaimWords;
}

interface Sentence {
  start: number;
  end: number;
}

/** Sentences of the article's text: ended by . ! ? 。！？ before a space or line end, or by a line break. */
export function sentences(text: string, from: number): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    const end =
      c === '\n' ||
      c === '。' ||
      c === '！' ||
      c === '？' ||
      ((c === '.' || c === '!' || c === '?') &&
        (i + 1 >= text.length || /\s/.test(text[i + 1]!)) &&
        !/\b[A-Z]$/.test(text.slice(Math.max(start, i - 2), i)));
    if (end) {
      if (i + 1 - start > 1) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (text.length - start > 1) out.push({ start, end: text.length });
  return out.filter((s) => s.end - s.start <= MAX_SENTENCE && /\S/.test(text.slice(s.start, s.end)));
}

/** Where one of the words starts a word in the folded sentence (scripts without spaces: anywhere). */
function findWord(folded: string, words: readonly ClaimWord[]): { at: number; len: number } | undefined {
  const cls = charClasses();
  let best: { at: number; len: number } | undefined;
  for (const { w, prefix } of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(w, from);
      if (at < 0) break;
      const before = at > 0 ? folded.charCodeAt(at - 1) : 0x20;
      const after = at + w.length < folded.length ? folded.charCodeAt(at + w.length) : 0x20;
      const wordStart = cls[w.charCodeAt(0)] !== CLS_WORD || cls[before] !== CLS_WORD;
      const wordEnd = prefix || cls[w.charCodeAt(w.length - 1)] !== CLS_WORD || cls[after] !== CLS_WORD;
      if (wordStart && wordEnd) {
        if (!best || at < best.at) best = { at, len: w.length };
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

const PERIOD =
  /(?:since|from|between|until|seit|von|depuis|desde|dal|dall|sinds|od|с|з|від|kể từ|sejak|beri|από|מאז|از|ตั้งแต่|से)\s+(?:[^\s,.;:]+\s+){0,2}?(?:19|20)\d\d(?:\s*(?:and|to|bis|et|à|y|a|e|en|tot|do|и|по|і)\s+(?:[^\s,.;:]+\s+){0,2}?(?:19|20)\d\d)?|(?:自|从|從)\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?|(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?\s*(?:以来|起|から|以降)/iu;

function quoteOf(text: string, s: Sentence): ArticleQuote {
  let start = s.start;
  let end = s.end;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const raw = text.slice(start, end);
  const body = raw.length > MAX_QUOTE ? `${raw.slice(0, MAX_QUOTE - 1).trimEnd()}…` : raw;
  return { text: body, start, end };
}

const PARTY_KINDS: ReadonlySet<Kind> = new Set(['organization', 'threat-actor']);
/** "X said Y" inside a subject phrase: X reports (accuses), Y is whom (English reporting verbs). */
function splitReported(subject: {
  text: string;
  start: number;
  end: number;
}): { by: { text: string; start: number; end: number }; whom: { start: number; end: number } } | undefined {
  const m = /^(.+?)\s+(?:said|says|stated|believes|concluded|assessed|found)(?:\s+that)?\s+(.+)$/u.exec(subject.text);
  if (!m || !m[1] || !m[2]) return undefined;
  const byEnd = subject.start + m[1].length;
  const whomStart = subject.end - m[2].length;
  return { by: { text: m[1], start: subject.start, end: byEnd }, whom: { start: whomStart, end: subject.end } };
}

/** A subject longer than this many words is not taken as the accuser. */
const MAX_SUBJECT_WORDS = 7;

/** The sentence's opening words before the verb, when they are a short phrase with no clause break. */
function subjectBefore(
  text: string,
  start: number,
  verbAt: number,
): { text: string; start: number; end: number } | undefined {
  const raw = text.slice(start, verbAt);
  const lead = raw.length - raw.trimStart().length;
  const phrase = raw
    .trim()
    .replace(/\s+(?:has|have|had|was|were|is|hat|haben|a|ont|ha|han|heeft|hebben|jest|został)$/iu, '');
  if (phrase.length < 2 || /[,;:()"“”«»，、；：（）「」]/.test(phrase)) return undefined;
  const words = phrase.split(/\s+/).length;
  // Scripts without spaces: a short run of characters.
  const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(phrase);
  if (cjk ? phrase.length > 16 : words > MAX_SUBJECT_WORDS) return undefined;
  return { text: phrase, start: start + lead, end: start + lead + phrase.length };
}

export function articleBrief(input: BriefInput): ArticleBrief | undefined {
  const { text, matcher, lexicon } = input;
  const claims: BriefClaim[] = [];
  let response: ArticleQuote | undefined;
  for (const s of sentences(text, input.titleEnd)) {
    if (claims.length >= MAX_CLAIMS && response) break;
    const folded = foldString(text.slice(s.start, s.end), true);
    const inside = input.found.filter((f) => f.start >= s.start && f.end <= s.end);
    // A sentence that denies ("rejected the accusations") is a response, never a claim.
    if (findWord(folded, input.words.deny)) {
      if (!response && claims.length > 0) response = quoteOf(text, s);
      continue;
    }
    if (claims.length >= MAX_CLAIMS) continue;
    const verb = findWord(folded, input.words.accuse);
    if (!verb) continue;
    const verbAt = s.start + verb.at;
    const parties = inside.filter((f) => PARTY_KINDS.has(input.kindOf(f.id) ?? 'concept'));
    // Who accuses: the sentence's opening words up to the verb when they are few (its subject:
    // "China's foreign ministry", "CNCERT/CC"), else the first of two parties named before the verb.
    const subject = subjectBefore(text, s.start, verbAt);
    const before = parties.filter((f) => f.end <= verbAt);
    let accuser: { text: string; id?: string; start: number; end: number } | undefined;
    // "Denmark's intelligence service said Russia was behind…": the reporter accuses, the rest is whom.
    const reported = subject ? splitReported(subject) : undefined;
    if (reported) {
      const within = before.find((f) => f.start >= reported.by.start && f.end <= reported.by.end);
      accuser = { ...reported.by, ...(within ? { id: within.id } : {}) };
    } else if (subject) {
      const within = before.find((f) => f.start >= subject.start && f.end <= subject.end);
      accuser = { text: subject.text, ...(within ? { id: within.id } : {}), start: subject.start, end: subject.end };
    } else if (before.length >= 2) {
      const first = before[0]!;
      accuser = { text: text.slice(first.start, first.end), id: first.id, start: first.start, end: first.end };
    }
    if (!accuser) continue;
    const owner = accuser;
    // Whom: a party after the verb (or after the accuser), else a topic such as "US intelligence agencies".
    const others = (list: typeof inside) =>
      list.find((f) => f.start >= verbAt + verb.len && f.id !== owner.id) ??
      list.find((f) => f.start >= owner.end && f.id !== owner.id);
    const accusedFound = others(parties) ?? others(inside.filter((f) => input.kindOf(f.id) === 'topic'));
    const accused = accusedFound ?? (reported ? { ...reported.whom, id: undefined } : undefined);
    const of = new Set<BriefClaim['of'][number]>();
    const hits: Hit[] = [];
    // Of what: the cues after the accuser (its own name, "defence intelligence service", says nothing).
    matcher.scan(text, hits, owner.end, s.end);
    for (const h of hits) {
      const term = matcher.term(h.pattern);
      if (term >= 0) {
        const t = lexicon.terms[term];
        if (!t || t.p > 0) continue;
        if (t.c > 0) of.add('hacking');
        if (t.s >= 1) of.add('espionage');
      } else {
        const cls = matcher.verdictClass(h.pattern);
        if (cls === 'spyware') of.add('spyware');
        else if (cls === 'destructive') of.add('sabotage');
        else if (matcher.kind(h.pattern) === 'threat-actor' || matcher.kind(h.pattern) === 'malware') of.add('hacking');
      }
    }
    // A claim rests on a name: whom it accuses, or an entry the sentence names.
    if (of.size === 0 || (!accused && inside.length === 0)) continue;
    const named = (f: { start: number; end: number }) => text.slice(f.start, f.end);
    const targets = [
      ...new Set(
        inside
          .filter(
            (f) => f.id !== owner.id && f !== accused && input.kindOf(f.id) === 'organization' && f.start > verbAt,
          )
          .map(named),
      ),
    ];
    const period = PERIOD.exec(text.slice(s.start, s.end))?.[0];
    claims.push({
      accuser: owner.text,
      ...(owner.id ? { accuserId: owner.id } : {}),
      ...(accused ? { accused: named(accused), ...(accused.id ? { accusedId: accused.id } : {}) } : {}),
      of: (['hacking', 'espionage', 'sabotage', 'spyware'] as const).filter((o) => of.has(o)),
      targets,
      ...(period ? { period: period.trim() } : {}),
      quote: quoteOf(text, s),
    });
  }
  return claims.length > 0 ? { claims, ...(response ? { response } : {}) } : undefined;
}
