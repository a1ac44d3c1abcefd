import { describe, expect, test } from 'vitest';
import { parseBackgroundMessage, parseUiMessage, type PageState } from '../../utils/messages';

const state: PageState = {
  url: 'https://example.com/news',
  status: 'espionage',
  score: 0.8,
  lang: 'en',
  signals: [],
  entities: [{ id: 'apt35', count: 1, matched: 'Charming Kitten' }],
  event: { id: 'some-event', via: 'cues' },
};

describe('ui/analyse-tab', () => {
  test.each<[string, unknown, unknown]>([
    ['a tab id', { type: 'ui/analyse-tab', tabId: 12 }, { type: 'ui/analyse-tab', tabId: 12 }],
    ['extra fields dropped', { type: 'ui/analyse-tab', tabId: 0, x: 1 }, { type: 'ui/analyse-tab', tabId: 0 }],
    ['no tab id', { type: 'ui/analyse-tab' }, undefined],
    ['negative', { type: 'ui/analyse-tab', tabId: -1 }, undefined],
    ['fraction', { type: 'ui/analyse-tab', tabId: 1.5 }, undefined],
    ['string', { type: 'ui/analyse-tab', tabId: '12' }, undefined],
  ])('%s', (_n, msg, expected) => {
    expect(parseBackgroundMessage(msg)).toEqual(expected);
  });
});

describe('parseUiMessage', () => {
  test.each<[string, unknown, unknown]>([
    ['relayed page state', { type: 'ui/page-state', tabId: 3, state }, { type: 'ui/page-state', tabId: 3, state }],
    ['bad state', { type: 'ui/page-state', tabId: 3, state: { ...state, status: 'owned' } }, undefined],
    ['bad tab', { type: 'ui/page-state', tabId: 'x', state }, undefined],
    ['other message', { type: 'cs/page-state', state }, undefined],
    ['not an object', 'ui/page-state', undefined],
  ])('%s', (_n, msg, expected) => {
    expect(parseUiMessage(msg)).toEqual(expected);
  });
});
