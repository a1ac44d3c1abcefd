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
  /** Found by one of its names, or by a reference in words. */
  via: 'name' | 'cues';
}

/** A name that fits a vendor's naming pattern but is not in the knowledge base ("UNC9999"). */
export interface PatternName {
  text: string;
  /** Pattern id in assets/naming/patterns.json. */
  pattern: string;
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
  /** Names in vendor patterns the knowledge base does not know. */
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
  /** Names in vendor patterns, with their offsets in the page text (painted quietly). */
  patternNames?: PlacedPatternName[];
}
