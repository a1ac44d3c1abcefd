/**
 * What the article is about, beyond the names it mentions: the earlier events it refers to in
 * words (cue sets) and the event it reports itself (dated near its publication). Pure; the
 * background runs it after the verdict, with the knowledge base it already holds.
 */
import type { ArticleEvent, ArticleReference } from '../page-state';
import type { Entry } from '../kb/schema';
import { findArticleEvent, type EventCandidate } from './article-event';
import type { TextMention } from './page';
import { findReferences, type CompiledCueSet } from './references';

export interface ContextInput {
  text: string;
  /** Knowledge-base mentions (after the title line). */
  found: readonly TextMention[];
  cueSets: readonly CompiledCueSet[];
  entry: (id: string) => Pick<Entry, 'id' | 'kind' | 'dates' | 'claim'> | undefined;
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
  const event = findArticleEvent(candidates, input.published);
  return event ? { references, event } : { references };
}
