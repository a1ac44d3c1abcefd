/**
 * The background's half of reading a page, as a pure function: the verdict and mentions from the
 * page script's text, then (when the page is painted) the references in words, the article's
 * event and the names in vendor naming patterns. The service worker and the export CLI both call
 * it, so the command line sees what the popup sees.
 */
import { analyzePageText } from '../engine/analyze';
import { articleContext } from '../engine/article-context';
import type { EventCandidate } from '../engine/article-event';
import type { EventIndex } from '../engine/event-score';
import type { Matcher } from '../engine/matcher';
import type { PageText } from '../engine/page';
import { patternNamesIn } from '../engine/pattern-names';
import type { CompiledCueSet } from '../engine/references';
import type { Kind } from '../kb/kinds';
import type { AnalyzeReply, PageView } from '../page-state';
import type { Settings } from '../settings';

/** What the analysis needs from the knowledge base (the worker holds it compiled, Node builds it). */
export interface ReplyKb {
  matcher: Matcher;
  /** Kind of each entry, by id. */
  kinds: ReadonlyMap<string, Kind>;
  cueSets: readonly CompiledCueSet[];
  /** An event entry's dates and claim, by id. */
  eventById: (id: string) => EventCandidate['entry'] | undefined;
  /** Every event, indexed, so the article's event is also found by what the article says. */
  events?: EventIndex;
}

/** The display settings the page script needs (the background keeps the rest). */
export function pageViewOf(s: Settings): PageView {
  return {
    hoverCards: s.hoverCards,
    hoverDelayMs: s.hoverDelayMs,
    mentions: s.mentions,
    highlightStyle: s.highlightStyle,
    colors: s.colors,
    language: s.language,
    theme: s.theme,
  };
}

/** The reply for a page when Spyglass is on and the site is not paused. */
export function analyzeReply(
  page: PageText,
  kb: ReplyKb,
  settings: Pick<Settings, 'threshold' | 'scope'>,
  view: PageView,
): AnalyzeReply {
  const a = analyzePageText(page, { matcher: kb.matcher, threshold: settings.threshold });
  const status = !a.isArticle ? 'not-article' : a.espionage ? 'espionage' : 'article';
  const kinds: Record<string, Kind> = {};
  for (const f of a.found) kinds[f.id] = kb.kinds.get(f.id) ?? 'concept';
  const reply: AnalyzeReply = {
    status,
    score: a.score,
    lang: a.lang,
    signals: a.signals.slice(0, 12),
    paint: status === 'espionage' || (status === 'article' && settings.scope === 'any-article'),
    mentions: a.found,
    kinds,
    view,
  };
  if (reply.paint) {
    const ctx = articleContext({
      text: page.text,
      found: a.found,
      cueSets: kb.cueSets,
      entry: kb.eventById,
      ...(kb.events ? { events: kb.events } : {}),
      ...(page.published ? { published: page.published } : {}),
    });
    if (ctx.references.length > 0) reply.references = ctx.references;
    if (ctx.event) reply.event = ctx.event;
    const names = patternNamesIn(page.text, a.found);
    if (names.length > 0) reply.patternNames = names;
  }
  return reply;
}
