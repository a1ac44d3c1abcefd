/** What each vendor naming pattern means (assets/naming/patterns.json), by id, as cards and exports show it. Pure. */
import patternsJson from '../../assets/naming/patterns.json';
import type { PatternInfo } from '../page-state';

/** The patterns' meanings from the file's data (entries without the three fields are left out). */
export function patternInfos(data: unknown): Map<string, PatternInfo> {
  const patterns = (data as { patterns?: { id?: unknown; usedBy?: unknown; meaning?: unknown }[] }).patterns ?? [];
  return new Map(
    patterns
      .filter(
        (p): p is { id: string; usedBy: string; meaning: string } =>
          typeof p.id === 'string' && typeof p.usedBy === 'string' && typeof p.meaning === 'string',
      )
      .map((p) => [p.id, { usedBy: p.usedBy, meaning: p.meaning }] as const),
  );
}

export const PATTERN_INFO: ReadonlyMap<string, PatternInfo> = patternInfos(patternsJson);
