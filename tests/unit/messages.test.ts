import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { PageText } from '../../core/engine/page';
import { articleFacts } from './engine/helpers';
import { commandMessage, parseBackgroundMessage, parsePageMessage, type PageState } from '../../utils/messages';

const state: PageState = {
  url: 'https://example.com/news',
  status: 'espionage',
  score: 0.81,
  lang: 'en',
  signals: [{ term: 'espionage', type: 'term', weight: 1.5, count: 2 }],
  entities: [{ id: 'volt-typhoon', count: 3 }],
};

const facts = articleFacts({ linkChars: 120, solidChars: 4000, paragraphChars: 3600, structuredChars: 200 });
const page: PageText = { text: 'Title\nBody about Volt Typhoon.', titleEnd: 6, facts };

const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe('parseBackgroundMessage', () => {
  test.each<[string, unknown, unknown]>([
    ['gate passed', { type: 'cs/gate-passed' }, { type: 'cs/gate-passed' }],
    ['gate passed, extra fields dropped', { type: 'cs/gate-passed', evil: 1 }, { type: 'cs/gate-passed' }],
    ['page state', { type: 'cs/page-state', state }, { type: 'cs/page-state', state }],
    [
      'page state with no signals or entities',
      { type: 'cs/page-state', state: { ...state, status: 'not-article', signals: [], entities: [] } },
      { type: 'cs/page-state', state: { ...state, status: 'not-article', signals: [], entities: [] } },
    ],
    [
      'get entries',
      { type: 'cs/get-entries', ids: ['apt41', 'pla-unit-61398'] },
      { type: 'cs/get-entries', ids: ['apt41', 'pla-unit-61398'] },
    ],
    ['get no entries', { type: 'cs/get-entries', ids: [] }, { type: 'cs/get-entries', ids: [] }],
    ['get 500 entries', { type: 'cs/get-entries', ids: ids(500) }, { type: 'cs/get-entries', ids: ids(500) }],
    ['open entry', { type: 'cs/open-entry', id: 'apt41' }, { type: 'cs/open-entry', id: 'apt41' }],
    [
      'dismiss a name (a page field is dropped: the page is the sender)',
      { type: 'cs/choice', change: { op: 'dismiss', id: 'apt41', name: 'APT 41', page: 'https://evil.example/' } },
      { type: 'cs/choice', change: { op: 'dismiss', id: 'apt41', name: 'APT 41' } },
    ],
    [
      'restore a name',
      { type: 'cs/choice', change: { op: 'restore', id: 'apt41' } },
      { type: 'cs/choice', change: { op: 'restore', id: 'apt41' } },
    ],
    [
      'mute an entry',
      { type: 'cs/choice', change: { op: 'mute', id: 'apt41', name: 'APT41' } },
      { type: 'cs/choice', change: { op: 'mute', id: 'apt41', name: 'APT41' } },
    ],
    [
      'unmute an entry',
      { type: 'cs/choice', change: { op: 'unmute', id: 'apt41', extra: 1 } },
      { type: 'cs/choice', change: { op: 'unmute', id: 'apt41' } },
    ],
    ['analyze', { type: 'cs/analyze', page }, { type: 'cs/analyze', page }],
    ...(
      [
        ['page state with a pattern name', [{ text: 'UNC9999', pattern: 'unc' }]],
        [
          'page state with an introduced name',
          [{ text: 'GlimmerVault', introduced: { kind: 'malware', words: 'backdoor dubbed' } }],
        ],
      ] as const
    ).map(([label, patternNames]): [string, unknown, unknown] => [
      label,
      { type: 'cs/page-state', state: { ...state, patternNames } },
      { type: 'cs/page-state', state: { ...state, patternNames } },
    ]),
    [
      'analyze an empty page',
      { type: 'cs/analyze', page: { ...page, text: '', titleEnd: 0 } },
      { type: 'cs/analyze', page: { ...page, text: '', titleEnd: 0 } },
    ],
    [
      'analyze, extra fields dropped',
      { type: 'cs/analyze', page: { ...page, evil: 1, facts: { ...facts, evil: 2 } } },
      { type: 'cs/analyze', page },
    ],
    ['load card', { type: 'cs/load-card' }, { type: 'cs/load-card' }],
  ])('accepts %s', (_name, message, expected) => {
    expect(parseBackgroundMessage(message)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'cs/gate-passed'],
    ['a number', 7],
    ['an array', [{ type: 'cs/gate-passed' }]],
    ['no type', {}],
    ['a non-string type', { type: 1 }],
    ['an unknown type', { type: 'cs/delete-everything' }],
    ['a page-bound type', { type: 'page/get-state' }],
    ['a prototype name as type', { type: 'toString' }],
    ['page state missing', { type: 'cs/page-state' }],
    ...(
      [
        ['an unknown name with neither pattern nor introduction', [{ text: 'X' }]],
        ['an unknown name with both', [{ text: 'X', pattern: 'unc', introduced: { kind: 'group', words: 'w' } }]],
        ['an introduced name of an unknown kind', [{ text: 'X', introduced: { kind: 'person', words: 'called' } }]],
        ['an introduced name without words', [{ text: 'X', introduced: { kind: 'group', words: '' } }]],
        ['introducing words too long', [{ text: 'X', introduced: { kind: 'group', words: 'w'.repeat(201) } }]],
      ] as const
    ).map(([label, patternNames]): [string, unknown] => [
      `page state with ${label}`,
      { type: 'cs/page-state', state: { ...state, patternNames } },
    ]),
    ['analyze without page', { type: 'cs/analyze' }],
    ['analyze with text not a string', { type: 'cs/analyze', page: { ...page, text: 42 } }],
    ['analyze with text over the cap', { type: 'cs/analyze', page: { ...page, text: 'a'.repeat(1_002_001) } }],
    ['analyze with titleEnd past the text', { type: 'cs/analyze', page: { ...page, titleEnd: 999 } }],
    ['analyze with a negative titleEnd', { type: 'cs/analyze', page: { ...page, titleEnd: -1 } }],
    ['analyze with a fractional titleEnd', { type: 'cs/analyze', page: { ...page, titleEnd: 1.5 } }],
    ['analyze without facts', { type: 'cs/analyze', page: { ...page, facts: undefined } }],
    ['analyze with a string flag', { type: 'cs/analyze', page: { ...page, facts: { ...facts, store: 'no' } } }],
    ['analyze with a negative count', { type: 'cs/analyze', page: { ...page, facts: { ...facts, linkChars: -5 } } }],
    [
      'analyze with a missing count',
      { type: 'cs/analyze', page: { ...page, facts: { ...facts, solidChars: undefined } } },
    ],
    ['page state not an object', { type: 'cs/page-state', state: 'espionage' }],
    ['page state without url', { type: 'cs/page-state', state: { ...state, url: undefined } }],
    [
      'page state with a huge url',
      { type: 'cs/page-state', state: { ...state, url: 'https://x/' + 'a'.repeat(10_000) } },
    ],
    ['page state with an unknown status', { type: 'cs/page-state', state: { ...state, status: 'hacked' } }],
    ['page state with a string score', { type: 'cs/page-state', state: { ...state, score: '0.8' } }],
    ['page state with NaN score', { type: 'cs/page-state', state: { ...state, score: Number.NaN } }],
    ['page state without lang', { type: 'cs/page-state', state: { ...state, lang: 3 } }],
    ['page state with signals not an array', { type: 'cs/page-state', state: { ...state, signals: {} } }],
    [
      'page state with too many signals',
      { type: 'cs/page-state', state: { ...state, signals: Array.from({ length: 101 }, () => state.signals[0]) } },
    ],
    [
      'page state with a malformed signal',
      { type: 'cs/page-state', state: { ...state, signals: [{ term: 'x', weight: '1', count: 1 }] } },
    ],
    [
      'page state with too many entities',
      { type: 'cs/page-state', state: { ...state, entities: ids(1001).map((id) => ({ id, count: 1 })) } },
    ],
    [
      'page state with a bad entity id',
      { type: 'cs/page-state', state: { ...state, entities: [{ id: 'A B', count: 1 }] } },
    ],
    [
      'page state with an entity count missing',
      { type: 'cs/page-state', state: { ...state, entities: [{ id: 'a' }] } },
    ],
    ['get entries without ids', { type: 'cs/get-entries' }],
    ['get entries with ids not an array', { type: 'cs/get-entries', ids: 'apt41' }],
    ['get entries with 501 ids', { type: 'cs/get-entries', ids: ids(501) }],
    ['get entries with a non-string id', { type: 'cs/get-entries', ids: ['apt41', 41] }],
    ['get entries with an upper-case id', { type: 'cs/get-entries', ids: ['APT41'] }],
    ['get entries with a path in an id', { type: 'cs/get-entries', ids: ['../secrets'] }],
    ['get entries with markup in an id', { type: 'cs/get-entries', ids: ['<img src=x>'] }],
    ['get entries with an empty id', { type: 'cs/get-entries', ids: [''] }],
    ['get entries with an over-long id', { type: 'cs/get-entries', ids: ['a'.repeat(101)] }],
    ['open entry without id', { type: 'cs/open-entry' }],
    ['open entry with a bad id', { type: 'cs/open-entry', id: 'apt 41' }],
    ['open entry with an id object', { type: 'cs/open-entry', id: { id: 'apt41' } }],
    ['a choice without change', { type: 'cs/choice' }],
    ['a choice with an unknown op', { type: 'cs/choice', change: { op: 'delete-all', id: 'apt41' } }],
    ['a dismissal without a name', { type: 'cs/choice', change: { op: 'dismiss', id: 'apt41' } }],
    [
      'a mute with an over-long name',
      { type: 'cs/choice', change: { op: 'mute', id: 'apt41', name: 'x'.repeat(201) } },
    ],
    ['a mute with a bad id', { type: 'cs/choice', change: { op: 'mute', id: 'APT 41', name: 'APT41' } }],
  ])('rejects %s', (_name, message) => {
    expect(parseBackgroundMessage(message)).toBeUndefined();
  });
});

