import { describe, expect, test } from 'vitest';
import type { Claim, Entry, Party } from '../../core/kb/schema';
import {
  buildArticleTimeline,
  matchesDirection,
  type ArticleTimelineInput,
  type Direction,
} from '../../core/kb/timeline';

function entry(id: string, over: Partial<Entry> = {}): Entry {
  return {
    id,
    kind: 'concept',
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
const claim = (date: string, byParty: Party, againstParty: Party): Claim => ({
  by: 'A',
  byParty,
  against: 'B',
  againstParty,
  date,
  claim: 'C.',
  response: 'R.',
});

const ALL = [
  entry('cncert', { kind: 'organization', related: ['event-2024', 'report-2022'] }),
  entry('event-2024', { kind: 'allegation', claim: claim('2024-12-18', 'CN', 'US'), related: ['cncert'] }),
  entry('report-2022', { kind: 'allegation', claim: claim('2022-09-05', 'CN', 'US'), related: ['cncert'] }),
  entry('indictment-2025', { kind: 'action', claim: claim('2025-03-05', 'US', 'CN'), related: ['event-2024'] }),
  entry('chip-rules-2024', { kind: 'policy', country: 'US', dates: [{ label: 'in force', start: '2024-12-02' }] }),
  entry('chip-rules-2023', { kind: 'policy', country: 'US', dates: [{ label: 'in force', start: '2023-10-17' }] }),
  entry('minerals-2023', { kind: 'policy', country: 'CN', dates: [{ label: 'in force', start: '2023-08-01' }] }),
  entry('sanction-2024', { kind: 'action', claim: claim('2024-03-25', 'UK', 'CN') }),
  entry('eu-sanction-2024', { kind: 'action', claim: claim('2024-06-24', 'EU', 'RU') }),
  entry('old-policy', { kind: 'policy', country: 'US', dates: [{ label: 'in force', start: '2019-05-16' }] }),
  entry('ru-op', { kind: 'operation', dates: [{ label: 'seen', start: '2024-05-01' }] }),
];
const entries = new Map(ALL.map((e) => [e.id, e]));
const ids = (input: Partial<ArticleTimelineInput>) =>
  buildArticleTimeline({ found: [], entries, ...input }).map((i) => i.id);

describe('buildArticleTimeline', () => {
  test.each<[string, Partial<ArticleTimelineInput>, string[]]>([
    ['no event: the linked moves, newest first', { found: ['cncert'] }, ['event-2024', 'report-2022']],
    [
      'event: centred on it, later and earlier moves, same-years policy and actions of the same parties',
      { found: ['cncert'], eventId: 'event-2024' },
      [
        'indictment-2025',
        'event-2024',
        'chip-rules-2024',
        'sanction-2024',
        'chip-rules-2023',
        'minerals-2023',
        'report-2022',
      ],
    ],
    [
      'the context is capped, nearest to the event first',
      { found: ['cncert'], eventId: 'event-2024', contextLimit: 1 },
      ['indictment-2025', 'event-2024', 'chip-rules-2024', 'report-2022'],
    ],
    [
      'the limit keeps the event and the named entries first',
      { found: ['report-2022'], eventId: 'event-2024', limit: 2 },
      ['event-2024', 'report-2022'],
    ],
    [
      'an event reached only by a reference in words still centres the timeline',
      { references: ['event-2024'], eventId: 'event-2024', contextLimit: 0 },
      ['indictment-2025', 'event-2024'],
    ],
    [
      'an unknown event id falls back to the plain timeline',
      { found: ['cncert'], eventId: 'missing' },
      ['event-2024', 'report-2022'],
    ],
    ['nothing found, nothing shown', {}, []],
  ])('%s', (_name, input, expected) => {
    expect(ids(input)).toEqual(expected);
  });

  test('marks the article’s event and the added context', () => {
    const items = buildArticleTimeline({ found: ['cncert'], eventId: 'event-2024', entries });
    expect(items.filter((i) => i.thisArticle).map((i) => i.id)).toEqual(['event-2024']);
    expect(items.filter((i) => i.context).map((i) => i.id)).toEqual([
      'chip-rules-2024',
      'sanction-2024',
      'chip-rules-2023',
      'minerals-2023',
    ]);
    expect(items.find((i) => i.id === 'event-2024')).toMatchObject({ from: 'CN', to: 'US', kind: 'allegation' });
  });
});

describe('matchesDirection', () => {
  test.each<[Party | undefined, Direction, boolean]>([
    ['CN', 'all', true],
    [undefined, 'all', true],
    ['CN', 'against-cn', true],
    ['US', 'against-cn', false],
    [undefined, 'against-cn', false],
    ['US', 'against-us', true],
    ['CN', 'against-us', false],
    ['RU', 'other', true],
    [undefined, 'other', true],
    ['CN', 'other', false],
    ['US', 'other', false],
  ])('to %s under %s: %s', (to, dir, expected) => {
    expect(matchesDirection(to ? { to } : {}, dir)).toBe(expected);
  });
});
