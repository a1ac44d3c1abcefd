/**
 * Names two entries claim. Between hacking groups a shared name is disputed on both (kept, shown,
 * matched for one entry by core/kb/disputed.ts); a name a hand-written entry claims stays on an
 * atlas group as disputed, and is dropped from atlas malware and operations; between kinds, the
 * entry the name names keeps it, else the group. Pure module.
 */
import type { KbFile } from '../validate';
import { DATASET_LABEL, type Draft } from './draft';
import { nameKey } from './names';

export interface Conflict {
  name: string;
  kept: string;
  dropped: string[];
  reason: string;
}

const KIND_RANK = { 'threat-actor': 0, malware: 1, operation: 2 } as const;

function handClaimsOf(hand: readonly KbFile[]): Map<string, Set<string>> {
  const claims = new Map<string, Set<string>>();
  for (const f of hand) {
    const d = f.data as { id?: unknown; aliases?: unknown };
    if (typeof d?.id !== 'string' || !Array.isArray(d.aliases)) continue;
    for (const a of d.aliases as { text?: unknown; disputed?: unknown }[])
      if (typeof a?.text === 'string' && a.disputed !== true) {
        const k = nameKey(a.text);
        claims.set(k, (claims.get(k) ?? new Set()).add(d.id));
      }
  }
  return claims;
}

/** Settles every shared name in place; returns the conflicts and the disputed names for the report. */
export function settleConflicts(
  drafts: readonly Draft[],
  hand: readonly KbFile[],
): { conflicts: Conflict[]; disputed: { name: string; entries: string[] }[] } {
  const conflicts: Conflict[] = [];
  const handClaims = handClaimsOf(hand);
  // The hand entries claiming a name, unless this draft is (merges into) one of them.
  const claimedElsewhere = (text: string, d: Draft) => {
    const ids = handClaims.get(nameKey(text));
    return ids && !ids.has(d.id) ? [...ids].sort().join(', ') : undefined;
  };
  for (const d of drafts)
    d.aliases = d.aliases.filter((a) => {
      const owner = a.disputed ? undefined : claimedElsewhere(a.text, d);
      if (owner === undefined) return true;
      if (d.kind === 'threat-actor') {
        a.disputed = true;
        a.usedBy ??= [a.coinedBy ?? DATASET_LABEL[d.records[0]?.startsWith('attack:') ? 'attack' : 'misp']];
        conflicts.push({
          name: a.text,
          kept: owner,
          dropped: [],
          reason: 'a hand entry claims the name: disputed on this group',
        });
        return true;
      }
      conflicts.push({ name: a.text, kept: owner, dropped: [d.id], reason: 'a hand entry claims the name' });
      return false;
    });
  const owners = new Map<string, Draft[]>();
  for (const d of drafts)
    for (const a of d.aliases)
      if (!a.disputed) owners.set(nameKey(a.text), [...(owners.get(nameKey(a.text)) ?? []), d]);
  for (const [k, list] of [...owners].sort((x, y) => x[0].localeCompare(y[0]))) {
    const ds = [...new Set(list)];
    if (ds.length < 2) continue;
    if (ds.every((d) => d.kind === 'threat-actor')) {
      for (const d of ds)
        for (const a of d.aliases)
          if (nameKey(a.text) === k) {
            a.disputed = true;
            a.usedBy ??= [a.coinedBy ?? 'MISP galaxy'];
          }
      continue;
    }
    const own = ds.filter((d) => nameKey(d.name) === k);
    const ranked = [...(own.length > 0 ? own : ds)].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    const keep = ranked[0]!;
    const dropped = ds.filter((d) => d !== keep);
    for (const d of dropped) d.aliases = d.aliases.filter((a) => nameKey(a.text) !== k);
    const text = keep.aliases.find((a) => nameKey(a.text) === k)?.text ?? k;
    conflicts.push({
      name: text,
      kept: keep.id,
      dropped: dropped.map((d) => d.id),
      reason:
        own.length > 0 ? 'kept on the entry it names; other kinds lose it' : 'kept on the group; other kinds lose it',
    });
  }
  const disputed: { name: string; entries: string[] }[] = [];
  for (const d of drafts)
    for (const a of d.aliases.filter((x) => x.disputed)) {
      if (disputed.some((r) => nameKey(r.name) === nameKey(a.text))) continue;
      const entries = drafts
        .filter((x) => x.aliases.some((y) => y.disputed && nameKey(y.text) === nameKey(a.text)))
        .map((x) => x.id);
      disputed.push({ name: a.text, entries });
    }
  // A disputed name is not a primary name of the entry (cards show it in the vendor table).
  for (const d of drafts) for (const a of d.aliases) if (a.disputed) delete a.primary;
  return { conflicts, disputed };
}
