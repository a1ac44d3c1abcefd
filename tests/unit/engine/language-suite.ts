/**
 * The parts every language's fixture suite shares: each folder's index lists every file and has
 * enough espionage stories and hard negatives, and every fixture gets the verdict, language and
 * article check its index expects; scores keep a margin from the threshold; the languages'
 * lexicons stay out of English text and share no surface form with another file. Called at the top level of a test file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../../core/engine/analyze';
import { getDefaultLexicon } from '../../../core/engine/lexicon';
import { LEXICON_FILES } from '../../../core/engine/lexicon-files';
import type { Hit, Matcher } from '../../../core/engine/matcher';
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

/**
 * Negatives stay below 0.35; espionage fixtures carry more than `evidence` of both hacking and
 * state evidence (and, with `termSignal`, at least one signal from the lexicon itself).
 */
export function describeScoreMargins(
  langs: readonly string[],
  matcher: Matcher,
  { evidence, termSignal = false }: { evidence: number; termSignal?: boolean },
): void {
  const rows = langRows(langs);
  const analyse = (dir: string, file: string) =>
    analyzeDocument(readHtmlDocument(join(FIXTURES, dir, file)), { matcher });
  describe('scores keep a margin', () => {
    test.each(rows.filter((f) => !f.espionage).map((f) => [`${f.dir}/${f.file}`, f] as const))(
      '%s stays below 0.35',
      (_name, f) => {
        expect(analyse(f.dir, f.file).score).toBeLessThan(0.35);
      },
    );
    test.each(rows.filter((f) => f.espionage).map((f) => [`${f.dir}/${f.file}`, f] as const))(
      `%s has both hacking and state evidence${termSignal ? ' from the lexicon' : ''}`,
      (_name, f) => {
        const a = analyse(f.dir, f.file);
        if (termSignal) expect(a.signals.some((s) => s.type === 'term')).toBe(true);
        expect(a.features.c).toBeGreaterThan(evidence);
        expect(a.features.s).toBeGreaterThan(evidence);
      },
    );
  });
}

/** No form of these languages' lexicons matches in our English fixtures. */
export function describeStaysOutOfEnglish(langs: readonly string[], matcher: Matcher): void {
  describe('these lexicons stay out of English text', () => {
    const owner: string[] = [];
    for (const [lang, f] of Object.entries(LEXICON_FILES))
      for (const t of f.terms) if (t.texts.length) owner.push(lang);
    const lexicon = getDefaultLexicon();
    const english = readdirSync(FIXTURES).filter((f) => f.startsWith('en-'));
    test.each(english.map((f) => [f] as const))('%s', (file) => {
      const path = join(FIXTURES, file);
      const text = file.endsWith('.html')
        ? (readHtmlDocument(path).body?.textContent ?? '')
        : readFileSync(path, 'utf8');
      const hits: Hit[] = [];
      matcher.scan(text, hits);
      const ours = hits
        .filter((h) => matcher.term(h.pattern) >= 0 && langs.includes(owner[matcher.term(h.pattern)]!))
        .map((h) => `${owner[matcher.term(h.pattern)]}: ${text.slice(h.start, h.end)}`);
      expect(owner.length).toBe(lexicon.terms.length);
      expect(ours).toEqual([]);
    });
  });
}

/**
 * No surface form of these languages' lexicons is listed in another lexicon file (nor twice in its
 * own): the engine pools every file's terms, so a form listed twice would count twice in any text.
 */
export function describeNoSharedForms(langs: readonly string[]): void {
  describe('no surface form of these lexicons is in another lexicon file', () => {
    const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
    const where = new Map<string, string[]>();
    for (const [lang, f] of Object.entries(LEXICON_FILES))
      for (const t of f.terms)
        for (const form of t.texts) {
          const k = key(form);
          where.set(k, [...(where.get(k) ?? []), lang]);
        }
    test.each(langs.map((l) => [l] as const))('%s', (lang) => {
      const shared = [...where].filter(([, ls]) => ls.length > 1 && ls.includes(lang)).map(([k, ls]) => `${k}: ${ls}`);
      expect(shared).toEqual([]);
    });
  });
}
