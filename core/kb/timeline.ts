/** The timeline of dated allegations, actions and policy moves around an article's entities. Pure. */
import type { Entry, Kind, Party } from './schema';

export const TIMELINE_KINDS: readonly Kind[] = ['allegation', 'action', 'policy', 'operation', 'law'];

export interface TimelineItem {
  id: string;
  date: string;
  name: string;
  kind: Kind;
  from?: Party;
  to?: Party;
}

/** The date an entry is placed at: its claim date, else its first date, else its first detail. */
export function entryDate(e: Entry): string | undefined {
  return e.claim?.date ?? e.dates[0]?.start ?? e.details[0]?.date;
}

export function buildTimeline(
  found: readonly string[],
  entries: ReadonlyMap<string, Entry>,
  limit = 30,
): TimelineItem[] {
  const foundSet = new Set(found);
  const picked = new Set<string>();
  for (const id of found) {
    const e = entries.get(id);
    if (!e) continue;
    picked.add(id);
    for (const r of e.related) picked.add(r);
  }
  // Also entries that point at something in the article (e.g. an indictment related to APT41).
  for (const e of entries.values()) if (e.related.some((r) => foundSet.has(r))) picked.add(e.id);

  const items: TimelineItem[] = [];
  for (const id of picked) {
    const e = entries.get(id);
    if (!e || !TIMELINE_KINDS.includes(e.kind)) continue;
    const date = entryDate(e);
    if (!date) continue;
    items.push({
      id: e.id,
      date,
      name: e.name,
      kind: e.kind,
      ...(e.claim ? { from: e.claim.byParty, to: e.claim.againstParty } : {}),
    });
  }
  // Entries named in the article first when the list must be cut, then by date.
  items.sort((a, b) => Number(foundSet.has(b.id)) - Number(foundSet.has(a.id)) || a.date.localeCompare(b.date));
  return items.slice(0, limit).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

/** The reader's direction filter over the timeline. */
export const DIRECTIONS = ['all', 'against-cn', 'against-us', 'other'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * Whether an item passes the direction filter. Claims go by their target; undirected items
 * (policies, operations) are context, shown under "all" and "other".
 */
export function matchesDirection(item: Pick<TimelineItem, 'to'>, dir: Direction): boolean {
  switch (dir) {
    case 'all':
      return true;
    case 'against-cn':
      return item.to === 'CN';
    case 'against-us':
      return item.to === 'US';
    case 'other':
      return item.to !== 'CN' && item.to !== 'US';
  }
}

export interface ArticleTimelineItem extends TimelineItem {
  /** The article's own event. */
  thisArticle?: true;
  /** Added as background of the same years (export controls, sanctions), not linked to the article. */
  context?: true;
}

export interface ArticleTimelineInput {
  /** Entry ids named in the article. */
  found: readonly string[];
  /** Entry ids the article refers to in words. */
  references?: readonly string[];
  /** The article's own event. */
  eventId?: string;
  entries: ReadonlyMap<string, Entry>;
  limit?: number;
  /** How many same-years policy and action moves to add around the event. */
  contextLimit?: number;
}

/** Kinds added as same-years background around the article's event. */
const CONTEXT_KINDS: readonly Kind[] = ['policy', 'action'];

const yearOf = (date: string) => Number(date.slice(0, 4));
/** Days between two ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), coarse for partial dates. */
function distance(a: string, b: string): number {
  const t = (d: string) => Date.UTC(yearOf(d), Number(d.slice(5, 7) || 1) - 1, Number(d.slice(8, 10) || 1));
  return Math.abs(t(a) - t(b)) / 86_400_000;
}

function toItem(e: Entry, date: string): TimelineItem {
  return {
    id: e.id,
    date,
    name: e.name,
    kind: e.kind,
    ...(e.claim ? { from: e.claim.byParty, to: e.claim.againstParty } : {}),
  };
}

/** The parties an entry concerns: its claim's two sides, else its country. */
function partiesOf(e: Entry): string[] {
  if (e.claim) return [e.claim.byParty, e.claim.againstParty];
  return e.country ? [e.country] : [];
}

/**
 * The article's timeline, newest first. With an event, it is centred on it: the event (marked
 * "this article"), the moves linked to the article before and after it, and the policy and action
 * moves of the event's year and the year before that concern the same parties (export controls,
 * sanctions), nearest in time first when the list must be cut. Without an event, the moves linked
 * to the article, those named in it kept first when the list must be cut.
 */
export function buildArticleTimeline(input: ArticleTimelineInput): ArticleTimelineItem[] {
  const { entries, eventId } = input;
  const limit = input.limit ?? 30;
  const named = [...input.found, ...(input.references ?? []), ...(eventId ? [eventId] : [])];
  const event = eventId ? entries.get(eventId) : undefined;
  const eventDate = event ? entryDate(event) : undefined;
  const linked = buildTimeline(named, entries, Number.MAX_SAFE_INTEGER);
  const namedSet = new Set(named);

  if (!event || !eventDate) {
    const cut = [...linked]
      .sort((a, b) => Number(namedSet.has(b.id)) - Number(namedSet.has(a.id)) || b.date.localeCompare(a.date))
      .slice(0, limit);
    return cut.sort(newestFirst);
  }

  const items: ArticleTimelineItem[] = linked.map((it) => (it.id === event.id ? { ...it, thisArticle: true } : it));
  if (!items.some((it) => it.thisArticle)) items.push({ ...toItem(event, eventDate), thisArticle: true });

  const have = new Set(items.map((it) => it.id));
  const parties = new Set(partiesOf(event));
  const years = new Set([yearOf(eventDate), yearOf(eventDate) - 1]);
  const context: ArticleTimelineItem[] = [];
  for (const e of entries.values()) {
    if (have.has(e.id) || !CONTEXT_KINDS.includes(e.kind)) continue;
    const date = entryDate(e);
    if (!date || !years.has(yearOf(date))) continue;
    if (parties.size > 0 && !partiesOf(e).some((p) => parties.has(p))) continue;
    context.push({ ...toItem(e, date), context: true });
  }
  const near = (a: TimelineItem, b: TimelineItem) =>
    distance(a.date, eventDate) - distance(b.date, eventDate) || a.id.localeCompare(b.id);
  context.sort(near);
  const extra = context.slice(0, input.contextLimit ?? 6);

  // Keep the event, then what the article names, then the nearest in time.
  const rank = (it: ArticleTimelineItem) => (it.thisArticle ? 0 : namedSet.has(it.id) ? 1 : 2);
  const all = [...items, ...extra].sort((a, b) => rank(a) - rank(b) || near(a, b));
  return all.slice(0, limit).sort(newestFirst);
}

function newestFirst(a: TimelineItem, b: TimelineItem): number {
  return b.date.localeCompare(a.date) || a.name.localeCompare(b.name);
}

/** What the article is about, for focusing its timeline (articleFocus()). */
export interface TimelineFocus {
  /** Entries the article names, refers to in words, or reports (its event). */
  entities: readonly string[];
  /** The countries the article's event sets against each other (either way round). */
  pair?: readonly [Party, Party];
  /** Who accuses and who is accused in the article's event, as the knowledge base names them. */
  parties: readonly string[];
  /** The article's date (its publication date, else its event's date): nearest first. */
  date?: string;
}

export function articleFocus(input: {
  found: readonly string[];
  references?: readonly string[];
  eventId?: string;
  published?: string;
  entries: ReadonlyMap<string, Entry>;
}): TimelineFocus {
  const event = input.eventId ? input.entries.get(input.eventId) : undefined;
  const date = input.published ?? (event ? entryDate(event) : undefined);
  return {
    entities: [...input.found, ...(input.references ?? []), ...(event ? [event.id] : [])],
    ...(event?.claim ? { pair: [event.claim.byParty, event.claim.againstParty] as const } : {}),
    parties: event?.claim ? [event.claim.by, event.claim.against] : [],
    ...(date ? { date } : {}),
  };
}

const samePair = (a: readonly [Party, Party], b: readonly [Party, Party]) =>
  (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);

/**
 * Whether a timeline item concerns the article: it is the article's event, or the article names
 * it, or it is linked to an entry the article names (either way), or its claim sets the same two
 * countries against each other (either way round), or it has the same accuser or accused.
 */
export function inFocus(item: ArticleTimelineItem, entries: ReadonlyMap<string, Entry>, focus: TimelineFocus): boolean {
  if (item.thisArticle) return true;
  const named = new Set(focus.entities);
  if (named.has(item.id)) return true;
  const e = entries.get(item.id);
  if (!e) return false;
  if (e.related.some((r) => named.has(r))) return true;
  if (focus.entities.some((id) => entries.get(id)?.related.includes(e.id))) return true;
  if (e.claim && focus.pair && samePair([e.claim.byParty, e.claim.againstParty], focus.pair)) return true;
  const parties = new Set(focus.parties);
  return e.claim !== undefined && (parties.has(e.claim.by) || parties.has(e.claim.against));
}

/**
 * The article's timeline, focused: the items that concern it (inFocus()), nearest the article's
 * date first (newest first without a date); `rest` holds the others, newest first.
 */
export function focusTimeline<T extends ArticleTimelineItem>(
  items: readonly T[],
  entries: ReadonlyMap<string, Entry>,
  focus: TimelineFocus,
): { focused: T[]; rest: T[] } {
  const focused: T[] = [];
  const rest: T[] = [];
  for (const it of items) (inFocus(it, entries, focus) ? focused : rest).push(it);
  const d = focus.date;
  focused.sort((a, b) => (d ? distance(a.date, d) - distance(b.date, d) : 0) || newestFirst(a, b));
  rest.sort(newestFirst);
  return { focused, rest };
}

/**
 * The article's timeline as the popup, the side panel and the exports show it: built around the
 * article (buildArticleTimeline()) and focused on it (focusTimeline()). `shown` is what is shown
 * by default: the focused items, or every item when none concerns the article.
 */
export function focusedArticleTimeline(input: ArticleTimelineInput & { published?: string }): {
  shown: ArticleTimelineItem[];
  focused: ArticleTimelineItem[];
  rest: ArticleTimelineItem[];
} {
  const items = buildArticleTimeline(input);
  const { focused, rest } = focusTimeline(items, input.entries, articleFocus(input));
  return { shown: focused.length ? focused : items, focused, rest };
}
