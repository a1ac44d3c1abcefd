/**
 * Ids for the drafts: a hand entry's id when the draft describes the same thing (same ATT&CK id,
 * id or primary name: layers.ts findHandMatch), else a slug that collides with nothing. A draft
 * whose own name a hand entry of its kind lists is the same thing as that entry (the hand entry's
 * author says so) and folds into it, unless assets/naming/merge-rules.json tracks it apart
 * ("separate") or a hand entry links to it by id (its author keeps the two cards apart). Pure module.
 */
import { findHandMatch, handKeyOf, type HandKey } from '../layers';
import type { KbFile } from '../validate';
import type { Skipped } from './actors';
import type { Draft } from './draft';
import { nameKey, slugify } from './names';
import { sortReports } from './reports';

export interface IdResult {
  drafts: Draft[];
  idOfKey: Map<string, string>;
  handMatches: { atlas: string; hand: string }[];
  folds: { id: string; records: string[] }[];
}

function fold(into: Draft, d: Draft): void {
  for (const a of d.aliases) {
    const same = into.aliases.find((x) => nameKey(x.text) === nameKey(a.text));
    if (same) {
      if (!same.coinedBy && a.coinedBy) same.coinedBy = a.coinedBy;
      continue;
    }
    into.aliases.push({ ...a });
  }
  into.records = [...into.records, ...d.records];
  into.links = [...into.links, ...d.links];
  into.attested = new Set([...(into.attested ?? []), ...(d.attested ?? [])]);
  const f = into.facts;
  f.reports = sortReports([...f.reports, ...d.facts.reports]);
  f.reportsFrom ??= d.facts.reportsFrom;
  f.targetCountries = [...new Set([...f.targetCountries, ...d.facts.targetCountries])];
  f.targetSectors = [...new Set([...f.targetSectors, ...d.facts.targetSectors])];
  f.unnamedCampaigns = [...f.unnamedCampaigns, ...d.facts.unnamedCampaigns];
  f.stateWords = [...(f.stateWords ?? []), ...(d.facts.stateWords ?? [])];
  const attribution = [...(into.entry.attribution ?? [])];
  for (const a of d.entry.attribution ?? []) {
    const cur = attribution.find((x) => x.country === a.country);
    if (cur) cur.by = [...new Set([...cur.by, ...a.by])];
    else attribution.push({ ...a });
  }
  if (attribution.length > 0) into.entry.attribution = attribution;
}

