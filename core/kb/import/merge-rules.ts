/**
 * The merge rules, in one place: when records from the data sets (ATT&CK, MISP, Microsoft's map,
 * Qihoo 360) describe the same group, when they only overlap, when one is a sub-group, and when a
 * shared name is disputed. Pure module.
 *
 * - Evidence is weighed strongest first: an ATT&CK id the MISP record lists among its names, then
 *   two records with the same own (primary) name, then an ATT&CK page the MISP record cites, then
 *   a record's own name listed by another data set, then any other shared name.
 * - A group holds at most one record per data set. A link that would put two records of the same
 *   data set into one group is refused, and the name behind it becomes disputed (the data sets
 *   disagree which group it belongs to).
 * - A name claimed by two records of the same data set links nothing (it is disputed).
 * - MISP's "similar", "overlaps", "linked-to" relations are overlaps; "part-of" is a sub-group.
 * - Rules in assets/naming/merge-rules.json come first: a "join" makes its records one group even
 *   when a data set then holds two records in it; an "apart" pair is never put in one group.
 */
export type SourceName = 'attack' | 'misp' | 'microsoft' | 'qihoo360';

export type Evidence =
  | 'rule-join'
  | 'attack-id'
  | 'same-primary'
  | 'attack-ref'
  | 'primary-name'
  | 'shared-name'
  | 'misp-similar'
  | 'misp-overlaps'
  | 'misp-part-of';

export type Relation = 'same-group' | 'overlaps' | 'sub-group' | 'disputed' | 'none';

export interface EvidenceContext {
  /** Two records of one data set claim the name. */
  nameAmbiguous: boolean;
  /** Joining would put two records of one data set into one group. */
  sourceClash: boolean;
}

/** The verdict for one piece of evidence between two records (table-tested). */
export function relationFor(evidence: Evidence, ctx: EvidenceContext): Relation {
  switch (evidence) {
    case 'rule-join':
      return 'same-group';
    case 'attack-id':
    case 'attack-ref':
      return ctx.sourceClash ? 'disputed' : 'same-group';
    case 'same-primary':
    case 'primary-name':
    case 'shared-name':
      return ctx.nameAmbiguous || ctx.sourceClash ? 'disputed' : 'same-group';
    case 'misp-similar':
    case 'misp-overlaps':
      return 'overlaps';
    case 'misp-part-of':
      return 'sub-group';
  }
}

/**
 * How strong a MISP record's ATT&CK id is: one id among its names is an identity; several ids (MISP
 * merged groups ATT&CK keeps apart), or an id only in a cited address, are weaker than a shared own name.
 */
export function attackIdEvidence(idsListed: number, onlyInRefs: boolean): Evidence {
  return !onlyInRefs && idsListed === 1 ? 'attack-id' : 'attack-ref';
}

/** MISP's relation words, as evidence (undefined: not about group identity, e.g. "uses", "targets"). */
export function mispRelationEvidence(type: string): Evidence | undefined {
  if (type === 'similar' || type === 'related-to' || type === 'associated-with') return 'misp-similar';
  if (type === 'overlaps' || type === 'linked-to') return 'misp-overlaps';
  if (type === 'part-of') return 'misp-part-of';
  return undefined;
}

const STRENGTH: Record<Evidence, number> = {
  'rule-join': -1,
  'attack-id': 0,
  'same-primary': 1,
  'attack-ref': 2,
  'primary-name': 3,
  'shared-name': 4,
  'misp-part-of': 5,
  'misp-overlaps': 6,
  'misp-similar': 7,
};

export interface SourceRecord {
  /** Unique across data sets: "attack:G0007", "misp:<uuid>", "microsoft:Forest Blizzard". */
  key: string;
  source: SourceName;
  /** Name keys (see nameKey) the record's own name has. */
  primaryKeys: string[];
  /** Every name key the record claims, primary ones included. */
  nameKeys: string[];
}

export interface ExplicitEdge {
  a: string;
  b: string;
  evidence: Evidence;
}

export interface RecordRelation {
  /** Record keys; `a` is the sub-group for "sub-group". */
  a: string;
  b: string;
  relation: Exclude<Relation, 'same-group' | 'none'>;
  evidence: Evidence;
  /** The shared name behind a name-based verdict. */
  name?: string;
}

export interface Clustering {
  /** Groups of record keys (each sorted; clusters sorted by first key). */
  clusters: string[][];
  /** Links between records that ended up in different groups. */
  relations: RecordRelation[];
  /** Same-group joins, in the order made (for the import report). */
  merges: { a: string; b: string; evidence: Evidence; name?: string }[];
  /** Name keys claimed by two records of one data set. */
  ambiguousNames: string[];
}

interface Edge extends ExplicitEdge {
  name?: string;
}

/** The records a rule's name designates: those whose own name it is. */
export function recordsNamed(records: readonly SourceRecord[], name: string, key: (t: string) => string): string[] {
  const k = key(name);
  return records.filter((r) => r.primaryKeys.includes(k)).map((r) => r.key);
}

/**
 * The rules of assets/naming/merge-rules.json as edges and apart pairs between records; a name no
 * record has is reported (the data changed: the rule needs a look).
 */
