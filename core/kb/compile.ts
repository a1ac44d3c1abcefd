/** Turns validated entries into what each part of the extension needs. Pure module. */
import { foldString } from '../engine/chars';
import { caseVariants, nameVariants } from '../engine/name-variants';
import { disputedOwners, disputeKey } from './disputed';
import { EVENT_KINDS, type EventCandidate } from '../engine/article-event';
import type { MatcherPattern } from '../engine/types';
import { eventRecord, eventTerms } from './event-terms';
import { effectiveVerdictClass } from './motive';
import type { Entry } from './schema';

const keyOf = (text: string, caseSensitive: boolean) => foldString(text, !caseSensitive);

/**
 * Every alias of every entry, for the matcher (the name counts only if listed as an alias), with
 * its spelling variants ("&"/"and", "U.S."/"US", "APT27"/"APT 27", "Centre"/"Center"). A variant
 * never takes a form that another entry lists as an alias, and a variant two entries would both
 * produce is left out for both. A case-sensitive name of several words also matches in title case
 * and in capitals (caseVariants). A disputed name is matched for the one entry core/kb/disputed.ts
 * chooses; the other entries that list it show it on their cards.
 */
export function toMatcherPatterns(entries: readonly Entry[]): MatcherPattern[] {
  const owners = disputedOwners(entries);
  const matched = (e: Entry, text: string) => {
    const owner = owners.get(disputeKey(text));
    return owner === undefined || owner === e.id;
  };
  const listed = new Map<string, string>();
  for (const e of entries)
    for (const a of e.aliases) if (matched(e, a.text)) listed.set(keyOf(a.text, a.caseSensitive), e.id);

  const variantOwners = new Map<string, string>();
  const candidates: { key: string; pattern: MatcherPattern }[] = [];
  const out: MatcherPattern[] = [];
  for (const e of entries) {
    const seen = new Set<string>();
    const verdictClass = effectiveVerdictClass(e);
    for (const a of e.aliases) {
      // A disputed name (given to two groups by different sources) is matched for one of them.
      if (!matched(e, a.text)) continue;
      const forms = nameVariants(a.text);
      if (a.caseSensitive)
        for (const c of caseVariants(a.text)) for (const f of nameVariants(c)) if (!forms.includes(f)) forms.push(f);
      forms.forEach((text, i) => {
        const key = keyOf(text, a.caseSensitive);
        if (seen.has(key)) return;
        const pattern: MatcherPattern = {
          text,
          id: e.id,
          kind: e.kind,
          ...(verdictClass ? { verdictClass } : {}),
          caseSensitive: a.caseSensitive,
          requiresContext: a.requiresContext,
        };
        if (i === 0) {
          seen.add(key);
          out.push(pattern);
          return;
        }
        // Another alias (this entry's or another's) says what the form is. Not marked as seen: when
        // the alias listing it comes later in this entry, it must still be matched as written.
        const owner = listed.get(key);
        if (owner !== undefined) return;
        seen.add(key);
        const other = variantOwners.get(key);
        if (other !== undefined && other !== e.id) variantOwners.set(key, '');
        else variantOwners.set(key, e.id);
        candidates.push({ key, pattern });
      });
    }
  }
  for (const c of candidates) if (variantOwners.get(c.key) === c.pattern.id) out.push(c.pattern);
  return out;
}

/**
 * What the background needs to find the event an article reports (core/engine/article-event.ts):
 * the event entries' kind, dates and claim. A few per cent of the entries' size, so the service
 * worker holds these and reads the full entries only when a card asks for them.
 */
export function toEventRecords(entries: readonly Entry[]): EventCandidate['entry'][] {
  const events = entries.filter((e) => EVENT_KINDS.includes(e.kind));
  const terms = eventTerms(events);
  const kinds = new Map(entries.map((e) => [e.id, e.kind]));
  return events.map((e) => eventRecord(e, terms.get(e.id) ?? [], (id) => kinds.get(id)));
}
