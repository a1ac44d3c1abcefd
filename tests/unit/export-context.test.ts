import { describe, expect, test } from 'vitest';
import { articleContext } from '../../core/export/context';
import type { PageState } from '../../core/page-state';
import { apt35, event, report2022 } from './export-fixtures';

const entries = new Map([apt35, event, report2022].map((e) => [e.id, e]));
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
