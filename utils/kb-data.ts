/** The compiled knowledge base (written by scripts/kb-build.ts at build time). */
import type { Entry } from '../core/kb/schema';
import type { SearchDoc, SearchIndexJson } from '../core/search/search';
import entriesJson from '../.generated/kb-entries.json';
import docsJson from '../.generated/kb-search-docs.json';
import indexJson from '../.generated/kb-search-index.json';

export const KB_ENTRIES = entriesJson as unknown as Entry[];
export const KB_SEARCH_DOCS = docsJson as unknown as SearchDoc[];
export const KB_SEARCH_INDEX = indexJson as unknown as SearchIndexJson;

let byId: Map<string, Entry> | undefined;
export function entryById(id: string): Entry | undefined {
  byId ??= new Map(KB_ENTRIES.map((e) => [e.id, e]));
  return byId.get(id);
}
