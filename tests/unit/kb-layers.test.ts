import { describe, expect, test } from 'vitest';
import { mergeLayers } from '../../core/kb/layers';
import type { EntryInput } from '../../core/kb/schema';
import { KbValidationError, validateKb, type KbFile, type KbProblem } from '../../core/kb/validate';

const TODAY = '2026-12-02';

function entry(id: string, over: Partial<EntryInput> = {}): EntryInput {
  return {
    id,
    kind: 'threat-actor',
    name: `Name ${id}`,
    aliases: [{ text: `Alias ${id}`, lang: 'en' }],
    summary: `Summary of ${id}.`,
    details: [],
    dates: [],
    related: [],
    sources: [{ url: `https://example.org/${id}`, title: 'A source', publisher: 'Example' }],
    asOf: '2026-01-01',
    ...over,
  };
}
const hand = (e: EntryInput): KbFile => ({ file: `assets/kb/${e.kind}/${e.id}.json`, data: e });
const atlas = (e: EntryInput): KbFile => ({ file: `assets/atlas/${e.kind}/${e.id}.json`, data: e });

function problemsOf(files: KbFile[]): KbProblem[] {
  try {
    validateKb(files, { today: TODAY });
  } catch (err) {
    expect(err).toBeInstanceOf(KbValidationError);
    return (err as KbValidationError).problems;
  }
  return [];
}
const merged = (h: KbFile[], a: KbFile[], aliases: KbFile[] = []) => mergeLayers({ hand: h, atlas: a, aliases });
const validated = (h: KbFile[], a: KbFile[], aliases: KbFile[] = []) =>
  validateKb(merged(h, a, aliases).files, { today: TODAY });