export function assignIds(
  drafts: readonly Draft[],
  hand: readonly KbFile[],
  skipped: Skipped[],
  separateNames: ReadonlySet<string>,
  /** Rules (merge-rules.json "into"): a draft's own name key to the hand entry id it folds into. */
  intoRules: ReadonlyMap<string, string> = new Map(),
): IdResult {
  const handKeys = hand.map((f) => handKeyOf(f.data)).filter((k): k is HandKey => k !== undefined);
  const handNames = new Map<string, HandKey>();
  for (const f of hand) {
    const key = handKeyOf(f.data);
    const aliases = (f.data as { aliases?: unknown })?.aliases;
    if (!key || !Array.isArray(aliases)) continue;
    for (const a of aliases as { text?: unknown; disputed?: unknown }[])
      if (typeof a?.text === 'string' && a.disputed !== true) handNames.set(`${key.kind}|${nameKey(a.text)}`, key);
  }
  const taken = new Set(handKeys.map((h) => h.id));
  // Ids hand entries link to: a person keeps that atlas card apart (a "same-as" link to it), so it never folds.
  const linkedByHand = new Set<string>();
  for (const f of hand) {
    const links = (f.data as { links?: unknown })?.links;
    if (Array.isArray(links))
      for (const l of links as { id?: unknown }[]) if (typeof l?.id === 'string') linkedByHand.add(l.id);
  }
  const matched = new Map<string, Draft>();
  const handMatches: IdResult['handMatches'] = [];
  const folds: IdResult['folds'] = [];
  const idOfKey = new Map<string, string>();
  const kept: Draft[] = [];
  // First what describes a hand entry by ATT&CK id, id or primary name; then drafts a hand entry names.
  for (const d of drafts) {
    const names = [d.name, ...d.aliases.filter((a) => a.primary).map((a) => a.text)].map((n) => nameKey(n));
    const h = findHandMatch(
      { id: slugify(d.name), kind: d.kind, ...(d.attackId ? { attackId: d.attackId } : {}), names },
      handKeys,
    );
    if (h && !matched.has(h.id)) {
      matched.set(h.id, d);
      d.id = h.id;
      handMatches.push({ atlas: d.key, hand: h.id });
    }
  }
  for (const d of drafts) {
    // The hand entry lists this draft's own name: the same thing (unless tracked apart by rule).
    const ruled = intoRules.get(nameKey(d.name));
    const byRule = ruled ? handKeys.find((h) => h.id === ruled && h.kind === d.kind) : undefined;
    const byName = d.id ? undefined : (byRule ?? handNames.get(`${d.kind}|${nameKey(d.name)}`));
    if (byName && !separateNames.has(nameKey(d.name)) && (byRule || !linkedByHand.has(slugify(d.name)))) {
      const into = matched.get(byName.id);
      if (into) {
        fold(into, d);
        // A merge rule is a person's word that the name belongs to the hand entry, as good as a second
        // data set's. The folded record may carry no word names (a weakly tied group is matched by codes
        // only): its own name is added, matched only beside a hacking word.
        if (byRule) {
          into.attested?.add(nameKey(d.name));
          if (!into.aliases.some((a) => nameKey(a.text) === nameKey(d.name)))
            into.aliases.push({ text: d.name, lang: 'en', requiresContext: true });
        }
        idOfKey.set(d.key, into.id);
        folds.push({ id: into.id, records: d.records });
        continue;
      }
      matched.set(byName.id, d);
      d.id = byName.id;
      handMatches.push({ atlas: d.key, hand: byName.id });
    }
    kept.push(d);
  }
  // Two atlas drafts of one kind with the same own name are one entry (data sets kept duplicates apart).
  const first = new Map<string, Draft>();
  for (const d of [...kept]) {
    const k = `${d.kind}|${nameKey(d.name)}`;
    const into = first.get(k);
    if (!into) {
      first.set(k, d);
      continue;
    }
    if (d.id && into.id) continue; // both describe hand entries: left as they are
    const [keep, gone] = into.id || !d.id ? [into, d] : [d, into];
    fold(keep, gone);
    first.set(k, keep);
    kept.splice(kept.indexOf(gone), 1);
    idOfKey.set(gone.key, keep.key);
    folds.push({ id: keep.key, records: gone.records });
  }
  // A hand entry is curated: it gains only names a data set other than MISP attests.
  for (const [hid, d] of matched) {
    const attested = d.attested;
    if (!attested) continue;
    d.aliases = d.aliases.filter((a) => {
      const ok = a.primary === true || attested.has(nameKey(a.text));
      if (!ok)
        skipped.push({ name: a.text, reason: `only MISP lists it; not added to hand entry "${hid}"`, where: d.key });
      return ok;
    });
  }
  const suffix = { 'threat-actor': 'group', malware: 'malware', operation: 'operation' } as const;
  kept.forEach((d, i) => {
    if (d.id) return;
    const base = slugify(d.name) || slugify(`${d.kind} ${d.attackId ?? d.key}`);
    const candidates = [
      base,
      `${base}-${suffix[d.kind]}`,
      `${base}-${(d.attackId ?? '').toLowerCase()}`,
      `${base}-${i}`,
    ];
    const id = candidates.find((c) => c && !c.endsWith('-') && !taken.has(c))!;
    d.id = id;
    taken.add(id);
  });
  for (const d of kept) idOfKey.set(d.key, d.id);
  // Same-name folds recorded the kept draft's key: now its id.
  for (const [k, v] of idOfKey) if (!kept.some((d) => d.id === v)) idOfKey.set(k, idOfKey.get(v) ?? v);
  for (const f of folds) f.id = idOfKey.get(f.id) ?? f.id;
  return { drafts: kept, idOfKey, handMatches, folds };
}
