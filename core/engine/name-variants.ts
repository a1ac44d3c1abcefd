/**
 * One normalisation of names, applied when the matcher is compiled: every alias also matches
 * its "&"/"and", British/American, dotted/undotted ("U.S."/"US"), hyphen/space and possessive
 * variants, so no entry needs hand-written copies. Pure; the spelling pairs are data
 * (assets/matching/variants.json).
 */
import variantsData from '../../assets/matching/variants.json';

export interface VariantRules {
  /** Whole-word spelling pairs, compared in lower case. */
  words: readonly (readonly [string, string])[];
  /** Dotted and undotted abbreviations, compared exactly. */
  dotted: readonly (readonly [string, string])[];
}

export const DEFAULT_VARIANT_RULES: VariantRules = variantsData as unknown as VariantRules;

/** At most this many forms per alias (the original included). */
export const MAX_VARIANTS = 16;

type Token = { alts: string[] };

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

function wordAlternatives(word: string, rules: VariantRules): string[] {
  const alts = [word];
  const lower = word.toLowerCase();
  for (const [a, b] of rules.words) {
    const other = lower === a ? b : lower === b ? a : undefined;
    if (other === undefined || other === lower) continue;
    // Keep the word's letter case: all caps, capitalised or lower.
    const cased =
      word === word.toUpperCase()
        ? other.toUpperCase()
        : word[0] === word[0]!.toUpperCase()
          ? other[0]!.toUpperCase() + other.slice(1)
          : other;
    alts.push(cased);
  }
  for (const [dotted, plain] of rules.dotted) {
    if (word === dotted) alts.push(plain);
    else if (word === plain) alts.push(dotted);
  }
  // Possessive: "People's" also as "Peoples" and "People’s" (curly quotes fold at match time).
  const m = /^(.+)'s$/.exec(word);
  if (m) alts.push(`${m[1]}s`);
  return alts;
}

/** Splits an alias into words and the separators between them, each with its alternatives. */
function tokenize(text: string, rules: VariantRules): Token[] {
  const tokens: Token[] = [];
  const re = /(\s*&\s*|\s+and\s+|\s+|-)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = text.slice(last, m.index);
    if (word) tokens.push({ alts: wordAlternatives(word, rules) });
    const sep = m[0];
    if (sep.trim() === '&' || sep.trim() === 'and')
      tokens.push({ alts: [sep.trim() === '&' ? ' & ' : ' and ', sep.trim() === '&' ? ' and ' : ' & '] });
    else if (sep === '-') {
      // "cyber-espionage" ~ "cyber espionage"; "APT-27" ~ "APT 27" ~ "APT27" (letters then digits).
      const prev = text[m.index - 1] ?? '';
      const next = text[m.index + 1] ?? '';
      tokens.push({ alts: isLetter(prev) && isDigit(next) ? ['-', ' ', ''] : ['-', ' '] });
    } else {
      const prev = text[m.index - 1] ?? '';
      const next = text[m.index + sep.length] ?? '';
      tokens.push({ alts: isLetter(prev) && isDigit(next) ? [' ', '-', ''] : [' '] });
    }
    last = m.index + sep.length;
  }
  const tail = text.slice(last);
  if (tail) {
    // "APT27" ~ "APT 27" ~ "APT-27": a run of capitals followed by digits.
    const code = /^(\p{Lu}{2,})(\p{Nd}+)$/u.exec(tail);
    if (code && tokens.length === 0) {
      tokens.push({ alts: [code[1]!] }, { alts: ['', ' ', '-'] }, { alts: [code[2]!] });
    } else tokens.push({ alts: wordAlternatives(tail, rules) });
  }
  return tokens;
}

/** Every form of an alias the matcher should accept, the alias itself first, without duplicates. */
export function nameVariants(text: string, rules: VariantRules = DEFAULT_VARIANT_RULES): string[] {
  const tokens = tokenize(text, rules);
  let forms = [''];
  for (const t of tokens) {
    const next: string[] = [];
    for (const f of forms) for (const a of t.alts) if (next.length < MAX_VARIANTS * 4) next.push(f + a);
    forms = next;
  }
  const out = [text];
  const seen = new Set([text]);
  for (const f of forms) {
    if (out.length >= MAX_VARIANTS) break;
    if (!seen.has(f) && f.trim().length > 0) {
      seen.add(f);
      out.push(f);
    }
  }
  return out;
}

const CASE_WORD = /^\p{L}+$/u;

/**
 * The letter-case forms under which a case-sensitive multi-word name is also written: a vendor's
 * name stored in capitals ("LIMINAL PANDA") as the press writes it ("Liminal Panda"), and the
 * other way round. Only names of two or more words, each of letters alone, with every word
 * capitalised: "Liminal Panda" and "LIMINAL PANDA" are names, "liminal panda" is not matched. A
 * single word gets no other form ("PLATINUM" is a name, "Platinum" a metal). The alias itself is
 * not in the result.
 */
export function caseVariants(text: string): string[] {
  const words = text.split(/([\s-]+)/);
  const parts = words.filter((_, i) => i % 2 === 0);
  if (parts.length < 2 || !parts.every((w) => CASE_WORD.test(w))) return [];
  const title = words.map((w, i) => (i % 2 === 0 ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w)).join('');
  const upper = text.toUpperCase();
  return [...new Set([title, upper])].filter((f) => f !== text);
}
