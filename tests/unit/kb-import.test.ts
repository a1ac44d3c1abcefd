import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseImportConfig, type ImportConfig } from '../../core/kb/import/config';
import { ImportInputError, parseThreatNaming } from '../../core/kb/import/inputs';
import {
  attackIdEvidence,
  clusterRecords,
  mispRelationEvidence,
  relationFor,
  ruleEdges,
  type Evidence,
  type SourceRecord,
} from '../../core/kb/import/merge-rules';
import { nameFlags, nameRules, skipReason, slugify, splitNames } from '../../core/kb/import/names';
import { sourcePicker } from '../../core/kb/import/sources';
import { runImport, type ImportInput } from '../../core/kb/import/run';
import type { Entry } from '../../core/kb/schema';
import { defaultPatterns } from '../../core/naming/patterns';
import { importToRoot } from '../../scripts/kb-import';
import { caseVariants } from '../../core/engine/name-variants';
import { toMatcherPatterns } from '../../core/kb/compile';
import { annotateDisputes, disputedOwners } from '../../core/kb/disputed';
import { disputedNameLines } from '../../core/kb/entry-view';
import { unreachableEntries } from '../../core/kb/reachability';
import { reportDetails } from '../../core/kb/import/compose';
import { dateFromUrl } from '../../core/kb/import/reports';
import type { AddressDate } from '../../core/kb/import/config';

const root = resolve(import.meta.dirname, '../..');
const fixtureDir = join(root, 'tests/fixtures/threat-naming');

function rawInputs(dir = fixtureDir): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.json')) raw[f] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  return raw;
}
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as unknown;
const config: ImportConfig = parseImportConfig({
  commonWords: json('assets/naming/common-words.json'),
  countries: json('assets/naming/countries.json'),
  producers: json('assets/naming/producers.json'),
  sourceDomains: json('assets/naming/source-domains.json'),
});
const rules = nameRules(config.commonWords);

function run(over: Partial<ImportInput> = {}) {
  return runImport({
    data: parseThreatNaming(rawInputs()),
    config,
    patterns: defaultPatterns(),
    hand: [],
    existingAtlas: [],
    ...over,
  });
}
const byId = (r: ReturnType<typeof run>) =>
  new Map(r.files.map((f) => [(JSON.parse(f.content) as Entry).id, JSON.parse(f.content) as Entry]));
const alias = (e: Entry | undefined, text: string) => e?.aliases.find((a) => a.text === text);

