/**
 * Cheap language detection on a sample of the text, from data: the script decides Chinese,
 * Japanese, Korean and Arabic; Cyrillic and Latin text is told apart by the function words
 * (`stopwords`) and distinctive letters each lexicon file lists. The page's declared language
 * is a hint that wins close calls. The CLI and the extension run this same function.
 */
import { LANGS, type AliasLang } from '../kb/schema';
import { CLS_HAN, CLS_HANGUL, CLS_KANA, CLS_WORD, charClasses } from './chars';
import type { LexiconFile } from './lexicon';
import { DEFAULT_LEXICON_FILES } from './lexicon';

export type Lang = AliasLang;

// Frequent characters whose Simplified and Traditional forms differ.
const HANS =
  '这们国说时对会来发为经过关网络间谍报击门开长现产业后动们与于没还从进实机内听让钟东车书见问题区应该样种总统际军费数据间设计务电话认识术学习亚'.split(
    '',
  );
const HANT =
  '這們國說時對會來發為經過關網絡間諜報擊門開長現產業後動們與於沒還從進實機內聽讓鐘東車書見問題區應該樣種總統際軍費數據間設計務電話認識術學習亞'.split(
    '',
  );

let hansSet: Set<number> | undefined;
let hantSet: Set<number> | undefined;

function zhSets(): [Set<number>, Set<number>] {
  if (!hansSet || !hantSet) {
    hansSet = new Set(HANS.map((c) => c.charCodeAt(0)));
    hantSet = new Set(HANT.map((c) => c.charCodeAt(0)));
    for (const c of HANS) if (HANT.includes(c)) hantSet.delete(c.charCodeAt(0));
    for (const c of HANT) if (HANS.includes(c)) hansSet.delete(c.charCodeAt(0));
  }
  return [hansSet, hantSet];
}

/** Languages told apart by words, with the script they are written in. */
export interface LangProfiles {
  langs: Lang[];
  script: ('latin' | 'cyrillic' | 'arabic')[];
  /** Function word -> indexes into `langs` (more than 32 languages, so no bit masks). */
  words: Map<string, number[]>;
  /** Distinctive letter code -> indexes into `langs`. */
  letters: Map<number, number[]>;
  /** Longest function word, so longer words skip the lookup. */
  maxWord: number;
}

const CYRILLIC = (c: number) => c >= 0x400 && c <= 0x52f;
const ARABIC = (c: number) => (c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff);

function scriptOf(sample: string): 'latin' | 'cyrillic' | 'arabic' {
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (CYRILLIC(c)) return 'cyrillic';
    if (ARABIC(c)) return 'arabic';
  }
  return 'latin';
}

export function buildLangProfiles(files: readonly LexiconFile[]): LangProfiles {
  const langs: Lang[] = [];
  const script: LangProfiles['script'] = [];
  const words = new Map<string, number[]>();
  const letters = new Map<number, number[]>();
  const addTo = <K>(m: Map<K, number[]>, k: K, i: number) => {
    const l = m.get(k);
    if (!l) m.set(k, [i]);
    else if (!l.includes(i)) l.push(i);
  };
  let maxWord = 0;
  for (const f of files) {
    if (!f.stopwords || f.stopwords.length === 0 || f.lang === 'zh') continue;
    const bit = langs.length;
    langs.push(f.lang as Lang);
    script.push(scriptOf(f.stopwords.join('')));
    for (const w of f.stopwords) {
      const k = w.toLowerCase();
      addTo(words, k, bit);
      maxWord = Math.max(maxWord, k.length);
    }
    for (const ch of f.distinctive ?? '') {
      const c = ch.toLowerCase().charCodeAt(0);
      addTo(letters, c, bit);
    }
  }
  return { langs, script, words, letters, maxWord };
}

let defaultProfiles: LangProfiles | undefined;
function getDefaultProfiles(): LangProfiles {
  defaultProfiles ??= buildLangProfiles(DEFAULT_LEXICON_FILES);
  return defaultProfiles;
}

const SAMPLE = 20000;

