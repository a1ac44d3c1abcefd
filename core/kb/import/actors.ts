/**
 * Hacking groups from the data sets: one record per ATT&CK group, MISP actor, Microsoft name and
 * Qihoo 360 name, grouped by the merge rules (merge-rules.ts), then turned into entry drafts with
 * every name, who coined it, and who links the group to which state. Pure module.
 */
import type { AliasLang, Attribution } from '../schema';
import type { CompiledPatterns } from '../../naming/patterns';
import type { ImportConfig } from './config';
import type { AttackGroup, MicrosoftName, MispActor, Qihoo360Name, ThreatNamingData } from './inputs';
import {
  attackIdEvidence,
  clusterRecords,
  mispRelationEvidence,
  ruleEdges,
  type Clustering,
  type ExplicitEdge,
  type SourceName,
  type SourceRecord,
} from './merge-rules';
import { isHanName, nameKey, skipReason, splitNames, type NameRules } from './names';

export interface NameClaim {
  text: string;
  lang: AliasLang;
  coinedBy?: string;
  former?: boolean;
  source?: string;
  from: SourceName;
}

export interface ActorRecord extends SourceRecord {
  primary: string;
  claims: NameClaim[];
  misp?: MispActor;
  attack?: AttackGroup;
  microsoft?: MicrosoftName;
  qihoo360?: Qihoo360Name;
  /** Countries the record states, with who says so (empty "by": the data does not say). */
  countries: { country: string; by: string[]; direct: boolean }[];
}

export interface Skipped {
  name: string;
  reason: string;
  where: string;
}

const ATTACK_GROUP_URL = /attack\.mitre\.org\/groups\/(G\d{4})/;

function langOf(text: string): AliasLang {
  if (isHanName(text)) return 'zh-Hans';
  return /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]+$/u.test(text) ? 'en' : 'other';
}

export interface ActorContext {
  config: ImportConfig;
  rules: NameRules;
  patterns: CompiledPatterns;
  skipped: Skipped[];
  /** The publisher of the first usable reference, for a data row that names nobody as attributor. */
  publisherOf: (urls: readonly string[]) => string | undefined;
}

/** Producer name as shown ("Palo Alto" → "Palo Alto Networks Unit 42"); undefined when ignored. */
function producerName(ctx: ActorContext, producer: string): string | undefined {
  if (ctx.config.producers.ignore.includes(producer)) return undefined;
  return ctx.config.producers.rename[producer] ?? producer;
}

function countryCode(ctx: ActorContext, spelling: string | undefined, dataset: string): string | undefined {
  if (!spelling) return undefined;
  const s = spelling.trim();
  if (/^[A-Z]{2}$/.test(s)) return s;
  const k = s.toLowerCase();
  const sp = ctx.config.countries.spellings;
  return sp[dataset]?.[k] ?? sp.common?.[k];
}

function addClaim(
  ctx: ActorContext,
  out: NameClaim[],
  raw: string,
  claim: Omit<NameClaim, 'text' | 'lang'>,
  where: string,
) {
  for (const text of splitNames(raw)) {
    const why = skipReason(text, ctx.rules);
    if (why) {
      if (!/^G\d{4}$/.test(text)) ctx.skipped.push({ name: text, reason: why, where });
      continue;
    }
    out.push({ text, lang: langOf(text), ...claim });
  }
}

function record(source: SourceName, key: string, primary: string, claims: NameClaim[]): Omit<ActorRecord, 'countries'> {
  const keys = [...new Set(claims.map((c) => nameKey(c.text)))];
  return { key, source, primary, claims, primaryKeys: [nameKey(primary)], nameKeys: keys };
}

export interface ActorRecords {
  records: ActorRecord[];
  edges: ExplicitEdge[];
}

