/** What "take it away" exports about an article: gathered once from the page state and the KB. Pure. */
import { foldName } from '../kb/entry-view';
import type { Entry, Kind } from '../kb/schema';
import { focusedArticleTimeline, type ArticleTimelineItem } from '../kb/timeline';
import type { ArticleBrief, EventReason, Introduction, PageState, PatternInfo } from '../page-state';

export type { PatternInfo };

export interface ArticleContext {
  url: string;
  title?: string;
  published?: string;
  entities: { entry: Entry; count: number }[];
  event?: Entry;
  /** Why the event was chosen (what the article shares with it). */
  eventWhy?: EventReason[];
  /** Other events that scored the same as the chosen one. */
  eventTiedWith?: Entry[];
  references: { entry: Entry; words: string[] }[];
  /** The timeline the popup shows by default (focused on the article), newest first. */
  timeline: ArticleTimelineItem[];
  /**
   * The timeline's events linked to the article (allegations, actions, operations; not the
   * same-years background, not the article's own event), as entries for the STIX export.
   */
  events?: Entry[];
  /** Who accuses whom of what, in the article's own words (when found). */
  brief?: ArticleBrief;
  /** Names in vendor naming patterns the knowledge base does not know. */
  patternNames: { text: string; pattern?: string; info?: PatternInfo; introduced?: Introduction }[];
}

/** Kinds of the timeline exported as events of their own. */
const EVENT_KINDS: readonly Kind[] = ['allegation', 'action', 'operation'];

/** Every entry by its folded name and aliases (disputed names left out: they name no one entry). */
function nameIndex(entries: ReadonlyMap<string, Entry>): Map<string, Entry> {
  const index = new Map<string, Entry>();
  for (const e of entries.values()) {
    for (const text of [e.name, ...e.aliases.filter((a) => !a.disputed).map((a) => a.text)]) {
      const key = foldName(text);
      if (!index.has(key)) index.set(key, e);
    }
  }
  return index;
}

/**
 * The page's timeline as the popup shows it by default: centred on the article's event, with the
 * entries the article names and refers to in words, focused on those that concern the article
 * (focusedArticleTimeline()), nearest its date first.
 */
export function articleTimelineFor(page: PageState, entries: ReadonlyMap<string, Entry>): ArticleTimelineItem[] {
  const found = page.entities.map((e) => e.id).filter((id) => entries.has(id));
  const eventId = page.event && entries.has(page.event.id) ? page.event.id : undefined;
  const references = (page.references ?? []).map((r) => r.id).filter((id) => entries.has(id) && id !== eventId);
  if (!found.length && !references.length && !eventId) return [];
  return focusedArticleTimeline({
    found,
    references,
    ...(eventId ? { eventId } : {}),
    ...(page.published ? { published: page.published } : {}),
    entries,
  }).shown;
}

export function articleContext(
  page: PageState,
  entries: ReadonlyMap<string, Entry>,
  timeline: ArticleTimelineItem[],
  patterns: ReadonlyMap<string, PatternInfo> = new Map(),
): ArticleContext {
  const event = page.event ? entries.get(page.event.id) : undefined;
  const entities = page.entities.flatMap(({ id, count }) => {
    const entry = entries.get(id);
    return entry ? [{ entry, count }] : [];
  });
  // A name the knowledge base knows is never listed as unknown (a name in the headline, which the
  // page's matcher does not read, can reach us as a pattern name): it is one of the entities.
  const known = page.patternNames?.length ? nameIndex(entries) : new Map<string, Entry>();
  const patternNames: ArticleContext['patternNames'] = [];
  for (const n of page.patternNames ?? []) {
    const entry = known.get(foldName(n.text));
    if (entry) {
      if (!entities.some((x) => x.entry.id === entry.id)) entities.push({ entry, count: 1 });
      continue;
    }
    const info = n.pattern ? patterns.get(n.pattern) : undefined;
    patternNames.push(info ? { ...n, info } : n);
  }
  const tied = (page.event?.tiedWith ?? []).flatMap((id) => entries.get(id) ?? []);
  const events = timeline.flatMap((it) => {
    const e = entries.get(it.id);
    return e && !it.context && !it.thisArticle && it.id !== event?.id && EVENT_KINDS.includes(e.kind) ? [e] : [];
  });
  return {
    url: page.url,
    ...(page.title ? { title: page.title } : {}),
    ...(page.published ? { published: page.published } : {}),
    entities,
    ...(event ? { event } : {}),
    ...(event && page.event?.why?.length ? { eventWhy: page.event.why } : {}),
    ...(event && tied.length ? { eventTiedWith: tied } : {}),
    // The event leads; it is not a reference of its own as well.
    references: (page.references ?? []).flatMap(({ id, words }) => {
      const entry = entries.get(id);
      return entry && id !== event?.id ? [{ entry, words }] : [];
    }),
    // The popup lists the focused timeline nearest the article's date first; exports list it by date.
    timeline: [...timeline].sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name)),
    ...(events.length ? { events } : {}),
    ...(page.brief?.claims.length || page.brief?.response ? { brief: page.brief } : {}),
    patternNames,
  };
}

const REASON_WORDS: Record<EventReason['kind'], string> = {
  named: 'the article names it',
  parties: 'the same parties',
  targets: 'the same targets',
  terms: 'the same key terms',
  date: 'the date fits',
};

/** Why the event was chosen, as one line of English ("the same parties (CNCERT/CC, US); the date fits (2024-12-18)"). */
export function reasonsLine(why: readonly EventReason[]): string {
  return why.map((r) => `${REASON_WORDS[r.kind]}${r.what.length ? ` (${r.what.join(', ')})` : ''}`).join('; ');
}

/** What a brief's claim says, in one line: who accuses whom of what, against which targets, when. */
export function claimLine(c: ArticleBrief['claims'][number]): string {
  return [
    c.accuser,
    c.accused ? `accuses ${c.accused}` : 'makes an accusation',
    c.of.length ? `of ${c.of.join(', ')}` : '',
    c.targets.length ? `(targets: ${c.targets.join(', ')})` : '',
    c.period ? `(period: ${c.period})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A quote on one line (the page's line breaks would break a Markdown quote or a note's lines). */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The first sentence of a summary (the one-line summary of the Markdown export). A full stop
 * after a single capital ("U.S.", "J. Smith") does not end a sentence; Chinese stops always do.
 */
export function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^(.*?(?:[。！？]|(?<!(?:^|[\s.])[A-Z])[.!?](?=\s+[A-Z0-9"“‘(]|$)))/su.exec(t);
  return (m?.[1] ?? t).trim();
}