describe('merge rules', () => {
  test.each<[Evidence, boolean, boolean, string]>([
    ['attack-id', false, false, 'same-group'],
    ['attack-id', false, true, 'disputed'],
    ['attack-ref', false, false, 'same-group'],
    ['same-primary', false, false, 'same-group'],
    ['same-primary', true, false, 'disputed'],
    ['primary-name', false, false, 'same-group'],
    ['primary-name', false, true, 'disputed'],
    ['shared-name', false, false, 'same-group'],
    ['shared-name', true, false, 'disputed'],
    ['misp-similar', false, false, 'overlaps'],
    ['misp-overlaps', false, true, 'overlaps'],
    ['misp-part-of', false, false, 'sub-group'],
  ])(
    '%s (name claimed twice in one set: %s, same set on both sides: %s) -> %s',
    (ev, nameAmbiguous, sourceClash, want) => {
      expect(relationFor(ev, { nameAmbiguous, sourceClash })).toBe(want);
    },
  );

  test.each([
    [1, false, 'attack-id'],
    [2, false, 'attack-ref'],
    [1, true, 'attack-ref'],
  ] as const)('an ATT&CK id listed %i time(s), only in refs %s -> %s', (n, refs, want) => {
    expect(attackIdEvidence(n, refs)).toBe(want);
  });

  test.each([
    ['similar', 'misp-similar'],
    ['overlaps', 'misp-overlaps'],
    ['part-of', 'misp-part-of'],
    ['uses', undefined],
    ['targets', undefined],
  ])('MISP relation %s -> %s', (type, want) => {
    expect(mispRelationEvidence(type)).toBe(want);
  });

  const rec = (key: string, source: SourceRecord['source'], primary: string, names: string[]): SourceRecord => ({
    key,
    source,
    primaryKeys: [primary.toLowerCase()],
    nameKeys: [primary, ...names].map((n) => n.toLowerCase()),
  });

  test.each([
    {
      what: 'two data sets sharing a name become one group',
      records: [rec('attack:G1', 'attack', 'APT9', ['Nine']), rec('misp:1', 'misp', 'Nine', [])],
      clusters: [['attack:G1', 'misp:1']],
      relations: [],
    },
    {
      what: 'a name two MISP records claim links nothing',
      records: [
        rec('misp:1', 'misp', 'One', ['Both']),
        rec('misp:2', 'misp', 'Two', ['Both']),
        rec('attack:G1', 'attack', 'Atk', ['Both']),
      ],
      clusters: [['attack:G1'], ['misp:1'], ['misp:2']],
      relations: ['disputed', 'disputed'],
    },
    {
      what: 'a second record of the same set cannot join: the link is disputed',
      records: [rec('attack:G1', 'attack', 'X', ['Y']), rec('misp:1', 'misp', 'X', []), rec('misp:2', 'misp', 'Y', [])],
      clusters: [['attack:G1', 'misp:1'], ['misp:2']],
      relations: ['disputed'],
    },
  ])('$what', ({ records, clusters, relations }) => {
    const c = clusterRecords(records, []);
    expect(c.clusters).toEqual(clusters);
    expect(c.relations.map((r) => r.relation)).toEqual(relations);
  });

  test('an ATT&CK id beats a shared name, and MISP "similar" is an overlap, not a merge', () => {
    const c = clusterRecords(
      [rec('attack:G1', 'attack', 'A', []), rec('misp:1', 'misp', 'B', []), rec('misp:2', 'misp', 'C', [])],
      [
        { a: 'misp:1', b: 'attack:G1', evidence: 'attack-id' },
        { a: 'misp:2', b: 'misp:1', evidence: 'misp-similar' },
      ],
    );
    expect(c.clusters).toEqual([['attack:G1', 'misp:1'], ['misp:2']]);
    expect(c.relations).toMatchObject([{ relation: 'overlaps' }]);
  });
});

describe('names', () => {
  test.each([
    ['Turla, Waterbug, Venomous Bear', ['Turla', 'Waterbug', 'Venomous Bear']],
    ['APT37（Reaper）', ['APT37', 'Reaper']],
    ['核危机行动（Operation NuclearCrisis）', ['核危机行动', 'Operation NuclearCrisis']],
  ])('splitNames(%j)', (raw, want) => {
    expect(splitNames(raw)).toEqual(want);
  });

  test.each([
    // text, kind, caseSensitive, requiresContext, dropped
    ['APT28', 'threat-actor', true, false, false],
    ['TG-4127', 'threat-actor', true, false, false],
    ['Sidewinder', 'threat-actor', true, true, false],
    ['Patchwork', 'threat-actor', true, true, false],
    ['Tick', 'threat-actor', true, true, false],
    ['Platinum', 'threat-actor', true, true, false],
    ['GALLIUM', 'threat-actor', true, true, false],
    ['Mercury', 'threat-actor', true, true, false],
    ['Lazarus', 'threat-actor', true, true, false],
    ['Equation', 'threat-actor', true, true, false],
    ['Turla', 'threat-actor', true, false, false],
    ['Fancy Bear', 'threat-actor', true, true, false],
    ['Night Dragon', 'operation', true, true, false],
    ['Kimsuky', 'threat-actor', true, false, false],
    ['Sakula', 'malware', true, true, false],
    ['Crutch', 'malware', true, true, true],
    ['Snake', 'malware', true, true, true],
    ['Calendar', 'malware', true, true, true],
    ['Mimikatz', 'malware', true, true, false],
    ['Cobalt Strike', 'malware', true, true, false],
    ['PlugX', 'malware', false, false, false],
    ['沙虫', 'threat-actor', false, true, false],
  ] as const)('%s (%s): caseSensitive %s, requiresContext %s, dropped %s', (text, kind, cs, rc, drop) => {
    const f = nameFlags(text, rules, { kind });
    expect([f.caseSensitive, f.requiresContext, f.drop !== undefined]).toEqual([cs, rc, drop]);
  });

  test.each([
    ['G0007', 'an ATT&CK id (kept as attackId)'],
    ['7', 'too short to match'],
    ['16', 'a bare number'],
    ['Unknown', 'a generic label'],
    ['Fancy Bear', undefined],
  ])('skipReason(%j) = %j', (text, want) => {
    expect(skipReason(text, rules)).toBe(want);
  });

  test.each([
    ['Sandworm Team', 'sandworm-team'],
    ['TEMP.Veles', 'temp-veles'],
    ['admin@338', 'admin-338'],
    ['Équipe Noire', 'equipe-noire'],
  ])('slugify(%j) = %j', (name, id) => {
    expect(slugify(name)).toBe(id);
  });
});

