/**
 * The background's half of reading a page, for callers outside the browser (the export CLI): the
 * same pageReply() the service worker runs (core/page-reply.ts), with the knowledge base compiled in
 * Node, Spyglass on and no reader choices. So the command line sees what the popup sees.
 */
import type { EventCandidate } from '../engine/article-event';
import type { EventIndex } from '../engine/event-score';
import type { Matcher } from '../engine/matcher';
import type { PageText } from '../engine/page';
import type { CompiledCueSet } from '../engine/references';
import type { Kind } from '../kb/kinds';
import { pageReply } from '../page-reply';
import type { AnalyzeReply } from '../page-state';
import { NO_CHOICES } from '../reader-choices';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

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

/** The reply for a page read with Spyglass on, at `url`, with the given settings. */
export function analyzeReply(
  page: PageText,
  kb: ReplyKb,
  settings: Pick<Settings, 'threshold' | 'scope'>,
  url = '',
): AnalyzeReply {
  const events = kb.events;
  return pageReply({
    page,
    url,
    settings: { ...DEFAULT_SETTINGS, ...settings, enabled: true, pausedSites: [] },
    choices: NO_CHOICES,
    matcher: () => kb.matcher,
    kindOf: (id) => kb.kinds.get(id),
    cueSets: kb.cueSets,
    event: kb.eventById,
    ...(events ? { events: () => events } : {}),
  });
}