describe('parsePageMessage', () => {
  test.each<[string, unknown, unknown]>([
    ['get state', { type: 'page/get-state' }, { type: 'page/get-state' }],
    ['close card', { type: 'page/close-card', junk: true }, { type: 'page/close-card' }],
    ['show next mention', { type: 'page/show-mention' }, { type: 'page/show-mention' }],
    ['show a mention', { type: 'page/show-mention', id: 'apt41' }, { type: 'page/show-mention', id: 'apt41' }],
    [
      'show a text range',
      { type: 'page/show-text', start: 12, end: 40, junk: 1 },
      { type: 'page/show-text', start: 12, end: 40 },
    ],
    [
      'show a text range from 0',
      { type: 'page/show-text', start: 0, end: 1 },
      { type: 'page/show-text', start: 0, end: 1 },
    ],
  ])('accepts %s', (_name, message, expected) => {
    expect(parsePageMessage(message)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a string', 'page/get-state'],
    ['an array', []],
    ['no type', { id: 'apt41' }],
    ['an unknown type', { type: 'page/run-script' }],
    ['a background-bound type', { type: 'cs/gate-passed' }],
    ['show mention with a bad id', { type: 'page/show-mention', id: 'Volt Typhoon' }],
    ['show mention with a numeric id', { type: 'page/show-mention', id: 41 }],
    ['show mention with a null id', { type: 'page/show-mention', id: null }],
    ['show text without offsets', { type: 'page/show-text' }],
    ['show text with an empty range', { type: 'page/show-text', start: 5, end: 5 }],
    ['show text backwards', { type: 'page/show-text', start: 9, end: 5 }],
    ['show text with a negative start', { type: 'page/show-text', start: -1, end: 5 }],
    ['show text with a fraction', { type: 'page/show-text', start: 1.5, end: 5 }],
    ['show text with string offsets', { type: 'page/show-text', start: '1', end: '5' }],
    ['show text past any page', { type: 'page/show-text', start: 0, end: 10_000_001 }],
  ])('rejects %s', (_name, message) => {
    expect(parsePageMessage(message)).toBeUndefined();
  });
});

describe('commandMessage', () => {
  test.each<[string, unknown]>([
    ['next-mention', { type: 'page/show-mention' }],
    ['close-card', { type: 'page/close-card' }],
    ['_execute_action', undefined],
    ['', undefined],
    ['toString', undefined],
  ])('%s', (command, expected) => {
    const msg = commandMessage(command);
    expect(msg).toEqual(expected);
    // What the background sends is what the page script accepts.
    if (msg) expect(parsePageMessage(msg)).toEqual(msg);
  });

  test.each(['chrome-mv3', 'firefox-mv3'])('every command in the built %s manifest has a message', (target) => {
    const manifest = JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8')) as {
      commands?: Record<string, unknown>;
    };
    const names = Object.keys(manifest.commands ?? {});
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(commandMessage(n), n).toBeDefined();
  });
});
