/**
 * Hacking-group drafts: one per group of records (actors.ts, merge-rules.ts), with every name and
 * who coined it and who uses it, who links the group to which state, the facts the composition
 * step words (dated reports, targets), and its sources. Pure module.
 */
import type { Clustering } from './merge-rules';
import { actorAttributions, actorName, stateLink, type ActorContext, type ActorRecord } from './actors';
import {
  DATASET_LABEL,
  MISP_SOURCE,
  MS_MAP_SOURCE,
  attackPage,
  emptyFacts,
  pickSources,
  type AliasDraft,
  type Draft,
} from './draft';
import { nameFlags, nameKey, type NameRules } from './names';
import { addressReports, citationReports } from './reports';
import type { SourcePicker } from './sources';
import type { Source } from '../schema';
import type { SourceName } from './merge-rules';

const SOURCE_ORDER: SourceName[] = ['attack', 'misp', 'microsoft', 'qihoo360'];

function isAllCaps(t: string): boolean {
  return /[A-Z]{2}/.test(t) && t === t.toUpperCase() && /[A-Z]/.test(t);
}

export function aliasesFromClaims(
  records: readonly ActorRecord[],
  primaryName: string,
  rules: NameRules,
  coiner: (t: string) => string | undefined,
  disputed: ReadonlySet<string>,
  /** Coiners the data sets get wrong, by name key (assets/naming/coiners.json corrections). */
  corrections: ReadonlyMap<string, { coinedBy?: string }> = new Map(),
): AliasDraft[] {
  const byKey = new Map<string, AliasDraft & { users: Set<string> }>();
  const sorted = [...records].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
  for (const r of sorted)
    for (const c of r.claims) {
      const k = nameKey(c.text);
      const user = c.coinedBy && r.primaryKeys.includes(k) ? c.coinedBy : DATASET_LABEL[c.from];
      const cur = byKey.get(k);
      if (!cur) {
        byKey.set(k, {
          text: c.text,
          lang: c.lang,
          users: new Set([user]),
          ...(c.coinedBy ? { coinedBy: c.coinedBy } : {}),
          ...(c.former ? { former: true } : {}),
          ...(c.source ? { source: c.source } : {}),
        });
        continue;
      }
      cur.users.add(user);
      if (isAllCaps(cur.text) && !isAllCaps(c.text) && cur.text.length > 6) cur.text = c.text;
      if (!cur.coinedBy && c.coinedBy) cur.coinedBy = c.coinedBy;
      if (c.former) cur.former = true;
      if (!cur.source && c.source) cur.source = c.source;
    }
  const out: AliasDraft[] = [];
  // Each data set's own name for the group is a primary name (so a hand entry named by any of them matches).
  const own = new Set([nameKey(primaryName), ...records.flatMap((r) => r.primaryKeys)]);
  for (const [k, a] of byKey) {
    const flags = nameFlags(a.text, rules, { kind: 'threat-actor' });
    const fixed = corrections.get(k);
    const coinedBy = fixed ? fixed.coinedBy : (a.coinedBy ?? coiner(a.text));
    const primary = own.has(k);
    const isDisputed = disputed.has(k);
    out.push({
      text: a.text,
      lang: a.lang,
      ...(flags.caseSensitive ? { caseSensitive: true } : {}),
      ...(flags.requiresContext ? { requiresContext: true } : {}),
      ...(primary ? { primary: true } : {}),
      ...(coinedBy ? { coinedBy } : {}),
      ...(a.former ? { former: true } : {}),
      ...(isDisputed ? { disputed: true, usedBy: [...a.users].sort() } : {}),
      ...(a.source ? { source: a.source } : {}),
    });
  }
  return out.sort((a, b) => Number(b.primary ?? false) - Number(a.primary ?? false));
}

export interface ActorDraftsInput {
  ctx: ActorContext;
  picker: SourcePicker;
  records: readonly ActorRecord[];
  clustering: Clustering;
  coiner: (t: string) => string | undefined;
  snapshots: { misp: string; attack: string; microsoft: string };
}

