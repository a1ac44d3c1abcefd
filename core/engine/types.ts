/** Shared types of the detection engine. Pure: no browser-extension API, no Preact. */
import type { Kind } from '../kb/schema';
import type { VerdictClass } from '../kb/kinds';

/** One alias to find in text, as compiled from the knowledge base. */
export interface MatcherPattern {
  text: string;
  /** Knowledge-base entry id. */
  id: string;
  kind: Kind;
  /** The entry's verdict class, when its weight differs from its kind's (see the schema). */
  verdictClass?: VerdictClass;
  caseSensitive: boolean;
  /** Counts only when the surrounding text is about hacking/espionage. */
  requiresContext: boolean;
}

/** A signal that contributed to the verdict, shown to the reader as "why". */
export interface Signal {
  /** The term or entity id. */
  term: string;
  /** "term" for lexicon words, "entity" for knowledge-base entries, "penalty" for negative cues. */
  type: 'term' | 'entity' | 'penalty';
  weight: number;
  count: number;
}

export interface Mention {
  id: string;
  /** The exact text found. */
  text: string;
  /** Character offsets in the analysed text. */
  start: number;
  end: number;
  /** For documents: the text node and offsets inside it. */
  node?: Text;
  nodeStart?: number;
  nodeEnd?: number;
  /**
   * Added: set only when the mention runs across several text nodes
   * ("Volt <b>Typhoon</b>"). Then `nodeEnd` is the end of `node`, and the
   * mention ends at `endNodeOffset` in `endNode`.
   */
  endNode?: Text;
  endNodeOffset?: number;
}

export interface Analysis {
  isArticle: boolean;
  espionage: boolean;
  score: number;
  signals: Signal[];
  mentions: Mention[];
  lang: string;
}