export function ruleEdges(
  records: readonly SourceRecord[],
  rules: { join: readonly { names: readonly string[] }[]; apart: readonly { names: readonly string[] }[] },
  key: (t: string) => string,
): { edges: ExplicitEdge[]; apart: [string, string][]; unknown: string[] } {
  const edges: ExplicitEdge[] = [];
  const apart: [string, string][] = [];
  const unknown: string[] = [];
  const each = (names: readonly string[], f: (a: string, b: string) => void) => {
    const [a, b] = names.map((n) => {
      const keys = recordsNamed(records, n, key);
      if (keys.length === 0) unknown.push(n);
      return keys;
    });
    for (const x of a ?? []) for (const y of b ?? []) f(x, y);
  };
  for (const r of rules.join) each(r.names, (a, b) => edges.push({ a, b, evidence: 'rule-join' }));
  for (const r of rules.apart) each(r.names, (a, b) => apart.push([a, b]));
  return { edges, apart, unknown };
}

/** Groups records into actors by the rules above. Deterministic for the same input. */
export function clusterRecords(
  records: readonly SourceRecord[],
  explicit: readonly ExplicitEdge[],
  apart: readonly (readonly [string, string])[] = [],
): Clustering {
  const byKey = new Map(records.map((r) => [r.key, r]));
  const claims = new Map<string, SourceRecord[]>();
  for (const r of records)
    for (const k of new Set(r.nameKeys)) {
      const list = claims.get(k);
      if (list) list.push(r);
      else claims.set(k, [r]);
    }
  const ambiguous = new Set<string>();
  for (const [k, list] of claims) {
    const perSource = new Map<SourceName, number>();
    for (const r of list) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    if ([...perSource.values()].some((n) => n > 1)) ambiguous.add(k);
  }

  const edges: Edge[] = explicit.filter((e) => byKey.has(e.a) && byKey.has(e.b) && e.a !== e.b);
  for (const [k, list] of [...claims].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.source === b.source) continue;
        const pa = a.primaryKeys.includes(k);
        const pb = b.primaryKeys.includes(k);
        const evidence: Evidence = pa && pb ? 'same-primary' : pa || pb ? 'primary-name' : 'shared-name';
        edges.push({ a: a.key, b: b.key, evidence, name: k });
      }
  }
  edges.sort(
    (x, y) =>
      STRENGTH[x.evidence] - STRENGTH[y.evidence] || cmp(x.a, y.a) || cmp(x.b, y.b) || cmp(x.name ?? '', y.name ?? ''),
  );

  const parent = new Map<string, string>(records.map((r) => [r.key, r.key]));
  const sources = new Map<string, Set<SourceName>>(records.map((r) => [r.key, new Set([r.source])]));
  const members = new Map<string, string[]>(records.map((r) => [r.key, [r.key]]));
  const kept = (ra: string, rb: string) =>
    apart.some(
      ([x, y]) =>
        (members.get(ra)!.includes(x) && members.get(rb)!.includes(y)) ||
        (members.get(ra)!.includes(y) && members.get(rb)!.includes(x)),
    );
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = k;
    while (parent.get(cur) !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };

  const merges: Clustering['merges'] = [];
  const pending: (Edge & { verdict: RecordRelation['relation'] })[] = [];
  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) continue;
    const sa = sources.get(ra)!;
    const sb = sources.get(rb)!;
    const sourceClash = [...sa].some((s) => sb.has(s));
    const nameAmbiguous = e.name !== undefined && ambiguous.has(e.name);
    if (kept(ra, rb)) continue;
    const verdict = relationFor(e.evidence, { nameAmbiguous, sourceClash });
    if (verdict === 'same-group') {
      const [root, child] = cmp(ra, rb) <= 0 ? [ra, rb] : [rb, ra];
      parent.set(child, root);
      sources.set(root, new Set([...sa, ...sb]));
      sources.delete(child);
      members.set(root, [...members.get(root)!, ...members.get(child)!]);
      members.delete(child);
      merges.push({ a: e.a, b: e.b, evidence: e.evidence, ...(e.name ? { name: e.name } : {}) });
    } else if (verdict !== 'none') pending.push({ ...e, verdict });
  }

  const groups = new Map<string, string[]>();
  for (const r of records) {
    const root = find(r.key);
    const list = groups.get(root);
    if (list) list.push(r.key);
    else groups.set(root, [r.key]);
  }
  const clusters = [...groups.values()].map((g) => g.sort(cmp)).sort((x, y) => cmp(x[0]!, y[0]!));

  const relations: RecordRelation[] = [];
  const seenRel = new Set<string>();
  for (const e of pending) {
    if (find(e.a) === find(e.b)) continue;
    const verdict = e.verdict;
    const id = `${find(e.a)}|${find(e.b)}|${verdict}`;
    if (seenRel.has(id) && verdict !== 'disputed') continue;
    seenRel.add(id);
    relations.push({ a: e.a, b: e.b, relation: verdict, evidence: e.evidence, ...(e.name ? { name: e.name } : {}) });
  }
  return { clusters, relations, merges, ambiguousNames: [...ambiguous].sort(cmp) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
