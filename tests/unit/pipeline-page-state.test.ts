import { describe, expect, test } from 'vitest';
import { pageStateOf } from '../../core/pipeline/page-state';
import type { AnalyzeReply, PageState } from '../../core/page-state';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { pageView } from '../../core/page-reply';

const reply: AnalyzeReply = {
  status: 'espionage',
  score: 0.9,
  lang: 'en',
  signals: [],
  paint: true,
  mentions: [],
  kinds: {},
  view: pageView(DEFAULT_SETTINGS),
};

describe('pageStateOf', () => {
  test.each<[string, Partial<AnalyzeReply>, { id: string; text?: string }[], (s: PageState) => unknown, unknown]>([
    [
      'entities counted in order, with the first matched text',
      {},
      [
        { id: 'a', text: 'APT35' },
        { id: 'b', text: 'NSA' },
        { id: 'a', text: 'Charming Kitten' },
      ],
      (s) => s.entities,
      [
        { id: 'a', count: 2, matched: 'APT35' },
        { id: 'b', count: 1, matched: 'NSA' },
      ],
    ],
    [
      'an over-long matched text is left out',
      {},
      [{ id: 'a', text: 'x'.repeat(201) }],
      (s) => s.entities,
      [{ id: 'a', count: 1 }],
    ],
    [
      'pattern names once each',
      {
        patternNames: [
          { text: 'UNC1', pattern: 'unc', start: 0, end: 4 },
          { text: 'UNC1', pattern: 'unc', start: 9, end: 13 },
        ],
      },
      [],
      (s) => s.patternNames,
      [{ text: 'UNC1', pattern: 'unc' }],
    ],
    [
      'introduced names once each, with how they were introduced, next to pattern names',
      {
        patternNames: [
          { text: 'UNC1', pattern: 'unc', start: 0, end: 4 },
          { text: 'GlimmerVault', start: 9, end: 21, introduced: { kind: 'malware', words: 'backdoor dubbed' } },
          { text: 'GlimmerVault', start: 40, end: 52, introduced: { kind: 'malware', words: 'backdoor dubbed' } },
        ],
      },
      [],
      (s) => s.patternNames,
      [
        { text: 'UNC1', pattern: 'unc' },
        { text: 'GlimmerVault', introduced: { kind: 'malware', words: 'backdoor dubbed' } },
      ],
    ],
    [
      'the event, references and brief carried over',
      {
        event: { id: 'e', via: 'content', why: [{ kind: 'date', what: ['2024'] }] },
        references: [{ id: 'r', words: ['w'] }],
        brief: { claims: [] },
      },
      [],
      (s) => [s.event?.via, s.references?.length, s.brief],
      ['content', 1, { claims: [] }],
    ],
  ])('%s', (_name, over, mentions, pick, expected) => {
    expect(pick(pageStateOf({ ...reply, ...over }, mentions, { published: '2024-12-18' }, 'https://x/a', 'T'))).toEqual(
      expected,
    );
  });

  test('date and title from the page; no title when the page has none', () => {
    const s = pageStateOf(reply, [], { published: '2024-12-18' }, 'https://x/a', 'T'.repeat(1200));
    expect([s.published, s.title?.length, s.url, s.status]).toEqual(['2024-12-18', 1000, 'https://x/a', 'espionage']);
    expect(pageStateOf(reply, [], {}, 'https://x/a', '').title).toBeUndefined();
  });
});
