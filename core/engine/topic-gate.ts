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
 * The compiled cue list, all of it base64 (decoded natively by atob; the bundle stays ASCII, which
 * V8 compiles about twice as fast as the same data as non-Latin text). Every cue has a key: the
 * first KEY_CHARS characters after a leading boundary space (the whole cue when shorter), digits
 * folded to "#". `filter` holds two bit sets over key hashes: which strings start some key, and
 * which are a whole key. The page walks each text position one character at a time and stops at
 * the first string that starts no key, so most positions cost one or two bit lookups. Only a
 * whole-key hit reads its group of `checks`: per cue its length, two flags, its last character and
 * two 32-bit hashes of its full text, compared with the same hashes of the text at that place. Built at build time.
 * Measured (2026-12-02, fresh V8 contexts, the corpus's off-topic articles): see the README.
 */
export interface TopicCues {
  filter: string;
  checks: string;
}

/** Key length: five characters make a hit rare in ordinary text (corpus articles, median: 7 distinct keys hit, 79 at three). */
export const KEY_CHARS = 5;
/** Bits per set: 65,536 (8 KB) each. */
const MASK = 0xffff;
const TERMINAL = (MASK + 1) >> 3;
/** Groups of key hashes in `checks`: about one cue each for 2,500 cues, so a key hit checks few. */
const GROUPS = 2048;
/**
 * Per cue in `checks`: a byte of length and flags, a byte of its last character (low 8 bits, a
 * digit as "#" under the wildcard: most cues of a group are told apart by it without hashing),
 * then the two hashes (little-endian).
 */
const CHECK_BYTES = 10;
const LEADING_SPACE = 0x80;
const DIGIT_WILDCARD = 0x40;
const MAX_CUE = 0x3f;
/** From here on (CJK radicals onwards) a script writes words without spaces: two-character cues live here. */
const WIDE = 0x2e80;
const HASH = 35;
/** A digit counts as "#" in keys, so " apt ##" and " apt 28" share one. */
const fold = (c: number) => (c >= 48 && c <= 57 ? HASH : c);
const step = (s: number, c: number) => (s * 31 + c) | 0;
const slot = (s: number) => (s ^ (s >>> 16)) & MASK;
const DIGITS = /[0-9]/g;

/** The first hash of `len` characters of `s` from `at`, digits as "#" when `wild`. */
function hash1(s: string, at: number, len: number, wild: boolean): number {
  let h = 0;
  for (let j = at; j < at + len; j++) h = step(h, wild ? fold(s.charCodeAt(j)) : s.charCodeAt(j));
  return h >>> 0;
}

/** The second, independent hash (FNV-1a) of the same characters. */
function hash2(s: string, at: number, len: number, wild: boolean): number {
  let h = 0x811c9dc5;
  for (let j = at; j < at + len; j++) h = Math.imul(h ^ (wild ? fold(s.charCodeAt(j)) : s.charCodeAt(j)), 0x01000193);
  return h >>> 0;
}

/** A cue's key (build time). */
function keyOf(cue: string): string {
  const at = cue.charCodeAt(0) === 32 ? 1 : 0;
  const key = cue.slice(at, at + KEY_CHARS).replace(DIGITS, '#');
  if (key.length >= 3 || (key.length === 2 && key.charCodeAt(0) >= WIDE)) return key;
  throw new Error(`topic cue ${JSON.stringify(cue)} has no key: three characters, or two of an unspaced script`);
}

/** Puts cues into the shape the gate reads (build time, and tests). */
export function bucketCues(cues: readonly string[]): TopicCues {
  const bits = new Uint8Array(2 * TERMINAL);
  const set = (at: number, h: number) => (bits[at + (h >> 3)]! |= 1 << (h & 7));
  const groups: number[][][] = Array.from({ length: GROUPS }, () => []);
  for (const cue of new Set(cues)) {
    const key = keyOf(cue);
    const wild = cue.includes('#');
    if (wild && /[0-9]/.test(cue))
      throw new Error(`topic cue ${JSON.stringify(cue)} mixes "#" and digits: write every digit as "#" or none`);
    if (cue.length > MAX_CUE) throw new Error(`topic cue ${JSON.stringify(cue)} is longer than ${MAX_CUE} characters`);
    let s = 0;
    for (let k = 0; k < key.length; k++) {
      s = step(s, key.charCodeAt(k));
      if (k >= 1) set(0, slot(s));
    }
    set(TERMINAL, slot(s));
    const flags = (cue.charCodeAt(0) === 32 ? LEADING_SPACE : 0) | (wild ? DIGIT_WILDCARD : 0);
    const last = cue.charCodeAt(cue.length - 1);
    const record = [flags | cue.length, (wild ? fold(last) : last) & 0xff];
    for (const h of [hash1(cue, 0, cue.length, wild), hash2(cue, 0, cue.length, wild)])
      for (let b = 0; b < 4; b++) record.push((h >>> (8 * b)) & 0xff);
    groups[slot(s) % GROUPS]!.push(record);
  }
  // Group starts (cue indices, two bytes each, one more for the end), then the cues group by group.
  const out: number[] = [];
  let n = 0;
  for (const g of groups) {
    out.push(n & 0xff, n >> 8);
    n += g.length;
  }
  out.push(n & 0xff, n >> 8);
  if (n > 0xffff) throw new Error(`too many topic cues (${n})`);
  for (const g of groups) for (const r of g) out.push(...r);
  const base64 = (bytes: ArrayLike<number>) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
    return btoa(binary);
  };
  return { filter: base64(bits), checks: base64(out) };
}

