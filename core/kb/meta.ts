/** Summary figures about the knowledge base, shown in the options page's About section. */
import { KINDS, type Entry, type Kind } from './schema';

export interface KbMeta {
  count: number;
  /** The oldest "as of" date: every entry was checked on or after it. */
  asOf: string;
  newestAsOf: string;
  byKind: Record<Kind, number>;
}

export function kbMeta(entries: readonly Entry[]): KbMeta {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  let asOf = '9999';
  let newestAsOf = '0000';
  for (const e of entries) {
    byKind[e.kind]++;
    if (e.asOf < asOf) asOf = e.asOf;
    if (e.asOf > newestAsOf) newestAsOf = e.asOf;
  }
  return { count: entries.length, asOf, newestAsOf, byKind };
}
