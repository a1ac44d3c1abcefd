/** The timeline of dated allegations, actions and policy moves around an article's entities. Pure. */
import type { Entry, Kind, Party } from './schema';

export const TIMELINE_KINDS: readonly Kind[] = ['allegation', 'action', 'policy', 'operation', 'law'];

export interface TimelineItem {
  id: string;
  date: string;
  name: string;
  kind: Kind;
  from?: Party;
  to?: Party;
}

/** The date an entry is placed at: its claim date, else its first date, else its first detail. */
export function entryDate(e: Entry): string | undefined {
  return e.claim?.date ?? e.dates[0]?.start ?? e.details[0]?.date;
}

export function buildTimeline(
  found: readonly string[],
  entries: ReadonlyMap<string, Entry>,
  limit = 30,
): TimelineItem[] {
  const foundSet = new Set(found);
  const picked = new Set<string>();
  for (const id of found) {
    const e = entries.get(id);
    if (!e) continue;
    picked.add(id);
    for (const r of e.related) picked.add(r);
  }
  // Also entries that point at something in the article (e.g. an indictment related to APT41).
  for (const e of entries.values()) if (e.related.some((r) => foundSet.has(r))) picked.add(e.id);

  const items: TimelineItem[] = [];
  for (const id of picked) {
    const e = entries.get(id);
    if (!e || !TIMELINE_KINDS.includes(e.kind)) continue;
    const date = entryDate(e);
    if (!date) continue;
    items.push({
      id: e.id,
      date,
      name: e.name,
      kind: e.kind,
      ...(e.claim ? { from: e.claim.byParty, to: e.claim.againstParty } : {}),
    });
  }
  // Entries named in the article first when the list must be cut, then by date.
  items.sort((a, b) => Number(foundSet.has(b.id)) - Number(foundSet.has(a.id)) || a.date.localeCompare(b.date));
  return items.slice(0, limit).sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