describe('sources', () => {
  const picker = sourcePicker(config.sourceDomains, ['denied.example']);
  test.each([
    ['http://www.justice.gov/x', 'not https'],
    ['https://web.archive.org/web/1/https://x', 'a mirror, archive, repost or dead domain'],
    ['https://denied.example/post', 'a denied domain'],
    ['https://unknown-blog.example/a', 'publisher not known'],
  ])('%s is skipped: %s', (url, reason) => {
    expect(picker.classify(url)).toEqual({ skip: reason });
  });

  test('government before vendor, one per publisher, at most the limit', () => {
    const got = picker.pick(
      [
        'https://securelist.com/a-long-report-name/1/',
        'https://securelist.com/another-report/2/',
        'https://www.cisa.gov/news-events/cybersecurity-advisories/aa24-038a',
      ],
      2,
    );
    expect(got.map((s) => s.publisher)).toEqual(['CISA', 'Kaspersky']);
  });
});

describe('input files', () => {
  test.each([
    [
      'attack-groups.json',
      (d: unknown[]) => ((d[1] as { attackId: string }).attackId = 'X1'),
      'record 1 (Beta Team) attackId',
    ],
    ['misp-threat-actors.json', (d: unknown[]) => delete (d[0] as { name?: string }).name, 'record 0 name'],
    ['attack-software.json', (d: unknown[]) => ((d[0] as { type: string }).type = 'virus'), 'record 0 (BadThing) type'],
  ])('a broken record in %s names the file, record and field', (file, breakIt, where) => {
    const raw = rawInputs();
    breakIt(raw[file] as unknown[]);
    let err: unknown;
    try {
      parseThreatNaming(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportInputError);
    expect((err as Error).message).toContain(`${file} ${where}`);
  });

  test('a missing file is named', () => {
    const raw = rawInputs();
    delete raw['provenance.json'];
    expect(() => parseThreatNaming(raw)).toThrow(/provenance\.json \(file\): file is missing/);
  });
});

describe('the import on the fixture', () => {
  const r = run();
  const e = byId(r);

  test('makes one entry per state-linked group, merged across data sets; crime-only records are skipped', () => {
    expect(
      [...e.values()]
        .filter((x) => x.kind === 'threat-actor')
        .map((x) => x.id)
        .sort(),
    ).toEqual(['alpha-group', 'apt-c-00', 'beta-team', 'delta-kitten', 'gamma']);
    expect(r.report.merges.find((m) => m.id === 'alpha-group')?.records.sort()).toEqual([
      'attack:Alpha Group',
      'microsoft:Azure Blizzard',
      'misp:Alpha Group',
    ]);
    expect(r.report.skippedRecords.map((s) => s.record)).toEqual(
      expect.arrayContaining(['misp:Crime Crew', 'microsoft:Lace Tempest', 'attack:S0003 Net']),
    );
  });

  test.each([
    ['Azure Blizzard', { coinedBy: 'Microsoft', primary: true }],
    ['STRONTIUM', { coinedBy: 'Microsoft', former: true, caseSensitive: true, requiresContext: true }],
    ['DEV-0001', { coinedBy: 'Microsoft', former: true }],
    ['Old Alpha', { coinedBy: 'Palo Alto Networks Unit 42' }],
    ['Alpha Group', { coinedBy: 'Mandiant', requiresContext: true }],
    ['Shared Name', { disputed: true }],
  ])('alpha-group alias %s has %o', (text, want) => {
    expect(alias(e.get('alpha-group'), text)).toMatchObject(want);
  });

  test.each([
    ['replaced', { name: 'Old Alpha', coinedBy: 'Example Lab' }, 'Example Lab'],
    ['dropped', { name: 'Old Alpha' }, undefined],
  ])('a coiner correction in the data is %s', (_what, fix, want) => {
    const corrected = run({
      config: {
        ...config,
        coiners: {
          ...config.coiners,
          corrections: [{ ...fix, why: 'The data credit the wrong producer.', source: 'https://example.org/report' }],
        },
      },
    });
    expect(alias(byId(corrected).get('alpha-group'), 'Old Alpha')?.coinedBy).toBe(want);
    expect(alias(byId(corrected).get('alpha-group'), 'Azure Blizzard')?.coinedBy).toBe('Microsoft');
  });

  test.each(['beta-team', 'delta-kitten'])(
    'a group the data only weakly tie to a state (%s) is matched by codes only; its word names reach it by a cue set',
    (id) => {
      const g = e.get(id)!;
      expect(g.aliases.every((a) => /\d/.test(a.text))).toBe(true);
      if (g.aliases.length === 0) expect(g.cueSets?.[0]?.terms[0]?.length).toBeGreaterThan(0);
    },
  );

  test('weak groups are counted, and their summaries say what the data say', () => {
    expect(e.get('beta-team')?.summary).toContain('Sidewinder');
    expect(e.get('delta-kitten')?.summary).toContain('Iran');
    expect(r.report.counts['threat-actor (weak state link: only codes matched)']).toBe(2);
  });

  test('a name two groups claim is disputed on both, never merged', () => {
    expect(alias(e.get('gamma'), 'Shared Name')).toMatchObject({ disputed: true });
    expect(r.report.disputed).toContainEqual({ name: 'Shared Name', entries: ['alpha-group', 'gamma'] });
    expect(e.get('alpha-group')?.links).toContainEqual({ id: 'gamma', type: 'disputed' });
  });

  test('attribution says who links the group to which country; sources skip http, mirrors and unknown hosts', () => {
    const a = e.get('alpha-group')!;
    expect(a).toMatchObject({
      country: 'RU',
      attackId: 'G0001',
      firstReported: '2014',
      asOf: '2026-08-06',
      summaryComposed: true,
    });
    expect(a.attribution).toEqual([{ country: 'RU', by: ['Microsoft', 'Mandiant'] }]);
    expect(a.sources.map((s) => s.url)).toEqual([
      'https://www.justice.gov/opa/pr/alpha-indicted',
      'https://www.mandiant.com/resources/blog/alpha',
      'https://attack.mitre.org/groups/G0001',
    ]);
    expect(a.summary).toContain('Microsoft tracks as Azure Blizzard');
    expect(e.get('beta-team')?.attribution).toBeUndefined();
  });

  test('Qihoo 360 names become zh-Hans aliases citing 360', () => {
    expect(alias(e.get('apt-c-00'), '海莲花')).toMatchObject({
      lang: 'zh-Hans',
      coinedBy: 'Qihoo 360',
      source: 'https://apt.360.net/report/apts/93.html',
    });
    expect(e.get('apt-c-00')?.attribution).toEqual([{ country: 'VN', by: ['Qihoo 360'] }]);
  });

  test('malware used by state-linked groups, linked both ways; system tools and unused malware are left out', () => {
    expect(e.get('badthing')).toMatchObject({
      softwareType: 'malware',
      links: [{ id: 'alpha-group', type: 'used-by' }],
    });
    expect(alias(e.get('badthing'), 'Calendar')).toBeUndefined();
    expect(alias(e.get('mimikatz'), 'Mimikatz')).toMatchObject({ requiresContext: true });
    expect(e.has('net')).toBe(false);
    expect(e.has('unused')).toBe(false);
    expect(e.get('alpha-group')?.links).toContainEqual({ id: 'badthing', type: 'uses' });
  });

  test('campaigns become operations attributed to their groups', () => {
    expect(e.get('operation-night-owl')).toMatchObject({
      kind: 'operation',
      attackId: 'C0001',
      firstReported: '2020-01-01',
      links: [{ id: 'alpha-group', type: 'attributed-to' }],
    });
    // A campaign ATT&CK names only by its id has no entry (no page can name it).
    expect(e.has('c0002')).toBe(false);
    expect(r.report.skippedRecords).toContainEqual({
      record: 'attack:C0002',
      reason: 'a campaign ATT&CK names only by its id and ties to no group: nothing can name it',
    });
  });

  test('the group card carries the campaign as a dated detail', () => {
    expect(e.get('alpha-group')?.details).toContainEqual({
      date: '2020-01-01',
      text: 'ATT&CK attributes the campaign Operation Night Owl (C0001) to it, with activity seen from 2020-01-01 to 2020-06-01.',
    });
  });

  test('is byte-identical when run again', () => {
    expect(run().files).toEqual(r.files);
  });

  test('a hand entry wins: it takes the id, and a name it claims stays on an atlas group only as disputed', () => {
    const hand = [
      {
        file: 'assets/kb/threat-actor/alpha.json',
        data: { id: 'alpha', kind: 'threat-actor', name: 'Alpha', attackId: 'G0001', aliases: [] },
      },
      {
        file: 'assets/kb/organization/gamma-org.json',
        data: { id: 'gamma-org', kind: 'organization', name: 'Gamma Org', aliases: [{ text: 'Gamma', lang: 'en' }] },
      },
    ];
    const h = byId(run({ hand }));
    expect(h.has('alpha')).toBe(true);
    expect(h.has('alpha-group')).toBe(false);
    expect(h.get('badthing')?.links).toEqual([{ id: 'alpha', type: 'used-by' }]);
    expect(alias(h.get('gamma'), 'Gamma')).toMatchObject({ disputed: true });
  });

  test('a record a merge rule folds into a hand entry brings its own name, matched beside a hacking word', () => {
    const hand = [
      {
        file: 'assets/kb/threat-actor/alpha.json',
        data: { id: 'alpha', kind: 'threat-actor', name: 'Alpha', attackId: 'G0001', aliases: [] },
      },
    ];
    const rules = {
      ...config.mergeRules,
      into: [{ name: 'Delta Kitten', id: 'alpha', why: 'The same group.', source: 'https://example.org/r' }],
    };
    const h = byId(run({ hand, config: { ...config, mergeRules: rules } }));
    expect(h.has('delta-kitten')).toBe(false);
    expect(alias(h.get('alpha'), 'Delta Kitten')).toMatchObject({ requiresContext: true });
    expect(alias(byId(run({ hand })).get('alpha'), 'Delta Kitten')).toBeUndefined();
  });

  test('a record a rule says is no group is left out, and the report says why', () => {
    const rules = {
      ...config.mergeRules,
      notGroups: [{ name: 'Delta Kitten', why: 'A placeholder.', source: 'https://example.org/r' }],
    };
    const out = run({ config: { ...config, mergeRules: rules } });
    expect(byId(run()).has('delta-kitten')).toBe(true);
    expect(byId(out).has('delta-kitten')).toBe(false);
    expect(out.report.skippedRecords).toContainEqual({
      record: 'misp:Delta Kitten',
      reason: 'not a group: A placeholder.',
    });
  });

  test.each([
    ['summary', 'A summary a person wrote.'],
    ['aliases', [{ text: 'Alpha Group', lang: 'en', primary: true }]],
  ])('a curated field (%s) survives the re-import', (field, value) => {
    const path = 'assets/atlas/threat-actor/alpha-group.json';
    const old = JSON.parse(r.files.find((f) => f.path === path)!.content) as Record<string, unknown>;
    const edited = { ...old, [field]: value, curated: [field] };
    const again = run({ existingAtlas: [{ file: path, data: edited }] });
    const out = JSON.parse(again.files.find((f) => f.path === path)!.content) as Record<string, unknown>;
    expect(out[field]).toEqual(value);
    expect(out.curated).toEqual([field]);
    expect(out.attackId).toBe('G0001');
  });

  test('a wholly curated file is neither rewritten nor removed; a stale one is removed', () => {
    const path = 'assets/atlas/threat-actor/alpha-group.json';
    const again = run({
      existingAtlas: [
        { file: path, data: { id: 'alpha-group', curated: true } },
        { file: 'assets/atlas/threat-actor/gone.json', data: { id: 'gone' } },
        { file: 'assets/atlas/threat-actor/kept.json', data: { id: 'kept', curated: true } },
      ],
    });
    expect(again.files.some((f) => f.path === path)).toBe(false);
    expect(again.remove).toEqual(['assets/atlas/threat-actor/gone.json']);
  });
});

describe('importToRoot (the kb:import script)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'spyglass-import-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const setup = (name: string) => {
    const dir = join(tmp, name);
    mkdirSync(join(dir, 'assets/kb'), { recursive: true });
    cpSync(join(root, 'assets/naming'), join(dir, 'assets/naming'), { recursive: true });
    return dir;
  };
  const snapshot = (dir: string) => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      if (!existsSync(d)) return;
      for (const n of readdirSync(d, { withFileTypes: true }))
        if (n.isDirectory()) walk(join(d, n.name));
        else out[join(d, n.name)] = readFileSync(join(d, n.name), 'utf8');
    };
    walk(join(dir, 'assets/atlas'));
    return out;
  };

  test('writes the atlas and the report, and a second run changes no byte', () => {
    const dir = setup('ok');
    const first = importToRoot(fixtureDir, dir, '2026-12-02');
    expect(first.written).toBe(8);
    const files = snapshot(dir);
    expect(Object.keys(files)).toHaveLength(8);
    expect(existsSync(join(dir, '.generated/import-report.json'))).toBe(true);
    const second = importToRoot(fixtureDir, dir, '2026-12-02');
    expect([second.written, second.unchanged]).toEqual([0, 8]);
    expect(snapshot(dir)).toEqual(files);
  });

  test('malformed input fails naming the file and record, and writes nothing', () => {
    const dir = setup('bad');
    const data = join(tmp, 'bad-data');
    cpSync(fixtureDir, data, { recursive: true });
    const groups = JSON.parse(readFileSync(join(data, 'attack-groups.json'), 'utf8')) as { software: unknown }[];
    groups[0]!.software = 'S0001';
    writeFileSync(join(data, 'attack-groups.json'), JSON.stringify(groups));
    expect(() => importToRoot(data, dir, '2026-12-02')).toThrow(
      /attack-groups\.json record 0 \(Alpha Group\) software/,
    );
    expect(snapshot(dir)).toEqual({});
    expect(existsSync(join(dir, '.generated'))).toBe(false);
  });
});

