import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileCueSets } from '../../core/engine/references';
import {
  checkArticles,
  coverageRows,
  distinctNames,
  judgeName,
  type CoverageArticle,
  type CoverageKind,
  type NameVerdict,
} from '../../core/kb/coverage';
import type { Entry } from '../../core/kb/schema';
import { ROOT, matcherWith, namePattern } from './engine/helpers';

const matcher = matcherWith([
  namePattern('Storm-2603', 'storm-2603', 'threat-actor', true),
  namePattern('Sting', 'sting-wiper', 'malware', true),
  { ...namePattern('Turla', 'turla', 'threat-actor'), requiresContext: true },
  namePattern('Predator', 'predator-spyware', 'malware'),
  namePattern('GRU', 'gru', 'organization', true),
]);
const cueSets = compileCueSets([
  {
    id: 'anonymous-64',
    cueSets: [
      {
        terms: [
          ['anonymous 64', '匿名者64'],
          ['hacker*', 'hacking'],
        ],
      },
    ],
  } as unknown as Entry,
]);

describe('judgeName', () => {
  test.each<[string, CoverageKind, NameVerdict['status'], string | undefined]>([
    // The whole name is an alias.
    ['Volt Typhoon', 'threat-actor', 'name', 'volt-typhoon'],
    ['伏特台风', 'threat-actor', 'name', 'volt-typhoon'],
    ['Storm-2603', 'threat-actor', 'name', 'storm-2603'],
    // Letter case counts for a case-sensitive alias.
    ['Sting', 'malware', 'name', 'sting-wiper'],
    ['STING', 'malware', 'unknown', undefined],
    // A space for the hyphen is another name.
    ['Storm 2603', 'threat-actor', 'unknown', undefined],
    // An alias that counts only near a hacking word: known (an espionage article has one).
    ['Turla', 'threat-actor', 'context', 'turla'],
    // No alias, but the cue set finds it beside a hacking word.
    ['匿名者64', 'threat-actor', 'cue', 'anonymous-64'],
    ['Anonymous 64', 'threat-actor', 'cue', 'anonymous-64'],
    // An alias inside the name is not the name.
    ['Predator Sparrow', 'threat-actor', 'partial', 'predator-spyware'],
    ['unité GRU 20728', 'organization', 'partial', 'gru'],
    ['Shanghai Powerock Network', 'organization', 'unknown', undefined],
  ])('%s', (text, kind, status, id) => {
    const v = judgeName({ text, kind }, matcher, cueSets);
    expect(v.status).toBe(status);
    expect(v.id).toBe(id);
  });

  test('says when the entry found is of another kind than the name was listed under', () => {
    expect(judgeName({ text: 'NSA', kind: 'threat-actor' }, matcher, cueSets).otherKind).toBe('organization');
    expect(judgeName({ text: 'NSA', kind: 'organization' }, matcher, cueSets).otherKind).toBeUndefined();
  });
});

const v = (text: string, kind: CoverageKind, status: NameVerdict['status']): NameVerdict => ({ text, kind, status });

describe('coverageRows', () => {
  test.each([
    ['nothing', [], [{ kind: 'all', known: 0, total: 0 }]],
    [
      'known by name, context and cue; partial and unknown are not',
      [
        v('a', 'threat-actor', 'name'),
        v('b', 'threat-actor', 'context'),
        v('c', 'threat-actor', 'partial'),
        v('d', 'malware', 'cue'),
        v('e', 'malware', 'unknown'),
        v('f', 'organization', 'name'),
      ],
      [
        { kind: 'threat-actor', known: 2, total: 3 },
        { kind: 'malware', known: 1, total: 2 },
        { kind: 'organization', known: 1, total: 1 },
        { kind: 'all', known: 4, total: 6 },
      ],
    ],
  ])('%s', (_, verdicts, rows) => {
    expect(coverageRows(verdicts as NameVerdict[])).toEqual(rows);
  });
});

const article = (patch: Partial<CoverageArticle> = {}): CoverageArticle => ({
  url: 'https://example.org/a',
  publisher: 'Example',
  date: '2025-06-18',
  dateFrom: 'byline',
  lang: 'en',
  names: [{ text: 'Volt Typhoon', kind: 'threat-actor' }],
  ...patch,
});

describe('checkArticles', () => {
  test.each<[string, CoverageArticle[], number]>([
    ['a well-formed article', [article()], 0],
    ['a year alone is a date', [article({ date: '2026' })], 0],
    ['before 2025', [article({ date: '2024-12-31' })], 1],
    ['not a date', [article({ date: '18 June 2025' })], 1],
    ['no names', [article({ names: [] })], 1],
    ['a name twice in one article', [article({ names: [article().names[0]!, article().names[0]!] })], 1],
    ['the same page twice', [article(), article()], 1],
    ['a kind the coverage does not count', [article({ names: [{ text: 'x', kind: 'policy' as never }] })], 1],
  ])('%s', (_, articles, problems) => {
    expect(checkArticles(articles)).toHaveLength(problems);
  });
});

describe('distinctNames', () => {
  test('counts a name met in several articles once', () => {
    const names = distinctNames([
      article(),
      article({ url: 'https://example.org/b', names: [{ text: 'Volt Typhoon', kind: 'threat-actor' }] }),
    ]);
    expect(names.map((n) => n.text)).toEqual(['Volt Typhoon']);
  });
});

describe('the collected news', () => {
  const fixture = JSON.parse(
    readFileSync(join(ROOT, 'tests/fixtures/coverage/fresh-2025-26.json'), 'utf8'),
  ) as CoverageArticle[];
  test('is well formed: at least 30 dated 2025–26 articles, each with its names', () => {
    expect(checkArticles(fixture)).toEqual([]);
    expect(fixture.length).toBeGreaterThanOrEqual(30);
  });
});
