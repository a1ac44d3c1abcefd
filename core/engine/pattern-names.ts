/**
 * Names the knowledge base does not know but that fit a vendor's naming pattern ("UNC9999",
 * "Storm-1234"), found after the knowledge-base mentions so they never overlap one. Pure.
 */
import { findPatternNames, type CompiledPatterns } from '../naming/patterns';
import type { PatternName } from '../page-state';
import type { TextMention } from './page';

/** At most this many distinct names per page are reported. */
export const MAX_PATTERN_NAMES = 20;

export function patternNamesIn(
  text: string,
  found: readonly TextMention[],
  patterns?: CompiledPatterns,
): (PatternName & { start: number; end: number })[] {
  const hits = patterns ? findPatternNames(text, found, patterns) : findPatternNames(text, found);
  const seen = new Set<string>();
  const out: (PatternName & { start: number; end: number })[] = [];
  for (const h of hits) {
    if (seen.has(h.text) || out.length >= MAX_PATTERN_NAMES) continue;
    seen.add(h.text);
    out.push({ text: h.text, pattern: h.patternId, start: h.start, end: h.end });
  }
  return out;
}
