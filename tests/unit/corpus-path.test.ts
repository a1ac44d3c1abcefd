/** Where the corpus tests look for the shared corpus, and the one sentence they fail with when it is missing. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CORPUS_MISSING, corpusDir, corpusPath, isCorpus } from '../corpus';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'spyglass-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder holding the given parts of a corpus. */
function folder(name: string, parts: ('manifest' | 'pages')[]): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  if (parts.includes('manifest')) writeFileSync(join(dir, 'manifest.json'), '[]');
  if (parts.includes('pages')) mkdirSync(join(dir, 'pages'));
  return dir;
}

describe('corpusPath', () => {
  test.each([
    ['no variable: ../shared/corpus next to the repository', {}, resolve(root, '../shared/corpus')],
    ['an empty variable counts as none', { SPYGLASS_CORPUS: '' }, resolve(root, '../shared/corpus')],
    ['SPYGLASS_CORPUS wins', { SPYGLASS_CORPUS: join(tmp, 'elsewhere') }, join(tmp, 'elsewhere')],
  ])('%s', (_, env, expected) => expect(corpusPath(env)).toBe(expected));
});

describe('corpusDir', () => {
  test.each([
    ['a manifest and pages', ['manifest', 'pages'] as const, true],
    ['pages without a manifest', ['pages'] as const, false],
    ['a manifest without pages', ['manifest'] as const, false],
    ['an empty folder', [] as const, false],
  ])('%s -> found: %s', (name, parts, found) => {
    const dir = folder(name.replace(/\W+/g, '-'), [...parts]);
    expect(isCorpus(dir)).toBe(found);
    const env = { SPYGLASS_CORPUS: dir };
    if (found) expect(corpusDir(env)).toBe(dir);
    else expect(() => corpusDir(env)).toThrow(CORPUS_MISSING);
  });

  test('a folder that does not exist fails with the sentence, and the sentence names no machine path', () => {
    expect(() => corpusDir({ SPYGLASS_CORPUS: join(tmp, 'missing') })).toThrow(CORPUS_MISSING);
    expect(CORPUS_MISSING).not.toContain(tmp);
    expect(CORPUS_MISSING).not.toContain(root);
    expect(CORPUS_MISSING).not.toMatch(/(^|\s)\/|[A-Z]:\\/);
    expect(CORPUS_MISSING.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });
});
