import { describe, expect, test } from 'vitest';
import { toMatcherPatterns } from '../../core/kb/compile';
import { readKbFiles } from '../../core/kb/load-node';
import type { Entry, EntryInput } from '../../core/kb/schema';
import { buildTimeline } from '../../core/kb/timeline';
import { KbValidationError, validateKb, type KbFile, type KbProblem } from '../../core/kb/validate';

const TODAY = '2025-06-01';

function input(id: string, over: Partial<EntryInput> = {}): EntryInput {
  return {
    id,
    kind: 'concept',
    name: `Name of ${id}`,
    aliases: [{ text: `Alias of ${id}`, lang: 'en' }],
    summary: `Summary of ${id}.`,
    details: [],
    dates: [],
    related: [],
    sources: [{ url: `https://example.org/${id}`, title: 'A source', publisher: 'Example' }],
    asOf: '2025-01-01',
    ...over,
  };
}

const fileOf = (data: unknown, file?: string): KbFile => {
  const id = (data as { id?: unknown }).id;
  return { file: file ?? `assets/kb/concept/${typeof id === 'string' ? id : 'x'}.json`, data };
};

/** The problems validateKb throws for these files (fails the test when it does not throw). */
function problemsOf(files: KbFile[]): KbProblem[] {
  try {
    validateKb(files, { today: TODAY });
  } catch (err) {
    expect(err).toBeInstanceOf(KbValidationError);
    return (err as KbValidationError).problems;
  }
  throw new Error('expected validateKb to throw');
}

const claim = {
  by: 'US Department of Justice',
  byParty: 'US',
  against: 'PLA Unit 61398',
  againstParty: 'CN',
  date: '2014-05-19',
  claim: 'Five officers hacked US companies.',
  response: 'China denied the charges.',
} as const;

describe('validateKb accepts', () => {
  test('a minimal valid entry and fills in defaults', () => {
    const [e] = validateKb([fileOf(input('a'))], { today: TODAY });
    expect(e).toMatchObject({ id: 'a', chinaRelated: false });
    expect(e?.aliases[0]).toEqual({
      text: 'Alias of a',
      lang: 'en',
      caseSensitive: false,
      requiresContext: false,
      primary: false,
    });
  });

  test('entries sorted by id, related ids resolved', () => {
    const out = validateKb([fileOf(input('b', { related: ['a'] })), fileOf(input('a', { related: ['b'] }))], {
      today: TODAY,
    });
    expect(out.map((e) => e.id)).toEqual(['a', 'b']);
  });

  test('asOf equal to today', () => {
    expect(validateKb([fileOf(input('a', { asOf: TODAY }))], { today: TODAY })).toHaveLength(1);
  });

  test('a shared alias that letter case tells apart on both sides', () => {
    const files = [
      fileOf(input('a', { aliases: [{ text: 'APT', lang: 'en', caseSensitive: true }] })),
      fileOf(input('b', { aliases: [{ text: 'Apt', lang: 'en', caseSensitive: true }] })),
    ];
    expect(validateKb(files, { today: TODAY })).toHaveLength(2);
  });
});

type Case = [name: string, files: KbFile[], expected: Partial<KbProblem>];

