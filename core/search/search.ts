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
    return run(q, limit * 2)
      .map((r) => {
        const exact =
          r.item.name.toLowerCase() === lower ||
          r.item.aliases.some((a) => a.toLowerCase() === lower) ||
          r.item.nameZh === q;
        // An exact name or alias outranks any fuzzy hit.
        return { doc: r.item, score: exact ? 0 : (r.score ?? 1) };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  };
}
