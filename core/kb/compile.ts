/** Turns validated entries into what each part of the extension needs. Pure module. */
import type { MatcherPattern } from '../engine/types';
import type { Entry } from './schema';

/** Every alias of every entry, for the content-script matcher (the name counts only if listed as an alias). */
export function toMatcherPatterns(entries: readonly Entry[]): MatcherPattern[] {
  const out: MatcherPattern[] = [];
  for (const e of entries) {
    const seen = new Set<string>();
    for (const a of e.aliases) {
      // A disputed name (claimed for two groups by different sources) is shown on cards, never matched.
      if (a.disputed) continue;
      const key = a.caseSensitive ? a.text : a.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        text: a.text,
        id: e.id,
        kind: e.kind,
        caseSensitive: a.caseSensitive,
        requiresContext: a.requiresContext,
      });
    }
  }
  return out;
}