describe('issue 22: reachability, disputed names, letter case, merge rules', () => {
  const entry = (id: string, name: string, aliases: Partial<Entry['aliases'][number]>[], extra: Partial<Entry> = {}) =>
    ({
      id,
      kind: 'threat-actor',
      name,
      aliases: aliases.map((a) => ({ lang: 'en', caseSensitive: false, requiresContext: false, primary: false, ...a })),
      summary: name,
      details: [],
      dates: [],
      related: [],
      sources: [],
      asOf: '2026-12-07',
      chinaRelated: false,
      ...extra,
    }) as Entry;

  test.each([
    ['LIMINAL PANDA', ['Liminal Panda']],
    ['Temper Panda', ['TEMPER PANDA']],
    ['BRONZE RIVERSIDE', ['Bronze Riverside']],
    ['PLATINUM', []],
    ['APT-C-36', []],
    ['TEMP.Veles', []],
  ])('caseVariants(%j) = %j', (text, want) => {
    expect(caseVariants(text)).toEqual(want);
  });

  test.each([
    ['Liminal Panda', true],
    ['LIMINAL PANDA', true],
    ['liminal panda', false],
  ])('a name stored as "LIMINAL PANDA" (case-sensitive) matches %j: %s', (text, want) => {
    const pats = toMatcherPatterns([
      entry('liminal-panda', 'LIMINAL PANDA', [{ text: 'LIMINAL PANDA', caseSensitive: true }]),
    ]);
    expect(pats.some((p) => p.text === text && p.caseSensitive)).toBe(want);
  });

  const apt45 = entry('apt45', 'APT45', [{ text: 'APT45', disputed: true, usedBy: ['Mandiant'] }]);
  const andariel = entry('andariel', 'Andariel', [{ text: 'APT45', usedBy: ['Microsoft'] }, { text: 'Andariel' }]);
  const x = entry('x', 'X', [{ text: 'Shared', disputed: true }]);
  const y = entry('y', 'Y', [{ text: 'Shared', disputed: true }], { attackId: 'G0001' });

  const z = entry('zeta', 'Shared', [{ text: 'Shared', disputed: true }]);
  test.each([
    ['andariel', [apt45, andariel], 'the entry that lists it undisputed (a hand claim) first'],
    ['zeta', [x, y, z], 'else the entry whose own name it is'],
    ['y', [x, y], 'else the entry with an ATT&CK id'],
  ])('the disputed name goes to %s (%s)', (want, entries) => {
    const owner = [...disputedOwners(entries).values()][0];
    expect(owner).toBe(want);
    const pats = toMatcherPatterns(entries);
    const name = entries[0]!.aliases[0]!.text;
    expect(pats.filter((p) => p.text === name).map((p) => p.id)).toEqual([want]);
    expect(unreachableEntries(entries).map((u) => u.id)).not.toContain(want);
  });

  test('the disputed-name card lists the other group and who uses the name for each', () => {
    const [a] = annotateDisputes([apt45, andariel]);
    expect(disputedNameLines(a!)).toEqual([
      { name: 'APT45', here: ['Mandiant'], others: [{ id: 'andariel', name: 'Andariel', by: ['Microsoft'] }] },
    ]);
  });

  test.each([
    ['no alias, no cue set', entry('a', 'A', []), ['a']],
    ['a cue set', entry('a', 'A', [], { cueSets: [{ terms: [['A'], ['B']] }] }), []],
    ['a matched name', entry('a', 'A', [{ text: 'Alpha Name' }]), []],
  ])('reachability: an entry with %s', (_, e, want) => {
    expect(unreachableEntries([e]).map((u) => u.id)).toEqual(want);
  });

  const rec = (key: string, source: SourceRecord['source'], primary: string): SourceRecord => ({
    key,
    source,
    primaryKeys: [primary.toLowerCase()],
    nameKeys: [primary.toLowerCase()],
  });
  const records = [
    rec('attack:G0129', 'attack', 'mustang panda'),
    rec('misp:mp', 'misp', 'mustang panda'),
    rec('misp:unc6384', 'misp', 'unc6384'),
    rec('misp:wagemole', 'misp', 'wagemole'),
    rec('microsoft:coral', 'microsoft', 'coral sleet'),
  ];
  test.each([
    [
      'a join holds even with two MISP records in one group',
      ['UNC6384', 'Mustang Panda'],
      'misp:unc6384',
      'misp:mp',
      true,
    ],
    ['an apart pair is never joined', ['WageMole', 'Coral Sleet'], 'misp:wagemole', 'microsoft:coral', false],
  ])('merge rules: %s', (_, names, a, b, together) => {
    const rules = together ? { join: [{ names }], apart: [] } : { join: [{ names }], apart: [{ names }] };
    const r = ruleEdges(records, rules, (t) => t.toLowerCase());
    const c = clusterRecords(records, r.edges, r.apart);
    const same = c.clusters.some((cl) => cl.includes(a) && cl.includes(b));
    expect(same).toBe(together);
    expect(r.unknown).toEqual([]);
  });

  test('the repository rules name the audit merges, and a re-import reads them', () => {
    const rulesFile = json('assets/naming/merge-rules.json') as {
      join: { names: string[] }[];
      into: { name: string; id: string }[];
      notGroups: { name: string }[];
    };
    expect(rulesFile.join.map((j) => j.names[0])).toEqual(expect.arrayContaining(['UNC6384', 'UNC2814']));
    expect(rulesFile.into).toContainEqual(expect.objectContaining({ name: 'WageMole', id: 'famous-chollima' }));
    expect(rulesFile.notGroups.map((n) => n.name)).toContain('Unnamed Actor');
  });
});

