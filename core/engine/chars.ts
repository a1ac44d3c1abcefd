/**
 * Per-code-unit tables shared by the matcher and the language sniffer.
 * Folding maps one UTF-16 code unit to one code unit, so offsets in folded
 * text are offsets in the page text (mentions map back to DOM nodes 1:1).
 */

/** Character classes: word characters need word boundaries, CJK ones do not. */
export const CLS_OTHER = 0;
export const CLS_SPACE = 1;
export const CLS_WORD = 2; // Latin/Greek/Cyrillic/Arabic/Hebrew/Devanagari letters, digits, combining marks
export const CLS_HAN = 3;
export const CLS_KANA = 4;
export const CLS_HANGUL = 5;
/** Thai letters and marks: written without spaces between words, so, like CJK, no word boundaries. */
export const CLS_THAI = 6;

let classTable: Uint8Array | undefined;
let foldCaseTable: Uint16Array | undefined;
let foldWidthTable: Uint16Array | undefined;

function range(t: Uint8Array, from: number, to: number, v: number): void {
  t.fill(v, from, to + 1);
}

/**
 * Zero-width non-joiner (U+200C) counts as a space: Persian writes the same word with it, with a
 * space or joined ("حمله‌های" / "حمله های"), and the topic gate already reads it as a boundary.
 */
const ZWNJ = 0x200c;
const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, ZWNJ, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];

/**
 * Every code unit that caseFold() may change lies in one of these ranges
 * (inclusive), so a loader can visit ~1,900 code units instead of 65,536.
 * A unit test checks the claim against the full table.
 */
export const FOLD_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x41, 0x5a],
  [0xa0, 0xa0],
  [0xc0, 0x24f],
  [0x370, 0x52f],
  [0x5be, 0x5be], // Hebrew maqaf (a hyphen)
  [0x5f3, 0x5f4], // Hebrew geresh and gershayim (quote marks in acronyms)
  [0x1680, 0x1680],
  [0x1e00, 0x1eff],
  [0x1f00, 0x1fff], // polytonic Greek, folded to plain lower-case letters
  [0x2000, 0x2033],
  [0x205f, 0x205f],
  [0x2212, 0x2212],
  [0x3000, 0x300d],
  [0x30fb, 0x30fb],
  [0xff01, 0xff5e],
];

/** Ranges that hold every word character (CLS_WORD); a few code units inside them are not. */
export const WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f], // "_" joins identifiers, as in \w
  [0x61, 0x7a],
  [0xc0, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x52f],
  [0x591, 0x5bd], // Hebrew: cantillation and vowel points, then letters (maqaf, paseq and sof pasuq left out)
  [0x5bf, 0x5bf],
  [0x5c1, 0x5c2],
  [0x5c4, 0x5c5],
  [0x5c7, 0x5c7],
  [0x5d0, 0x5ea],
  [0x5ef, 0x5f2],
  [0x610, 0x61a], // Arabic script: marks, letters and digits (its punctuation is left out)
  [0x620, 0x669],
  [0x66e, 0x6d3],
  [0x6d5, 0x6ff],
  [0x750, 0x77f],
  [0x900, 0x963], // Devanagari: letters, vowel signs, virama, digits (the dandas are punctuation)
  [0x966, 0x97f],
  [0x1e00, 0x1eff],
  [0x1f00, 0x1fbc], // polytonic Greek letters (its spacing accents left out)
  [0x1fbe, 0x1fbe],
  [0x1fc2, 0x1fcc],
  [0x1fd0, 0x1fdb],
  [0x1fe0, 0x1fec],
  [0x1ff2, 0x1ffc],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

/** Code units inside WORD_RANGES that are not word characters. */
export const WORD_EXCEPTIONS: readonly number[] = [0xd7, 0xf7, 0x37e, 0x387]; // ×, ÷, Greek question mark and ano teleia

