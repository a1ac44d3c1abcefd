import { describe, expect, test, vi } from 'vitest';
import type { ArticleContext } from '../../core/export/context';
import { toStixBundle, stixTime, type StixBundle, type StixObject } from '../../core/export/stix';
import { countryLocation } from '../../core/export/stix-locations';
import { attributionConfidence, entryConfidence, entryLabels, sdoType } from '../../core/export/stix-objects';
import { mapLink } from '../../core/export/stix-relationships';
import { sha1Hex, uuidV5 } from '../../core/export/uuid';
import type { LinkType } from '../../core/kb/schema';
import { CONTEXT, entry } from './export-fixtures';
import { stixProblems, TLP_CLEAR_ID } from './stix-validator';

const EMPTY: ArticleContext = {
  url: 'https://x.example/',
  entities: [],
  references: [],
  timeline: [],
  patternNames: [],
};

/** The bundle as an importer sees it: parsed back from its JSON text. */
const parsed = (b: StixBundle) => JSON.parse(JSON.stringify(b)) as StixBundle;

describe('uuid v5', () => {
  test.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['a'.repeat(1000), '291e9a6c66994949b57ba5e650361e98fc36b1ba'],
  ])('sha1(%#)', (input, hex) => {
    expect(sha1Hex(input)).toBe(hex);
  });
  test('matches the RFC example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('the validator', () => {
  const good = parsed(toStixBundle(CONTEXT));
  const broken = (change: (objects: StixObject[]) => void) => {
    const b = structuredClone(good);
    change(b.objects);
    return stixProblems(b);
  };
  const find = (objects: StixObject[], type: string) => objects.find((o) => o.type === type)!;

  test.each<[string, (objects: StixObject[]) => void, string]>([
    [
      'a dangling reference',
      (os) =>
        (find(os, 'relationship').target_ref =
          `malware--${uuidV5('x', uuidV5('y', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'))}`),
      'dangling ref malware--',
    ],
    ['a malware without is_family', (os) => delete find(os, 'malware').is_family, 'missing is_family'],
    ['a duplicate id', (os) => os.push({ ...os[1]! }), 'duplicate id'],
    ['an id of another type', (os) => (find(os, 'campaign').id = String(find(os, 'malware').id)), 'id is not'],
    ['a timestamp without milliseconds', (os) => (find(os, 'campaign').created = '2024-01-01T00:00:00Z'), ': created'],
    ['an object without the marking', (os) => delete find(os, 'tool').object_marking_refs, 'not marked TLP:CLEAR'],
    [
      'a location with neither region nor country',
      (os) => {
        const loc = find(os, 'location');
        delete loc.region;
        delete loc.country;
      },
      'location needs region',
    ],
    ['"UK" as a country code', (os) => (find(os, 'location').country = 'UK'), 'country UK'],
    ['a code as the name', (os) => (find(os, 'location').name = 'CN'), 'name is a code'],
    ['a region outside region-ov', (os) => (find(os, 'location').region = 'middle-earth'), 'region middle-earth'],
    [
      'a relationship STIX does not define',
      (os) => (find(os, 'relationship').relationship_type = 'attributed-to-x'),
      'is not a STIX 2.1 relationship',
    ],
    ['a report without published', (os) => delete find(os, 'report').published, 'missing published'],
    ['a confidence out of range', (os) => (find(os, 'intrusion-set').confidence = 101), 'confidence'],
    ['an unknown property', (os) => (find(os, 'location').latittude = 1), 'unknown property latittude'],
    ['a changed TLP:CLEAR', (os) => (find(os, 'marking-definition').name = 'TLP:WHITE'), 'not the OASIS TLP:CLEAR'],
  ])('catches %s', (_what, change, message) => {
    expect(broken(change)).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });
});

