/**
 * The whole import, computed before anything is written: actors, malware and operations from the
 * threat-naming data, ids that do not collide, links between them, alias conflicts settled (a name
 * two groups claim is disputed on both; a hand entry's name is never taken), curated fields kept.
 * Returns the files to write and the report. Pure module.
 */
import * as v from 'valibot';
import type { CompiledPatterns } from '../../naming/patterns';
import { findHandMatch, handKeyOf, type HandKey } from '../layers';
import { EntrySchema, type AliasLang, type EntryInput, type Link, type Source } from '../schema';
import type { KbFile } from '../validate';
import {
  actorAttributions,
  actorName,
  actorRecords,
  clusterActors,
  coinerIndex,
  stateLink,
  type ActorContext,
  type ActorRecord,
  type Skipped,
} from './actors';
import type { ImportConfig } from './config';
import type { AttackSoftware, ThreatNamingData } from './inputs';
import type { SourceName } from './merge-rules';
import { nameFlags, nameKey, nameRules, skipReason, slugify, splitNames, type NameRules } from './names';
import { sourcePicker, type SourcePicker } from './sources';
import { actorSummary, campaignSummary, softwareSummary } from './summary';

export const ATLAS_ROOT = 'assets/atlas';
const MS_MAP_SOURCE: Source = {
  url: 'https://github.com/microsoft/mstic/blob/master/PublicFeeds/ThreatActorNaming/MicrosoftMapping.json',
  title: "Microsoft's threat actor naming map (MicrosoftMapping.json)",
  publisher: 'Microsoft Threat Intelligence',
};
const MISP_SOURCE: Source = {
  url: 'https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json',
  title: 'MISP galaxy threat-actor cluster',
  publisher: 'MISP galaxy',
};

export interface ImportInput {
  data: ThreatNamingData;
  config: ImportConfig;
  patterns: CompiledPatterns;
  /** Hand-written entry files (assets/kb). */
  hand: readonly KbFile[];
  /** Atlas files as they are now (for curated fields and stale files). */
  existingAtlas: readonly KbFile[];
}

export interface ImportReport {
  asOf: string;
  counts: Record<string, number>;
  merges: { id: string; records: string[] }[];
  disputed: { name: string; entries: string[] }[];
  conflicts: { name: string; kept: string; dropped: string[]; reason: string }[];
  skippedNames: Skipped[];
  skippedRecords: { record: string; reason: string }[];
  handMatches: { atlas: string; hand: string }[];
  curatedKept: { file: string; fields: string[] | 'all' }[];
}

export interface ImportResult {
  /** Files to write, path relative to the repository root, content byte-exact. */
  files: { path: string; content: string }[];
  /** Atlas files to delete (no longer produced, not curated). */
  remove: string[];
  report: ImportReport;
}

interface AliasDraft {
  text: string;
  lang: AliasLang;
  caseSensitive?: boolean;
  requiresContext?: boolean;
  primary?: boolean;
  coinedBy?: string;
  former?: boolean;
  disputed?: boolean;
  source?: string;
}

interface Draft {
  /** Provisional key before ids are assigned. */
  key: string;
  kind: 'threat-actor' | 'malware' | 'operation';
  name: string;
  id: string;
  aliases: AliasDraft[];
  entry: Omit<EntryInput, 'id' | 'kind' | 'name' | 'aliases' | 'links'>;
  links: Link[];
  attackId?: string;
  /** Records merged into this draft (report). */
  records: string[];
  /** Name keys some data set other than MISP attests (MISP over-merges). */
  attested?: Set<string>;
}

const SOURCE_ORDER: SourceName[] = ['attack', 'misp', 'microsoft', 'qihoo360'];

function isAllCaps(t: string): boolean {
  return /[A-Z]{2}/.test(t) && t === t.toUpperCase() && /[A-Z]/.test(t);
}