export interface ActorDrafts {
  drafts: Draft[];
  draftOfCluster: Map<number, Draft>;
  clusterOf: Map<string, number>;
  crimeGroups: Set<string>;
  strongGroups: Set<string>;
  weakActors: number;
  skippedRecords: { record: string; reason: string }[];
  merges: { id: string; records: string[] }[];
}

/** Target countries (as the countries table names them) and sectors from MISP's words. */
function targets(ctx: ActorContext, records: readonly ActorRecord[]): { countries: string[]; sectors: string[] } {
  const countries = new Set<string>();
  const sectors = new Set<string>();
  const list = (x: string | string[] | undefined) => (x === undefined ? [] : [x].flat());
  const sp = ctx.config.countries.spellings;
  for (const r of records) {
    for (const v of list(r.misp?.victims)) {
      const k = v.trim().toLowerCase();
      const code = /^[A-Z]{2}$/.test(v.trim()) ? v.trim() : (sp.misp?.[k] ?? sp.common?.[k]);
      const name = code ? ctx.config.countries.names[code] : undefined;
      if (name) countries.add(name);
    }
    for (const s of [...list(r.misp?.targetCategory), ...list(r.misp?.targetedSector)])
      for (const part of s.split(/,\s*/)) {
        const t = part.trim().replace(/\s+sectors?$/i, '');
        if (t.length > 1 && t.length < 40) sectors.add(t.toLowerCase());
      }
  }
  return { countries: [...countries], sectors: [...sectors] };
}

