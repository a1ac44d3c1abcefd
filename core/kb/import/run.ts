/**
 * The whole import, computed before anything is written: actors, malware and operations from the
 * threat-naming data (actor-drafts.ts, software-drafts.ts, campaign-drafts.ts), ids that do not
 * collide (ids.ts), links between them, shared names settled (conflicts.ts), cards composed from
 * the facts (compose.ts), files written with curated fields kept (write.ts). Returns the files to
 * write and the report. Pure module.
 */
import type { CompiledPatterns } from '../../naming/patterns';
import type { Link } from '../schema';
import type { KbFile } from '../validate';
import { actorRecords, clusterActors, coinerIndex, type ActorContext, type Skipped } from './actors';
import { actorDrafts } from './actor-drafts';
import { campaignDrafts } from './campaign-drafts';
import { composeAll } from './compose';
import type { ImportConfig } from './config';
import { settleConflicts } from './conflicts';
import type { Draft } from './draft';
import { assignIds } from './ids';
import type { ThreatNamingData } from './inputs';
import { nameKey, nameRules } from './names';
import { softwareDrafts } from './software-drafts';
import { sourcePicker } from './sources';
import { writeDrafts } from './write';
import { addFallbackCues } from './cues';

export { ATLAS_ROOT } from './write';

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
  /** Names in assets/naming/merge-rules.json that no record has (the data changed). */
  unknownRuleNames: string[];
}

export interface ImportResult {
  /** Files to write, path relative to the repository root, content byte-exact. */
  files: { path: string; content: string }[];
  /** Atlas files to delete (no longer produced, not curated). */
  remove: string[];
  report: ImportReport;
}

/** Links, once ids are known: keys to ids, "uses" for every "used-by", overlaps and sub-groups both ways. */
function settleLinks(
  drafts: readonly Draft[],
  idOfKey: ReadonlyMap<string, string>,
  relations: ReturnType<typeof clusterActors>['relations'],
  draftOfRecord: (key: string) => Draft | undefined,
): void {
  const addLink = (d: Draft, l: Link) => {
    if (l.id === d.id || d.links.some((x) => x.id === l.id && x.type === l.type)) return;
    d.links.push(l);
  };
  for (const d of drafts) {
    const mapped = d.links.map((l) => ({ ...l, id: idOfKey.get(l.id) ?? l.id }));
    d.links = [];
    for (const l of mapped) addLink(d, l);
  }
  const byId = new Map(drafts.map((d) => [d.id, d]));
  for (const s of drafts.filter((d) => d.kind === 'malware'))
    for (const l of s.links) {
      const actor = byId.get(l.id);
      if (actor) addLink(actor, { id: s.id, type: 'uses' });
    }
  for (const rel of relations) {
    const a = draftOfRecord(rel.a);
    const b = draftOfRecord(rel.b);
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
  const snapshots = data.snapshots;
  const newest = [snapshots.misp, snapshots.attack, snapshots.microsoft].sort().at(-1)!;
  const skippedRecords: ImportReport['skippedRecords'] = [];

  // 1. Actors.
  const recs = actorRecords(data, ctx);
  const clustering = clusterActors(recs, config.mergeRules);
  const actors = actorDrafts({
    ctx,
    picker,
    records: recs.records,
    clustering,
    coiner: coinerIndex(data, ctx),
    snapshots,
  });
  skippedRecords.push(...actors.skippedRecords);
  const actorOfGroup = (g: string) => {
    const c = actors.clusterOf.get(`attack:${g}`);
    return c === undefined ? undefined : actors.draftOfCluster.get(c);
  };

  // 2. Malware and tools used by state-linked groups; 3. operations (ATT&CK campaigns).
  const common = { rules, picker, asOf: snapshots.attack, skipped, skippedRecords, actorOfGroup };
  const software = softwareDrafts({
    ...common,
    software: data.software,
    groups: data.groups,
    crimeGroups: actors.crimeGroups,
    strongGroups: actors.strongGroups,
    commonWords: config.commonWords,
  });
  const campaigns = campaignDrafts({ ...common, campaigns: data.campaigns });

  // 4. Ids (hand entries' ids; drafts a hand entry names fold into it); 5. links.
  const separate = new Set(config.mergeRules.separate.map((s) => nameKey(s.name)));
  const into = new Map(config.mergeRules.into.map((r) => [nameKey(r.name), r.id]));
  const ids = assignIds([...actors.drafts, ...software, ...campaigns], input.hand, skipped, separate, into);
  const drafts = ids.drafts;
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const draftOfRecord = (recordKey: string) => {
    const c = actors.clusterOf.get(recordKey);
    const d = c === undefined ? undefined : actors.draftOfCluster.get(c);
    if (!d) return undefined;
    const id = ids.idOfKey.get(d.key);
    return drafts.find((x) => x.id === id) ?? byKey.get(d.key);
  };
  settleLinks(drafts, ids.idOfKey, clustering.relations, draftOfRecord);

  // 6. Shared names; 7. composed cards; 8. files.
  const { conflicts, disputed } = settleConflicts(drafts, input.hand);
  addFallbackCues(drafts, input.hand, rules, config.cueWords);
  composeAll(drafts, {
    byId: new Map(drafts.map((d) => [d.id, d])),
    countryName: (code) => config.countries.names[code],
  });
  const written = writeDrafts(drafts, input.existingAtlas);

  const merges = [...actors.merges.map((m) => ({ ...m, id: ids.idOfKey.get(m.id) ?? m.id })), ...ids.folds];
  const report: ImportReport = {
    asOf: newest,
    counts: {
      'threat-actor': drafts.filter((d) => d.kind === 'threat-actor').length,
      malware: drafts.filter((d) => d.kind === 'malware').length,
      operation: drafts.filter((d) => d.kind === 'operation').length,
      'threat-actor (weak state link: only codes matched)': actors.weakActors,
      merges: merges.length,
      disputedNames: disputed.length,
      conflicts: conflicts.length,
      skippedNames: skipped.length,
      skippedRecords: skippedRecords.length,
      handMatches: ids.handMatches.length,
    },
    merges,
    disputed,
    conflicts,
    skippedNames: skipped,
    skippedRecords,
    handMatches: ids.handMatches,
    curatedKept: written.curatedKept,
    unknownRuleNames: clustering.unknownRuleNames,
  };
  return { files: written.files, remove: written.remove, report };
}