/** The cues as a page holds them: both parts decoded (one byte per character). */
export interface PreparedCues {
  bits: string;
  checks: string;
}

export const prepareCues = (cues: TopicCues): PreparedCues => ({ bits: atob(cues.filter), checks: atob(cues.checks) });

const u32 = (s: string, at: number) =>
  (s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16) | (s.charCodeAt(at + 3) << 24)) >>> 0;

/** The text of a cue in the group of key slot `h` that occurs in `norm` with its key at `i`, if any. */
function cueOfKey(norm: string, p: PreparedCues, h: number, i: number): string | undefined {
  const c = p.checks;
  const g = (h % GROUPS) * 2;
  const from = c.charCodeAt(g) | (c.charCodeAt(g + 1) << 8);
  const to = c.charCodeAt(g + 2) | (c.charCodeAt(g + 3) << 8);
  const base = (GROUPS + 1) * 2;
  for (let e = from; e < to; e++) {
    const at = base + e * CHECK_BYTES;
    const head = c.charCodeAt(at);
    const len = head & MAX_CUE;
    const start = head & LEADING_SPACE ? i - 1 : i;
    const end = start + len;
    if (end > norm.length) continue;
    const wild = (head & DIGIT_WILDCARD) !== 0;
    const last = norm.charCodeAt(end - 1);
    if (((wild ? fold(last) : last) & 0xff) !== c.charCodeAt(at + 1)) continue;
    if (hash1(norm, start, len, wild) === u32(c, at + 2) && hash2(norm, start, len, wild) === u32(c, at + 6))
      return norm.slice(start, end);
  }
  return undefined;
}

/**
 * The first cue found in already-normalised, space-padded text (the text it matched, digits as
 * they stand), or undefined.
 */
export function findCueIn(norm: string, cues: TopicCues | PreparedCues): string | undefined {
  const p = 'bits' in cues ? cues : prepareCues(cues);
  const bits = p.bits;
  const n = norm.length;
  for (let i = 1; i < n - 1; i++) {
    let c = norm.charCodeAt(i);
    if (c === 32) continue;
    let s = step(0, fold(c));
    for (let k = 1; k < KEY_CHARS && i + k < n; k++) {
      s = step(s, fold(norm.charCodeAt(i + k)));
      c = slot(s);
      if ((bits.charCodeAt(c >> 3) & (1 << (c & 7))) === 0) break;
      if ((bits.charCodeAt(TERMINAL + (c >> 3)) & (1 << (c & 7))) === 0) continue;
      const found = cueOfKey(norm, p, c, i);
      if (found !== undefined) return found;
    }
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
