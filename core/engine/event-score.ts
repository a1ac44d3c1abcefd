/**
 * Which knowledge-base event an article reports, found by what the article says rather than by a
 * date tag: every dated event (allegation, action, operation) is scored on
 *   - named: the article names the event itself (+3), or refers to it in words (+2.5);
 *   - parties: entries the article names that the event involves (+1 each, at most 3);
 *   - terms: the event's key words (its summaries in English and Chinese, details, claim, cue
 *     sets; six-letter stems and Han pairs) found in the article, weighed by how rare each is
 *     among events (inverse document frequency), twice in the headline and lead (at most 3);
 *   - date: the publication date fits the event (+2), or, with no date, years the article names
 *     are the event's years (+1). An event dated after the article is out.
 * The best score of at least MIN_SCORE wins, if it rests on at least two kinds of ground, or, when
 * the article does not name the event, on all three others (parties, terms and date): an article
 * about a group is not about every event of that group. An event within TIE of the best is reported as a tie. Pure.
 */
import type { ArticleEvent, EventReason } from '../page-state';
import { dateFits, eventDate, EVENT_WINDOW_AFTER_DAYS, type EventRecord } from './article-event';

export const MIN_SCORE = 4;
export const TIE = 0.25;
const W_NAMED = 3;
const W_CUES = 2.5;
const W_PARTY = 1;
const MAX_PARTIES = 3;
const TERM_DIVISOR = 5;
const MAX_TERMS = 3;
const W_DATE = 2;
const W_YEAR = 1;
export const LEAD_CHARS = 400;
const LEAD_BOOST = 2;

export interface EventIndex {
  events: readonly EventRecord[];
  /** How many events list each term. */
  df: Map<string, number>;
}

export function indexEvents(events: readonly EventRecord[]): EventIndex {
  const df = new Map<string, number>();
  for (const e of events) for (const t of e.terms ?? []) df.set(t, (df.get(t) ?? 0) + 1);
  return { events, df };
}

export interface ArticleFacts {
  /** eventTokens() of the article's text. */
  tokens: ReadonlySet<string>;
  /** eventTokens() of its headline and lead (LEAD_CHARS): a key word there counts LEAD_BOOST times. */
  leadTokens?: ReadonlySet<string>;
  /** Years the article names (yearsIn()). */
  years: ReadonlySet<string>;
  /** Entries the article names, with how often. */
  found: ReadonlyMap<string, number>;
  /** Entries the article refers to in words (cue sets). */
  referenced: ReadonlySet<string>;
  published?: string;
}

export interface ScoredEvent {
  id: string;
  score: number;
  why: EventReason[];
}

const DAY = 86_400_000;

/** The event happened after the article (beyond a few days' grace for time zones and embargoes). */
function afterArticle(event: string, published: string): boolean {
  const [y, m, d] = event.split('-').map(Number);
  const first = Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
  return (first - Date.parse(`${published}T00:00:00Z`)) / DAY > EVENT_WINDOW_AFTER_DAYS;
}

export function scoreEvent(e: EventRecord, a: ArticleFacts, index: EventIndex): ScoredEvent | undefined {
  const date = eventDate(e);
  if (a.published && date && afterArticle(date, a.published)) return undefined;
  const why: EventReason[] = [];
  let score = 0;
  if (a.found.has(e.id)) {
    score += W_NAMED;
    why.push({ kind: 'named', what: [e.id] });
  } else if (a.referenced.has(e.id)) {
    score += W_CUES;
    why.push({ kind: 'named', what: [e.id] });
  }
  const parties = (e.related ?? []).filter((id) => id !== e.id && a.found.has(id));
  if (parties.length > 0) {
    score += W_PARTY * Math.min(MAX_PARTIES, parties.length);
    why.push({ kind: 'parties', what: parties });
  }
  const n = index.events.length;
  let termWeight = 0;
  const matched: { t: string; w: number }[] = [];
  for (const t of e.terms ?? []) {
    if (!a.tokens.has(t)) continue;
    const w = Math.log(n / (index.df.get(t) ?? 1)) * (a.leadTokens?.has(t) ? LEAD_BOOST : 1);
    if (w <= 0) continue;
    termWeight += w;
    matched.push({ t, w });
  }
  if (termWeight > 0) {
    score += Math.min(MAX_TERMS, termWeight / TERM_DIVISOR);
    matched.sort((x, y) => y.w - x.w);
    why.push({ kind: 'terms', what: matched.slice(0, 6).map((m) => m.t) });
  }
  if (a.published && date) {
    if (dateFits(date, a.published)) {
      score += W_DATE;
      why.push({ kind: 'date', what: [date] });
    }
  } else {
    const years = (e.years ?? []).filter((y) => a.years.has(y));
    if (years.length > 0) {
      score += W_YEAR;
      why.push({ kind: 'date', what: years });
    }
  }
  return why.length > 0 ? { id: e.id, score: Math.round(score * 100) / 100, why } : undefined;
}

/** The event the article reports, with why; undefined when no event is convincing. */
export function bestEvent(a: ArticleFacts, index: EventIndex): ArticleEvent | undefined {
  const scored: ScoredEvent[] = [];
  for (const e of index.events) {
    const s = scoreEvent(e, a, index);
    if (!s || s.score < MIN_SCORE) continue;
    const kinds = new Set(s.why.map((w) => w.kind));
    if (kinds.has('named') ? kinds.size >= 2 : kinds.has('parties') && kinds.has('terms') && kinds.has('date'))
      scored.push(s);
  }
  if (scored.length === 0) return undefined;
  scored.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  const best = scored[0]!;
  const tied = scored.slice(1).filter((s) => best.score - s.score <= TIE);
  const via = best.why.some((w) => w.kind === 'named') ? (a.found.has(best.id) ? 'name' : 'cues') : 'content';
  return { id: best.id, via, why: best.why, ...(tied.length > 0 ? { tiedWith: tied.map((t) => t.id) } : {}) };
}
