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

export function createSearcher(docs: readonly SearchDoc[], index: SearchIndexJson): Searcher {
  const fuse = new Fuse(docs, SEARCH_OPTIONS, Fuse.parseIndex<SearchDoc>(index));
  return (query, limit = 20) => {
    const q = query.normalize('NFKC').trim();
    if (q.length === 0) return [];
    const lower = q.toLowerCase();
    return fuse
      .search(q, { limit: limit * 2 })
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
