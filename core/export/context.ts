/** What "take it away" exports about an article: gathered once from the page state and the KB. Pure. */
import type { Entry } from '../kb/schema';
import type { ArticleTimelineItem } from '../kb/timeline';
import type { PageState, PatternInfo } from '../page-state';

export type { PatternInfo };

export interface ArticleContext {
  url: string;
  title?: string;
  published?: string;
  entities: { entry: Entry; count: number }[];
  event?: Entry;
  references: { entry: Entry; words: string[] }[];
  timeline: ArticleTimelineItem[];
  patternNames: { text: string; pattern: string; info?: PatternInfo }[];
}

export function articleContext(
  page: PageState,
  entries: ReadonlyMap<string, Entry>,
  timeline: ArticleTimelineItem[],
  patterns: ReadonlyMap<string, PatternInfo> = new Map(),
): ArticleContext {
  const event = page.event ? entries.get(page.event.id) : undefined;
  return {
    url: page.url,
    ...(page.title ? { title: page.title } : {}),
    ...(page.published ? { published: page.published } : {}),
    entities: page.entities.flatMap(({ id, count }) => {
      const entry = entries.get(id);
      return entry ? [{ entry, count }] : [];
    }),
    ...(event ? { event } : {}),
    // The event leads; it is not a reference of its own as well.
    references: (page.references ?? []).flatMap(({ id, words }) => {
      const entry = entries.get(id);
      return entry && id !== event?.id ? [{ entry, words }] : [];
    }),
    timeline,
    patternNames: (page.patternNames ?? []).map((n) => {
      const info = patterns.get(n.pattern);
      return info ? { ...n, info } : n;
    }),
  };
}

/**
 * The first sentence of a summary (the one-line summary of the Markdown export). A full stop
 * after a single capital ("U.S.", "J. Smith") does not end a sentence; Chinese stops always do.
 */
export function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^(.*?(?:[。！？]|(?<!(?:^|[\s.])[A-Z])[.!?](?=\s+[A-Z0-9"“‘(]|$)))/su.exec(t);
  return (m?.[1] ?? t).trim();
}