describe('an atlas record and a hand entry about the same thing become one entry', () => {
  const atlasApt = entry('apt99-group', {
    name: 'APT99',
    attackId: 'G0999',
    aliases: [
      { text: 'APT99', lang: 'en', caseSensitive: true, primary: true, coinedBy: 'Mandiant' },
      { text: 'Ninety Panda', lang: 'en', coinedBy: 'CrowdStrike' },
      { text: 'OLDNAME', lang: 'en', coinedBy: 'Microsoft', former: true },
    ],
    summary: 'Composed summary.',
    summaryComposed: true,
    attribution: [{ country: 'CN', by: ['Microsoft'] }],
    links: [{ id: 'tool-x', type: 'uses' }],
    sources: [
      { url: 'https://a.example/1', title: 'A1', publisher: 'A' },
      { url: 'https://a.example/2', title: 'A2', publisher: 'A' },
      { url: 'https://a.example/3', title: 'A3', publisher: 'A' },
    ],
  });
  const tool = entry('tool-x', { kind: 'malware', name: 'ToolX', links: [{ id: 'apt99-group', type: 'used-by' }] });

  test.each([
    ['the same ATT&CK id', { id: 'apt99', name: 'Anything', attackId: 'G0999' }],
    ['the same id', { id: 'apt99-group', name: 'Anything' }],
    ['a shared primary name', { id: 'apt99', name: 'APT99' }],
  ])('matched by %s', (_how, over) => {
    const h = entry(over.id, {
      ...over,
      summary: 'Hand-written summary.',
      aliases: [{ text: 'OLDNAME', lang: 'en', caseSensitive: true }],
      sources: [{ url: 'https://hand.example/1', title: 'H', publisher: 'H' }],
    });
    const out = validated([hand(h)], [atlas(atlasApt), atlas(tool)]);
    const e = out.find((x) => x.id === over.id)!;
    expect(out.map((x) => x.id).sort()).toEqual([over.id, 'tool-x'].sort());
    expect(e.summary).toBe('Hand-written summary.');
    expect(e.summaryComposed).toBeUndefined();
    expect(e.attribution).toEqual([{ country: 'CN', by: ['Microsoft'] }]);
    expect(e.aliases.map((a) => a.text)).toEqual(['OLDNAME', 'APT99', 'Ninety Panda']);
    // A hand alias of the same text keeps its fields and gains coinedBy/former from the atlas.
    expect(e.aliases[0]).toMatchObject({ caseSensitive: true, coinedBy: 'Microsoft', former: true });
    expect(e.sources.map((s) => s.url)).toEqual([
      'https://hand.example/1',
      'https://a.example/1',
      'https://a.example/2',
    ]);
    // Links to the atlas id follow the entry to its hand id.
    expect(out.find((x) => x.id === 'tool-x')?.links).toEqual([{ id: over.id, type: 'used-by' }]);
  });

  test("a hand alias that is the group's own name gains no vendor as coiner from the atlas", () => {
    const h = entry('apt99', {
      name: 'APT99',
      attackId: 'G0999',
      aliases: [{ text: 'Ninety Panda', lang: 'en', selfNamed: true }],
    });
    const e = validated([hand(h)], [atlas(atlasApt), atlas(tool)]).find((x) => x.id === 'apt99')!;
    const alias = e.aliases.find((a) => a.text === 'Ninety Panda');
    expect(alias).toMatchObject({ selfNamed: true });
    expect(alias?.coinedBy).toBeUndefined();
  });

  const guarded = entry('grayling-x', {
    name: 'Grayling',
    aliases: [
      { text: 'Grayling', lang: 'en', requiresContext: true, caseSensitive: true },
      { text: 'SPIRAL', lang: 'en', caseSensitive: true },
      { text: 'Salt Typhoon', lang: 'en', requiresContext: true, caseSensitive: true },
    ],
  });
  test('a hand alias of several words keeps its own default for context (a phrase is specific enough)', () => {
    const h = entry('grayling-x', { name: 'Grayling', aliases: [{ text: 'Salt Typhoon', lang: 'en' }] });
    const out = validated([hand(h)], [atlas(guarded)]).find((x) => x.id === 'grayling-x')!;
    expect(out.aliases.find((a) => a.text === 'Salt Typhoon')).toMatchObject({
      requiresContext: false,
      caseSensitive: true,
    });
  });
  test.each([
    ['a hand alias that does not say keeps the atlas guards', {}, { requiresContext: true, caseSensitive: true }],
    [
      'a hand alias that says otherwise wins',
      { requiresContext: false, caseSensitive: false },
      { requiresContext: false, caseSensitive: false },
    ],
  ])('%s', (_what, flags, want) => {
    const h = entry('grayling-x', {
      name: 'Grayling',
      aliases: [{ text: 'Grayling', lang: 'en', coinedBy: 'Symantec', ...flags }],
    });
    const out = validated([hand(h)], [atlas(guarded)]).find((x) => x.id === 'grayling-x')!;
    expect(out.aliases.find((a) => a.text === 'Grayling')).toMatchObject({ ...want, coinedBy: 'Symantec' });
    expect(out.aliases.find((a) => a.text === 'SPIRAL')).toMatchObject({ caseSensitive: true });
  });

  test.each([
    ['attribution: [] and no country withdraws the atlas country', { attribution: [] }, undefined],
    ['attribution: [] with a country keeps the hand country', { attribution: [], country: 'UZ' }, 'UZ'],
    ['no attribution field keeps the atlas country', {}, 'RU'],
  ])('%s', (_what, over, want) => {
    const a = entry('angry-x', { name: 'Angry X', country: 'RU', attribution: [{ country: 'RU', by: ['Kaspersky'] }] });
    const h = entry('angry-x', { name: 'Angry X', ...(over as Partial<EntryInput>) });
    const out = validated([hand(h)], [atlas(a)]).find((x) => x.id === 'angry-x')!;
    expect(out.country).toBe(want);
  });

  test('the merged entry is reported under the hand file', () => {
    const files = merged([hand(entry('apt99-group', { name: 'APT99' }))], [atlas(atlasApt)]).files;
    expect(files.map((f) => f.file)).toEqual(['assets/kb/threat-actor/apt99-group.json']);
  });

  test.each([
    ['another kind with the same name', entry('apt99', { kind: 'organization', name: 'APT99' })],
    ['another ATT&CK id', entry('apt99', { name: 'APT99', attackId: 'G0001' })],
  ])('not matched: %s', (_what, h) => {
    const out = merged([hand(h)], [atlas(atlasApt)]).files;
    expect(out).toHaveLength(2);
  });
});

