/** The article's event found by what the article says (core/engine/event-score.ts), and the dates it reads. */
import { describe, expect, test } from 'vitest';
import type { EventRecord } from '../../../core/engine/article-event';
import { dayInText, dayInUrl } from '../../../core/engine/date-text';
import { bestEvent, indexEvents, type ArticleFacts } from '../../../core/engine/event-score';
import { eventTokens, yearsIn } from '../../../core/engine/event-tokens';

const ev = (id: string, date: string, related: string[], terms: string[]): EventRecord => ({
  id,
  kind: 'allegation',
  dates: [{ label: 'published', start: date }],
  related,
  terms: eventTokens(terms.join(' ')).size ? [...eventTokens(terms.join(' '))] : [],
  years: [date.slice(0, 4)],
});
const EVENTS = [
  ev('two-intrusions', '2024-12-18', ['cncert-cc'], ['advanced materials research institute', 'smart energy company']),
  ev('crypto-provider', '2025-04-28', ['cncert-cc'], ['cryptography provider source code', 'customer contracts']),
  ev('time-centre', '2025-10-19', ['mss', 'nsa'], ['national time service centre', 'Beijing time']),
  ev('other-a', '2020-01-01', ['apt41'], ['video games']),
  ev('other-b', '2021-01-01', ['apt40'], ['maritime research']),
];
const index = indexEvents(EVENTS);

const facts = (text: string, found: string[], published?: string): ArticleFacts => ({
  tokens: eventTokens(text),
  leadTokens: eventTokens(text.slice(0, 400)),
  years: yearsIn(text),
  found: new Map(found.map((id) => [id, 1])),
  referenced: new Set(),
  ...(published ? { published } : {}),
});

describe('bestEvent', () => {
  test.each([
    [
      'parties, key words and the date without a date tag (years named)',
      facts('CNCERT/CC said intrusions hit an advanced materials research institute and a smart energy firm in 2024.', [
        'cncert-cc',
      ]),
      'two-intrusions',
    ],
    [
      'the publication date picks between two events of the same agency',
      facts(
        'CNCERT/CC said a cryptography provider lost source code and customer contracts.',
        ['cncert-cc'],
        '2025-04-29',
      ),
      'crypto-provider',
    ],
    [
      'an article about the agency in general is about none of its events',
      facts('CNCERT/CC published its annual statistics on malware and phishing.', ['cncert-cc']),
      undefined,
    ],
    [
      'an event dated after the article cannot be what it reports',
      facts(
        'The MSS said the NSA attacked the national time service centre and Beijing time.',
        ['mss', 'nsa'],
        '2024-01-10',
      ),
      undefined,
    ],
    [
      'the article names the event itself',
      facts('An article about the time centre case, published that week.', ['time-centre', 'mss'], '2025-10-20'),
      'time-centre',
    ],
  ] as const)('%s', (_name, a, want) => {
    expect(bestEvent(a, index)?.id).toBe(want);
  });

  test('why names the grounds, and the route is "content" when the article does not name the event', () => {
    const e = bestEvent(
      facts('CNCERT/CC: advanced materials research institute and smart energy intrusions in 2024.', ['cncert-cc']),
      index,
    );
    expect(e?.via).toBe('content');
    expect(e?.why?.map((w) => w.kind).sort()).toEqual(['date', 'parties', 'terms']);
  });

  test('two events with the same score are reported as a tie', () => {
    const twins = indexEvents([
      ev('twin-a', '2024-05-01', ['apt28'], ['election emails ballots campaign']),
      ev('twin-b', '2024-05-01', ['apt28'], ['election emails ballots campaign']),
      ...EVENTS,
    ]);
    const e = bestEvent(
      facts('APT28 stole election campaign emails and ballots, officials said in 2024.', ['apt28']),
      twins,
    );
    expect(e?.tiedWith).toHaveLength(1);
  });
});

describe('dates as readers see them', () => {
  test.each([
    ['Updated 2024-12-19 09:41', '2024-12-19'],
    ['December 19, 2024 · 5 min read', '2024-12-19'],
    ['Dec. 19, 2024', '2024-12-19'],
    ['19 December 2024', '2024-12-19'],
    ['19. Dezember 2024', '2024-12-19'],
    ['19 de diciembre de 2024', '2024-12-19'],
    ['19.12.2024, 10:15 Uhr', '2024-12-19'],
    ['2024年12月19日 10:00', '2024-12-19'],
    ['2024년 12월 19일', '2024-12-19'],
    ['By a staff writer', undefined],
    ['31 February 2024', undefined],
    ['12/19/2024', undefined],
  ])('%s', (text, want) => {
    expect(dayInText(text)).toBe(want);
  });
  test.each([
    ['https://example.com/world/2024/12/19/china-cert-report/', '2024-12-19'],
    ['https://example.com/news/20241219-cncert', '2024-12-19'],
    ['https://example.com/2024-12-19-report', '2024-12-19'],
    ['https://example.com/story/123456789', undefined],
    ['not a url', undefined],
  ])('%s', (url, want) => {
    expect(dayInUrl(url)).toBe(want);
  });
});
