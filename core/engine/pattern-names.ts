/**
 * Names the knowledge base does not know but that fit a vendor's naming pattern ("UNC9999",
 * "Storm-1234"), found after the knowledge-base mentions so they never overlap one. Pure.
 */
import { defaultPatterns, findPatternNames, type CompiledPatterns, type NamingPattern } from '../naming/patterns';
import type { PlacedPatternName } from '../page-state';
import type { TextMention } from './page';

/** At most this many distinct names per page are reported (each with every occurrence). */
export const MAX_PATTERN_NAMES = 20;

/** Each compiled pattern set's patterns by id, built once per set (not on every page read). */
const BY_ID = new WeakMap<CompiledPatterns, Map<string, NamingPattern>>();
function patternsById(patterns: CompiledPatterns): Map<string, NamingPattern> {
  let m = BY_ID.get(patterns);
  if (!m) BY_ID.set(patterns, (m = new Map(patterns.patterns.map((p) => [p.id, p]))));
  return m;
}

export function patternNamesIn(
  text: string,
  found: readonly TextMention[],
  patterns: CompiledPatterns = defaultPatterns(),
): PlacedPatternName[] {
  const hits = findPatternNames(text, found, patterns);
  const byId = patternsById(patterns);
  const counted = new Set<string>();
  const out: PlacedPatternName[] = [];
  for (const h of hits) {
    // Every occurrence of a name is placed (so each can be painted), up to MAX_PATTERN_NAMES names.
    if (!counted.has(h.text)) {
      if (counted.size >= MAX_PATTERN_NAMES) continue;
      counted.add(h.text);
    }
    const p = byId.get(h.patternId);
    const info = p ? { usedBy: p.usedBy, meaning: p.meaning, ...(h.family ? { family: h.family } : {}) } : undefined;
    out.push({ text: h.text, pattern: h.patternId, start: h.start, end: h.end, ...(info ? { info } : {}) });
  }
  return out;
}