function aliasesFromClaims(
  records: readonly ActorRecord[],
  primaryName: string,
  microsoftName: string | undefined,
  rules: NameRules,
  coiner: (t: string) => string | undefined,
  disputed: ReadonlySet<string>,
): AliasDraft[] {
  const byKey = new Map<string, AliasDraft>();
  const sorted = [...records].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
  for (const r of sorted)
    for (const c of r.claims) {
      const k = nameKey(c.text);
      const cur = byKey.get(k);
      if (!cur) {
        byKey.set(k, {
          text: c.text,
          lang: c.lang,
          ...(c.coinedBy ? { coinedBy: c.coinedBy } : {}),
          ...(c.former ? { former: true } : {}),
          ...(c.source ? { source: c.source } : {}),
        });
        continue;
      }
      if (isAllCaps(cur.text) && !isAllCaps(c.text) && cur.text.length > 6) cur.text = c.text;
      if (!cur.coinedBy && c.coinedBy) cur.coinedBy = c.coinedBy;
      if (c.former) cur.former = true;
      if (!cur.source && c.source) cur.source = c.source;
    }
  const out: AliasDraft[] = [];
  // Each data set's own name for the group is a primary name (so a hand entry named by any of them matches).
  const own = new Set([nameKey(primaryName), ...records.flatMap((r) => r.primaryKeys)]);
  void microsoftName;
  for (const [k, a] of byKey) {
    const flags = nameFlags(a.text, rules, { kind: 'threat-actor' });
    const coinedBy = a.coinedBy ?? coiner(a.text);
    const primary = own.has(k);
    out.push({
      text: a.text,
      lang: a.lang,
      ...(flags.caseSensitive ? { caseSensitive: true } : {}),
      ...(flags.requiresContext ? { requiresContext: true } : {}),
      ...(primary ? { primary: true } : {}),
      ...(coinedBy ? { coinedBy } : {}),
      ...(a.former ? { former: true } : {}),
      ...(disputed.has(k) ? { disputed: true } : {}),
      ...(a.source ? { source: a.source } : {}),
    });
  }
  return out.sort((a, b) => Number(b.primary ?? false) - Number(a.primary ?? false));
}

function attackPage(url: string, name: string, id: string): Source {
  return { url, title: `${name} (${id})`, publisher: 'MITRE ATT&CK' };
}

function pickSources(picker: SourcePicker, urls: readonly string[], fixed: readonly Source[], max = 3): Source[] {
  const refs = urls.filter((u) => !u.includes('attack.mitre.org'));
  const picked = picker.pick(refs, Math.max(1, max - fixed.length));
  const out = [...picked, ...fixed];
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.url) && seen.add(s.url)).slice(0, max);
}

