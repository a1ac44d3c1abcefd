/**
 * What the article is about, beyond the names it mentions: the earlier events it refers to in
 * words (cue sets) and the event it reports itself (dated near its publication). Pure; the
 * background runs it after the verdict, with the knowledge base it already holds.
 */
import type { ArticleEvent, ArticleReference } from '../page-state';
import { findArticleEvent, type EventCandidate, type EventRecord } from './article-event';
import { bestEvent, LEAD_CHARS, type EventIndex } from './event-score';
import { eventTokens, eventWords, yearsIn } from './event-tokens';
import type { TextMention } from './page';
import { findReferences, type CompiledCueSet } from './references';

export interface ContextInput {
  text: string;
  /** Knowledge-base mentions (after the title line). */
  found: readonly TextMention[];
  cueSets: readonly CompiledCueSet[];
  entry: (id: string) => EventRecord | undefined;
  /** Every event, indexed (indexEvents()): the event is then also found by what the article says. */
  events?: EventIndex;
  published?: string;
}

export interface ArticleContext {
  references: ArticleReference[];
  event?: ArticleEvent;
}

export function articleContext(input: ContextInput): ArticleContext {
  const counts = new Map<string, number>();
  for (const f of input.found) counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
  // An entry the article names needs no reference in words.
  const references = findReferences(input.text, input.cueSets)
    .filter((r) => !counts.has(r.id))
    .map((r) => ({ id: r.id, words: r.words }));
  const candidates: EventCandidate[] = [];
  for (const [id, count] of counts) {
    const entry = input.entry(id);
    if (entry) candidates.push({ entry, via: 'name', count });
  }
  for (const r of references) {
    const entry = input.entry(r.id);
    if (entry) candidates.push({ entry, via: 'cues', count: 0 });
  }
  const byName = findArticleEvent(candidates, input.published);
  const byContent = input.events
    ? bestEvent(
        {
          tokens: eventTokens(input.text),
          leadTokens: eventTokens(input.text.slice(0, LEAD_CHARS)),
          years: yearsIn(input.text),
          found: counts,
          referenced: new Set(references.map((r) => r.id)),
          ...(input.published ? { published: input.published } : {}),
        },
        input.events,
      )
    : undefined;
  const event = byContent ? withArticleWords(byContent, input.text) : byName;
  return event ? { references, event } : { references };
}

/** The chosen event's key words as the article writes them ("advanced", not the stem "advanc"). */
function withArticleWords(event: ArticleEvent, text: string): ArticleEvent {
  if (!event.why?.some((w) => w.kind === 'terms')) return event;
  const words = eventWords(text);
  return {
    ...event,
    why: event.why.map((w) => (w.kind === 'terms' ? { ...w, what: w.what.map((t) => words.get(t) ?? t) } : w)),
  };
}
