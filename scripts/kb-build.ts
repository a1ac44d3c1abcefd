/**
 * Validates the knowledge base and compiles it into .generated/, so each part of the
 * extension loads only what it uses: matcher data for the content script, entry
 * records and a prebuilt Fuse index for the popup and cards. Run at every build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toMatcherPatterns } from '../core/kb/compile';
import { readKbFiles } from '../core/kb/load-node';
import { KbValidationError, validateKb } from '../core/kb/validate';
import { buildSearchIndex, toSearchDocs } from '../core/search/search';
import { buildMatcherData } from '../core/engine/analyze';
import { kbMeta } from '../core/kb/meta';

export const GENERATED_DIR = '.generated';

export function buildKb(root = process.cwd()): { count: number } {
  const today = new Date().toISOString().slice(0, 10);
  let entries;
  try {
    entries = validateKb(readKbFiles(root), { today });
  } catch (err) {
    if (err instanceof KbValidationError) {
      // Re-thrown with the full list so the build log names every file, id and field.
      throw new Error(err.message);
    }
    throw err;
  }
  const out = join(root, GENERATED_DIR);
  mkdirSync(out, { recursive: true });
  const write = (name: string, data: unknown) => writeFileSync(join(out, name), JSON.stringify(data));
  const docs = toSearchDocs(entries);
  write('kb-entries.json', entries);
  write('kb-search-docs.json', docs);
  write('kb-search-index.json', buildSearchIndex(docs));
  write('kb-matcher.json', buildMatcherData(toMatcherPatterns(entries)));
  write('kb-meta.json', kbMeta(entries));
  return { count: entries.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { count } = buildKb();
    console.log(`knowledge base compiled: ${count} entries -> ${GENERATED_DIR}/`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