/** Every actor record of the four data sets, with its names and the explicit links between records. */
export function actorRecords(data: ThreatNamingData, ctx: ActorContext): ActorRecords {
  const records: ActorRecord[] = [];
  const edges: ExplicitEdge[] = [];
  const groupIds = new Set(data.groups.map((g) => g.attackId));

  for (const g of data.groups) {
    const claims: NameClaim[] = [];
    addClaim(ctx, claims, g.name, { from: 'attack' }, `attack-groups.json ${g.attackId}`);
    for (const a of g.aliases) addClaim(ctx, claims, a, { from: 'attack' }, `attack-groups.json ${g.attackId}`);
    records.push({ ...record('attack', `attack:${g.attackId}`, g.name, claims), attack: g, countries: [] });
  }

  const mispByUuid = new Map(data.misp.map((m) => [m.uuid, m]));
  for (const m of data.misp) {
    const coined = new Map<string, string>();
    for (const n of m.nameAttribution) {
      const p = producerName(ctx, n.producer);
      if (p) coined.set(nameKey(n.name), p);
    }
    const claims: NameClaim[] = [];
    const where = `misp-threat-actors.json ${m.name}`;
    const listed = m.synonyms.map((x) => x.trim()).filter((x) => /^G\d{4}$/.test(x) && groupIds.has(x));
    for (const raw of [m.name, ...m.synonyms]) {
      if (/^G\d{4}$/.test(raw.trim())) {
        if (groupIds.has(raw.trim()))
          edges.push({
            a: `misp:${m.uuid}`,
            b: `attack:${raw.trim()}`,
            evidence: attackIdEvidence(listed.length, false),
          });
        continue;
      }
      for (const text of splitNames(raw)) {
        const by = coined.get(nameKey(text));
        addClaim(ctx, claims, text, { from: 'misp', ...(by ? { coinedBy: by } : {}) }, where);
      }
    }
    for (const ref of m.refs) {
      const id = ATTACK_GROUP_URL.exec(ref)?.[1];
      if (id && groupIds.has(id) && !listed.includes(id))
        edges.push({ a: `misp:${m.uuid}`, b: `attack:${id}`, evidence: attackIdEvidence(1, true) });
    }
    for (const rel of m.related) {
      const ev = mispRelationEvidence(rel.type);
      if (ev && mispByUuid.has(rel.uuid)) edges.push({ a: `misp:${m.uuid}`, b: `misp:${rel.uuid}`, evidence: ev });
    }
    const countries: ActorRecord['countries'] = [];
    const own = coined.get(nameKey(m.name));
    const refPublisher = own ? undefined : ctx.publisherOf(m.refs);
    const byWhom = own ? [own] : refPublisher ? [refPublisher] : [];
    const c1 = countryCode(ctx, m.country, 'misp');
    if (c1 && ctx.config.countries.names[c1]) countries.push({ country: c1, by: byWhom, direct: false });
    const c2 = countryCode(ctx, m.stateSponsor, 'misp');
    if (c2 && c2 !== c1 && ctx.config.countries.names[c2]) countries.push({ country: c2, by: byWhom, direct: false });
    records.push({ ...record('misp', `misp:${m.uuid}`, m.name, claims), misp: m, countries });
  }

  const elements = new Set(ctx.config.commonWords.elements.map((e) => e.toLowerCase()));
  for (const ms of data.microsoft) {
    const claims: NameClaim[] = [];
    const where = `microsoft-actor-names.json ${ms.name}`;
    addClaim(ctx, claims, ms.name, { from: 'microsoft', coinedBy: 'Microsoft' }, where);
    for (const other of ms.otherNames) {
      const t = other.trim();
      const element = elements.has(t.toLowerCase()) && t === t.toUpperCase();
      const temp = /^(DEV|Storm)-\d{4}$/i.test(t);
      addClaim(
        ctx,
        claims,
        t,
        element || temp ? { from: 'microsoft', coinedBy: 'Microsoft', former: true } : { from: 'microsoft' },
        where,
      );
    }
    const origin = ms.origin.split(',')[0]?.trim();
    const c = countryCode(ctx, origin, 'microsoft');
    const countries = c && ctx.config.countries.names[c] ? [{ country: c, by: ['Microsoft'], direct: true }] : [];
    records.push({ ...record('microsoft', `microsoft:${ms.name}`, ms.name, claims), microsoft: ms, countries });
  }

  for (const q of data.qihoo360) {
    const claims: NameClaim[] = [];
    const where = `misp-360-apt-names.json ${q.name}`;
    const parts = q.name.split(/\s+-\s+/).map((s) => s.trim());
    const code = parts.find((p) => /^APT-C-\d+$/.test(p)) ?? parts[parts.length - 1] ?? q.name;
    const ref = q.refs.find((r) => r.startsWith('https://'));
    addClaim(ctx, claims, code, { from: 'qihoo360', coinedBy: 'Qihoo 360' }, where);
    for (const p of parts)
      if (p !== code) {
        const han = isHanName(p);
        addClaim(
          ctx,
          claims,
          p,
          han ? { from: 'qihoo360', coinedBy: 'Qihoo 360', ...(ref ? { source: ref } : {}) } : { from: 'qihoo360' },
          where,
        );
      }
    for (const s of q.synonyms)
      for (const t of splitNames(s))
        addClaim(ctx, claims, t, isHanName(t) && ref ? { from: 'qihoo360', source: ref } : { from: 'qihoo360' }, where);
    const c = countryCode(ctx, q.country, 'qihoo360');
    const countries = c && ctx.config.countries.names[c] ? [{ country: c, by: ['Qihoo 360'], direct: true }] : [];
    const latin = parts.find((p) => p !== code && !isHanName(p) && p.replace(/[^A-Za-z]/g, '').length >= 4);
    records.push({ ...record('qihoo360', `qihoo360:${q.uuid}`, latin ?? code, claims), qihoo360: q, countries });
    // The APT-C code is the record's own name as well.
    const last = records[records.length - 1]!;
    last.primaryKeys = [...new Set([nameKey(code), ...(latin ? [nameKey(latin)] : [])])];
  }
  return { records, edges };
}

