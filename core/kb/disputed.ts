/**
 * Disputed names: a name that sources give to more than one group. It is matched, for one entry
 * chosen by a stated rule, and every card that lists it says which other entries it may mean and
 * who uses it for which. Pure module.
 *
 * The rule, in order (README, "The knowledge base"):
 * 1. the entry that lists it without marking it disputed (a hand-written entry's claim: a person
 *    checked which group the press means by it);
 * 2. else the entry whose own name it is;
 * 3. else an entry with an ATT&CK id (ATT&CK's curated group);
 * 4. else the first entry by id.
 */
import type { Alias, Entry } from './schema';

/** Key two spellings of a name share ("Fancy Bear" = "FANCY BEAR"). */
export function disputeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

interface Carrier {
  entry: Entry;
  alias: Alias;
}

/** Every name some entry marks disputed, with all the entries that carry it (disputed or not). */
function carriers(entries: readonly Entry[]): Map<string, Carrier[]> {
  const disputed = new Set<string>();
  for (const e of entries) for (const a of e.aliases) if (a.disputed) disputed.add(disputeKey(a.text));
  const out = new Map<string, Carrier[]>();
  for (const e of entries)
    for (const a of e.aliases) {
      const k = disputeKey(a.text);
      if (!disputed.has(k)) continue;
      const list = out.get(k) ?? [];
      if (!list.some((c) => c.entry.id === e.id)) list.push({ entry: e, alias: a });
      out.set(k, list);
    }
  return out;
}

function rank(key: string, c: Carrier): number[] {
  return [
    c.alias.disputed ? 1 : 0,
    disputeKey(c.entry.name) === key ? 0 : 1,
    c.entry.attackId && c.entry.kind === 'threat-actor' ? 0 : 1,
  ];
}

function pick(key: string, list: readonly Carrier[]): Carrier {
  return [...list].sort((a, b) => {
    const ra = rank(key, a);
    const rb = rank(key, b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.entry.id.localeCompare(b.entry.id);
  })[0]!;
}

/** For each disputed name (by disputeKey), the id of the entry the page's mention opens. */
export function disputedOwners(entries: readonly Entry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, list] of carriers(entries)) out.set(k, pick(k, list).entry.id);
  return out;
}

/** Who uses a carrier's name for it: the alias's usedBy, else its coiner. */
function usersOf(a: Alias): string[] | undefined {
  if (a.usedBy && a.usedBy.length > 0) return a.usedBy;
  return a.coinedBy ? [a.coinedBy] : undefined;
}

/**
 * The entries with `alsoUsedFor` filled on every alias of a disputed name (the other entries that
 * carry it). Entries without such a name are returned as they are.
 */
export function annotateDisputes(entries: readonly Entry[]): Entry[] {
  const byKey = carriers(entries);
  if (byKey.size === 0) return [...entries];
  return entries.map((e) => {
    let changed = false;
    const aliases = e.aliases.map((a) => {
      const list = byKey.get(disputeKey(a.text));
      if (!list) return a;
      const others = list.filter((c) => c.entry.id !== e.id);
      if (others.length === 0) return a;
      changed = true;
      return {
        ...a,
        alsoUsedFor: others.map((c) => {
          const by = usersOf(c.alias);
          return { id: c.entry.id, name: c.entry.name, ...(by ? { by } : {}) };
        }),
      };
    });
    return changed ? { ...e, aliases } : e;
  });
}

/** Whether the card should present the alias as disputed. */
export function isDisputed(a: Alias): boolean {
  return a.disputed === true || (a.alsoUsedFor?.length ?? 0) > 0;
}
