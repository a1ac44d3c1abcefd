import { describe, expect, test } from 'vitest';
import { articleContext, articleTimelineFor } from '../../core/export/context';
import { articleFocus, focusedArticleTimeline, inFocus } from '../../core/kb/timeline';
import type { PageState } from '../../core/page-state';
import { apt35, event, indictment, report2022, tied } from './export-fixtures';

const entries = new Map([apt35, event, report2022, tied, indictment].map((e) => [e.id, e]));
const base: PageState = {
  url: 'https://x.example/a',
  status: 'espionage',
  score: 1,
  lang: 'en',
  signals: [],
  entities: [],
};

describe('articleContext', () => {
  test.each<[string, Partial<PageState>, (ctx: ReturnType<typeof articleContext>) => unknown, unknown]>([
    [
      'unknown entity ids are left out',
      {
        entities: [
          { id: 'apt35', count: 2 },
          { id: 'ghost', count: 1 },
        ],
      },
      (c) => c.entities.map((e) => [e.entry.id, e.count]),
      [['apt35', 2]],
    ],
    ['the event is resolved', { event: { id: 'event', via: 'name' } }, (c) => c.event?.id, 'event'],
    ['an unknown event is dropped', { event: { id: 'ghost', via: 'name' } }, (c) => c.event, undefined],
    [
      'the event is not repeated among the references',
      {
        event: { id: 'event', via: 'cues' },
        references: [
          { id: 'event', words: ['a'] },
          { id: 'report-2022', words: ['b'] },
        ],
      },
      (c) => c.references.map((r) => r.entry.id),
      ['report-2022'],
    ],
    [
      'pattern names get their meaning when the pattern is known',
      {
        patternNames: [
          { text: 'UNC1', pattern: 'unc' },
          { text: 'X-1', pattern: 'nope' },
        ],
      },
      (c) => c.patternNames.map((n) => [n.text, n.info?.usedBy]),
      [
        ['UNC1', 'Mandiant'],
        ['X-1', undefined],
      ],
    ],
    [
      'a known name (an alias, any case) is never listed as unknown: it is an entity',
      {
        patternNames: [
          { text: 'mint sandstorm', pattern: 'unc' },
          { text: 'UNC1', pattern: 'unc' },
        ],
      },
      (c) => [c.patternNames.map((n) => n.text), c.entities.map((e) => [e.entry.id, e.count])],
      [['UNC1'], [['apt35', 1]]],
    ],
    [
      'a known name already among the entities is not added twice',
      { entities: [{ id: 'apt35', count: 3 }], patternNames: [{ text: 'APT35', pattern: 'unc' }] },
      (c) => [c.patternNames, c.entities.map((e) => [e.entry.id, e.count])],
      [[], [['apt35', 3]]],
    ],
    [
      'a disputed alias is not a known name',
      { patternNames: [{ text: 'TA453', pattern: 'unc' }] },
      (c) => c.patternNames.map((n) => n.text),
      ['TA453'],
    ],
    [
      'the event’s reasons and ties (unknown ids left out)',
      {
        event: {
          id: 'event',
          via: 'content',
          why: [{ kind: 'date', what: ['2024-12-18'] }],
          tiedWith: ['tied', 'ghost'],
        },
      },
      (c) => [c.eventWhy, c.eventTiedWith?.map((e) => e.id)],
      [[{ kind: 'date', what: ['2024-12-18'] }], ['tied']],
    ],
    ['an empty brief is dropped', { brief: { claims: [] } }, (c) => c.brief, undefined],
    [
      'title and date carried over',
      { title: 'T', published: '2024-12-19' },
      (c) => [c.title, c.published],
      ['T', '2024-12-19'],
    ],
  ])('%s', (_n, over, pick, expected) => {
    const ctx = articleContext(
      { ...base, ...over },
      entries,
      [],
      new Map([['unc', { usedBy: 'Mandiant', meaning: 'M.' }]]),
    );
    expect(pick(ctx)).toEqual(expected);
  });
});

describe('the timeline’s events', () => {
  test('events of the timeline linked to the article, not its own event, not same-years background', () => {
    const ctx = articleContext({ ...base, event: { id: 'event', via: 'name' } }, entries, [
      { id: 'event', date: '2024-12-18', name: 'e', kind: 'allegation', thisArticle: true },
      { id: 'indictment', date: '2022-09-14', name: 'i', kind: 'action' },
      { id: 'tied', date: '2024-11-01', name: 't', kind: 'allegation', context: true },
      { id: 'ghost', date: '2020', name: 'g', kind: 'action' },
    ]);
    expect(ctx.events?.map((e) => e.id)).toEqual(['indictment']);
  });

  test('the popup’s timeline from a page state: centred on its event', () => {
    const items = articleTimelineFor(
      { ...base, entities: [{ id: 'apt35', count: 1 }], event: { id: 'event', via: 'name' } },
      new Map([...entries, ['apt35', { ...apt35, related: ['indictment'] }]]),
    );
    expect(items.find((i) => i.thisArticle)?.id).toBe('event');
    expect(items.map((i) => i.id)).toContain('indictment');
    expect(articleTimelineFor(base, entries)).toEqual([]);
  });

  test('a timeline handed in nearest-first (as the popup lists it) is exported newest first', () => {
    const ctx = articleContext(base, entries, [
      { id: 'event', date: '2024-12-18', name: 'e', kind: 'allegation', thisArticle: true },
      { id: 'later', date: '2025-03-05', name: 'l', kind: 'action' },
      { id: 'indictment', date: '2022-09-14', name: 'i', kind: 'action' },
    ]);
    expect(ctx.timeline.map((i) => i.id)).toEqual(['later', 'event', 'indictment']);
  });

  test('the same focus as the popup: what concerns the article, nearest its date first', () => {
    const page: PageState = {
      ...base,
      published: '2024-12-19',
      entities: [{ id: 'apt35', count: 1 }],
      event: { id: 'event', via: 'name' },
    };
    const all = new Map([...entries, ['apt35', { ...apt35, related: ['indictment'] }]]);
    const input = { found: ['apt35'], references: [], eventId: 'event', published: '2024-12-19', entries: all };
    const { shown, focused } = focusedArticleTimeline(input);
    expect(articleTimelineFor(page, all)).toEqual(shown);
    expect(shown).toEqual(focused);
    expect(shown[0]?.id).toBe('event');
    // Exported newest first.
    const ctx = articleContext(page, all, articleTimelineFor(page, all));
    expect(ctx.timeline.map((i) => i.id)).toEqual(
      [...shown].sort((a, b) => b.date.localeCompare(a.date)).map((i) => i.id),
    );
    expect(new Set(ctx.timeline.map((i) => i.id))).toEqual(new Set(shown.map((i) => i.id)));
    for (const it of shown.slice(1)) expect(inFocus(it, all, articleFocus(input)), `${it.id} is in focus`).toBe(true);
  });
});