/** The records grouped into actors, the rules of assets/naming/merge-rules.json applied first. */
export function clusterActors(
  recs: ActorRecords,
  rules?: ImportConfig['mergeRules'],
): Clustering & { unknownRuleNames: string[] } {
  const r = rules ? ruleEdges(recs.records, rules, nameKey) : { edges: [], apart: [], unknown: [] };
  return { ...clusterRecords(recs.records, [...r.edges, ...recs.edges], r.apart), unknownRuleNames: r.unknown };
}

export type StateLink = 'strong' | 'weak' | 'crime' | 'none';

const CRIME_NAME = [/^FIN\d+$/i, /\bSpider$/i, /^GOLD [A-Z]+$/, /\bTempest$/i];
const CRIME_INCIDENT = /financial theft|extortion|business email compromise/i;

/**
 * How the data links a group of records to a state (issue 11, item 1):
 * - strong: MISP names a state sponsor, Qihoo 360 names it, or Microsoft gives a country origin and
 *   nothing marks it as crime;
 * - crime: the data marks it financially motivated (Microsoft's origin or its "Tempest" family, MISP's
 *   incident type, FIN##, CrowdStrike's "Spider", Secureworks's "GOLD" names);
 * - weak: an ATT&CK group, or a MISP country, with no crime mark;
 * - none: nothing of the above (not imported).
 */
export function stateLink(records: readonly ActorRecord[]): StateLink {
  let explicit = false; // a state sponsor in MISP, or a Qihoo 360 APT name
  let microsoftState = false; // a country origin in Microsoft's map, for a name outside its crime family
  let crimeMark = false; // Microsoft's "financially motivated" origin, or a crime-family name
  let crimeIncident = false; // MISP's incident type
  let weak = false;
  for (const r of records) {
    if (r.microsoft) {
      if (/financially motivated/i.test(r.microsoft.origin)) crimeMark = true;
      else if (r.countries.length > 0 && !/Tempest$/.test(r.microsoft.name)) microsoftState = true;
    }
    if (r.qihoo360) explicit = true;
    if (r.misp) {
      const sponsor = r.misp.stateSponsor?.trim();
      if (sponsor && !/^unknown$/i.test(sponsor)) explicit = true;
      if (CRIME_INCIDENT.test([r.misp.incidentType ?? []].flat().join(' '))) crimeIncident = true;
      if (r.countries.length > 0) weak = true;
    }
    if (r.attack) weak = true;
    if (r.claims.some((c) => CRIME_NAME.some((re) => re.test(c.text)))) crimeMark = true;
  }
  if (explicit || (microsoftState && !crimeMark)) return 'strong';
  if (crimeMark || crimeIncident) return 'crime';
  return weak ? 'weak' : 'none';
}

