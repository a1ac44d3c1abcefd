/**
 * The words an event entry and an article are compared on (core/engine/event-score.ts): folded
 * words of four letters or more cut to a six-letter stem ("intrusions" and "intrusion" meet as
 * "intrus", "Geschäftsgeheimnisse" as "geschä"), and pairs of Han, kana or Hangul characters for
 * scripts written without spaces. Crude, language-blind and cheap: one pass over the text. Pure.
 */
import { CLS_HAN, CLS_HANGUL, CLS_KANA, CLS_WORD, charClasses, foldString } from './chars';

const STEM = 6;
const MIN_WORD = 4;

/**
 * The same tokens, each with the first whole word of the text it was cut from ("advanc" ->
 * "advanced"), so a reader is shown the article's words rather than stems.
 */
export function eventWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of foldString(text, true).matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const w = m[0];
    for (const t of eventTokens(w)) if (!out.has(t) && t.length > 2) out.set(t, w);
  }
  return out;
}

export function eventTokens(text: string, into: Set<string> = new Set()): Set<string> {
  const folded = foldString(text, true);
  const cls = charClasses();
  let start = -1;
  let prevCjk = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0x20;
    const k = cls[c];
    if (k === CLS_WORD) {
      if (start < 0) start = i;
      prevCjk = -1;
      continue;
    }
    if (start >= 0) {
      if (i - start >= MIN_WORD && !/^\d+$/.test(folded.slice(start, i)))
        into.add(folded.slice(start, Math.min(i, start + STEM)));
      start = -1;
    }
    if (k === CLS_HAN || k === CLS_KANA || k === CLS_HANGUL) {
      if (prevCjk === i - 1) into.add(folded.slice(i - 1, i + 1));
      prevCjk = i;
    } else prevCjk = -1;
  }
  return into;
}

/** Four-digit years from 1990 to 2099 named in a text. */
export function yearsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<!\d)(199\d|20\d\d)(?!\d)/g)) out.add(m[1]!);
  return out;
}
