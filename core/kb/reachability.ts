/**
 * Every entry must be reachable from a page: at least one of its names is in the matcher data
 * (toMatcherPatterns), or it declares a cue set. The build fails on an entry that is not, naming
 * it and saying why. Pure module.
 */
import { toMatcherPatterns } from './compile';
import { disputedOwners, disputeKey } from './disputed';
import type { Entry } from './schema';

export interface Unreachable {
  id: string;
  kind: Entry['kind'];
  reason: string;
}

function reasonOf(e: Entry, owners: ReadonlyMap<string, string>): string {
  if (e.aliases.length === 0) return 'it has no alias and no cue set';
  const taken = e.aliases
    .map((a) => owners.get(disputeKey(a.text)))
    .filter((o): o is string => o !== undefined && o !== e.id);
  if (taken.length === e.aliases.length)
    return `every name it has is disputed and matched for another entry (${[...new Set(taken)].join(', ')})`;
  return "none of its names reaches the matcher (each is another entry's name or variant)";
}

/** The entries no page can reach, in id order. */
export function unreachableEntries(entries: readonly Entry[]): Unreachable[] {
  const reached = new Set(toMatcherPatterns(entries).map((p) => p.id));
  const owners = disputedOwners(entries);
  return entries
    .filter((e) => !reached.has(e.id) && (e.cueSets?.length ?? 0) === 0)
    .map((e) => ({ id: e.id, kind: e.kind, reason: reasonOf(e, owners) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export class UnreachableEntriesError extends Error {
  constructor(readonly entries: Unreachable[]) {
    super(
      `Knowledge base has ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} no page can reach ` +
        '(give each a name the matcher matches, or a cue set):\n' +
        entries.map((u) => `  ${u.kind}/${u.id}: ${u.reason}`).join('\n'),
    );
    this.name = 'UnreachableEntriesError';
  }
}

/** Throws UnreachableEntriesError naming every unreachable entry. */
export function assertReachable(entries: readonly Entry[]): void {
  const u = unreachableEntries(entries);
  if (u.length > 0) throw new UnreachableEntriesError(u);
}
