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

export interface ClaimWords {
  accuse: string[];
  deny: string[];
}

/** Every lexicon's claim words, folded, as prefixes ("accus" finds accuses and accused). */
export function claimWordsOf(files: readonly LexiconFile[]): ClaimWords {
  const fold = (w: string) => foldString(w.replace(/\*$/, ''), true);
  const accuse = new Set<string>();
  const deny = new Set<string>();
  for (const f of files) {
    for (const w of f.claims?.accuse ?? []) accuse.add(fold(w));
    for (const w of f.claims?.deny ?? []) deny.add(fold(w));
  }
  return { accuse: [...accuse], deny: [...deny] };
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
      ((c === '.' || c === '!' || c === '?') && (i + 1 >= text.length || /\s/.test(text[i + 1]!)) && !/\b[A-Z]$/.test(text.slice(Math.max(start, i - 2), i)));
    if (end) {
      if (i + 1 - start > 1) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (text.length - start > 1) out.push({ start, end: text.length });
  return out.filter((s) => s.end - s.start <= MAX_SENTENCE && /\S/.test(text.slice(s.start, s.end)));
}

/** Where one of the words starts a word in the folded sentence (scripts without spaces: anywhere). */
function findWord(folded: string, words: readonly string[]): { at: number; len: number } | undefined {
  const cls = charClasses();
  let best: { at: number; len: number } | undefined;
  for (const w of words) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(w, from);
      if (at < 0) break;
      const before = at > 0 ? folded.charCodeAt(at - 1) : 0x20;
      const first = w.charCodeAt(0);
      const needsBoundary = cls[first] === CLS_WORD;
      if (!needsBoundary || cls[before] !== CLS_WORD) {
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

export function articleBrief(input: BriefInput): ArticleBrief | undefined {
  const { text, matcher, lexicon } = input;
  const claims: BriefClaim[] = [];
  let response: ArticleQuote | undefined;
  for (const s of sentences(text, input.titleEnd)) {
    if (claims.length >= MAX_CLAIMS && response) break;
    const folded = foldString(text.slice(s.start, s.end), true);
    const inside = input.found.filter((f) => f.start >= s.start && f.end <= s.end);
    if (!response && claims.length > 0 && findWord(folded, input.words.deny)) response = quoteOf(text, s);
    if (claims.length >= MAX_CLAIMS || inside.length === 0) continue;
    const verb = findWord(folded, input.words.accuse);
    if (!verb) continue;
    const verbAt = s.start + verb.at;
    const parties = inside.filter((f) => PARTY_KINDS.has(input.kindOf(f.id) ?? 'concept'));
    const accuser = [...parties].reverse().find((f) => f.end <= verbAt) ?? undefined;
    if (!accuser) continue;
    const accused = parties.find((f) => f.start >= verbAt + verb.len && f.id !== accuser.id);
    const of = new Set<BriefClaim['of'][number]>();
    const hits: Hit[] = [];
    matcher.scan(text, hits, s.start, s.end);
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
    if (of.size === 0) continue;
    const named = (f: { start: number; end: number }) => text.slice(f.start, f.end);
    const targets = [
      ...new Set(
        inside
          .filter((f) => f !== accuser && f !== accused && input.kindOf(f.id) === 'organization' && f.start > verbAt)
          .map(named),
      ),
    ];
    const period = PERIOD.exec(text.slice(s.start, s.end))?.[0];
    claims.push({
      accuser: named(accuser),
      accuserId: accuser.id,
      ...(accused ? { accused: named(accused), accusedId: accused.id } : {}),
      of: (['hacking', 'espionage', 'sabotage', 'spyware'] as const).filter((o) => of.has(o)),
      targets,
      ...(period ? { period: period.trim() } : {}),
      quote: quoteOf(text, s),
    });
  }
  return claims.length > 0 ? { claims, ...(response ? { response } : {}) } : undefined;
}
