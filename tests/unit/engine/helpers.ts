/** Shared test helpers: a synthetic knowledge base (tests must not depend on the real one being complete). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildMatcherData } from '../../../core/engine/analyze';
import { loadMatcher, type Matcher } from '../../../core/engine/matcher';
import type { PageFacts } from '../../../core/engine/page';
import type { MatcherPattern } from '../../../core/engine/types';
import { loadKbForNode } from '../../../core/engine/node-support';
import { toMatcherPatterns } from '../../../core/kb/compile';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/articles');

const p = (
  text: string,
  id: string,
  kind: MatcherPattern['kind'],
  extra: Partial<MatcherPattern> = {},
): MatcherPattern => ({
  text,
  id,
  kind,
  caseSensitive: false,
  requiresContext: false,
  ...extra,
});

export const SYNTHETIC_PATTERNS: MatcherPattern[] = [
  p('Volt Typhoon', 'volt-typhoon', 'threat-actor'),
  p('伏特台风', 'volt-typhoon', 'threat-actor'),
  p('伏特颱風', 'volt-typhoon', 'threat-actor'),
  p('APT41', 'apt41', 'threat-actor', { caseSensitive: true }),
  p('APT4', 'apt4', 'threat-actor', { caseSensitive: true }),
  p('NSA', 'nsa', 'organization', { caseSensitive: true }),
  p('National Security Agency', 'nsa', 'organization'),
  p('美国国家安全局', 'nsa', 'organization'),
  p('美國國家安全局', 'nsa', 'organization'),
  p('CNCERT/CC', 'cncert-cc', 'organization', { caseSensitive: true }),
  p('CNCERT', 'cncert-cc', 'organization', { caseSensitive: true }),
  p('国家互联网应急中心', 'cncert-cc', 'organization'),
  p('Lazarus', 'lazarus-group', 'threat-actor', { requiresContext: true }),
  p('Lazarus Group', 'lazarus-group', 'threat-actor'),
  p('Equation', 'equation-group', 'threat-actor', { requiresContext: true, caseSensitive: true }),
  p('Equation Group', 'equation-group', 'threat-actor'),
  p('Entity List', 'entity-list', 'policy'),
  p('国家授时中心', 'national-time-service-center', 'organization'),
  p('國家授時中心', 'national-time-service-center', 'organization'),
  p('Ministry of State Security', 'mss', 'organization'),
  p('国家安全部', 'mss', 'organization'),
];

let cached: Matcher | undefined;
/** Synthetic aliases plus the real lexicon, through the JSON round trip the build uses. */
export function syntheticMatcher(): Matcher {
  cached ??= loadMatcher(
    JSON.parse(JSON.stringify(buildMatcherData(SYNTHETIC_PATTERNS))) as ReturnType<typeof buildMatcherData>,
  );
  return cached;
}

export interface FixtureRecord {
  file: string;
  espionage: boolean;
  lang: string;
  isArticle?: boolean;
  note: string;
}

export function fixtureIndex(): FixtureRecord[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'index.json'), 'utf8')) as FixtureRecord[];
}

/** Structural facts of a plain article (tests override the fields they are about). */
export function articleFacts(patch: Partial<PageFacts> = {}): PageFacts {
  return {
    gatePassed: true,
    notFoundTitle: false,
    linkHeavyBody: false,
    store: false,
    forum: false,
    home: false,
    linkChars: 0,
    solidChars: 2000,
    paragraphChars: 1800,
    structuredChars: 0,
    fieldChars: 0,
    ...patch,
  };
}

/** A synthetic alias for the language tests: APT numbers are case-sensitive, as in the knowledge base. */
export function namePattern(
  text: string,
  id: string,
  kind: MatcherPattern['kind'],
  caseSensitive = /^APT\d+$/.test(text),
): MatcherPattern {
  return { text, id, kind, caseSensitive, requiresContext: false };
}

/** The synthetic aliases plus a test file's own names and the real lexicon, through the build's JSON round trip. */
export function matcherWith(extra: readonly MatcherPattern[]): Matcher {
  return loadMatcher(
    JSON.parse(JSON.stringify(buildMatcherData([...SYNTHETIC_PATTERNS, ...extra]))) as ReturnType<
      typeof buildMatcherData
    >,
  );
}

/** tests/fixtures/articles/<lang>/index.json. */
export function langIndex(lang: string): FixtureRecord[] {
  return JSON.parse(readFileSync(join(FIXTURES, lang, 'index.json'), 'utf8')) as FixtureRecord[];
}

/** Every fixture of these languages, with the folder it is in. */
export function langRows(langs: readonly string[]): (FixtureRecord & { dir: string })[] {
  return langs.flatMap((lang) => langIndex(lang).map((f) => ({ ...f, dir: lang })));
}

/**
 * The matcher of the real knowledge base (as kb-build compiles it), built once per test file. Call it
 * at module level: the build takes seconds on a busy machine, longer than one test's time limit.
 */
let realMatcher: Matcher | undefined;
export function realKbMatcher(): Matcher {
  return (realMatcher ??= loadMatcher(buildMatcherData(toMatcherPatterns(loadKbForNode(ROOT).entries))));
}