export function charClasses(): Uint8Array {
  if (classTable) return classTable;
  const t = new Uint8Array(65536);
  for (const [from, to] of WORD_RANGES) range(t, from, to, CLS_WORD);
  for (const c of WORD_EXCEPTIONS) t[c] = CLS_OTHER;
  range(t, 0x3040, 0x30ff, CLS_KANA);
  range(t, 0x31f0, 0x31ff, CLS_KANA);
  t[0x30fb] = CLS_OTHER; // middle dot, also used in Chinese for foreign names
  range(t, 0xff66, 0xff9f, CLS_KANA);
  range(t, 0x3400, 0x4dbf, CLS_HAN);
  range(t, 0x4e00, 0x9fff, CLS_HAN);
  range(t, 0xf900, 0xfaff, CLS_HAN);
  range(t, 0x1100, 0x11ff, CLS_HANGUL);
  range(t, 0xac00, 0xd7af, CLS_HANGUL);
  range(t, 0xe00, 0xe7f, CLS_THAI);
  for (const c of SPACES) t[c] = CLS_SPACE;
  range(t, 0x2000, 0x200a, CLS_SPACE);
  classTable = t;
  return t;
}

/** Width, quote, dash and space folding, keeping letter case. */
export function widthFold(): Uint16Array {
  if (foldWidthTable) return foldWidthTable;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const c of SPACES) t[c] = 0x20;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 0x20;
  for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0xff07]) t[c] = 0x27;
  for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x300c, 0x300d]) t[c] = 0x22;
  for (let c = 0x2010; c <= 0x2015; c++) t[c] = 0x2d;
  t[0x2212] = 0x2d;
  t[0xff0d] = 0x2d;
  t[0x5be] = 0x2d; // Hebrew maqaf
  t[0x5f3] = 0x27; // Hebrew geresh, as in ג׳
  t[0x5f4] = 0x22; // Hebrew gershayim, as in צה״ל
  t[0x30fb] = 0xb7; // katakana middle dot, used in Chinese transliterations too
  t[0xff0f] = 0x2f;
  foldWidthTable = t;
  return t;
}

/** widthFold() for one code unit, without building the table (for rare checks at run time). */
export function widthFoldChar(c: number): number {
  if (c < 0x80) return c >= 0x09 && c <= 0x0d ? 0x20 : c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c < 0xa0) return c;
  if (c === 0x5be) return 0x2d;
  if (c === 0x5f3) return 0x27;
  if (c === 0x5f4) return 0x22;
  if (c === 0xa0 || c === 0x1680 || c === ZWNJ || (c >= 0x2000 && c <= 0x200a)) return 0x20;
  if (c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) return 0x20;
  if ((c >= 0x2018 && c <= 0x201b) || c === 0x2032) return 0x27;
  if ((c >= 0x201c && c <= 0x201f) || c === 0x2033 || c === 0x300c || c === 0x300d) return 0x22;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 0x2d;
  if (c === 0x30fb) return 0xb7;
  return c;
}

/**
 * Greek without accents and with one sigma: headlines in capitals drop the tonos ("ΚΥΒΕΡΝΟΕΠΙΘΕΣΗ"
 * for "κυβερνοεπίθεση") and a word ends in ς where a stem continues with σ. Each Greek letter folds
 * to the lower-case base letter of its canonical decomposition (ά → α, ΐ → ι, ἄ → α), ς to σ.
 */
function greekFold(t: Uint16Array, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
    const b = base.length === 1 ? base.charCodeAt(0) : c;
    if (b >= 0x3b1 && b <= 0x3c9) t[c] = b === 0x3c2 ? 0x3c3 : b;
  }
}

/** Width folding plus lower-casing (only where lower-casing keeps one code unit). */
export function caseFold(): Uint16Array {
  if (foldCaseTable) return foldCaseTable;
  const w = widthFold();
  const t = new Uint16Array(w);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = c - 0xfee0 + 32;
  const lowerRange = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const l = String.fromCharCode(c).toLowerCase();
      if (l.length === 1) t[c] = l.charCodeAt(0);
    }
  };
  lowerRange(0xc0, 0x24f);
  lowerRange(0x370, 0x52f);
  lowerRange(0x1e00, 0x1eff);
  greekFold(t, 0x370, 0x3ff);
  greekFold(t, 0x1f00, 0x1fff);
  foldCaseTable = t;
  return t;
}

export function foldString(s: string, caseInsensitive: boolean): string {
  const t = caseInsensitive ? caseFold() : widthFold();
  let out = '';
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = t[s.charCodeAt(i)]!;
    if (c === 0x20) {
      if (prevSpace || out.length === 0) continue;
      prevSpace = true;
    } else prevSpace = false;
    out += String.fromCharCode(c);
  }
  return prevSpace ? out.slice(0, -1) : out;
}
