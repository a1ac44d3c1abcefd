/**
 * What the page script reports about a page and what the background answers, shared by the page
 * script, the background, the popup and the side panel. Pure types: components may import them.
 */
import type { TextMention } from './engine/page';
import type { Signal } from './engine/types';
import type { Kind } from './kb/kinds';
import type { Settings } from './settings';

export type PageStatus = 'espionage' | 'article' | 'not-article' | 'paused' | 'disabled' | 'loading';

/** A reference in words: an entry's cue set whose terms all appear within one paragraph. */
export interface ArticleReference {
  id: string;
  /** The words that matched, as written in the article. */
  words: string[];
}

/** The event the article itself appears to report (see core/engine/article-event.ts). */
export interface ArticleEvent {
  id: string;
  /** Found by one of its names, by a reference in words, or by what the article says (core/engine/event-score.ts). */
  via: 'name' | 'cues' | 'content';
  /** Why it was chosen: what the article shares with the event (shown as one line under it). */
  why?: EventReason[];
  /** Other events that scored the same: the choice is a tie, and the reader is told so. */
  tiedWith?: string[];
}

/** One ground for choosing an event, with the words or names it rests on. */
export interface EventReason {
  kind: 'named' | 'parties' | 'targets' | 'terms' | 'date';
  /** What matched, as short labels (entry names, the article's words, a date). */
  what: string[];
}

/** A stretch of the article's own text, for quoting and "show in page" (offsets in the read text). */
export interface ArticleQuote {
  text: string;
  start: number;
  end: number;
}

/** One accusation the article reports, taken from its own words (core/engine/brief.ts). */
export interface BriefClaim {
  /** Who accuses, attributes, blames, charges or sanctions, as the article names them. */
  accuser: string;
  accuserId?: string;
  /** Whom, where the sentence says. */
  accused?: string;
  accusedId?: string;
  /** Of what. */
  of: ('hacking' | 'espionage' | 'sabotage' | 'spyware')[];
  /** Targets and sectors named in the same sentence. */
  targets: string[];
  /** A period the sentence gives ("since May 2023"). */
  period?: string;
  /** The sentence it came from. */
  quote: ArticleQuote;
}

/** What the article reports when the knowledge base holds no event for it: only what is found, nothing invented. */
export interface ArticleBrief {
  claims: BriefClaim[];
  /** The response or denial the article reports, if any. */
  response?: ArticleQuote;
}

/** What an article introduces a name as ("a new backdoor dubbed X": malware). */
export const INTRODUCED_KINDS = ['malware', 'group', 'campaign'] as const;
export type IntroducedKind = (typeof INTRODUCED_KINDS)[number];

/** How the article itself introduced a name (core/engine/introduced-names.ts). */
export interface Introduction {
  kind: IntroducedKind;
  /** The introducing words as the article writes them ("backdoor dubbed", "名为…的后门"). */
  words: string;
}

/**
 * A name the knowledge base does not know ("Not in Spyglass yet"): one that fits a vendor's naming
 * pattern ("UNC9999", with `pattern`), or one the article introduces in words ("a new backdoor
 * dubbed BRICKSTORM", with `introduced`). Exactly one of the two is set.
 */
export interface PatternName {
  text: string;
  /** Pattern id in assets/naming/patterns.json. */
  pattern?: string;
  introduced?: Introduction;
}

/** What a vendor naming pattern means (assets/naming/patterns.json), as cards and exports show it. */
export interface PatternInfo {
  /** Who uses the pattern ("Mandiant (Google Threat Intelligence)"). */
  usedBy: string;
  meaning: string;
  /** What the name's family word tells ("China" for "… Typhoon"), where the pattern has families. */
  family?: string;
}

/** A pattern name as the background reports it to the page script: where it is and what it means. */
export interface PlacedPatternName extends PatternName {
  start: number;
  end: number;
  info?: PatternInfo;
}

export interface PageState {
  url: string;
  status: PageStatus;
  score: number;
  lang: string;
  signals: Signal[];
  entities: { id: string; count: number; /** The alias text first matched on the page. */ matched?: string }[];
  /** References in words (cue sets), in the order found. */
  references?: ArticleReference[];
  /** The article's own event, when one event entry matches and the article's date fits. */
  event?: ArticleEvent;
  /** Who accuses whom of what, from the article's own sentences (when found). */
  brief?: ArticleBrief;
  /** Names the knowledge base does not know: in vendor patterns, or introduced by the article's words. */
  patternNames?: PatternName[];
  /** The article's publication date from its metadata (YYYY-MM-DD), when it has one. */
  published?: string;
  /** The page's title, for exports. */
  title?: string;
  /** The topic gate skipped this article (no cue of our topic): it was not read unless the reader asks. */
  skipped?: boolean;
}

/** The settings the page script needs to paint and show cards (the background owns the rest). */
export type PageView = Pick<
  Settings,
  'hoverCards' | 'hoverDelayMs' | 'mentions' | 'highlightStyle' | 'colors' | 'language' | 'theme'
>;

/** The background's verdict on a page's text. */
export interface AnalyzeReply {
  status: Exclude<PageStatus, 'loading'>;
  score: number;
  lang: string;
  signals: Signal[];
  /** Whether to paint the mentions (espionage article, or any article when the reader chose so). */
  paint: boolean;
  /** Every knowledge-base mention after the title line, in text order. */
  mentions: TextMention[];
  /** Kind of each mentioned entry. */
  kinds: Record<string, Kind>;
  view: PageView;
  references?: ArticleReference[];
  event?: ArticleEvent;
  brief?: ArticleBrief;
  /** Names the knowledge base does not know (vendor patterns, names the article introduces), with their offsets (painted quietly). */
  patternNames?: PlacedPatternName[];
}
