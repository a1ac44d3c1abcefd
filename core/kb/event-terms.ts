/**
 * Build time: the key words of each event entry, for the event scorer (core/engine/event-score.ts).
 * Taken from the entry's own text in every language it has (names, summaries, details, claim,
 * cue sets), as eventTokens() cuts them; words that say nothing about one event in particular
 * (in more than a fifth of all events, or in assets/matching/event-stopwords.json) are left out, and
 * each event keeps those that weigh most: how often its own text uses the word times how rare the
 * word is among events (tf-idf). Pure.
 */
import { eventTokens, yearsIn } from '../engine/event-tokens';
import type { EventRecord } from '../engine/article-event';
import stopwordsData from '../../assets/matching/event-stopwords.json';
import type { Entry } from './schema';

/** Per event: the most telling stems of alphabetic words, and of Han, kana or Hangul pairs. */
const MAX_WORDS = 24;
const MAX_PAIRS = 16;
const MAX_SHARE = 0.2;

/** Six-letter stems of English words too common in event texts to tell one event from another. */
const COMMON = new Set(eventTokens((stopwordsData as { words: string[] }).words.join(' ')));

function entryText(e: Entry): string {
  return [
    e.name,
    e.nameZh ?? '',
    e.summary,
    e.summaryZh ?? '',
    ...e.details.flatMap((d) => [d.text, d.textZh ?? '']),
    ...(e.claim ? [e.claim.by, e.claim.against, e.claim.claim] : []),
    ...(e.cueSets ?? []).flatMap((c) => c.terms.flat()),
    ...e.aliases.map((a) => a.text),
  ].join('\n');
}

/** How often each token occurs in a text (eventTokens() run on each word and pair in turn). */
function termFrequencies(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const piece of text.split(/[\s,.;:!?()"“”'‘’«»、，。；：！？（）]+/u)) {
    for (const t of eventTokens(piece)) if (!COMMON.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
  }
  return tf;
}

const isPair = (t: string) => t.length === 2 && t.charCodeAt(0) >= 0x1100;

export function eventTerms(events: readonly Entry[]): Map<string, string[]> {
  const tfs = new Map(events.map((e) => [e.id, termFrequencies(entryText(e))]));
  const df = new Map<string, number>();
  for (const tf of tfs.values()) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const limit = Math.max(2, events.length * MAX_SHARE);
  const n = events.length;
  const out = new Map<string, string[]>();
  for (const [id, tf] of tfs) {
    const weighed = [...tf]
      .filter(([t]) => (df.get(t) ?? 0) <= limit)
      .map(([t, f]) => ({ t, w: f * Math.log(n / (df.get(t) ?? 1)) }))
      .sort((a, b) => b.w - a.w || a.t.localeCompare(b.t));
    const words = weighed.filter((x) => !isPair(x.t)).slice(0, MAX_WORDS);
    const pairs = weighed.filter((x) => isPair(x.t)).slice(0, MAX_PAIRS);
    out.set(
      id,
      [...words, ...pairs].map((x) => x.t),
    );
  }
  return out;
}

export function eventYears(e: Entry): string[] {
  const dates = [
    e.claim?.date ?? '',
    ...e.dates.flatMap((d) => [d.start, d.end ?? '']),
    ...e.details.map((d) => d.date),
  ];
  return [...yearsIn(dates.join(' '))].sort();
}

/** Kinds of entry that can be a party to an event (not the concepts and topics it touches on). */
const PARTY_KINDS: ReadonlySet<Entry['kind']> = new Set(['organization', 'threat-actor', 'malware', 'operation']);

export function eventRecord(
  e: Entry,
  terms: readonly string[],
  kindOf: (id: string) => Entry['kind'] | undefined,
): EventRecord {
  const related = [...new Set([...e.related, ...(e.links ?? []).map((l) => l.id)])].filter((id) => {
    const k = kindOf(id);
    return k !== undefined && PARTY_KINDS.has(k);
  });
  return {
    id: e.id,
    kind: e.kind,
    dates: e.dates,
    ...(e.claim ? { claim: e.claim } : {}),
    ...(related.length > 0 ? { related } : {}),
    ...(terms.length > 0 ? { terms: [...terms] } : {}),
    years: eventYears(e),
  };
}
