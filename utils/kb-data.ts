/** The search part of the compiled knowledge base (written by scripts/kb-build.ts at build time). */
import type { SearchDoc, SearchIndexJson } from '../core/search/search';
import docsJson from '../.generated/kb-search-docs.json';
import indexJson from '../.generated/kb-search-index.json';

export const KB_SEARCH_DOCS = docsJson as unknown as SearchDoc[];
export const KB_SEARCH_INDEX = indexJson as unknown as SearchIndexJson;