export function runImport(input: ImportInput): ImportResult {
  const { data, config, patterns } = input;
  const rules = nameRules(config.commonWords);
  const picker = sourcePicker(config.sourceDomains, config.deniedDomains);
  const skipped: Skipped[] = [];
  const ctx: ActorContext = {
    config,
    rules,
    patterns,
    skipped,
    publisherOf: (urls) => {
      for (const u of urls) {
        const c = picker.classify(u);
        if (!('skip' in c) && c.publisher !== 'MITRE ATT&CK') return c.publisher;
      }
      return undefined;
    },
  };
  const coiner = coinerIndex(data, ctx);
  const asOfMisp = data.snapshots.misp;
  const asOfAttack = data.snapshots.attack;
  const asOfMs = data.snapshots.microsoft;
  const newest = [asOfMisp, asOfAttack, asOfMs].sort().at(-1)!;
  const report: ImportReport = {
    asOf: newest,
    counts: {},
    merges: [],
    disputed: [],
    conflicts: [],
    skippedNames: skipped,
    skippedRecords: [],
    handMatches: [],
    curatedKept: [],
  };

  // 1. Actors.
  const recs = actorRecords(data, ctx);
  const clustering = clusterActors(recs);
  const recByKey = new Map(recs.records.map((r) => [r.key, r]));
  const clusterOf = new Map<string, number>();
  clustering.clusters.forEach((c, i) => c.forEach((k) => clusterOf.set(k, i)));
  const claimants = new Map<string, Set<number>>();
  clustering.clusters.forEach((c, i) => {
    for (const k of c)
      for (const n of recByKey.get(k)!.nameKeys) claimants.set(n, (claimants.get(n) ?? new Set()).add(i));
  });
  const disputedKeys = new Set([...claimants].filter(([, s]) => s.size > 1).map(([k]) => k));

  const drafts: Draft[] = [];
  let weakActors = 0;
  const crimeGroups = new Set<string>();
  const strongGroups = new Set<string>();
  const draftOfCluster = new Map<number, Draft>();
  const label = (r: ActorRecord) => `${r.source}:${r.primary}`;
  clustering.clusters.forEach((keys, i) => {
    const records = keys.map((k) => recByKey.get(k)!);
    const link = stateLink(records);
    for (const r of records)
      if (r.attack)
        (link === 'crime' ? crimeGroups : link === 'strong' ? strongGroups : new Set<string>()).add(r.attack.attackId);
    if (link === 'crime' || link === 'none') {
      const reason =
        link === 'crime' ? 'financially motivated in the data, no state link' : 'no state link in the data';
      for (const r of records) report.skippedRecords.push({ record: label(r), reason });
      return;
    }
    const name = actorName(records);
    const ms = records.find((r) => r.microsoft)?.microsoft;
    const attack = records.find((r) => r.attack)?.attack;
    const misp = records.find((r) => r.misp)?.misp;
    const qihoo = records.find((r) => r.qihoo360)?.qihoo360;
    const named = aliasesFromClaims(records, name, ms?.name, rules, coiner, disputedKeys);
    // A group the data only weakly ties to a state (an ATT&CK group or a MISP country, nothing more) is
    // kept for search and cards, its names listed in the summary, but only its codes are matched in
    // pages: its word names showed up in ordinary security news far more than in espionage reporting.
    // Codes ("UNC3886", "TA453") are kept: they name nothing but a hacking group.
    const aliases =
      link === 'weak' ? named.filter((a) => /\d/.test(a.text) && !a.requiresContext && !a.disputed) : named;
    if (link === 'weak') weakActors++;
    const { country, attribution, words } = actorAttributions(ctx, records);
    const urls = [...(misp?.refs ?? []), ...(attack?.refs ?? []), ...(qihoo?.refs ?? [])];
    const fixed: Source[] = [];
    if (attack) fixed.push(attackPage(attack.url, attack.name, attack.attackId));
    let sources = pickSources(picker, urls, fixed);
    if (ms && sources.length < 3) sources.push(MS_MAP_SOURCE);
    if (sources.length === 0) sources = [MISP_SOURCE];
    const nameZh = aliases.find((a) => a.lang === 'zh-Hans' && !a.disputed)?.text;
    const since = misp?.since && /^\d{4}$/.test(misp.since) ? misp.since : undefined;
    const asOf = [...(misp || qihoo ? [asOfMisp] : []), ...(attack ? [asOfAttack] : []), ...(ms ? [asOfMs] : [])]
      .sort()
      .at(-1)!;
    const summary = actorSummary({
      name,
      ...(ms ? { microsoftName: ms.name } : {}),
      attributions: words,
      otherNames: named
        .filter((a) => !a.disputed && a.lang === 'en')
        .map((a) => ({ text: a.text, ...(a.coinedBy ? { coinedBy: a.coinedBy } : {}) })),
      ...(attack ? { attackId: attack.attackId } : {}),
      disputedNames: named.filter((a) => a.disputed).map((a) => a.text),
    });
    const attested = new Set(records.filter((r) => r.source !== 'misp').flatMap((r) => r.nameKeys));
    const d: Draft = {
      attested,
      key: `actor:${keys[0]}`,
      kind: 'threat-actor',
      name,
      id: '',
      aliases,
      ...(attack ? { attackId: attack.attackId } : {}),
      records: records.map(label),
      links: [],
      entry: {
        ...(nameZh ? { nameZh } : {}),
        summary,
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
    drafts.push(d);
    draftOfCluster.set(i, d);
    if (records.length > 1) report.merges.push({ id: d.key, records: d.records });
  });
  const actorOfGroup = (g: string) => {
    const c = clusterOf.get(`attack:${g}`);
    return c === undefined ? undefined : draftOfCluster.get(c);
  };

  // 2. Malware and tools used by state-linked groups.
  const dualUse = new Set(config.commonWords.dualUseTools.map((t) => t.toLowerCase()));
  const skipTools = new Set(config.commonWords.skipTools.map((t) => t.toLowerCase()));
  const users = new Map<string, Draft[]>();
  const usedByCrime = new Set<string>();
  for (const g of data.groups) {
    if (crimeGroups.has(g.attackId)) for (const s of g.software) usedByCrime.add(s);
    const actor = actorOfGroup(g.attackId);
    if (!actor || !strongGroups.has(g.attackId)) continue;
    for (const s of g.software) users.set(s, [...(users.get(s) ?? []), actor]);
  }
  const softwareDrafts: Draft[] = [];
  for (const s of [...data.software].sort((a, b) => a.attackId.localeCompare(b.attackId))) {
    const us = users.get(s.attackId);
    if (!us) continue;
    if (s.type === 'tool' && (skipTools.has(s.name.toLowerCase()) || !dualUse.has(s.name.toLowerCase()))) {
      report.skippedRecords.push({ record: `attack:${s.attackId} ${s.name}`, reason: 'everyday or system tool' });
      continue;
    }
    const d = softwareDraft(s, [...new Set(us)], rules, asOfAttack, skipped);
    // Malware that financially motivated groups use too is not matched (tools on the dual-use list
    // are, with context): a mention of it says little about a state.
    if (usedByCrime.has(s.attackId) && !dualUse.has(s.name.toLowerCase()) && d.aliases.length > 0) {
      for (const a of d.aliases)
        skipped.push({
          name: a.text,
          reason: 'malware financially motivated groups also use: not matched',
          where: `attack-software.json ${s.attackId}`,
        });
      d.aliases = [];
    }
    softwareDrafts.push(d);
  }
  drafts.push(...softwareDrafts);

  // 3. Operations: the ATT&CK campaigns.
  for (const c of [...data.campaigns].sort((a, b) => a.attackId.localeCompare(b.attackId))) {
    const groups = c.attributedTo.map(actorOfGroup).filter((x): x is Draft => x !== undefined);
    const aliases: AliasDraft[] = [];
    for (const raw of [c.name, ...c.aliases])
      for (const text of splitNames(raw)) {
        const why = skipReason(text, rules);
        if (why) {
          if (!/^C\d{4}$/.test(text))
            skipped.push({ name: text, reason: why, where: `attack-campaigns.json ${c.attackId}` });
          continue;
        }
        if (aliases.some((a) => nameKey(a.text) === nameKey(text))) continue;
        const f = nameFlags(text, rules, { kind: 'operation' });
        if (f.drop) {
          skipped.push({ name: text, reason: f.drop, where: `attack-campaigns.json ${c.attackId}` });
          continue;
        }
        aliases.push({
          text,
          lang: 'en',
          ...(f.caseSensitive ? { caseSensitive: true } : {}),
          ...(f.requiresContext ? { requiresContext: true } : {}),
          ...(text === c.name ? { primary: true } : {}),
        });
      }
    const d: Draft = {
      key: `campaign:${c.attackId}`,
      kind: 'operation',
      name: c.name,
      id: '',
      aliases,
      attackId: c.attackId,
      records: [`attack:${c.attackId}`],
      links: [],
      entry: {
        summary: campaignSummary({
          attackId: c.attackId,
          attributedTo: groups.map((g) => g.name),
          ...(c.firstSeen ? { firstSeen: c.firstSeen } : {}),
          ...(c.lastSeen ? { lastSeen: c.lastSeen } : {}),
        }),
        details: [],
        dates: c.firstSeen
          ? [
              {
                label: 'activity seen (ATT&CK)',
                start: c.firstSeen,
                ...(c.lastSeen && c.lastSeen >= c.firstSeen ? { end: c.lastSeen } : {}),
              },
            ]
          : [],
        related: [],
        sources: pickSources(picker, c.refs, [attackPage(c.url, c.name, c.attackId)]),
        asOf: asOfAttack,
        attackId: c.attackId,
        ...(c.firstSeen ? { firstReported: c.firstSeen } : {}),
        summaryComposed: true,
      },
    };
    d.links = groups.map((g) => ({ id: g.key, type: 'attributed-to' as const }));
    drafts.push(d);
  }

  // 4. Ids: a hand entry's id when it describes the same thing, else a slug that collides with nothing.
  const handKeys = input.hand.map((f) => handKeyOf(f.data)).filter((k): k is HandKey => k !== undefined);
  const taken = new Set(handKeys.map((h) => h.id));
  const matched = new Map<string, Draft>();
  for (const d of drafts) {
    const names = [d.name, ...d.aliases.filter((a) => a.primary).map((a) => a.text)].map((n) => nameKey(n));
    const h = findHandMatch(
      { id: slugify(d.name), kind: d.kind, ...(d.attackId ? { attackId: d.attackId } : {}), names },
      handKeys,
    );
    if (h && !matched.has(h.id)) {
      matched.set(h.id, d);
      d.id = h.id;
      report.handMatches.push({ atlas: d.key, hand: h.id });
      // A hand entry is curated: it gains only names a data set other than MISP attests.
      const attested = d.attested;
      if (attested)
        d.aliases = d.aliases.filter((a) => {
          const ok = a.primary === true || attested.has(nameKey(a.text));
          if (!ok)
            skipped.push({
              name: a.text,
              reason: `only MISP lists it; not added to hand entry "${h.id}"`,
              where: d.key,
            });
          return ok;
        });
    }
  }
  const suffix = { 'threat-actor': 'group', malware: 'malware', operation: 'operation' } as const;
  for (const d of drafts) {
    if (d.id) continue;
    const base = slugify(d.name) || slugify(`${d.kind} ${d.attackId ?? d.key}`);
    const candidates = [
      base,
      `${base}-${suffix[d.kind]}`,
      `${base}-${(d.attackId ?? '').toLowerCase()}`,
      `${base}-${drafts.indexOf(d)}`,
    ];
    const id = candidates.find((c) => c && !c.endsWith('-') && !taken.has(c))!;
    d.id = id;
    taken.add(id);
  }
  for (const d of drafts) taken.add(d.id);
  const idOfKey = new Map(drafts.map((d) => [d.key, d.id]));

  // 5. Links, now that ids are known.
  const draftByKey = new Map(drafts.map((d) => [d.key, d]));
  const addLink = (d: Draft, l: Link) => {
    if (l.id === d.id || d.links.some((x) => x.id === l.id && x.type === l.type)) return;
    d.links.push(l);
  };
  for (const d of drafts) d.links = d.links.map((l) => ({ ...l, id: idOfKey.get(l.id) ?? l.id }));
  for (const s of softwareDrafts)
    for (const l of s.links) {
      const actor = drafts.find((d) => d.id === l.id);
      if (actor) addLink(actor, { id: s.id, type: 'uses' });
    }
  for (const rel of clustering.relations) {
    const a = draftOfCluster.get(clusterOf.get(rel.a)!);
    const b = draftOfCluster.get(clusterOf.get(rel.b)!);
    if (!a || !b || a === b) continue;
    if (rel.relation === 'overlaps') {
      addLink(a, { id: b.id, type: 'overlaps' });
      addLink(b, { id: a.id, type: 'overlaps' });
    } else if (rel.relation === 'sub-group') {
      addLink(a, { id: b.id, type: 'sub-group-of' });
      addLink(b, { id: a.id, type: 'parent-of' });
    } else {
      addLink(a, { id: b.id, type: 'disputed' });
      addLink(b, { id: a.id, type: 'disputed' });
    }
  }
  void draftByKey;

  // 6. Alias conflicts between atlas entries, and with hand entries.
  const handClaims = new Map<string, Set<string>>();
  for (const f of input.hand) {
    const d = f.data as { id?: unknown; aliases?: unknown };
    if (typeof d?.id !== 'string' || !Array.isArray(d.aliases)) continue;
    for (const a of d.aliases as { text?: unknown; disputed?: unknown }[])
      if (typeof a?.text === 'string' && a.disputed !== true) {
        const k = nameKey(a.text);
        handClaims.set(k, (handClaims.get(k) ?? new Set()).add(d.id));
      }
  }
  // The hand entries claiming a name, unless this draft is (merges into) one of them.
  const claimedElsewhere = (text: string, d: Draft) => {
    const ids = handClaims.get(nameKey(text));
    return ids && !ids.has(d.id) ? [...ids].sort().join(', ') : undefined;
  };
  for (const d of drafts) {
    const owner = claimedElsewhere(d.name, d);
    if (owner !== undefined && d.aliases.length > 0) {
      report.conflicts.push({
        name: d.name,
        kept: owner,
        dropped: [d.id],
        reason: "a hand entry claims this entry's own name: none of its names is matched",
      });
      d.aliases = [];
    }
  }
  for (const d of drafts)
    d.aliases = d.aliases.filter((a) => {
      const owner = a.disputed ? undefined : claimedElsewhere(a.text, d);
      if (owner === undefined) return true;
      report.conflicts.push({ name: a.text, kept: owner, dropped: [d.id], reason: 'a hand entry claims the name' });
      return false;
    });
  const KIND_RANK = { 'threat-actor': 0, malware: 1, operation: 2 } as const;
  const owners = new Map<string, Draft[]>();
  for (const d of drafts)
    for (const a of d.aliases)
      if (!a.disputed) owners.set(nameKey(a.text), [...(owners.get(nameKey(a.text)) ?? []), d]);
  for (const [k, list] of [...owners].sort((x, y) => x[0].localeCompare(y[0]))) {
    const ds = [...new Set(list)];
    if (ds.length < 2) continue;
    if (ds.every((d) => d.kind === 'threat-actor')) {
      for (const d of ds) for (const a of d.aliases) if (nameKey(a.text) === k) a.disputed = true;
      continue;
    }
    const own = ds.filter((d) => nameKey(d.name) === k);
    const ranked = [...(own.length > 0 ? own : ds)].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    const keep = ranked[0]!;
    const dropped = ds.filter((d) => d !== keep);
    for (const d of dropped) d.aliases = d.aliases.filter((a) => nameKey(a.text) !== k);
    const text = keep.aliases.find((a) => nameKey(a.text) === k)?.text ?? k;
    report.conflicts.push({
      name: text,
      kept: keep.id,
      dropped: dropped.map((d) => d.id),
      reason:
        own.length > 0 ? 'kept on the entry it names; other kinds lose it' : 'kept on the group; other kinds lose it',
    });
  }
  for (const d of drafts) {
    const sorted = d.aliases.filter((a) => a.disputed);
    for (const a of sorted) {
      const entries = drafts
        .filter((x) => x.aliases.some((y) => y.disputed && nameKey(y.text) === nameKey(a.text)))
        .map((x) => x.id);
      if (!report.disputed.some((r) => nameKey(r.name) === nameKey(a.text)))
        report.disputed.push({ name: a.text, entries });
    }
  }
  // A disputed name is shown, not matched: the summary names it, the primary flag is dropped.
  for (const d of drafts) for (const a of d.aliases) if (a.disputed) delete a.primary;

  // 7. Entries, curated fields kept, files.
  const existing = new Map(input.existingAtlas.map((f) => [f.file, f]));
  const files: ImportResult['files'] = [];
  const produced = new Set<string>();
  for (const d of drafts) {
    const path = `${ATLAS_ROOT}/${d.kind}/${d.id}.json`;
    produced.add(path);
    let entry: Record<string, unknown> = {
      id: d.id,
      kind: d.kind,
      name: d.name,
      ...(d.entry.nameZh ? { nameZh: d.entry.nameZh } : {}),
      aliases: d.aliases,
      summary: d.entry.summary,
      details: d.entry.details,
      dates: d.entry.dates,
      related: d.entry.related,
      sources: d.entry.sources,
      asOf: d.entry.asOf,
      ...(d.entry.country ? { country: d.entry.country } : {}),
      ...(d.entry.attribution ? { attribution: d.entry.attribution } : {}),
      ...(d.entry.attackId ? { attackId: d.entry.attackId } : {}),
      ...(d.entry.firstReported ? { firstReported: d.entry.firstReported } : {}),
      ...(d.links.length > 0
        ? { links: [...d.links].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id)) }
        : {}),
      ...(d.kind === 'malware' && d.entry.softwareType ? { softwareType: d.entry.softwareType } : {}),
      summaryComposed: true,
    };
    const old = existing.get(path);
    const curated = (old?.data as { curated?: unknown } | undefined)?.curated;
    if (curated === true) {
      report.curatedKept.push({ file: path, fields: 'all' });
      continue; // a person owns the whole file: it is not rewritten
    }
    if (Array.isArray(curated) && old) {
      const oldData = old.data as Record<string, unknown>;
      const fields = curated.filter((f): f is string => typeof f === 'string');
      entry = { ...entry };
      for (const f of fields)
        if (f in oldData) entry[f] = oldData[f];
        else delete entry[f];
      entry.curated = fields;
      report.curatedKept.push({ file: path, fields });
    }
    const check = v.safeParse(EntrySchema, entry);
    if (!check.success)
      throw new Error(
        `import produced an invalid entry ${path}: ${check.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ')}`,
      );
    files.push({ path, content: `${JSON.stringify(entry, null, 2)}\n` });
  }
  const remove = [...existing.keys()]
    .filter((p) => !produced.has(p) && (existing.get(p)?.data as { curated?: unknown } | undefined)?.curated !== true)
    .sort();

  report.counts = {
    'threat-actor': drafts.filter((d) => d.kind === 'threat-actor').length,
    malware: drafts.filter((d) => d.kind === 'malware').length,
    operation: drafts.filter((d) => d.kind === 'operation').length,
    'threat-actor (weak state link: only codes matched)': weakActors,
    merges: report.merges.length,
    disputedNames: report.disputed.length,
    conflicts: report.conflicts.length,
    skippedNames: skipped.length,
    skippedRecords: report.skippedRecords.length,
    handMatches: report.handMatches.length,
  };
  report.merges = report.merges.map((m) => ({ ...m, id: idOfKey.get(m.id) ?? m.id }));
  report.handMatches = report.handMatches.map((m) => ({ ...m, atlas: m.atlas }));
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), remove, report };
}