const cases: Case[] = [
  ['malformed entry: unknown kind', [fileOf(input('a', { kind: 'spy' as never }))], { id: 'a', field: 'kind' }],
  [
    'malformed entry: missing name',
    [fileOf({ ...input('a'), name: undefined })],
    { file: 'assets/kb/concept/a.json', id: 'a', field: 'name' },
  ],
  ['malformed entry: unknown field', [fileOf({ ...input('a'), colour: 'red' })], { id: 'a', field: 'colour' }],
  ['malformed entry: id not kebab-case', [fileOf(input('Bad_Id'), 'assets/kb/concept/bad.json')], { field: 'id' }],
  [
    'malformed entry: not an object',
    [{ file: 'assets/kb/x.json', data: [] }],
    { file: 'assets/kb/x.json', id: '(no id)' },
  ],
  [
    'malformed entry: bad alias language',
    [fileOf(input('a', { aliases: [{ text: 'A', lang: 'xx' as never }] }))],
    { field: 'aliases.0.lang' },
  ],
  [
    'invalid JSON',
    [{ file: 'assets/kb/concept/broken.json', data: null, parseError: 'Unexpected end of JSON input' }],
    { file: 'assets/kb/concept/broken.json', id: '(unparsed)', field: '(file)' },
  ],
  ['unknown related id', [fileOf(input('a', { related: ['nope'] }))], { id: 'a', field: 'related.0' }],
  ['related to itself', [fileOf(input('a', { related: ['a'] }))], { id: 'a', field: 'related.0' }],
  [
    'duplicate id',
    [fileOf(input('a'), 'assets/kb/concept/a.json'), fileOf({ ...input('a'), aliases: [] }, 'assets/kb/law/a.json')],
    { file: 'assets/kb/law/a.json', id: 'a', field: 'id' },
  ],
  [
    'alias claimed by two entries',
    [
      fileOf(input('a', { aliases: [{ text: 'Lazarus', lang: 'en' }] })),
      fileOf(input('b', { aliases: [{ text: 'lazarus', lang: 'en', requiresContext: true }] })),
    ],
    { id: 'b', field: 'aliases.0.text' },
  ],
  [
    'alias shared when only the later side is case-sensitive',
    [
      fileOf(input('a', { aliases: [{ text: 'Equation', lang: 'en' }] })),
      fileOf(input('b', { aliases: [{ text: 'EQUATION', lang: 'en', caseSensitive: true }] })),
    ],
    { id: 'b', field: 'aliases.0.text' },
  ],
  [
    'alias shared when only the earlier side is case-sensitive',
    [
      fileOf(input('a', { aliases: [{ text: 'EQUATION', lang: 'en', caseSensitive: true }] })),
      fileOf(input('b', { aliases: [{ text: 'Equation', lang: 'en' }] })),
    ],
    { id: 'b', field: 'aliases.0.text' },
  ],
  [
    'alias shared by three entries where two spell it alike',
    [
      fileOf(input('a', { aliases: [{ text: 'APT', lang: 'en', caseSensitive: true }] })),
      fileOf(input('b', { aliases: [{ text: 'Apt', lang: 'en', caseSensitive: true }] })),
      fileOf(input('c', { aliases: [{ text: 'APT', lang: 'en', caseSensitive: true }] })),
    ],
    { id: 'c', field: 'aliases.0.text' },
  ],
  [
    'alias listed twice in one entry',
    [
      fileOf(
        input('a', {
          aliases: [
            { text: 'X Y', lang: 'en' },
            { text: 'x  y', lang: 'en' },
          ],
        }),
      ),
    ],
    { id: 'a', field: 'aliases.1.text' },
  ],
  [
    "a group's own name also given a coiner",
    [fileOf(input('a', { aliases: [{ text: 'X Team', lang: 'en', selfNamed: true, coinedBy: 'CrowdStrike' }] }))],
    { id: 'a', field: 'aliases.0.selfNamed' },
  ],
  ['impossible date 2024-02-30', [fileOf(input('a', { asOf: '2024-02-30' }))], { id: 'a', field: 'asOf' }],
  ['date with slashes 2024/01/01', [fileOf(input('a', { asOf: '2024/01/01' }))], { id: 'a', field: 'asOf' }],
  [
    'impossible date inside dates',
    [fileOf(input('a', { dates: [{ label: 'founded', start: '2023-13-01' }] }))],
    { id: 'a', field: 'dates.0.start' },
  ],
  [
    'date range ending before it starts',
    [fileOf(input('a', { dates: [{ label: 'in force', start: '2020', end: '2019' }] }))],
    { id: 'a', field: 'dates.0.end' },
  ],
  [
    'source without an https address',
    [fileOf(input('a', { sources: [{ url: 'http://example.org/', title: 'T', publisher: 'P' }] }))],
    { id: 'a', field: 'sources.0.url' },
  ],
  [
    'source that is not a URL',
    [fileOf(input('a', { sources: [{ url: 'example.org', title: 'T', publisher: 'P' }] }))],
    { id: 'a', field: 'sources.0.url' },
  ],
  ['no source at all', [fileOf(input('a', { sources: [] }))], { id: 'a', field: 'sources' }],
  ['empty summary', [fileOf(input('a', { summary: '   ' }))], { id: 'a', field: 'summary' }],
  ['summary over 320 characters', [fileOf(input('a', { summary: 'x'.repeat(321) }))], { id: 'a', field: 'summary' }],
  ['asOf in the future', [fileOf(input('a', { asOf: '2025-06-02' }))], { id: 'a', field: 'asOf' }],
  ['allegation without claim', [fileOf(input('a', { kind: 'allegation' }))], { id: 'a', field: 'claim' }],
  ['action without claim', [fileOf(input('a', { kind: 'action' }))], { id: 'a', field: 'claim' }],
  [
    'claim with an unknown party',
    [fileOf(input('a', { kind: 'action', claim: { ...claim, byParty: 'XX' as never } }))],
    { id: 'a', field: 'claim.byParty' },
  ],
  [
    'file name not matching id',
    [fileOf(input('a'), 'assets/kb/concept/b.json')],
    { file: 'assets/kb/concept/b.json', id: 'a', field: 'id' },
  ],
];

describe('validateKb rejects', () => {
  test.each(cases)('%s', (_name, files, expected) => {
    expect(problemsOf(files)).toContainEqual(expect.objectContaining(expected));
  });

  test('the error message names file, id and field', () => {
    try {
      validateKb([fileOf(input('a', { summary: '' }))], { today: TODAY });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('assets/kb/concept/a.json [a] summary:');
    }
  });

  test('reports every problem, not just the first', () => {
    const problems = problemsOf([
      fileOf(input('a', { summary: '', asOf: '2024/01/01' })),
      fileOf(input('b', { related: ['zzz'] })),
    ]);
    expect(problems.map((p) => `${p.id}:${p.field}`).sort()).toEqual(['a:asOf', 'a:summary', 'b:related.0']);
  });

  test('a claim kind with its claim passes', () => {
    expect(validateKb([fileOf(input('a', { kind: 'action', claim }))], { today: TODAY })).toHaveLength(1);
  });
});