describe('composed cards', () => {
  test.each([
    ['https://www.welivesecurity.com/2018/06/07/invisimole-equipped-spyware-undercover/', '2018-06-07'],
    ['https://www.fireeye.com/blog/threat-research/2018/02/attacks.html', '2018-02'],
    ['https://example.org/reports/apt-report.html', undefined],
    ['https://example.org/2019/13/01/x', undefined],
  ])('dateFromUrl(%j) = %j', (url, want) => {
    expect(dateFromUrl(url)).toBe(want);
  });

  const publisherRules: AddressDate[] = [
    { host: 'trendmicro.com', regex: '/research/(\\d{2})/([a-l])/', year: 'two-digit', month: 'letter' },
    { host: 'research.checkpoint.com', regex: '^/(20[0-3]\\d)/[a-z0-9]', year: 'four-digit', month: 'none' },
  ];
  test.each([
    ['https://www.trendmicro.com/en_us/research/24/c/earth-krahang.html', '2024-03'],
    ['https://www.trendmicro.com/en_my/research/18/h/supply-chain-attack.html', '2018-08'],
    ['https://www.trendmicro.com/en_us/research/21/a/earth-wendigo.html', '2021-01'],
    ['https://www.trendmicro.com/en_us/research/21/m/x.html', undefined],
    ['https://research.checkpoint.com/2026/cavern-manticore-exposing/', '2026'],
    ['https://blog.checkpoint.com/2024/01/x/', '2024-01'],
    ['https://example.org/research/24/c/x.html', undefined],
    ['https://www.welivesecurity.com/2018/06/07/invisimole/', '2018-06-07'],
  ])('dateFromUrl(%j) with publisher rules = %j', (url, want) => {
    expect(dateFromUrl(url, publisherRules)).toBe(want);
  });

  test.each([
    [
      { host: 'x.com', regex: '(\\d{2}', year: 'two-digit', month: 'letter' },
      /addressDates\.0\.regex: must be a valid regular expression/,
    ],
    [{ host: 'x.com', regex: '/(\\d{2})/', year: 'two-digit', month: 'week' }, /addressDates\.0\.month/],
  ])('a malformed address-date rule fails naming the file and field (%j)', (bad, want) => {
    const sourceDomains = { ...(json('assets/naming/source-domains.json') as object), addressDates: [bad] };
    expect(() =>
      parseImportConfig({
        commonWords: json('assets/naming/common-words.json'),
        countries: json('assets/naming/countries.json'),
        producers: json('assets/naming/producers.json'),
        sourceDomains,
      }),
    ).toThrow(new RegExp(`source-domains\\.json: .*${want.source}`));
  });

  const first = { date: '2017-03-30', publisher: 'ESET', title: 'Carbon Paper' };
  const last = { date: '2018-10-04', publisher: 'Kaspersky', title: 'Shedding Skin' };
  test.each([
    [[first], 1, 'Earliest report on it that MITRE ATT&CK cites: “Carbon Paper” (ESET). It stands in'],
    [[first, last], 2, 'Latest report on it that MITRE ATT&CK cites: “Shedding Skin” (Kaspersky).'],
    [[], 0, undefined],
  ] as const)('reportDetails: %#', (reports, n, text) => {
    const d = reportDetails(reports, 'attack', 'it');
    expect(d).toHaveLength(n);
    if (text) expect(d.map((x) => x.text).join(' ')).toContain(text);
  });

  test('the fixture group card is sentences with dates where the data have them', () => {
    const a = byId(run()).get('alpha-group')!;
    expect(a.summaryComposed).toBe(true);
    expect(a.summary).toMatch(/^Hacking group that Microsoft tracks as Azure Blizzard; .*\.$/);
    expect(a.details.every((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.date))).toBe(true);
  });
});