export function actorDrafts(input: ActorDraftsInput): ActorDrafts {
  const { ctx, picker, records, clustering, coiner, snapshots } = input;
  const recByKey = new Map(records.map((r) => [r.key, r]));
  const clusterOf = new Map<string, number>();
  clustering.clusters.forEach((c, i) => c.forEach((k) => clusterOf.set(k, i)));
  const claimants = new Map<string, Set<number>>();
  clustering.clusters.forEach((c, i) => {
    for (const k of c)
      for (const n of recByKey.get(k)!.nameKeys) claimants.set(n, (claimants.get(n) ?? new Set()).add(i));
  });
  const disputedKeys = new Set([...claimants].filter(([, s]) => s.size > 1).map(([k]) => k));
  const separate = new Map(ctx.config.mergeRules.separate.map((s) => [nameKey(s.name), s]));
  const corrections = new Map(
    ctx.config.coiners.corrections.map((c) => [nameKey(c.name), c.coinedBy ? { coinedBy: c.coinedBy } : {}]),
  );

  const out: ActorDrafts = {
    drafts: [],
    draftOfCluster: new Map(),
    clusterOf,
    crimeGroups: new Set(),
    strongGroups: new Set(),
    weakActors: 0,
    skippedRecords: [],
    merges: [],
  };
  const label = (r: ActorRecord) => `${r.source}:${r.primary}`;
  const notGroups = new Map(ctx.config.mergeRules.notGroups.map((n) => [nameKey(n.name), n.why]));
  clustering.clusters.forEach((keys, i) => {
    const recs = keys.map((k) => recByKey.get(k)!);
    // A cluster made only of records that are no group (merge-rules.json "notGroups") is left out.
    const notGroup = recs.map((r) => notGroups.get(nameKey(r.primary)));
    if (notGroup.every((why) => why !== undefined)) {
      for (const r of recs) out.skippedRecords.push({ record: label(r), reason: `not a group: ${notGroup[0]}` });
      return;
    }
    const link = stateLink(recs);
    for (const r of recs)
      if (r.attack)
        (link === 'crime' ? out.crimeGroups : link === 'strong' ? out.strongGroups : new Set<string>()).add(
          r.attack.attackId,
        );
    if (link === 'crime' || link === 'none') {
      const reason =
        link === 'crime' ? 'financially motivated in the data, no state link' : 'no state link in the data';
      for (const r of recs) out.skippedRecords.push({ record: label(r), reason });
      return;
    }
    const name = actorName(recs);
    const ms = recs.find((r) => r.microsoft)?.microsoft;
    const attack = recs.find((r) => r.attack)?.attack;
    const misp = recs.find((r) => r.misp)?.misp;
    const qihoo = recs.find((r) => r.qihoo360)?.qihoo360;
    const named = aliasesFromClaims(recs, name, ctx.rules, coiner, disputedKeys, corrections);
    // A group the data only weakly tie to a state (an ATT&CK group or a MISP country, nothing
    // more) is matched by its codes only: its word names showed up in ordinary security news far
    // more than in espionage reporting, and a matched name weighs in the espionage verdict. Its
    // word names reach it through a cue set instead (cues.ts: the name beside a hacking word in
    // one paragraph), which names it on a page without weighing in the verdict.
    const codes = (a: AliasDraft) => /\d/.test(a.text) && !a.requiresContext;
    const aliases = link === 'weak' ? named.filter(codes) : named;
    const wordNames = link === 'weak' ? named.filter((a) => !codes(a) && !a.disputed) : [];
    if (link === 'weak') out.weakActors++;
    const { country, attribution, words } = actorAttributions(ctx, recs);
    const urls = [...recs.flatMap((r) => r.misp?.refs ?? []), ...(attack?.refs ?? []), ...(qihoo?.refs ?? [])];
    const fixed: Source[] = [];
    if (attack) fixed.push(attackPage(attack.url, attack.name, attack.attackId));
    let sources = pickSources(picker, urls, fixed);
    if (ms && sources.length < 3) sources.push(MS_MAP_SOURCE);
    if (sources.length === 0) sources = [MISP_SOURCE];
    const nameZh = aliases.find((a) => a.lang === 'zh-Hans' && !a.disputed)?.text;
    const since = misp?.since && /^\d{4}$/.test(misp.since) ? misp.since : undefined;
    const asOf = [
      ...(misp || qihoo ? [snapshots.misp] : []),
      ...(attack ? [snapshots.attack] : []),
      ...(ms ? [snapshots.microsoft] : []),
    ]
      .sort()
      .at(-1)!;
    const facts = emptyFacts();
    const cited = attack ? citationReports(picker, attack.citations) : [];
    if (cited.length > 0) {
      facts.reports = cited;
      facts.reportsFrom = 'attack';
    } else {
      facts.reports = addressReports(picker, urls);
      if (facts.reports.length > 0) facts.reportsFrom = 'address';
    }
    const t = targets(ctx, recs);
    facts.targetCountries = t.countries;
    facts.targetSectors = t.sectors;
    facts.stateWords = words;
    if (wordNames.length > 0)
      facts.unmatchedNames = wordNames.map((a) => ({ text: a.text, ...(a.coinedBy ? { coinedBy: a.coinedBy } : {}) }));
    if (ms) facts.microsoftName = ms.name;
    const sep = recs.map((r) => separate.get(nameKey(r.primary))).find((s) => s !== undefined);
    if (sep) facts.separate = { trackedBy: sep.trackedBy, mappedBy: sep.mappedBy, mappedTo: sep.mappedTo };
    const d: Draft = {
      attested: new Set(recs.filter((r) => r.source !== 'misp').flatMap((r) => r.nameKeys)),
      key: `actor:${keys[0]}`,
      kind: 'threat-actor',
      name,
      id: '',
      aliases,
      ...(attack ? { attackId: attack.attackId } : {}),
      records: recs.map(label),
      links: [],
      facts,
      entry: {
        ...(nameZh ? { nameZh } : {}),
        // Written by compose.ts once links and ids are known.
        summary: name,
        details: [],
        dates: [],
        related: [],
        sources,
        asOf,
        ...(country ? { country } : {}),
        ...(attribution.length > 0 ? { attribution } : {}),
        ...(attack ? { attackId: attack.attackId } : {}),
        ...(since ? { firstReported: since } : {}),
        summaryComposed: true,
      },
    };
    out.drafts.push(d);
    out.draftOfCluster.set(i, d);
    if (recs.length > 1) out.merges.push({ id: d.key, records: d.records });
  });
  return out;
}
