/** Fuzzy search over the knowledge base (fuse.js with an index prebuilt at build time). Pure module. */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Entry, Kind } from '../kb/schema';

export interface SearchDoc {
  id: string;
  kind: Kind;
  name: string;
  nameZh?: string;
  aliases: string[];
  /** Entries tied to this one (typed links, related ids, topic members, both directions), shown with it. */
  tied?: string[];
}

export const SEARCH_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'aliases', weight: 2 },
    { name: 'nameZh', weight: 2 },
  ],
  // Typos and partial names ("volt typhon", "61398") must still hit; location must not matter.
  threshold: 0.34,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 1,
};

/** Tie kinds shown with a hit: the same group under another entry, sub-groups, parents, agencies… (not every tool used). */
const TIES = new Set(['same-as', 'overlaps', 'sub-group-of', 'parent-of', 'attributed-to', 'part-of', 'disputed']);
/** Tied entries listed groups first, then agencies, operations, malware, the rest. */
const TIE_KIND_ORDER: readonly Kind[] = [
  'threat-actor',
  'organization',
  'operation',
  'malware',
  'allegation',
  'action',
];

export function toSearchDocs(entries: readonly Entry[]): SearchDoc[] {
  const ids = new Set(entries.map((e) => e.id));
  const tied = new Map<string, Set<string>>(entries.map((e) => [e.id, new Set<string>()]));
  const tie = (a: string, b: string) => {
    if (a === b || !ids.has(a) || !ids.has(b)) return;
    tied.get(a)!.add(b);
    tied.get(b)!.add(a);
  };
  for (const e of entries) {
    for (const r of e.related) tie(e.id, r);
    for (const m of e.members ?? []) tie(e.id, m);
    for (const l of e.links ?? []) if (TIES.has(l.type)) tie(e.id, l.id);
  }
  const kindOf = new Map(entries.map((e) => [e.id, e.kind]));
  const rank = (id: string) => TIE_KIND_ORDER.indexOf(kindOf.get(id)!) >>> 0;
  return entries.map((e) => {
    const t = [...tied.get(e.id)!].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      ...(e.nameZh ? { nameZh: e.nameZh } : {}),
      aliases: e.aliases.map((a) => a.text),
      ...(t.length > 0 ? { tied: t } : {}),
    };
  });
}

export type SearchIndexJson = ReturnType<FuseIndex<SearchDoc>['toJSON']>;

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndexJson {
  return Fuse.createIndex(SEARCH_OPTIONS.keys ?? [], docs).toJSON();
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Set when the entry is shown because it is tied to a hit (the hit's id), not because it matched. */
  via?: string;
}

/** Hits whose tied entries are shown with them (the best few, if close), and how many ties each. */
const TIED_FROM = 3;
const TIES_PER_HIT = 3;
const TIED_SCORE = 0.25;

export type Searcher = (query: string, limit?: number) => SearchHit[];

/**
 * Queries the popup and the side panel run once in idle time after the KB chunk loads, so the
 * reader's first query is not the one that runs cold code: a Latin-script typo and a Chinese name
 * take different paths (none is one of the benchmark's queries).
 */
export const WARM_QUERIES: readonly string[] = ['lazarus grup', '沙虫', 'unit 74455'];

/** Characters of a query that are searched. */
export const MAX_QUERY = 100;

/** Above this many documents, a bigram prefilter picks candidates before the fuzzy pass. */
export const PREFILTER_ABOVE = 400;
const CANDIDATES = 100;

function bigrams(text: string): Set<string> {
  const t = ` ${text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')} `;
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * A bigram inverted index: typos and partial names still share most bigrams with the name
 * they mean, so the top candidates by shared bigrams contain the fuzzy hits. Built once.
 */
function buildPrefilter(docs: readonly SearchDoc[]): (q: string) => number[] {
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const grams = new Set<string>();
    for (const text of [d.name, d.nameZh ?? '', ...d.aliases]) for (const g of bigrams(text)) grams.add(g);
    for (const g of grams) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const counts = new Uint16Array(docs.length);
  return (q) => {
    counts.fill(0);
    const touched: number[] = [];
    for (const g of bigrams(q)) {
      for (const i of postings.get(g) ?? []) {
        if (counts[i] === 0) touched.push(i);
        counts[i]!++;
      }
    }
    touched.sort((a, b) => counts[b]! - counts[a]! || a - b);
    return touched.slice(0, CANDIDATES);
  };
}

export function createSearcher(docs: readonly SearchDoc[], index: SearchIndexJson): Searcher {
  const fuse = new Fuse(docs, SEARCH_OPTIONS, Fuse.parseIndex<SearchDoc>(index));
  let prefilter: ((q: string) => number[]) | undefined;
  const run = (q: string, limit: number): { item: SearchDoc; score?: number }[] => {
    if (docs.length <= PREFILTER_ABOVE) return fuse.search(q, { limit });
    prefilter ??= buildPrefilter(docs);
    const subset = prefilter(q).map((i) => docs[i]!);
    return new Fuse(subset, SEARCH_OPTIONS).search(q, { limit });
  };
  const byId = new Map(docs.map((d) => [d.id, d]));
  return (query, limit = 20) => {
    // Names are short: a longer query (a pasted paragraph) is cut, or the fuzzy pass would crawl.
    const q = query.normalize('NFKC').trim().slice(0, MAX_QUERY);
    if (q.length === 0) return [];
    const lower = q.toLowerCase();
    const hits: SearchHit[] = run(q, Math.max(limit * 2, 24))
      .map((r) => {
        // Fuse favours documents that match in several fields; readers expect the entry whose own
        // name is closest to what they typed, so blend in the best edit distance to a name.
        const names = [r.item.name, r.item.nameZh ?? '', ...r.item.aliases].filter((n) => n.length > 0);
        const closeness = Math.min(...names.map((n) => normalisedDistance(lower, n.toLowerCase())));
        return { doc: r.item, score: closeness === 0 ? 0 : 0.5 * (r.score ?? 1) + 0.5 * closeness };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
    return withTied(hits, limit);
  };

  /** Each of the best hits is followed by the entries tied to it ("61398" → PLA Unit 61398, then APT1). */
  function withTied(hits: SearchHit[], limit: number): SearchHit[] {
    const shown = new Set(hits.map((h) => h.doc.id));
    const out: SearchHit[] = [];
    hits.forEach((h, i) => {
      out.push(h);
      if (i >= TIED_FROM || h.score > TIED_SCORE) return;
      let n = 0;
      for (const id of h.doc.tied ?? []) {
        const d = byId.get(id);
        if (!d || shown.has(id) || n >= TIES_PER_HIT) continue;
        shown.add(id);
        n++;
        out.push({ doc: d, score: h.score, via: h.doc.id });
      }
    });
    return out.slice(0, limit);
  }
}

/** Levenshtein distance divided by the longer length (0 = same, 1 = nothing shared). */
export function normalisedDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 1;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[m]! / Math.max(n, m);
}
