/**
 * The topic gate: after the article check, a cheap look at what the page is about (title, meta
 * description and keywords, headings, the start of the likely article text) for any cue of a
 * compact multilingual list compiled at build time (core/engine/topic-cues.ts). Only a page with a
 * cue loads the page script. Imports nothing: it goes into the content script on every page.
 *
 * Cues and text share one normalisation: full-width letters and digits folded, lower case, every
 * run of spaces, punctuation and symbols becomes one space, and the text is padded with a space at both ends. A
 * space inside a cue is therefore a word boundary (" nsa " matches the word, " cyber" a word
 * start, "spionage" anywhere, as in "Industriespionage"); "#" in a cue stands for one digit.
 */

/**
 * Characters of likely article text looked at, after the title, meta and headings. Measured with
 * `npm run eval` (2026-12-02): at 400 two CASIE espionage texts lose their only cue, at 1,000 none
 * does; 1,200 keeps a margin and reads 40 % less than the 2,000 used before.
 */
export const TOPIC_TEXT_CHARS = 1200;

/**
 * Runs of spaces, punctuation and symbols (ASCII, Latin-1, general punctuation, arrows and
 * symbols, CJK and full-width punctuation). Written as plain ranges, not Unicode properties: a
 * property class costs a page its compilation on every load, and this runs on every article.
 */
const NON_WORD =
  /[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\xd7\xf7\u2000-\u206f\u2190-\u2bff\u3000-\u3003\u3008-\u3020\u30fb\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;
/** Full-width letters and digits (Ａ, ４), folded to ASCII. */
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const HAS_FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

export function normaliseForCues(s: string): string {
  const folded = HAS_FULL_WIDTH.test(s)
    ? s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : s;
  return folded.toLowerCase().replace(NON_WORD, ' ');
}

/**
 * The compiled cue list: cues in buckets keyed by their first two characters (a leading boundary
 * space is not part of the key, so word-start cues spread over many buckets). A code-name cue's
 * "#" (one digit) is compared by hand, so no regular expression is compiled on the page. Built at
 * build time, so a page only parses it (JSON.parse, native) and does one lookup per character.
 */
export interface TopicCues {
  buckets: Record<string, string[]>;
}

/** Puts cues into the shape the gate reads (build time, and tests). */
export function bucketCues(cues: readonly string[]): TopicCues {
  const buckets: Record<string, string[]> = {};
  for (const cue of cues) {
    const at = cue.charCodeAt(0) === 32 ? 1 : 0;
    const k = cue.slice(at, at + 2);
    // A key must be two real characters: cues are at least two long, and code names start with letters.
    if (k.length < 2 || k.includes('#')) throw new Error(`topic cue ${JSON.stringify(cue)} has no two-character key`);
    (buckets[k] ??= []).push(cue);
  }
  return { buckets };
}

/**
 * The buckets keyed by a small integer made from the two characters' codes (no string is made per
 * character of text, and the key stays a small integer for the engine). Two pairs may share a key:
 * their lists are merged, and every cue is compared in full anyway.
 */
export type PreparedCues = Map<number, string[]>;

const pairKey = (a: number, b: number) => (a << 10) ^ b;

export function prepareCues(cues: TopicCues): PreparedCues {
  const out: PreparedCues = new Map();
  for (const k in cues.buckets) {
    const key = pairKey(k.charCodeAt(0), k.charCodeAt(1));
    const list = out.get(key);
    out.set(key, list ? [...list, ...cues.buckets[k]!] : cues.buckets[k]!);
  }
  return out;
}

const HASH = 35;

/** Whether `cue` occurs in `norm` at `at`; "#" in a cue matches one ASCII digit. */
function cueAt(norm: string, cue: string, at: number): boolean {
  if (!cue.includes('#')) return norm.startsWith(cue, at);
  if (at < 0 || at + cue.length > norm.length) return false;
  for (let j = 0; j < cue.length; j++) {
    const c = cue.charCodeAt(j);
    const t = norm.charCodeAt(at + j);
    if (c === HASH ? t < 48 || t > 57 : c !== t) return false;
  }
  return true;
}

/** The first cue found in already-normalised, space-padded text, or undefined. */
export function findCueIn(norm: string, cues: TopicCues | PreparedCues): string | undefined {
  const table = cues instanceof Map ? cues : prepareCues(cues);
  let next = norm.charCodeAt(1);
  for (let i = 1; i < norm.length - 1; i++) {
    const here = next;
    next = norm.charCodeAt(i + 1);
    if (here === 32) continue;
    const list = table.get(pairKey(here, next));
    if (list === undefined) continue;
    for (const cue of list) if (cueAt(norm, cue, cue.charCodeAt(0) === 32 ? i - 1 : i)) return cue;
  }
  return undefined;
}

/** The first cue in raw text (normalised here), or undefined. */
export function findTopicCue(text: string, cues: TopicCues | PreparedCues): string | undefined {
  return findCueIn(` ${normaliseForCues(text)} `, cues);
}

const META_NAMES = /^(description|keywords|news_keywords|og:title|og:description|twitter:title|twitter:description)$/i;
const MAX_HEADINGS = 12;
const MIN_PARAGRAPH = 40;

/**
 * What the topic gate reads of a page: the title, meta description and keywords, the first
 * headings, then paragraph text in document order up to `maxChars` (falling back to article
 * markup or the line-broken blocks Readability also reads when a page has few paragraphs). Every
 * piece is read once with textContent; nothing is laid out.
 */
export function topicText(doc: Document, maxChars = TOPIC_TEXT_CHARS): string {
  const parts: string[] = [doc.title ?? ''];
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const name = m.getAttribute('name') ?? m.getAttribute('property') ?? '';
    if (META_NAMES.test(name)) parts.push((m.getAttribute('content') ?? '').slice(0, 500));
  }
  let headings = 0;
  for (const tag of ['h1', 'h2']) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length && headings < MAX_HEADINGS; i++, headings++)
      parts.push((list[i]!.textContent ?? '').slice(0, 300));
  }
  let budget = maxChars;
  const take = (el: Element, min: number) => {
    const t = el.textContent ?? '';
    if (t.length < min) return;
    const piece = t.length > budget ? t.slice(0, budget) : t;
    parts.push(piece);
    budget -= piece.length;
  };
  for (const tag of ['p', 'pre']) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length && budget > 0; i++) take(list[i]!, MIN_PARAGRAPH);
  }
  if (budget > maxChars / 2) {
    const bodies = doc.querySelectorAll('[itemprop~="articleBody"], article');
    for (let i = 0; i < bodies.length && budget > 0; i++) take(bodies[i]!, MIN_PARAGRAPH);
    const brs = doc.getElementsByTagName('br');
    let last: Element | null = null;
    for (let i = 0; i < brs.length && budget > 0; i++) {
      const parent = brs[i]!.parentElement;
      if (parent && parent !== last && parent.localName === 'div') take((last = parent), MIN_PARAGRAPH);
    }
  }
  return parts.join('\n');
}