/** Whether a group of records becomes an entry. */
export function isStateLinked(records: readonly ActorRecord[]): boolean {
  const link = stateLink(records);
  return link === 'strong' || link === 'weak';
}

/** The entry's display name: ATT&CK's, else MISP's, else Microsoft's, else Qihoo 360's. */
export function actorName(records: readonly ActorRecord[]): string {
  const order: SourceName[] = ['attack', 'misp', 'microsoft', 'qihoo360'];
  for (const s of order) {
    const r = records.find((x) => x.source === s);
    if (r) return r.primary;
  }
  return records[0]?.primary ?? 'unknown';
}

/** Attributions by country, merging who says so; records whose data names nobody give only the country. */
export function actorAttributions(
  ctx: ActorContext,
  records: readonly ActorRecord[],
): { country?: string; attribution: Attribution[]; words: { country: string; by: string[]; direct: boolean }[] } {
  // Who links the group to a country directly (a data set's own origin field: Microsoft, Qihoo 360)
  // is kept apart from who is only the named source of a data row (MISP), for the summary's wording.
  const byCountry = new Map<string, { direct: Set<string>; reported: Set<string> }>();
  const order: SourceName[] = ['microsoft', 'qihoo360', 'misp', 'attack'];
  let country: string | undefined;
  for (const s of order)
    for (const r of records.filter((x) => x.source === s))
      for (const c of r.countries) {
        country ??= c.country;
        const cur = byCountry.get(c.country) ?? { direct: new Set<string>(), reported: new Set<string>() };
        for (const b of c.by) (c.direct ? cur.direct : cur.reported).add(b);
        byCountry.set(c.country, cur);
      }
  const attribution: Attribution[] = [];
  const words: { country: string; by: string[]; direct: boolean }[] = [];
  for (const [c, { direct, reported }] of byCountry) {
    const others = [...reported].filter((b) => !direct.has(b));
    if (direct.size + others.length === 0) continue;
    attribution.push({ country: c, by: [...direct, ...others] });
    const name = ctx.config.countries.names[c] ?? c;
    if (direct.size > 0) words.push({ country: name, by: [...direct], direct: true });
    if (others.length > 0) words.push({ country: name, by: others, direct: false });
  }
  return { ...(country ? { country } : {}), attribution, words };
}

/** Who coined a name where only the global MISP attribution table or a vendor pattern says so. */
export function coinerIndex(data: ThreatNamingData, ctx: ActorContext): (text: string) => string | undefined {
  const table = new Map<string, Set<string>>();
  for (const m of data.misp)
    for (const n of m.nameAttribution) {
      const p = producerName(ctx, n.producer);
      if (!p) continue;
      const k = nameKey(n.name);
      table.set(k, (table.get(k) ?? new Set()).add(p));
    }
  const schemes = ctx.config.coiners.schemes.map((s) => ({ re: new RegExp(`^(?:${s.regex})$`), by: s.coinedBy }));
  const elements = new Set(ctx.config.commonWords.elements.map((e) => e.toLowerCase()));
  return (text) => {
    const set = table.get(nameKey(text));
    if (set && set.size === 1) return [...set][0];
    const hit = ctx.patterns.patternOf(text);
    if (hit?.pattern.inferCoiner) return hit.pattern.coinedBy;
    const scheme = schemes.find((s) => s.re.test(text.trim()));
    if (scheme) return scheme.by;
    // Microsoft's former names are chemical elements in capitals ("MAGNESIUM").
    const t = text.trim();
    return t === t.toUpperCase() && elements.has(t.toLowerCase()) ? 'Microsoft' : undefined;
  };
}
