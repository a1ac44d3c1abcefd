/**
 * Card figures for kb:stats (issue 22): entries no page can reach, and per kind the cards that are
 * composed only (no details), that carry no date, that give no one as attributor; and of the groups
 * with two or more names, those that say who coined at least two. Pure module.
 */
import { unreachableEntries } from './reachability';
import type { Entry, Kind } from './schema';

export interface KindFigures {
  kind: Kind;
  all: number;
  composedOnly: number;
  withDate: number;
  noAttributionSource: number;
  /** Composed cards of one sentence and no details: the "one composed line" a reader cannot use. */
  oneLine: number;
  /** Cards a person wrote (not composed by the importer). */
  handWritten: number;
}

/** Sentences in a summary (a full stop, question or exclamation mark before a space or the end). */
export const sentenceCount = (s: string) => (s.match(/[.!?](?=\s|$)/g) ?? []).length;

const hasDate = (e: Entry) =>
  e.details.length > 0 || e.dates.length > 0 || e.firstReported !== undefined || e.claim !== undefined;

/**
 * One key per name however it is spelt: letter case, spaces and punctuation do not make a second
 * name ("CyberBerkut" and "Cyber Berkut", "APT-C-39" and "APT C 39" are one). A display name that
 * adds a gloss in brackets ("Carbanak (Anunak)") counts by its part before the bracket.
 */
export const spellingKey = (t: string) =>
  t
    .replace(/\s*\(.*\)\s*$/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export function cardStats(
  entries: readonly Entry[],
  kinds: readonly Kind[] = ['threat-actor', 'malware', 'operation'],
) {
  const perKind: KindFigures[] = kinds.map((kind) => {
    const es = entries.filter((e) => e.kind === kind);
    return {
      kind,
      all: es.length,
      composedOnly: es.filter((e) => e.details.length === 0).length,
      withDate: es.filter(hasDate).length,
      noAttributionSource: es.filter((e) => !e.attribution?.some((a) => a.by.length > 0)).length,
      oneLine: es.filter((e) => e.summaryComposed === true && e.details.length === 0 && sentenceCount(e.summary) <= 1)
        .length,
      handWritten: es.filter((e) => e.summaryComposed !== true).length,
    };
  });
  const multi = entries.filter(
    (e) => e.kind === 'threat-actor' && new Set([e.name, ...e.aliases.map((a) => a.text)].map(spellingKey)).size >= 2,
  );
  // The group's own name counts as coined by the group; `twoVendorCoiners` leaves such names out.
  const twoCoiners = multi.filter((e) => e.aliases.filter((a) => a.coinedBy !== undefined || a.selfNamed).length >= 2);
  const twoVendorCoiners = multi.filter((e) => e.aliases.filter((a) => a.coinedBy !== undefined).length >= 2);
  return {
    unreachable: unreachableEntries(entries),
    perKind,
    multiNameGroups: multi.length,
    twoCoiners: twoCoiners.length,
    twoVendorCoiners: twoVendorCoiners.length,
  };
}
