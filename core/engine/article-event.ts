/**
 * What the article itself reports: among the event entries it names (or refers to in words),
 * the one whose date fits the article's publication date. Pure.
 */
import type { Entry, Kind } from '../kb/schema';

/** Kinds that are events with a date an article can report. */
export const EVENT_KINDS: readonly Kind[] = ['allegation', 'action', 'operation'];

/** An article reports an event from at most this many days before it, to a few days after (time zones, embargoes). */
export const EVENT_WINDOW_BEFORE_DAYS = 45;
export const EVENT_WINDOW_AFTER_DAYS = 3;

/** What the background holds of an event entry (core/kb/compile.ts toEventRecords). */
export interface EventRecord extends Pick<Entry, 'id' | 'kind' | 'dates' | 'claim'> {
  /** Entries the event involves (related and linked). */
  related?: string[];
  /** Key words (eventTokens stems and Han pairs), rarest first. */
  terms?: string[];
  /** Years of its dates and details. */
  years?: string[];
}

export interface EventCandidate {
  entry: EventRecord;
  via: 'name' | 'cues';
  /** How often the article names it (0 for a reference in words). */
  count: number;
}

/** The day an event entry happened: its claim's date, else its first date. */
export function eventDate(e: Pick<Entry, 'dates' | 'claim'>): string | undefined {
  return e.claim?.date ?? e.dates[0]?.start;
}

const DAY = 86_400_000;

/** Days from a YYYY, YYYY-MM or YYYY-MM-DD date to a YYYY-MM-DD day; partial dates take their widest fit. */
function daysBefore(event: string, published: string): { min: number; max: number } {
  const p = Date.parse(`${published}T00:00:00Z`);
  const [y, m, d] = event.split('-').map(Number);
  const first = Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
  const last = d !== undefined ? first : m !== undefined ? Date.UTC(y!, m, 0) : Date.UTC(y!, 11, 31);
  return { min: (p - last) / DAY, max: (p - first) / DAY };
}

export function dateFits(event: string, published: string): boolean {
  const { min, max } = daysBefore(event, published);
  // Some day of the (possibly partial) event date lies in the window.
  return max >= -EVENT_WINDOW_AFTER_DAYS && min <= EVENT_WINDOW_BEFORE_DAYS;
}

/**
 * The article's event: the only candidate whose date fits the publication date; when several fit,
 * the one named most often if it is named more than any other; else none.
 */
export function findArticleEvent(
  candidates: readonly EventCandidate[],
  published: string | undefined,
): { id: string; via: 'name' | 'cues' } | undefined {
  if (!published) return undefined;
  const fits = candidates.filter((c) => {
    if (!EVENT_KINDS.includes(c.entry.kind)) return false;
    const d = eventDate(c.entry);
    return d !== undefined && dateFits(d, published);
  });
  if (fits.length === 0) return undefined;
  if (fits.length === 1) return { id: fits[0]!.entry.id, via: fits[0]!.via };
  const sorted = [...fits].sort((a, b) => b.count - a.count);
  if (sorted[0]!.count > sorted[1]!.count) return { id: sorted[0]!.entry.id, via: sorted[0]!.via };
  return undefined;
}