function softwareDraft(s: AttackSoftware, users: Draft[], rules: NameRules, asOf: string, skipped: Skipped[]): Draft {
  const aliases: AliasDraft[] = [];
  for (const raw of [s.name, ...s.aliases])
    for (const text of splitNames(raw)) {
      if (skipReason(text, rules) || aliases.some((a) => nameKey(a.text) === nameKey(text))) continue;
      const f = nameFlags(text, rules, { kind: 'malware' });
      if (f.drop) {
        skipped.push({ name: text, reason: f.drop, where: `attack-software.json ${s.attackId}` });
        continue;
      }
      aliases.push({
        text,
        lang: 'en',
        ...(f.caseSensitive ? { caseSensitive: true } : {}),
        ...(f.requiresContext || s.type === 'tool' ? { requiresContext: true } : {}),
        ...(text === s.name ? { primary: true } : {}),
      });
    }
  const names = users.map((u) => u.name).sort((a, b) => a.localeCompare(b));
  return {
    key: `software:${s.attackId}`,
    kind: 'malware',
    name: s.name,
    id: '',
    aliases,
    attackId: s.attackId,
    records: [`attack:${s.attackId}`],
    links: users.map((u) => ({ id: u.key, type: 'used-by' as const })),
    entry: {
      summary: softwareSummary({ type: s.type, attackId: s.attackId, users: names, platforms: s.platforms }),
      details: [],
      dates: [],
      related: [],
      sources: [attackPage(s.url, s.name, s.attackId)],
      asOf,
      attackId: s.attackId,
      softwareType: s.type,
      summaryComposed: true,
    },
  };
}
