import { describe, expect, test } from 'vitest';
import { attackUrl, foldName, linksByType, matchedAlias, membersByDate, vendorNames } from '../../core/kb/entry-view';
import type { Alias, Entry } from '../../core/kb/schema';

const alias = (text: string, over: Partial<Alias> = {}): Alias => ({
  text,
  lang: 'en',
  caseSensitive: false,
  requiresContext: false,
  primary: false,
  ...over,
});
function entry(id: string, over: Partial<Entry> = {}): Entry {
  return {
    id,
    kind: 'threat-actor',
    name: `Name of ${id}`,
    aliases: [],
    summary: 'S.',
    details: [],
    dates: [],
    related: [],
    sources: [{ url: 'https://example.org/', title: 'T', publisher: 'P' }],
    asOf: '2026-01-01',
    chinaRelated: false,
    ...over,
  };
}

const apt35 = entry('apt35', {
  name: 'APT35',
  aliases: [
    alias('APT35', { coinedBy: 'Mandiant' }),
    alias('PHOSPHORUS', { coinedBy: 'Microsoft', former: true }),
    alias('Charming Kitten', { coinedBy: 'CrowdStrike' }),
    alias('Newscaster'),
    alias('TA453', { disputed: true }),
    alias('Mint Sandstorm', { coinedBy: 'Microsoft' }),
  ],
});

describe('vendorNames', () => {
  test('current names first, then former, then disputed; plain aliases left out', () => {
    expect(vendorNames(apt35).map((r) => [r.text, r.coinedBy ?? '', r.former, r.disputed])).toEqual([
      ['APT35', 'Mandiant', false, false],
      ['Charming Kitten', 'CrowdStrike', false, false],
      ['Mint Sandstorm', 'Microsoft', false, false],
      ['PHOSPHORUS', 'Microsoft', true, false],
      ['TA453', '', false, true],
    ]);
  });
  test("a group's own name is a row of its own, coined by no vendor", () => {
    const sea = entry('sea', {
      name: 'Syrian Electronic Army',
      aliases: [
        alias('Syrian Electronic Army', { selfNamed: true }),
        alias('Deadeye Jackal', { coinedBy: 'CrowdStrike' }),
      ],
    });
    expect(vendorNames(sea).map((r) => [r.text, r.coinedBy ?? '', r.selfNamed])).toEqual([
      ['Syrian Electronic Army', '', true],
      ['Deadeye Jackal', 'CrowdStrike', false],
    ]);
  });
  test('empty without vendor facts', () => {
    expect(vendorNames(entry('x', { aliases: [alias('X')] }))).toEqual([]);
  });
});

describe('matchedAlias', () => {
  test.each<[string | undefined, string | undefined]>([
    ['Charming Kitten', 'Charming Kitten'],
    ['charming  kitten', 'Charming Kitten'],
    ['ＣＨＡＲＭＩＮＧ KITTEN', 'Charming Kitten'],
    ['Phosphorus', 'PHOSPHORUS'],
    ['Unknown Name', undefined],
    [undefined, undefined],
  ])('%s → %s', (text, expected) => {
    expect(matchedAlias(apt35, text)?.text).toBe(expected);
  });
  test('folds apostrophes and dashes', () => {
    expect(foldName('Kitten’s – Group')).toBe(foldName("kitten's - group"));
  });
});

describe('attackUrl', () => {
  test.each<[string, string | undefined]>([
    ['G0059', 'https://attack.mitre.org/groups/G0059/'],
    ['S0154', 'https://attack.mitre.org/software/S0154/'],
    ['C0024', 'https://attack.mitre.org/campaigns/C0024/'],
    ['T1059', undefined],
    ['G59', undefined],
  ])('%s', (id, url) => {
    expect(attackUrl(id)).toBe(url);
  });
});

describe('linksByType and membersByDate', () => {
  const others = new Map(
    [
      entry('plugx', { kind: 'malware', name: 'PlugX' }),
      entry('apt10', { name: 'APT10' }),
      entry('a', { kind: 'action', name: 'A', dates: [{ label: 'x', start: '2020-01-01' }] }),
      entry('b', { kind: 'policy', name: 'B', dates: [{ label: 'x', start: '2024-05-01' }] }),
      entry('c', { kind: 'concept', name: 'C' }),
    ].map((e) => [e.id, e]),
  );
  test('groups links in the given order, with who says so, unknown ids dropped', () => {
    const e = entry('g', {
      links: [
        { id: 'plugx', type: 'uses' },
        { id: 'apt10', type: 'overlaps', by: 'Mandiant' },
        { id: 'ghost', type: 'uses' },
      ],
    });
    expect(linksByType(e, (id) => others.get(id)?.name, ['overlaps', 'uses']).map((g) => [g.type, g.items])).toEqual([
      ['overlaps', [{ entry: 'APT10', by: 'Mandiant' }]],
      ['uses', [{ entry: 'PlugX' }]],
    ]);
  });
  test('members newest first, undated last', () => {
    const hub = entry('hub', { kind: 'topic', members: ['a', 'c', 'b', 'ghost'] });
    expect(membersByDate(hub, (id) => others.get(id)).map((m) => [m.entry.id, m.date])).toEqual([
      ['b', '2024-05-01'],
      ['a', '2020-01-01'],
      ['c', undefined],
    ]);
  });
});
