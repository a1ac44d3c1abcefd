/** The reader's choices (core/reader-choices.ts): parsing with fallback, page keys, and the changes views make. */
import { describe, expect, test } from 'vitest';
import {
  applyChoice,
  emptyChoices,
  hiddenOn,
  MAX_MUTED,
  pageKey,
  parseChoices,
  type ChoiceChange,
  type ReaderChoices,
} from '../../core/reader-choices';

const D = { page: 'https://news.example/a/story', id: 'apt41', name: 'APT 41', on: '2026-12-01' };
const M = { id: 'volt-typhoon', name: 'Volt Typhoon', on: '2026-12-02' };
const stored = (over: object) => ({ version: 1, dismissed: [D], muted: [M], ...over });

describe('parseChoices', () => {
  test.each<[string, unknown, Pick<ReaderChoices, 'dismissed' | 'muted'>, boolean]>([
    ['nothing stored', undefined, { dismissed: [], muted: [] }, false],
    ['null', null, { dismissed: [], muted: [] }, false],
    ['a readable value', stored({}), { dismissed: [D], muted: [M] }, false],
    ['a string', 'garbage', { dismissed: [], muted: [] }, true],
    ['a number', 42, { dismissed: [], muted: [] }, true],
    ['an array', [D, M], { dismissed: [], muted: [] }, true],
    ['no version', { dismissed: [D], muted: [M] }, { dismissed: [], muted: [] }, true],
    ['a newer version', stored({ version: 2 }), { dismissed: [], muted: [] }, true],
    ['a list that is not an array', stored({ muted: { id: 'x' } }), { dismissed: [D], muted: [] }, true],
    ['a missing list', { version: 1, muted: [M] }, { dismissed: [], muted: [M] }, false],
    ['an item that is not an object', stored({ muted: ['volt-typhoon', M] }), { dismissed: [D], muted: [M] }, true],
    ['an id with markup', stored({ muted: [{ ...M, id: '<img src=x>' }] }), { dismissed: [D], muted: [] }, true],
    ['an empty name', stored({ muted: [{ ...M, name: ' ' }] }), { dismissed: [D], muted: [] }, true],
    ['a bad date', stored({ muted: [{ ...M, on: 'yesterday' }] }), { dismissed: [D], muted: [] }, true],
    [
      'a page with a query',
      stored({ dismissed: [{ ...D, page: `${D.page}?x=1` }] }),
      { dismissed: [], muted: [M] },
      true,
    ],
    [
      'a page that is no web address',
      stored({ dismissed: [{ ...D, page: 'javascript:alert(1)' }] }),
      { dismissed: [], muted: [M] },
      true,
    ],
    [
      'an over-long name',
      stored({ dismissed: [{ ...D, name: 'x'.repeat(201) }] }),
      { dismissed: [], muted: [M] },
      true,
    ],
  ])('%s', (_label, value, expected, recovered) => {
    const parsed = parseChoices(value);
    expect(parsed.choices).toEqual({ version: 1, ...expected });
    expect(parsed.recovered).toBe(recovered);
  });

  test('keeps the newest when more are stored than allowed', () => {
    const muted = Array.from({ length: MAX_MUTED + 5 }, (_, i) => ({ ...M, id: `e-${i}` }));
    const parsed = parseChoices(stored({ muted })).choices.muted;
    expect(parsed).toHaveLength(MAX_MUTED);
    expect(parsed[0]!.id).toBe('e-5');
  });
});

describe('pageKey', () => {
  test.each<[string, string | undefined]>([
    ['https://news.example/a/story?utm=1#top', 'https://news.example/a/story'],
    ['http://127.0.0.1:8080/fixtures/demo.html', 'http://127.0.0.1:8080/fixtures/demo.html'],
    ['https://News.Example', 'https://news.example/'],
    ['file:///home/me/page.html', undefined],
    ['chrome://extensions', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, key) => {
    expect(pageKey(url)).toBe(key);
  });
});

describe('applyChoice and hiddenOn', () => {
  const today = '2026-12-07';
  const run = (...changes: ChoiceChange[]) => changes.reduce((c, ch) => applyChoice(c, ch, today), emptyChoices());
  const page = 'https://news.example/a/story?x=1';

  test.each<[string, ChoiceChange[], string, string[]]>([
    ['nothing chosen', [], page, []],
    ['a dismissal hides the name on its page', [{ op: 'dismiss', page, id: 'apt41', name: 'APT 41' }], page, ['apt41']],
    [
      'a dismissal holds for the page whatever its query',
      [{ op: 'dismiss', page, id: 'apt41', name: 'APT 41' }],
      'https://news.example/a/story#later',
      ['apt41'],
    ],
    [
      'a dismissal does not reach another page of the site',
      [{ op: 'dismiss', page, id: 'apt41', name: 'APT 41' }],
      'https://news.example/b',
      [],
    ],
    [
      'restoring undoes a dismissal',
      [
        { op: 'dismiss', page, id: 'apt41', name: 'APT 41' },
        { op: 'restore', page, id: 'apt41' },
      ],
      page,
      [],
    ],
    ['muting hides everywhere', [{ op: 'mute', id: 'apt41', name: 'APT41' }], 'https://other.example/', ['apt41']],
    [
      'unmuting undoes it',
      [
        { op: 'mute', id: 'apt41', name: 'APT41' },
        { op: 'unmute', id: 'apt41' },
      ],
      page,
      [],
    ],
    [
      'a dismissal on a page without a web address is ignored',
      [{ op: 'dismiss', page: 'about:blank', id: 'apt41', name: 'APT 41' }],
      'about:blank',
      [],
    ],
  ])('%s', (_label, changes, url, hidden) => {
    expect([...hiddenOn(run(...changes), url)].sort()).toEqual(hidden);
  });

  test('the same choice twice is stored once, dated today, and survives a round trip', () => {
    const c = run(
      { op: 'mute', id: 'apt41', name: 'APT41' },
      { op: 'mute', id: 'apt41', name: 'APT41' },
      { op: 'dismiss', page, id: 'nsa', name: 'NSA' },
      { op: 'dismiss', page, id: 'nsa', name: 'NSA' },
    );
    expect(c.muted).toEqual([{ id: 'apt41', name: 'APT41', on: today }]);
    expect(c.dismissed).toEqual([{ page: 'https://news.example/a/story', id: 'nsa', name: 'NSA', on: today }]);
    expect(parseChoices(JSON.parse(JSON.stringify(c)))).toEqual({ choices: c, recovered: false });
  });
});