describe('toStixBundle', () => {
  const bundle = parsed(toStixBundle(CONTEXT));
  const byType = (t: string) => bundle.objects.filter((o) => o.type === t);
  const byId = new Map(bundle.objects.map((o) => [o.id, o]));
  const named = (name: string) => bundle.objects.find((o) => o.name === name)!;
  const nameOf = (id: unknown) => byId.get(String(id))?.name;

  test('is valid against the STIX 2.1 schemas’ requirements', () => {
    expect(stixProblems(bundle)).toEqual([]);
  });

  test('the standard TLP:CLEAR marking, as OASIS publishes it, marks every other object', () => {
    expect(byType('marking-definition')).toEqual([
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id: TLP_CLEAR_ID,
        created: '2022-10-01T00:00:00.000Z',
        name: 'TLP:CLEAR',
        extensions: {
          'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
            extension_type: 'property-extension',
            tlp_2_0: 'clear',
          },
        },
      },
    ]);
    const unmarked = bundle.objects.filter(
      (o) => o.type !== 'marking-definition' && !(o.object_marking_refs as string[]).includes(TLP_CLEAR_ID),
    );
    expect(unmarked).toEqual([]);
  });

  test.each([
    ['APT35', 'intrusion-set'],
    ['POWERLESS', 'malware'],
    ['PsExec', 'tool'],
    ['Operation Example', 'campaign'],
    ['CNCERT/CC', 'identity'],
    ['CNCERT/CC’s December 2024 allegation', 'report'],
    ['An indictment of APT35 members', 'report'],
  ])('%s is a %s', (name, type) => {
    expect(named(name).type).toBe(type);
  });

  test.each(['Cyber-espionage', 'A [2022] report *with* markup'])(
    '%s is not exported (a concept; an event without a date of its own)',
    (name) => {
      expect(bundle.objects.find((o) => o.name === name)).toBeUndefined();
    },
  );

  test.each([
    ['APT35', 85, undefined],
    ['APT42', 50, undefined],
    ['CNCERT/CC', 85, ['government']],
    ['CNCERT/CC’s December 2024 allegation', 85, ['allegation']],
    ['An indictment of APT35 members', 85, ['action']],
  ])('%s: confidence %s, labels %j', (name, confidence, labels) => {
    expect(named(name).confidence).toBe(confidence);
    expect(named(name).labels).toEqual(labels);
  });

  test('events are reports published on the day of the claim, pointing at what they concern', () => {
    const allegation = named('CNCERT/CC’s December 2024 allegation');
    expect(allegation.published).toBe('2024-12-18T00:00:00.000Z');
    expect(allegation.description).toContain('CNCERT/CC (2024-12-18), against US intelligence agencies');
    expect((allegation.object_refs as string[]).map(nameOf).sort()).toEqual(['CNCERT/CC', 'China', 'United States']);
    const indictment = named('An indictment of APT35 members');
    expect(indictment.published).toBe('2022-09-14T00:00:00.000Z');
    expect((indictment.object_refs as string[]).map(nameOf).sort()).toEqual(['APT35', 'Iran', 'United States']);
  });

  test('an operation is a campaign with the span it was active', () => {
    expect(named('Operation Example')).toMatchObject({
      first_seen: '2023-05-01T00:00:00.000Z',
      last_seen: '2024-08-01T00:00:00.000Z',
    });
  });

  test('aliases (disputed ones left out) and external references: ATT&CK first, then sources', () => {
    const apt35 = named('APT35');
    expect(apt35.aliases).toEqual(['Charming Kitten', 'Mint Sandstorm']);
    expect(apt35.first_seen).toBe('2014-05-01T00:00:00.000Z');
    expect(apt35.external_references).toEqual([
      { source_name: 'mitre-attack', external_id: 'G0059', url: 'https://attack.mitre.org/groups/G0059/' },
      { source_name: 'Example Lab', url: 'https://example.org/apt35', description: 'Report on apt35 (2024-05-01)' },
    ]);
  });

  test('relationships: typed links as STIX types where defined, attributions and seats as locations', () => {
    const rels = byType('relationship').map((r) => [nameOf(r.source_ref), r.relationship_type, nameOf(r.target_ref)]);
    expect(rels.sort()).toEqual(
      [
        ['APT35', 'uses', 'POWERLESS'],
        ['APT35', 'related-to', 'APT42'],
        ['APT35', 'originates-from', 'Iran'],
        ['APT42', 'uses', 'PsExec'],
        ['Operation Example', 'attributed-to', 'APT35'],
        ['Operation Example', 'uses', 'POWERLESS'],
        ['CNCERT/CC', 'located-at', 'China'],
        ['Group X', 'related-to', 'CNCERT/CC'],
        ['Group X', 'originates-from', 'United Kingdom'],
      ].sort(),
    );
    const rel = (s: string, t: string) =>
      byType('relationship').find((r) => nameOf(r.source_ref) === s && nameOf(r.target_ref) === t)!;
    expect(rel('APT35', 'APT42').description).toBe('overlaps (according to Mandiant)');
    expect(rel('Group X', 'CNCERT/CC').description).toBe('attributed-to');
    expect(rel('APT35', 'Iran')).toMatchObject({
      confidence: 50,
      description: 'Attributed to IRGC by US government, Microsoft',
    });
    expect(rel('Group X', 'United Kingdom').confidence).toBe(85);
  });

  test('countries: ISO code, region and English name; an unknown code gives no location', () => {
    const locs = byType('location').map((l) => [l.name, l.country, l.region]);
    expect(locs.sort()).toEqual(
      [
        ['China', 'CN', 'eastern-asia'],
        ['Iran', 'IR', 'southern-asia'],
        ['United Kingdom', 'GB', 'northern-europe'],
        ['United States', 'US', 'northern-america'],
      ].sort(),
    );
  });

  test('the article is a report published on its own date, pointing at every exported object', () => {
    const article = byType('report')[0]!;
    expect(article.name).toBe(CONTEXT.title);
    expect(article).toMatchObject({
      published: '2024-12-19T00:00:00.000Z',
      report_types: ['threat-report'],
      external_references: [{ source_name: 'article', url: CONTEXT.url }],
    });
    const expected = bundle.objects.filter(
      (o) =>
        !['marking-definition', 'note'].includes(o.type) &&
        o.id !== article.id &&
        o.name !== 'Spyglass (knowledge base)',
    );
    expect([...(article.object_refs as string[])].sort()).toEqual(expected.map((o) => o.id).sort());
    expect(article.description).toContain(
      'Refers in words to A [2022] report *with* markup (CNCERT, Russia, Ukraine).',
    );
  });

  test('the event note says why it was chosen and what it tied with', () => {
    const note = byType('note').find((n) => String(n.abstract).startsWith('This article reports'))!;
    expect(String(note.content).split('\n')).toEqual([
      'CNCERT/CC (2024-12-18), against US intelligence agencies: It alleged two intrusions into Chinese technology firms. Response: No public response found (checked 2026-11-30)',
      'Why Spyglass links the article to it: the same parties (CNCERT/CC, US); the date fits (2024-12-18).',
      'Tied with: Another allegation the same week (they scored the same).',
    ]);
    expect((note.object_refs as string[]).map((id) => byId.get(id)?.type)).toEqual(['report', 'report']);
  });

  test('the brief is a note quoting the article, tied to the accuser', () => {
    const note = byType('note').find((n) => n.abstract === 'What the article reports, in its own words')!;
    expect(String(note.content).split('\n')).toEqual([
      'CNCERT/CC accuses US intelligence of hacking, espionage (targets: a research institute) (period: since May 2023). The article: “CNCERT/CC said US intelligence hacked a research institute since May 2023.”',
      'Response or denial reported: “Washington did not comment.”',
    ]);
    expect((note.object_refs as string[]).map(nameOf)).toEqual([CONTEXT.title, 'CNCERT/CC']);
  });

  test('the same article and knowledge base give the same bundle, ids included', () => {
    expect(toStixBundle(CONTEXT)).toEqual(toStixBundle(structuredClone(CONTEXT)));
    expect(toStixBundle(CONTEXT, { kbAsOf: '2026-12-01' }).id).not.toBe(toStixBundle(CONTEXT).id);
  });

  test('no timestamp is the export time: objects are dated by the KB, the report by the article', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
      const first = JSON.stringify(toStixBundle(CONTEXT));
      vi.setSystemTime(new Date('2031-06-15T08:30:00Z'));
      expect(JSON.stringify(toStixBundle(CONTEXT))).toBe(first);
      expect(first).not.toMatch(/203[01]-/);
    } finally {
      vi.useRealTimers();
    }
    expect(toStixBundle(CONTEXT, { kbAsOf: '2026-12-01' }).objects.find((o) => o.name === CONTEXT.title)?.created).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    // Never older than the article it is about.
    expect(
      toStixBundle({ ...CONTEXT, published: '2027-01-05' }, { kbAsOf: '2026-12-01' }).objects.find(
        (o) => o.name === CONTEXT.title,
      )?.created,
    ).toBe('2027-01-05T00:00:00.000Z');
  });

  test('an article without a date is a grouping: a STIX report needs a published date', () => {
    const { published: _, ...undated } = CONTEXT;
    const b = parsed(toStixBundle(undated));
    expect(stixProblems(b)).toEqual([]);
    const article = b.objects.find((o) => o.name === CONTEXT.title)!;
    expect(article).toMatchObject({ type: 'grouping', context: 'unspecified' });
    expect(article.published).toBeUndefined();
    expect(article.description).toContain('no publication date');
  });

  test('an empty page still gives a valid bundle', () => {
    const b = parsed(toStixBundle({ ...EMPTY, published: '2025-01-02' }));
    expect(stixProblems(b)).toEqual([]);
    expect(b.objects.map((o) => o.type)).toEqual(['marking-definition', 'identity', 'report']);
  });

  test('round trip: the parsed bundle gives back the entities, the events with their dates and the ties', () => {
    const objects = JSON.parse(JSON.stringify(toStixBundle(CONTEXT))).objects as StixObject[];
    const index = new Map(objects.map((o) => [o.id, o]));
    const sdoNames = objects
      .filter((o) => ['intrusion-set', 'malware', 'tool', 'campaign', 'identity'].includes(o.type))
      .map((o) => o.name)
      .filter((n) => n !== 'Spyglass (knowledge base)');
    const expectedEntities = [...CONTEXT.entities.map((e) => e.entry)].filter(
      (e) => sdoType(e) && sdoType(e) !== 'report',
    );
    expect(sdoNames.sort()).toEqual(expectedEntities.map((e) => e.name).sort());
    const events = objects
      .filter((o) => o.type === 'report' && o.name !== CONTEXT.title)
      .map((o) => [o.name, String(o.published).slice(0, 10)]);
    expect(events.sort()).toEqual([CONTEXT.event!, ...CONTEXT.events!].map((e) => [e.name, e.claim!.date]).sort());
    // Every typed link between two exported entries comes back as a relationship.
    const exported = new Map(objects.filter((o) => typeof o.name === 'string').map((o) => [o.name as string, o.id]));
    for (const { entry: e } of CONTEXT.entities)
      for (const link of e.links ?? []) {
        const target = CONTEXT.entities.find((x) => x.entry.id === link.id)?.entry;
        if (!target || !exported.has(e.name) || !exported.has(target.name)) continue;
        const ends = new Set([exported.get(e.name), exported.get(target.name)]);
        const found = objects.some(
          (o) => o.type === 'relationship' && ends.has(o.source_ref as string) && ends.has(o.target_ref as string),
        );
        expect(found, `${e.name} ${link.type} ${target.name}`).toBe(true);
      }
    expect(index.size).toBe(objects.length);
  });

  test.each([
    ['2024', '2024-01-01T00:00:00.000Z'],
    ['2024-05', '2024-05-01T00:00:00.000Z'],
    ['2024-05-09', '2024-05-09T00:00:00.000Z'],
  ])('stixTime(%s)', (d, t) => {
    expect(stixTime(d)).toBe(t);
  });
});

