/** The cue-word lexicon (assets/lexicon/*.json) in the shape the matcher and classifier use. */
import enData from '../../assets/lexicon/en.json';
import zhData from '../../assets/lexicon/zh.json';
import type { LexiconPattern } from './matcher';

export interface LexiconFile {
  lang: string;
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
  terms: LexiconTerm[];
  patterns: LexiconPattern[];
}

export const DEFAULT_LEXICON_FILES: readonly LexiconFile[] = [enData as LexiconFile, zhData as LexiconFile];

export function buildLexicon(files: readonly LexiconFile[] = DEFAULT_LEXICON_FILES): Lexicon {
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
  return { terms, patterns };
}

let defaultLexicon: Lexicon | undefined;
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= buildLexicon();
  return defaultLexicon;
}