describe('the real knowledge base', () => {
  const today = new Date().toISOString().slice(0, 10);
  // Validated inside each test, so a broken KB fails these tests and not the whole file.
  const load = () => validateKb(readKbFiles(), { today });

  test('validates', () => {
    expect(load).not.toThrow();
  });

  test('has at least 150 entries', () => {
    expect(load().length).toBeGreaterThanOrEqual(150);
  });

  test('every entry has an https source and an asOf', () => {
    const lacking = load()
      .filter((e) => e.sources.length === 0 || e.sources.some((s) => !s.url.startsWith('https://')) || !e.asOf)
      .map((e) => e.id);
    expect(lacking).toEqual([]);
  });

  test('at least 40 entries have summaryZh', () => {
    expect(load().filter((e) => e.summaryZh).length).toBeGreaterThanOrEqual(40);
  });
});

const entry = (id: string, over: Partial<Entry> = {}): Entry =>
  validateKb([fileOf(input(id))], { today: TODAY }).map((e) => ({ ...e, ...over }))[0]!;

describe('toMatcherPatterns', () => {
  test('one pattern per distinct alias, keeping case rules and context flags', () => {
    const e = entry('nsa', {
      kind: 'organization',
      aliases: [
        { text: 'NSA', lang: 'en', caseSensitive: true, requiresContext: false, primary: true },
        { text: 'nsa', lang: 'en', caseSensitive: true, requiresContext: false, primary: false },
        { text: 'National Security Agency', lang: 'en', caseSensitive: false, requiresContext: false, primary: false },
        { text: 'national security agency', lang: 'en', caseSensitive: false, requiresContext: false, primary: false },
        { text: 'Equation', lang: 'en', caseSensitive: false, requiresContext: true, primary: false },
      ],
    });
    expect(toMatcherPatterns([e])).toEqual([
      { text: 'NSA', id: 'nsa', kind: 'organization', caseSensitive: true, requiresContext: false },
      { text: 'nsa', id: 'nsa', kind: 'organization', caseSensitive: true, requiresContext: false },
      {
        text: 'National Security Agency',
        id: 'nsa',
        kind: 'organization',
        caseSensitive: false,
        requiresContext: false,
      },
      { text: 'Equation', id: 'nsa', kind: 'organization', caseSensitive: false, requiresContext: true },
    ]);
  });

  test('the name alone is not a pattern', () => {
    expect(toMatcherPatterns([entry('x', { aliases: [] })])).toEqual([]);
  });
});

describe('buildTimeline', () => {
  const claimed = (date: string, byParty: 'US' | 'CN', againstParty: 'US' | 'CN') => ({
    ...claim,
    date,
    byParty,
    againstParty,
  });
  const all = [
    entry('actor', { kind: 'threat-actor', related: ['indictment'], dates: [{ label: 'seen', start: '2010' }] }),
    entry('indictment', { kind: 'action', claim: claimed('2020-09-16', 'US', 'CN'), related: ['actor'] }),
    entry('report', { kind: 'allegation', claim: claimed('2022-09-05', 'CN', 'US'), related: ['actor'] }),
    entry('rule', { kind: 'policy', dates: [{ label: 'in force', start: '2019-05-16' }] }),
    entry('old-law', { kind: 'law', details: [{ date: '2017-06-01', text: 'In force.' }], related: ['rule'] }),
    entry('undated', { kind: 'policy', related: ['actor'] }),
    entry('unrelated', { kind: 'action', claim: claimed('2015-01-01', 'US', 'CN') }),
  ];
  const map = new Map(all.map((e) => [e.id, e]));

  test('picks related entries both ways, timeline kinds only, dated only, in date order', () => {
    const items = buildTimeline(['actor'], map);
    expect(items.map((i) => [i.date, i.id])).toEqual([
      ['2020-09-16', 'indictment'],
      ['2022-09-05', 'report'],
    ]);
  });

  test('direction comes from the claim; entries without a claim have none', () => {
    const items = buildTimeline(['actor', 'rule', 'old-law'], map);
    expect(items).toEqual([
      { id: 'old-law', date: '2017-06-01', name: 'Name of old-law', kind: 'law' },
      { id: 'rule', date: '2019-05-16', name: 'Name of rule', kind: 'policy' },
      { id: 'indictment', date: '2020-09-16', name: 'Name of indictment', kind: 'action', from: 'US', to: 'CN' },
      { id: 'report', date: '2022-09-05', name: 'Name of report', kind: 'allegation', from: 'CN', to: 'US' },
    ]);
  });

  test('unknown ids are ignored', () => {
    expect(buildTimeline(['missing'], map)).toEqual([]);
  });

  test('the limit keeps entries named in the article first, then re-sorts by date', () => {
    const items = buildTimeline(['actor', 'report'], map, 1);
    expect(items.map((i) => i.id)).toEqual(['report']);
    expect(buildTimeline(['actor', 'rule', 'old-law'], map, 2).map((i) => i.id)).toEqual(['old-law', 'rule']);
  });
});
