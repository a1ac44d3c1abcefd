/**
 * The part every language's fixture suite shares: each folder's index lists every file and has
 * enough espionage stories and hard negatives, and every fixture gets the verdict, language and
 * article check its index expects. Called at the top level of a test file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../../core/engine/analyze';
import type { Matcher } from '../../../core/engine/matcher';
import { readHtmlDocument } from '../../../core/engine/node-support';
import { FIXTURES, langIndex, langRows } from './helpers';

export function describeLanguageFixtures(
  langs: readonly string[],
  matcher: Matcher,
  { ordinary = false }: { ordinary?: boolean } = {},
): void {
  describe('fixture indexes', () => {
    test.each(langs.map((l) => [l] as const))(
      `%s: at least 3 espionage articles and 3 hard negatives${ordinary ? ' and an ordinary page' : ''}, every file listed`,
      (lang) => {
        const rs = langIndex(lang);
        expect(rs.filter((r) => r.espionage).length).toBeGreaterThanOrEqual(3);
        expect(rs.filter((r) => !r.espionage && r.note.startsWith('hard negative')).length).toBeGreaterThanOrEqual(3);
        if (ordinary) expect(rs.filter((r) => r.note.startsWith('ordinary negative')).length).toBeGreaterThanOrEqual(1);
        expect(rs.every((r) => r.lang === lang)).toBe(true);
        const files = readdirSync(join(FIXTURES, lang)).filter((f) => f.endsWith('.html'));
        expect(rs.map((r) => r.file).sort()).toEqual(files.sort());
      },
    );
  });

  describe('verdict and language on every fixture', () => {
    test.each(langRows(langs).map((f) => [`${f.dir}: ${f.note}`, f] as const))('%s', (_name, f) => {
      const a = analyzeDocument(readHtmlDocument(join(FIXTURES, f.dir, f.file)), { matcher });
      expect({ espionage: a.espionage, lang: a.lang }).toEqual({ espionage: f.espionage, lang: f.lang });
      if (f.isArticle !== undefined) expect(a.isArticle).toBe(f.isArticle);
    });
  });
}
