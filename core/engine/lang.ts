/**
 * Cheap language sniffing on a sample of the text: script ratios decide
 * Chinese (and Simplified vs Traditional from characters that differ),
 * function words decide English vs other Latin-script languages.
 */
import { CLS_HAN, CLS_HANGUL, CLS_KANA, CLS_WORD, charClasses } from './chars';

export type Lang = 'en' | 'zh-Hans' | 'zh-Hant' | 'other';

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

const EN_WORDS = new Set(
  'the of and to in is that for it on was with as by he be at are from this have or an they which has not but his said were been its their will would who had also after more than about'.split(
    ' ',
  ),
);
const OTHER_WORDS = new Set(
  'der die und das ist nicht mit den von zu ein eine sich auch auf dem des im für el la los las que y en del por con para una es se lo al le les et des est une dans pour qui pas sur du au il elle nous vous ne em um uma os não com na no da do di che il per non sono della och att det som är på er og ikke het een van niet voor zijn'.split(
    ' ',
  ),
);

const SAMPLE = 20000;

export function detectLang(text: string): Lang {
  const cls = charClasses();
  if (!hansSet) {
    hansSet = new Set(HANS.map((c) => c.charCodeAt(0)));
    hantSet = new Set(HANT.map((c) => c.charCodeAt(0)));
    for (const c of HANS) if (HANT.includes(c)) hantSet.delete(c.charCodeAt(0));
    for (const c of HANT) if (HANS.includes(c)) hansSet.delete(c.charCodeAt(0));
  }
  const n = Math.min(text.length, SAMPLE);
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let hans = 0;
  let hant = 0;
  let enWords = 0;
  let otherWords = 0;
  let words = 0;
  let wordStart = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    const k = cls[c];
    if (k === CLS_WORD) {
      if (wordStart < 0) wordStart = i;
      latin++;
      continue;
    }
    if (wordStart >= 0) {
      if (i - wordStart <= 5) {
        const w = text.slice(wordStart, i).toLowerCase();
        if (EN_WORDS.has(w)) enWords++;
        else if (OTHER_WORDS.has(w)) otherWords++;
      }
      words++;
      wordStart = -1;
    }
    if (k === CLS_HAN) {
      han++;
      if (hansSet.has(c)) hans++;
      else if (hantSet!.has(c)) hant++;
    } else if (k === CLS_KANA) kana++;
    else if (k === CLS_HANGUL) hangul++;
  }
  const cjk = han + kana + hangul;
  // A CJK character carries about as much as a short Latin word.
  if (cjk * 3 > latin) {
    if (kana > han * 0.1 || hangul > han) return 'other';
    if (han === 0) return 'other';
    return hant > hans ? 'zh-Hant' : 'zh-Hans';
  }
  if (words < 5) return 'other';
  return enWords / words >= 0.1 && enWords > otherWords * 1.5 ? 'en' : 'other';
}
