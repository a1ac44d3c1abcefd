/** The cue-word lexicon (assets/lexicon/*.json) in the shape the matcher and classifier use. */
import { LEXICON_FILES } from './lexicon-files';
import modelData from '../../assets/lexicon/model.json';
import type { Kind } from '../kb/schema';
import type { VerdictClass } from '../kb/kinds';
import type { LexiconPattern } from './matcher';

export interface Weights {
  /** Hacking evidence. */
  c: number;
  /** Espionage / state evidence. */
  s: number;
  /** Penalty. */
  p: number;
}

/** The verdict's constants (assets/lexicon/model.json); see classify.ts for the formula. */
export interface LexiconModel {
  bias: number;
  /** Weight of min(C, S). */
  a: number;
  /** Weight of S. */
  b: number;
  /** Weight of C. */
  d: number;
  /** Characters at the start (title and lead) whose cues count extra. */
  leadChars: number;
  /** How many extra counts a cue in the lead adds. */
  leadBoost: number;
  /** A penalty group cannot outweigh everything else on its own. */
  groupCap: number;
  /** Size unit for normalisation, in Latin-character equivalents. */
  sizeUnit: number;
  /** Evidence weights of a knowledge-base mention, by kind of entry. */
  kinds: Record<Kind, Weights>;
  /** Weights of entries with a verdict class (they replace the kind's weights). */
  classes: Record<VerdictClass, Weights>;
  /** What a text in a language without a lexicon needs besides the score (core/engine/unsupported-lang.ts). */
  noLexicon: {
    /** The bias in place of `bias`: the language's own cue words, which would add evidence, are not read. */
    bias: number;
    /** Lowest score, whatever the reader's sensitivity. */
    minScore: number;
    /** Distinct groups, malware, operations, allegations or actions, plus naming-scheme names. */
    minStrong: number;
    /** Or this many distinct agencies and organisations. */
    minOrganizations: number;
    /**
     * A text whose detected language has fewer of its function words than this share is read as
     * possibly a neighbour without a lexicon (Catalan as Spanish), and may pass by the same rule.
     */
    weakShare: number;
  };
}

/** A language's words that introduce a name (see IntroducersSchema in lexicon-check.ts). */
export interface Introducers {
  malware: string[];
  group: string[];
  campaign: string[];
  /** The name follows ("dubbed X"). */
  naming: string[];
  /** The name comes first ("X と呼ばれる", "X adlı"). */
  nameFirst?: string[];
  /** Words joining two names of a list ("and", "或", "및"); a comma always joins. */
  joins?: string[];
}

export interface LexiconFile {
  lang: string;
  /** Frequent function words, for the language detector. */
  stopwords?: string[];
  /** Letters that tell the language apart from others of its script. */
  distinctive?: string;
  /** Verbs of accusing and of denying, read by the article brief (see lexicon-check.ts). */
  claims?: { accuse: string[]; deny: string[] };
  /** Words that introduce a name (malware, group, campaign, naming), read by core/engine/introduced-names.ts. */
  introducers?: Introducers;
  terms: {
    texts: string[];
    c?: number;
    s?: number;
    p?: number;
    group?: string;
    prefix?: boolean;
    caseSensitive?: boolean;
  }[];
}

export interface LexiconTerm {
  /** Shown to the reader as the "why" (the first surface form). */
  label: string;
  /** Weight as evidence of hacking. */
  c: number;
  /** Weight as evidence of espionage or state involvement. */
  s: number;
  /** Penalty weight, with the look-alike subject it marks. */
  p: number;
  group: string;
}

export interface Lexicon {
  model: LexiconModel;
  terms: LexiconTerm[];
  patterns: LexiconPattern[];
}

/** Every assets/lexicon/<lang>.json (validated by scripts/kb-build.ts at every build). */
export const DEFAULT_LEXICON_FILES: readonly LexiconFile[] = Object.values(LEXICON_FILES);

export const DEFAULT_MODEL: LexiconModel = modelData as LexiconModel;

/**
 * What the extension needs of a lexicon file at run time: the stop words and letters of the
 * language detector, and each term's weights and label. The surface forms are compiled into the
 * matcher at build time, so only each term's first (its label) is kept. buildLexicon() gives the
 * same terms, in the same order, from these as from the full files.
 */
export function runtimeLexiconFile(f: LexiconFile): LexiconFile {
  return {
    lang: f.lang,
    ...(f.claims ? { claims: f.claims } : {}),
    ...(f.introducers ? { introducers: f.introducers } : {}),
    ...(f.stopwords ? { stopwords: f.stopwords } : {}),
    ...(f.distinctive !== undefined ? { distinctive: f.distinctive } : {}),
    terms: f.terms.map((t) => ({
      texts: t.texts.slice(0, 1),
      ...(t.c !== undefined ? { c: t.c } : {}),
      ...(t.s !== undefined ? { s: t.s } : {}),
      ...(t.p !== undefined ? { p: t.p } : {}),
      ...(t.group !== undefined ? { group: t.group } : {}),
    })),
  };
}

export function buildLexicon(
  files: readonly LexiconFile[] = DEFAULT_LEXICON_FILES,
  model: LexiconModel = DEFAULT_MODEL,
): Lexicon {
  const terms: LexiconTerm[] = [];
  const patterns: LexiconPattern[] = [];
  for (const file of files) {
    for (const t of file.terms) {
      const label = t.texts[0];
      if (label === undefined) continue;
      const term = terms.length;
      terms.push({ label, c: t.c ?? 0, s: t.s ?? 0, p: t.p ?? 0, group: t.group ?? '' });
      for (const text of t.texts) {
        patterns.push({ text, term, caseSensitive: t.caseSensitive ?? false, prefix: t.prefix ?? false });
      }
    }
  }
  return { model, terms, patterns };
}

let defaultLexicon: Lexicon | undefined;
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= buildLexicon();
  return defaultLexicon;
}
