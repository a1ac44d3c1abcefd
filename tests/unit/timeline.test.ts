import { describe, expect, test } from 'vitest';
import type { Claim, Entry, Party } from '../../core/kb/schema';
import {
  articleFocus,
  buildArticleTimeline,
  focusedArticleTimeline,
  focusTimeline,
  inFocus,
  matchesDirection,
  type ArticleTimelineItem,
  type TimelineFocus,
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

describe('the focused timeline', () => {
  const FOCUS_ENTRIES = [
    entry('cncert', { kind: 'organization', related: ['event-2024'] }),
    entry('nsa', { kind: 'organization' }),
    entry('event-2024', {
      kind: 'allegation',
      claim: { ...claim('2024-12-18', 'CN', 'US'), by: 'CNCERT/CC', against: 'US intelligence' },
      related: ['cncert'],
    }),
    // The same two countries, the other way round.
    entry('us-charges-cn', { kind: 'action', claim: claim('2024-03-25', 'US', 'CN') }),
    // The same accuser, other countries.
    entry('cncert-on-tw', {
      kind: 'allegation',
      claim: { ...claim('2023-05-01', 'CN', 'KP'), by: 'CNCERT/CC' },
    }),
    // Linked to an entry the article names.
    entry('nsa-leak', { kind: 'operation', dates: [{ label: 'seen', start: '2017-04-14' }], related: ['nsa'] }),
    // An entry the article names links to it.
    entry('cncert-report', { kind: 'allegation', claim: claim('2020-01-01', 'RU', 'UA') }),
    // Nothing in common: other countries, other parties, no link.
    entry('ru-ua', { kind: 'allegation', claim: claim('2024-11-01', 'RU', 'UA') }),
    entry('eu-policy', { kind: 'policy', country: 'EU', dates: [{ label: 'in force', start: '2024-12-01' }] }),
  ];
  const fe = new Map(FOCUS_ENTRIES.map((e) => [e.id, e]));
  fe.set('nsa', { ...fe.get('nsa')!, related: ['cncert-report'] });
  const focus: TimelineFocus = articleFocus({
    found: ['cncert', 'nsa'],
    eventId: 'event-2024',
    published: '2024-12-19',
    entries: fe,
  });
  const item = (id: string, over: Partial<ArticleTimelineItem> = {}): ArticleTimelineItem => ({
    id,
    date: '2024-01-01',
    name: id,
    kind: 'allegation',
    ...over,
  });

  test('the article’s focus: its names, the event’s pair and parties, its date', () => {
    expect(focus).toEqual({
      entities: ['cncert', 'nsa', 'event-2024'],
      pair: ['CN', 'US'],
      parties: ['CNCERT/CC', 'US intelligence'],
      date: '2024-12-19',
    });
    expect(articleFocus({ found: ['nsa'], entries: fe })).toEqual({ entities: ['nsa'], parties: [] });
  });

  test.each<[string, ArticleTimelineItem, boolean]>([
    ['the article’s event', item('event-2024', { thisArticle: true }), true],
    ['named in the article', item('cncert'), true],
    ['the same country pair, either way round', item('us-charges-cn'), true],
    ['the same accuser', item('cncert-on-tw'), true],
    ['linked to an entry the article names', item('nsa-leak'), true],
    ['an entry the article names links to it', item('cncert-report'), true],
    ['nothing in common', item('ru-ua'), false],
    ['same-years background of other parties', item('eu-policy', { context: true }), false],
    ['not in the knowledge base', item('unknown'), false],
  ])('%s: %s', (_name, it, expected) => {
    expect(inFocus(it, fe, focus)).toBe(expected);
  });

  test.each<[string, string | undefined, string[]]>([
    ['nearest the article’s date first', '2024-12-19', ['a-2024-12', 'b-2025-01', 'c-2024-10', 'd-2019']],
    ['without a date, newest first', undefined, ['b-2025-01', 'a-2024-12', 'c-2024-10', 'd-2019']],
  ])('order: %s', (_name, date, expected) => {
    const items = [
      item('d-2019', { date: '2019-06-01' }),
      item('c-2024-10', { date: '2024-10-01' }),
      item('b-2025-01', { date: '2025-01-10' }),
      item('a-2024-12', { date: '2024-12-10' }),
      item('ru-ua', { date: '2024-12-19' }),
    ];
    const all = new Map(fe);
    for (const it of items.slice(0, 4)) all.set(it.id, entry(it.id, { related: ['cncert'] }));
    const { focused, rest } = focusTimeline(items, all, { ...focus, ...(date ? { date } : { date: undefined }) });
    expect(focused.map((i) => i.id)).toEqual(expected);
    expect(rest.map((i) => i.id)).toEqual(['ru-ua']);
  });

  test('shown by default: the focused items, or all when none concerns the article', () => {
    const withEvent = focusedArticleTimeline({ found: ['cncert'], eventId: 'event-2024', entries });
    expect(withEvent.shown).toEqual(withEvent.focused);
    expect(withEvent.focused[0]?.id).toBe('event-2024');
    // Same-years background of the same country (US export rules) shares no pair with a CN–US claim.
    expect(withEvent.rest.map((i) => i.id)).toEqual(['chip-rules-2024', 'chip-rules-2023', 'minerals-2023']);
    const none = focusedArticleTimeline({ found: [], entries });
    expect(none).toEqual({ shown: [], focused: [], rest: [] });
  });
});
