/**
 * The search part of the compiled knowledge base (written by scripts/kb-build.ts at build time)
 * and the searcher over it: a chunk of its own, with fuse.js, loaded after a view's first draw.
 */
import {
  WARM_QUERIES,
  createSearcher,
  type SearchDoc,
  type SearchIndexJson,
  type Searcher,
} from '../core/search/search';
import docsJson from '../.generated/kb-search-docs.json';
import indexJson from '../.generated/kb-search-index.json';

let searcher: Searcher | undefined;
const get = () =>
  (searcher ??= createSearcher(docsJson as unknown as SearchDoc[], indexJson as unknown as SearchIndexJson));

/** Searches the bundled knowledge base (the searcher is built on first use). */
export const searchKb: Searcher = (query, limit) => get()(query, limit);

/** Builds the searcher and runs it once (cold code made the first real query 10–17 ms). */
export function warmSearch(): void {
  for (const q of WARM_QUERIES) get()(q, 12);
}