describe('clashes between layers', () => {
  test('a name a hand entry claims is dropped from an atlas entry that is not the same thing, with a note', () => {
    const h = entry('snake', { kind: 'malware', name: 'Snake', aliases: [{ text: 'Snake', lang: 'en' }] });
    const a = entry('turla-x', {
      aliases: [
        { text: 'Snake', lang: 'en' },
        { text: 'Turla X', lang: 'en' },
      ],
    });
    const m = merged([hand(h)], [atlas(a)]);
    const out = validateKb(m.files, { today: TODAY });
    expect(out.find((e) => e.id === 'turla-x')?.aliases.map((x) => x.text)).toEqual(['Turla X']);
    expect(m.notes).toEqual([
      'assets/atlas/threat-actor/turla-x.json: alias "Snake" dropped, hand entry "snake" claims it',
    ]);
  });

  test('an invalid atlas file is reported under its own path', () => {
    const bad = { ...entry('bad-one'), summary: '' };
    expect(problemsOf(merged([], [atlas(bad)]).files)).toContainEqual(
      expect.objectContaining({ file: 'assets/atlas/threat-actor/bad-one.json', field: 'summary' }),
    );
  });
});

describe('translated names (assets/aliases)', () => {
  const base = entry('apt99', { name: 'APT99' });
  const aliasesFile = (data: unknown): KbFile => ({ file: 'assets/aliases/de.json', data });

  test('a record is added to the entry it names', () => {
    const out = validated(
      [hand(base)],
      [],
      [
        aliasesFile([
          { id: 'apt99', text: 'Neunundneunzig', lang: 'de', source: 'https://de.example/apt99', coinedBy: 'Presse' },
        ]),
      ],
    );
    expect(out[0]?.aliases.at(-1)).toMatchObject({
      text: 'Neunundneunzig',
      lang: 'de',
      source: 'https://de.example/apt99',
    });
  });

  test.each([
    [[{ id: 'nope', text: 'X', lang: 'de', source: 'https://de.example/x' }], '[0].id', 'no entry has id "nope"'],
    [[{ id: 'apt99', text: 'X', lang: 'klingon' }], '[0].lang', undefined],
    [[{ id: 'apt99', text: 'X', lang: 'de', source: 'http://de.example/x' }], '[0].source', 'must be an https address'],
    [{ id: 'apt99' }, '(file)', 'must be a JSON array of alias records'],
  ])('a bad record fails naming the aliases file and the record (%j)', (data, field, message) => {
    const problems = problemsOf(merged([hand(base)], [], [aliasesFile(data)]).files);
    const p = problems.find((x) => x.file === 'assets/aliases/de.json' && x.field === field);
    expect(p, JSON.stringify(problems)).toBeDefined();
    if (message) expect(p?.message).toBe(message);
  });
});

describe('cross-entry rules for links, members and names (rules-links.ts)', () => {
  test.each([
    [entry('a', { links: [{ id: 'ghost', type: 'uses' }] }), 'links.0.id', 'unknown linked id "ghost"'],
    [entry('a', { links: [{ id: 'a', type: 'overlaps' }] }), 'links.0.id', 'an entry cannot link to itself'],
    [entry('a', { kind: 'topic', members: ['ghost'] }), 'members.0', 'unknown member id "ghost"'],
    [
      entry('a', { aliases: [{ text: 'Hackergruppe A', lang: 'de' }] }),
      'aliases.0.source',
      'a "de" name needs a source: an https page that shows it in use',
    ],
  ])('%#: %s is checked', (e, field, message) => {
    expect(problemsOf([hand(e)])).toContainEqual({ file: `assets/kb/${e.kind}/a.json`, id: 'a', field, message });
  });

  test('a disputed name may be listed by two entries; an undisputed one may not', () => {
    const shared = (disputed: boolean) => [
      hand(entry('a', { aliases: [{ text: 'Shared', lang: 'en', disputed }] })),
      hand(entry('b', { aliases: [{ text: 'Shared', lang: 'en', disputed }] })),
    ];
    expect(problemsOf(shared(true))).toEqual([]);
    expect(problemsOf(shared(false)).map((p) => p.field)).toEqual(['aliases.0.text']);
  });
});
