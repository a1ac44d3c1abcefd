/**
 * Names as the data sets spell them: splitting combined strings, the key two names share, which
 * names need hacking context or exact letter case, and ASCII ids. Pure module.
 */
import type { CommonWords } from './config';

/** Key under which two spellings count as the same name ("Fancy Bear" = "FANCY BEAR" = "fancy  bear"). */
export function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * One data string can hold several names: "Turla, Waterbug, Venomous Bear", "APT37（Reaper）",
 * "核危机行动（Operation NuclearCrisis）". Returns each name once, trimmed.
 */
export function splitNames(raw: string): string[] {
  const parts = raw
    .normalize('NFKC')
    .split(/[,，、;]|[()（）]/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
  return [...new Set(parts)];
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[A-Za-z]+$/;

export function isHanName(text: string): boolean {
  return HAN.test(text) && !/[A-Za-z]/.test(text);
}

export interface NameRules {
  /** Lower-case ordinary words (English words, places, first names, element names). */
  common: ReadonlySet<string>;
  /** Lower-case tools criminals and testers also use. */
  dualUse: ReadonlySet<string>;
  /** Lower-case labels that name nothing in particular. */
  skip: ReadonlySet<string>;
}

export function nameRules(words: CommonWords): NameRules {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  return {
    common: new Set([...lower(words.words), ...lower(words.elements)]),
    dualUse: lower(words.dualUseTools),
    skip: lower(words.skipNames),
  };
}

export interface NameFlags {
  caseSensitive: boolean;
  requiresContext: boolean;
  /** Set when the name is too ordinary to match at all (it stays the entry's name, for search). */
  drop?: string;
}

export interface NameUse {
  kind: 'threat-actor' | 'malware' | 'operation';
}

/**
 * The precision rule for a name:
 * - an all-capitals acronym of up to five letters, or a code with digits ("APT1", "TA505", "TG-4127"),
 *   matches case-sensitively; a code needs no context unless it is three characters or fewer;
 * - a single ordinary word (or three letters or fewer): for a group it matches only as spelt
 *   ("Sidewinder", "STRONTIUM") and with hacking context; for malware, tools and operations it is
 *   not matched at all ("Page", "Calendar", "Empire" are everyday words far more often);
 * - a name whose every word is ordinary ("Fancy Bear", "Night Dragon") matches only as spelt and
 *   with context;
 * - a Chinese name of four characters or fewer needs context (most are ordinary words);
 * - a tool criminals and testers also use needs context.
 */
export function nameFlags(text: string, rules: NameRules, use: NameUse = { kind: 'threat-actor' }): NameFlags {
  const t = text.trim();
  const words = t.split(/\s+/);
  const letters = t.replace(/[^A-Za-z]/g, '');
  const code = words.length === 1 && /\d/.test(t) && /[A-Za-z]/.test(t);
  const acronym =
    words.length === 1 &&
    /^[A-Z0-9][A-Z0-9._-]*$/.test(t) &&
    /[A-Z]/.test(t) &&
    (code ? t.length <= 12 : t.length <= 5);
  const dualUse = rules.dualUse.has(t.toLowerCase());
  if (isHanName(t)) return { caseSensitive: false, requiresContext: [...t].length <= 4 };
  if (code) return { caseSensitive: acronym, requiresContext: dualUse || t.length <= 3 };
  if (words.length === 1) {
    const ordinary =
      rules.common.has(t.toLowerCase()) || (LATIN_WORD.test(t) && letters.length <= 3) || letters.length <= 2;
    // A name spelt like a plain word ("Elise", "Crutch", "bitter") matches only as spelt, and a
    // malware or operation name of that shape also needs context.
    const wordLike = /^[A-Z]?[a-z]+$/.test(t);
    if (!ordinary)
      return {
        caseSensitive: acronym || wordLike,
        requiresContext: dualUse || (wordLike && (use.kind !== 'threat-actor' || /^[a-z]/.test(t))),
      };
    if (use.kind !== 'threat-actor')
      return { caseSensitive: true, requiresContext: true, drop: 'an ordinary word: too ambiguous to match' };
    return { caseSensitive: true, requiresContext: true };
  }
  const allOrdinary = words.every((w) => {
    const bare = w.toLowerCase().replace(/[^a-z0-9]/g, '');
    return bare.length === 0 || /^\d+$/.test(bare) || rules.common.has(bare) || bare.length <= 2;
  });
  if (allOrdinary) return { caseSensitive: true, requiresContext: true };
  return { caseSensitive: false, requiresContext: dualUse };
}

/** Why a name is not imported as an alias, or undefined when it is fine. */
export function skipReason(text: string, rules: NameRules): string | undefined {
  const t = text.trim();
  if (/^[GCS]\d{4}$/.test(t)) return 'an ATT&CK id (kept as attackId)';
  if (t.replace(/[^\p{L}\p{N}]/gu, '').length < 2) return 'too short to match';
  if (/^\d+$/.test(t)) return 'a bare number';
  if (rules.skip.has(t.toLowerCase())) return 'a generic label';
  if (t.length > 60) return 'too long to be a name';
  return undefined;
}

/** ASCII kebab-case id from a name ("Sandworm Team" → "sandworm-team", "TEMP.Veles" → "temp-veles"). */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s;
}
