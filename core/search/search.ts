/** Fuzzy search over the knowledge base (fuse.js with an index prebuilt at build time). Pure module. */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Entry, Kind } from '../kb/schema';

export interface SearchDoc {
  id: string;
  kind: Kind;
  name: string;
  nameZh?: string;
  aliases: string[];
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

export function toSearchDocs(entries: readonly Entry[]): SearchDoc[] {
  return entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    ...(e.nameZh ? { nameZh: e.nameZh } : {}),
    aliases: e.aliases.map((a) => a.text),
  }));
}

export type SearchIndexJson = ReturnType<FuseIndex<SearchDoc>['toJSON']>;

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndexJson {
  return Fuse.createIndex(SEARCH_OPTIONS.keys ?? [], docs).toJSON();
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

export type Searcher = (query: string, limit?: number) => SearchHit[];

/** Above this many documents, a bigram prefilter picks candidates before the fuzzy pass. */
export const PREFILTER_ABOVE = 1500;
const CANDIDATES = 300;

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
  return (query, limit = 20) => {
    const q = query.normalize('NFKC').trim();
    if (q.length === 0) return [];
    const lower = q.toLowerCase();
    return run(q, Math.max(limit * 2, 24))
      .map((r) => {
        // Fuse favours documents that match in several fields; readers expect the entry whose own
        // name is closest to what they typed, so blend in the best edit distance to a name.
        const names = [r.item.name, r.item.nameZh ?? '', ...r.item.aliases].filter((n) => n.length > 0);
        const closeness = Math.min(...names.map((n) => normalisedDistance(lower, n.toLowerCase())));
        return { doc: r.item, score: closeness === 0 ? 0 : 0.5 * (r.score ?? 1) + 0.5 * closeness };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  };
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
