/**
 * Languages without a lexicon of their own: the verdict rests on evidence no language can fake
 * (core/engine/unsupported-lang.ts). Fixtures in tests/fixtures/articles/other/ (Croatian,
 * Bulgarian, Swahili, Slovene, written for these tests) through the engine with a synthetic KB
 * and the real lexicons; and the rule itself, table-driven.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument, buildMatcherData } from '../../../core/engine/analyze';
import { DEFAULT_MODEL } from '../../../core/engine/lexicon';
import { loadMatcher } from '../../../core/engine/matcher';
import { readHtmlDocument } from '../../../core/engine/node-support';
import type { MatcherPattern } from '../../../core/engine/types';
import {
  independentEvidence,
  passesWithoutLexicon,
  type IndependentEvidence,
} from '../../../core/engine/unsupported-lang';
import { FIXTURES, SYNTHETIC_PATTERNS, type FixtureRecord } from './helpers';

const p = (text: string, id: string, kind: MatcherPattern['kind'], extra: Partial<MatcherPattern> = {}) =>
  ({ text, id, kind, caseSensitive: false, requiresContext: false, ...extra }) satisfies MatcherPattern;

const EXTRA: MatcherPattern[] = [
  p('Salt Typhoon', 'salt-typhoon', 'threat-actor'),
  p('APT28', 'apt28', 'threat-actor', { caseSensitive: true }),
  p('Fancy Bear', 'apt28', 'threat-actor'),
  p('APT35', 'apt35', 'threat-actor', { caseSensitive: true }),
  p('Charming Kitten', 'apt35', 'threat-actor'),
  p('Pegasus', 'pegasus', 'malware', { verdictClass: 'spyware' }),
  p('NSO Group', 'nso-group', 'organization'),
  p('LockBit', 'lockbit', 'malware', { verdictClass: 'criminal' }),
  p('CISA', 'cisa', 'organization', { caseSensitive: true }),
  p('FBI', 'fbi', 'organization', { caseSensitive: true }),
  p('ГРУ', 'gru', 'organization', { caseSensitive: true }),
  p('PLA', 'pla', 'organization', { caseSensitive: true, verdictClass: 'background' }),
];
const matcher = loadMatcher(
  JSON.parse(JSON.stringify(buildMatcherData([...SYNTHETIC_PATTERNS, ...EXTRA]))) as ReturnType<
    typeof buildMatcherData
  >,
);

const rows = JSON.parse(readFileSync(join(FIXTURES, 'other', 'index.json'), 'utf8')) as FixtureRecord[];

describe('fixtures in languages without a lexicon', () => {
  test('espionage stories and hard negatives are both there', () => {
    expect(rows.filter((r) => r.espionage).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => !r.espionage).length).toBeGreaterThanOrEqual(3);
  });
  test.each(rows.map((r) => [r.file, r] as const))('%s', (_file, r) => {
    const a = analyzeDocument(readHtmlDocument(join(FIXTURES, 'other', r.file)), { matcher });
    expect(a.isArticle).toBe(true);
    expect(a.espionage).toBe(r.espionage);
  });
});

describe('passesWithoutLexicon', () => {
  const ev = (strong: number, organizations = 0, patternNames = 0): IndependentEvidence => ({
    strong,
    organizations,
    patternNames,
  });
  test.each([
    ['a named group and a high score', 0.9, ev(1), true],
    ['a named group but a low score', 0.3, ev(1), false],
    ['a naming-scheme name only', 0.8, ev(0, 0, 1), true],
    ['two agencies', 0.7, ev(0, 2), true],
    ['one agency only', 0.9, ev(0, 1), false],
    ['nothing but loanwords', 0.95, ev(0), false],
  ] as const)('%s', (_name, score, evidence, want) => {
    expect(passesWithoutLexicon(score, evidence, DEFAULT_MODEL)).toBe(want);
  });
});

describe('independentEvidence', () => {
  test.each([
    ['two agencies', 'CISA i FBI su objavili upozorenje.', { organizations: 2, strong: 0 }],
    ['armed forces weigh nothing as an agency', 'PLA i FBI su objavili.', { organizations: 1, strong: 0 }],
    ['a group and an agency', 'APT28 i CISA.', { organizations: 1, strong: 1 }],
    ['a criminal family is not strong evidence', 'LockBit i FBI.', { organizations: 1, strong: 0 }],
  ])('%s', (_name, text, want) => {
    expect(independentEvidence(matcher.findAll(text), matcher, 0)).toMatchObject(want);
  });
});