/** Maps a declared language ("de-AT", "zh-TW", "pt_BR") to one of ours, or undefined. */
export function normaliseDeclaredLang(tag: string | undefined): Lang | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace('_', '-').toLowerCase();
  if (t.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(t) ? 'zh-Hant' : 'zh-Hans';
  let primary = t.split('-')[0] ?? '';
  // Norwegian Bokmål and Nynorsk share one lexicon; Indonesian's retired tag is "in".
  if (primary === 'nb' || primary === 'nn') primary = 'no';
  if (primary === 'in') primary = 'id';
  return primary !== 'other' && (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : undefined;
}

export function detectLang(text: string, declared?: string, profiles: LangProfiles = getDefaultProfiles()): Lang {
  return detectLangDetail(text, declared, profiles).lang;
}

export interface LangGuess {
  lang: Lang;
  /**
   * Share of the sample's words that are function words of the chosen language (1 for a language
   * told by its script). A related language with no lexicon of its own (Slovene read as Croatian's
   * neighbour, Catalan as Spanish) scores low here.
   */
  share: number;
}

export function detectLangDetail(
  text: string,
  declared?: string,
  profiles: LangProfiles = getDefaultProfiles(),
): LangGuess {
  const cls = charClasses();
  const [hans, hant] = zhSets();
  const hint = normaliseDeclaredLang(declared);
  const n = Math.min(text.length, SAMPLE);
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let cyrillic = 0;
  let arabic = 0;
  let nHans = 0;
  let nHant = 0;
  let words = 0;
  const wordHits = new Array<number>(profiles.langs.length).fill(0);
  const letterHits = new Array<number>(profiles.langs.length).fill(0);
  const add = (into: number[], idx: readonly number[]) => {
    for (const b of idx) into[b]!++;
  };
  let wordStart = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    const k = cls[c];
    if (k === CLS_WORD) {
      if (wordStart < 0) wordStart = i;
      if (CYRILLIC(c)) cyrillic++;
      else if (ARABIC(c)) arabic++;
      else latin++;
      const m = profiles.letters.get(c | (c >= 0x410 && c <= 0x42f ? 0x20 : 0));
      if (m !== undefined) add(letterHits, m);
      continue;
    }
    if (wordStart >= 0) {
      if (i - wordStart <= profiles.maxWord) {
        const m = profiles.words.get(text.slice(wordStart, i).toLowerCase());
        if (m !== undefined) add(wordHits, m);
      }
      words++;
      wordStart = -1;
    }
    if (k === CLS_HAN) {
      han++;
      if (hans.has(c)) nHans++;
      else if (hant.has(c)) nHant++;
    } else if (k === CLS_KANA) kana++;
    else if (k === CLS_HANGUL) hangul++;
  }
  const cjk = han + kana + hangul;
  // A CJK character carries about as much as a short word of an alphabetic script.
  if (cjk * 3 > latin + cyrillic + arabic) {
    if (hangul > han && hangul >= kana) return { lang: 'ko', share: 1 };
    if (kana > han * 0.1 || kana > hangul) return { lang: 'ja', share: 1 };
    if (han === 0) return { lang: 'other', share: 0 };
    return { lang: nHant > nHans ? 'zh-Hant' : 'zh-Hans', share: 1 };
  }
  if (words < 5) return { lang: 'other', share: 0 };
  const script = arabic > latin + cyrillic ? 'arabic' : cyrillic > latin ? 'cyrillic' : 'latin';
  let best = -1;
  let bestScore = 0;
  let second = 0;
  let hintScore = -1;
  profiles.langs.forEach((lang, b) => {
    if (profiles.script[b] !== script) return;
    const score = wordHits[b]! + Math.min(letterHits[b]!, words) * 0.5;
    if (lang === hint) hintScore = score;
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = b;
    } else if (score > second) second = score;
  });
  if (best < 0 || wordHits[best]! < Math.max(2, words * 0.05)) return { lang: 'other', share: 0 };
  // The declared language wins a close call ("la" and "de" are words of several languages).
  if (hint !== undefined && hintScore >= bestScore * 0.7 && hintScore > 0) {
    const h = profiles.langs.indexOf(hint);
    return { lang: hint, share: h >= 0 ? wordHits[h]! / words : 0 };
  }
  if (bestScore < second * 1.15) return { lang: 'other', share: 0 };
  return { lang: profiles.langs[best]!, share: wordHits[best]! / words };
}
