/** What the cards and the entry view derive from an entry: vendor names, matched alias, ATT&CK address. Pure. */
import type { Alias, Entry, LinkType } from './schema';
import { entryDate } from './timeline';
import { isDisputed } from './disputed';

export interface VendorName {
  text: string;
  lang: Alias['lang'];
  coinedBy?: string;
  /** The group's own name for itself (no vendor coined it). */
  selfNamed: boolean;
  former: boolean;
  disputed: boolean;
}

/** Folds case, width and the apostrophe and dash variants, so the page's text finds its alias. */
export function foldName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The "names across vendors" table: the entry's name and every alias that says who coined it (a
 * vendor, or the group itself), whether it is retired, or that it is disputed. Empty when no alias carries any of that.
 */
export function vendorNames(entry: Entry): VendorName[] {
  const rows = entry.aliases
    .filter((a) => a.coinedBy !== undefined || a.selfNamed || a.former || isDisputed(a))
    .map((a) => ({
      text: a.text,
      lang: a.lang,
      ...(a.coinedBy ? { coinedBy: a.coinedBy } : {}),
      selfNamed: a.selfNamed ?? false,
      former: a.former ?? false,
      disputed: isDisputed(a),
    }));
  // Current names first, then former, then disputed; the KB's order within each.
  const rank = (r: VendorName) => (r.disputed ? 2 : r.former ? 1 : 0);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** The alias the page's text matched (folded comparison), or undefined for the entry's own name. */
export function matchedAlias(entry: Entry, text: string | undefined): Alias | undefined {
  if (!text) return undefined;
  const f = foldName(text);
  return entry.aliases.find((a) => foldName(a.text) === f);
}

const ATTACK_PATH: Record<string, string> = { G: 'groups', S: 'software', C: 'campaigns' };

/** The ATT&CK page of an id such as G0059 (https://attack.mitre.org/groups/G0059/). */
export function attackUrl(attackId: string): string | undefined {
  const path = ATTACK_PATH[attackId[0] ?? ''];
  return path && /^[GSC]\d{4}$/.test(attackId) ? `https://attack.mitre.org/${path}/${attackId}/` : undefined;
}

export interface LinkGroup<E> {
  type: LinkType;
  items: { entry: E; by?: string }[];
}

/** The entry's typed links, grouped by type in the schema's order, unknown ids left out. */
export function linksByType<E>(entry: Entry, resolve: (id: string) => E | undefined, order: readonly LinkType[]) {
  const groups: LinkGroup<E>[] = [];
  for (const type of order) {
    const items = (entry.links ?? [])
      .filter((l) => l.type === type)
      .map((l) => ({ entry: resolve(l.id), ...(l.by ? { by: l.by } : {}) }))
      .filter((x): x is { entry: E; by?: string } => x.entry !== undefined);
    if (items.length) groups.push({ type, items });
  }
  return groups;
}

/** A topic hub's members, newest first (undated ones last, by name). */
export function membersByDate(
  entry: Entry,
  resolve: (id: string) => Entry | undefined,
): { entry: Entry; date?: string }[] {
  const rows = (entry.members ?? [])
    .map((id) => resolve(id))
    .filter((e): e is Entry => e !== undefined)
    .map((e) => {
      const date = entryDate(e);
      return date ? { entry: e, date } : { entry: e };
    });
  return rows.sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      (a.date ? 0 : 1) - (b.date ? 0 : 1) ||
      a.entry.name.localeCompare(b.entry.name),
  );
}

/** ISO region code for a country as the KB writes it ("UK" is the KB's spelling of GB). */
export function regionCode(country: string): string {
  return country === 'UK' ? 'GB' : country;
}

/**
 * The card's lines on disputed names: each name another entry also carries, who uses it for this
 * entry, and the other entries with who uses it for each ("APT45": Mandiant here; Andariel per
 * Microsoft).
 */
export function disputedNameLines(
  entry: Entry,
): { name: string; here?: string[]; others: { id: string; name: string; by?: string[] }[] }[] {
  return entry.aliases
    .filter((a) => (a.alsoUsedFor?.length ?? 0) > 0)
    .map((a) => ({
      name: a.text,
      ...(a.usedBy ? { here: a.usedBy } : a.coinedBy ? { here: [a.coinedBy] } : {}),
      others: a.alsoUsedFor ?? [],
    }));
}
