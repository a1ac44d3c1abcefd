/**
 * Where the corpus tests find the shared corpus of real saved pages: $SPYGLASS_CORPUS, else ../shared/corpus next to
 * the repository. The corpus is not in the repository (the pages belong to their publishers), so only the tests named
 * *.corpus.test.ts read it, through `npm run test:corpus`; they fail (never skip) with CORPUS_MISSING when it is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The one sentence a corpus test prints when the corpus is missing (no machine paths). */
export const CORPUS_MISSING =
  'The corpus tests need the shared corpus: put it at ../shared/corpus next to this repository or set SPYGLASS_CORPUS to its folder.';

/** The corpus folder as configured, whether or not it exists. */
export function corpusPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SPYGLASS_CORPUS ? resolve(env.SPYGLASS_CORPUS) : resolve(ROOT, '../shared/corpus');
}

/** True when the folder holds a corpus (its manifest and its pages). */
export function isCorpus(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'pages'));
}

/** The corpus folder; throws CORPUS_MISSING when there is none. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = corpusPath(env);
  if (!isCorpus(dir)) throw new Error(CORPUS_MISSING);
  return dir;
}