describe('mappings', () => {
  test.each<[LinkType, string, string, string, boolean]>([
    ['uses', 'intrusion-set', 'malware', 'uses', false],
    ['uses', 'intrusion-set', 'tool', 'uses', false],
    ['uses', 'campaign', 'malware', 'uses', false],
    ['used-by', 'malware', 'intrusion-set', 'uses', true],
    ['used-by', 'identity', 'intrusion-set', 'related-to', true],
    ['attributed-to', 'campaign', 'intrusion-set', 'attributed-to', false],
    ['attributed-to', 'intrusion-set', 'identity', 'related-to', false],
    ['attributed-to', 'malware', 'identity', 'related-to', false],
    ['overlaps', 'intrusion-set', 'intrusion-set', 'related-to', false],
    ['same-as', 'identity', 'intrusion-set', 'related-to', false],
    ['uses', 'identity', 'malware', 'related-to', false],
  ])('%s from %s to %s is %s', (type, source, target, rel, reverse) => {
    expect(mapLink(type, source, target)).toEqual({ rel, reverse });
  });

  test.each([
    [['US government'], 15],
    [['US government', 'US government'], 15],
    [['US government', 'Microsoft'], 50],
    [['US government', 'Microsoft', 'Mandiant'], 85],
  ])('attribution by %j: confidence %s', (by, confidence) => {
    expect(attributionConfidence({ by })).toBe(confidence);
  });

  test.each([
    [{}, 85],
    [{ summaryComposed: true }, 50],
  ])('entry %j: confidence %s', (over, confidence) => {
    expect(entryConfidence(over)).toBe(confidence);
  });

  test.each([
    [entry('a', { kind: 'malware', softwareType: 'spyware' }), ['spyware']],
    [entry('b', { kind: 'malware', verdictClass: 'destructive' }), ['destructive']],
    [entry('c', { kind: 'threat-actor', name: 'FIN7' }), ['criminal']],
    [entry('d', { kind: 'organization', orgType: 'spyware-vendor' }), ['spyware-vendor']],
    [entry('e', { kind: 'threat-actor', name: 'APT99' }), []],
  ])('labels of %#', (e, labels) => {
    expect(entryLabels(e)).toEqual(labels);
  });

  test.each([
    ['CN', { name: 'China', country: 'CN', region: 'eastern-asia' }],
    ['UK', { name: 'United Kingdom', country: 'GB', region: 'northern-europe' }],
    ['EU', { name: 'European Union', region: 'europe' }],
    ['KP', { name: 'North Korea', country: 'KP', region: 'eastern-asia' }],
  ])('location of %s', (code, expected) => {
    const loc = countryLocation(code)!;
    expect({ name: loc.name, country: loc.country, region: loc.region }).toEqual({ country: undefined, ...expected });
  });

  test.each(['allies', 'vendor', 'other', 'ZZ'])('no location for %s', (code) => {
    expect(countryLocation(code)).toBeUndefined();
  });

  test('UK and GB are one location', () => {
    expect(countryLocation('UK')!.id).toBe(countryLocation('GB')!.id);
  });
});

describe('names not in Spyglass yet', () => {
  const bundle = parsed(toStixBundle(CONTEXT));
  const container = bundle.objects.find((o) => o.type === 'report' || o.type === 'grouping')!;
  test.each<[string, string]>([
    ['a pattern name', 'Names a cluster in a vendor pattern: UNC9999.'],
    [
      'a name the article introduces, with its words',
      'Introduces a name the knowledge base does not know: GlimmerVault (malware; "backdoor dubbed").',
    ],
  ])('%s is stated in the description', (_label, line) => {
    expect(String(container.description)).toContain(line);
  });

  test('no STIX object is invented for them', () => {
    const named = bundle.objects.filter((o) => ['GlimmerVault', 'UNC9999'].includes(String(o.name)));
    expect(named).toEqual([]);
    expect(stixProblems(bundle)).toEqual([]);
  });
});
