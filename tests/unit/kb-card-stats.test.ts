import { describe, expect, test } from 'vitest';
import { cardStats, sentenceCount, spellingKey } from '../../core/kb/card-stats';
import type { Entry } from '../../core/kb/schema';

const entry = (over: Partial<Entry>): Entry =>
  ({
    id: 'x',
    kind: 'threat-actor',
    name: 'X',
    aliases: [{ text: 'Xylo Panda', lang: 'en' }],
    summary: 'Hacking group.',
    details: [],
    dates: [],
    related: [],
    sources: [],
    asOf: '2026-12-07',
    ...over,
  }) as Entry;

describe('sentenceCount', () => {
  test.each([
    ['Hacking group; reporting by Trend Micro ties it to China.', 1],
    ['Hacking group. MISP galaxy lists it as targeting Taiwan.', 2],
    ['Version 2.0 of the tool.', 1],
    ['', 0],
  ])('%j has %i sentence(s)', (text, n) => {
    expect(sentenceCount(text)).toBe(n);
  });
});

describe('cardStats per kind', () => {
  const detail = { date: '2024-03', text: 'Reported.' };
  test.each([
    [
      'a one-line composed card',
      { summaryComposed: true },
      { composedOnly: 1, oneLine: 1, handWritten: 0, withDate: 0 },
    ],
    [
      'a composed card of two sentences',
      { summaryComposed: true, summary: 'Hacking group. It targets Taiwan.' },
      { composedOnly: 1, oneLine: 0, handWritten: 0, withDate: 0 },
    ],
    [
      'a composed card with a dated detail',
      { summaryComposed: true, details: [detail] },
      { composedOnly: 0, oneLine: 0, handWritten: 0, withDate: 1 },
    ],
    ['a hand card without details', {}, { composedOnly: 1, oneLine: 0, handWritten: 1, withDate: 0 }],
    [
      'a hand card with a first report',
      { firstReported: '2019' },
      { composedOnly: 1, oneLine: 0, handWritten: 1, withDate: 1 },
    ],
  ] as const)('%s', (_, over, want) => {
    const k = cardStats([entry(over as Partial<Entry>)]).perKind.find((p) => p.kind === 'threat-actor')!;
    expect({
      composedOnly: k.composedOnly,
      oneLine: k.oneLine,
      handWritten: k.handWritten,
      withDate: k.withDate,
    }).toEqual(want);
  });

  test('attribution without a named attributor counts as unsourced', () => {
    const k = cardStats([
      entry({ attribution: [{ country: 'CN', by: [] }] }),
      entry({ id: 'y', attribution: [{ country: 'CN', by: ['Mandiant'] }] }),
    ]).perKind[0]!;
    expect(k.noAttributionSource).toBe(1);
  });
});

describe('groups with two or more names', () => {
  test.each([
    ['CyberBerkut', 'Cyber Berkut', true],
    ['APT-C-39', 'APT C 39', true],
    ['Carbanak (Anunak)', 'Carbanak', true],
    ['Handala', 'Handala Hack Team', false],
    ['Volt Typhoon', 'Vanguard Panda', false],
  ])('%j and %j are one name: %s', (a, b, same) => {
    expect(spellingKey(a) === spellingKey(b)).toBe(same);
  });

  test('spelling variants alone do not make a multi-name group', () => {
    const s = cardStats([
      entry({ name: 'CyberBerkut', aliases: [{ text: 'Cyber Berkut', lang: 'en' } as Entry['aliases'][number]] }),
      entry({
        id: 'y',
        name: 'Volt Typhoon',
        aliases: [
          { text: 'Volt Typhoon', lang: 'en', coinedBy: 'Microsoft' },
          { text: 'Vanguard Panda', lang: 'en', coinedBy: 'CrowdStrike' },
        ] as Entry['aliases'],
      }),
    ]);
    expect([s.multiNameGroups, s.twoCoiners]).toEqual([1, 1]);
  });

  test("a group's own name counts as coined by the group, and is counted apart", () => {
    const s = cardStats([
      entry({
        name: 'Syrian Electronic Army',
        aliases: [
          { text: 'Syrian Electronic Army', lang: 'en', selfNamed: true },
          { text: 'Deadeye Jackal', lang: 'en', coinedBy: 'CrowdStrike' },
        ] as Entry['aliases'],
      }),
    ]);
    expect([s.multiNameGroups, s.twoCoiners, s.twoVendorCoiners]).toEqual([1, 1, 0]);
  });
});
