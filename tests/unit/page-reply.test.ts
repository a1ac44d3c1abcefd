/**
 * The background's answer to a page read (core/page-reply.ts) on a synthetic knowledge base: a
 * known name in the headline is never listed as unknown, and the reader's muted and dismissed
 * entries are left out of the mentions and the article's context.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadKbForNode, matcherForEntries, readHtmlDocument } from '../../core/engine/node-support';
import { readPageSteps } from '../../core/engine/page';
import { pageReply, unknownIntroduced, type ReplyInput } from '../../core/page-reply';
import { applyChoice, emptyChoices, type ReaderChoices } from '../../core/reader-choices';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { articleFacts, ROOT, syntheticMatcher } from './engine/helpers';

const URL_A = 'https://news.example/2024/story?ref=x#top';
const BODY =
  'Officials said a Chinese state-sponsored hacking group targeted water and power utilities in a long espionage campaign. ' +
  'The intrusions used stolen credentials and living-off-the-land techniques, according to the advisory. ';

function input(title: string, body: string, choices: ReaderChoices = emptyChoices()): ReplyInput {
  const text = `${title}\n${body.repeat(6)}`;
  return {
    page: { text, titleEnd: title.length + 1, facts: articleFacts() },
    url: URL_A,
    settings: DEFAULT_SETTINGS,
    choices,
    matcher: syntheticMatcher,
    kindOf: () => 'threat-actor',
    cueSets: [],
    event: () => undefined,
  };
}

const unknownNames = (i: ReplyInput) => [...new Set((pageReply(i).patternNames ?? []).map((n) => n.text))];

describe('pageReply: names unknown to the knowledge base', () => {
  test.each<[string, string, string, string[]]>([
    ['a known name only in the headline', 'Volt Typhoon hackers breached US utilities', BODY, []],
    [
      'a known name in the headline and the body',
      'Volt Typhoon hackers breached US utilities',
      `${BODY} Volt Typhoon was named by the agencies. `,
      [],
    ],
    ['an unknown pattern name in the headline', 'Salt Typhoon hackers breached US utilities', BODY, ['Salt Typhoon']],
    [
      'an unknown name in the body next to a known one in the headline',
      'Volt Typhoon hackers breached US utilities',
      `${BODY} Officials also named Salt Typhoon. `,
      ['Salt Typhoon'],
    ],
  ])('%s', (_label, title, body, expected) => {
    const i = input(title, body);
    expect(pageReply(i).status).toBe('espionage');
    expect(unknownNames(i)).toEqual(expected);
  });
});

describe('pageReply on a real fixture with the real knowledge base', () => {
  test('"Volt Typhoon" in the advisory’s headline is not listed as a name unknown to the knowledge base', () => {
    const { entries } = loadKbForNode(ROOT);
    const matcher = matcherForEntries(entries);
    const steps = readPageSteps(readHtmlDocument(join(ROOT, 'tests/fixtures/articles/en-volt-typhoon-advisory.html')));
    let r = steps.next();
    while (!r.done) r = steps.next();
    const page = r.value.page;
    expect(page.text.slice(0, page.titleEnd)).toContain('Volt Typhoon');
    const reply = pageReply({ ...input('', ''), page, matcher: () => matcher });
    expect(reply.status).toBe('espionage');
    expect((reply.patternNames ?? []).map((n) => n.text)).not.toContain('Volt Typhoon');
  }, 60_000); // loading the whole knowledge base takes seconds on a busy machine
});

describe('pageReply: the reader’s choices', () => {
  const title = 'US agencies warn of state hacking';
  const body = `${BODY} The NSA and Volt Typhoon were both named. `;
  const ids = (c: ReaderChoices) => [...new Set(pageReply(input(title, body, c)).mentions.map((m) => m.id))].sort();
  const today = '2026-12-07';

  test.each<[string, ReaderChoices, string[]]>([
    ['no choices', emptyChoices(), ['nsa', 'volt-typhoon']],
    [
      'muted everywhere',
      applyChoice(emptyChoices(), { op: 'mute', id: 'volt-typhoon', name: 'Volt Typhoon' }, today),
      ['nsa'],
    ],
    [
      'dismissed on this page (another query and fragment)',
      applyChoice(
        emptyChoices(),
        { op: 'dismiss', page: 'https://news.example/2024/story', id: 'nsa', name: 'NSA' },
        today,
      ),
      ['volt-typhoon'],
    ],
    [
      'dismissed on another page',
      applyChoice(emptyChoices(), { op: 'dismiss', page: 'https://news.example/other', id: 'nsa', name: 'NSA' }, today),
      ['nsa', 'volt-typhoon'],
    ],
  ])('%s', (_label, choices, expected) => {
    expect(ids(choices)).toEqual(expected);
  });

  test('a muted known name is not listed as an unknown name either', () => {
    const muted = applyChoice(emptyChoices(), { op: 'mute', id: 'volt-typhoon', name: 'Volt Typhoon' }, today);
    const reply = pageReply(input(title, body, muted));
    expect(reply.mentions.some((m) => m.id === 'volt-typhoon')).toBe(false);
    expect(reply.kinds['volt-typhoon']).toBeUndefined();
    expect(reply.patternNames ?? []).toEqual([]);
  });
});

describe('pageReply: names the article introduces ("Not in Spyglass yet")', () => {
  const intro = 'Researchers found a new backdoor dubbed GlimmerVault on the servers. ';
  const OTHER =
    'The city council approved a new park near the river, with a playground and a footpath for families. ' +
    'A choir group called GlimmerVault sang next to the library on Saturday, the council said. ';
  const BAKERY = 'A new bakery dubbed GlimmerVault opened next to the library on Saturday. ';
  /** Each introduced name once, with its kind. */
  const introduced = (i: ReplyInput) => [
    ...new Map(
      (pageReply(i).patternNames ?? []).filter((n) => n.introduced).map((n) => [n.text, [n.text, n.introduced?.kind]]),
    ).values(),
  ];

  test('an espionage page lists the name with its words, each occurrence placed', () => {
    const i = input('Hackers spied on utilities', `${BODY}${intro}`);
    const reply = pageReply(i);
    expect(reply.status).toBe('espionage');
    const names = (reply.patternNames ?? []).filter((n) => n.text === 'GlimmerVault');
    expect(names.length).toBe(6);
    expect(names[0]?.introduced).toEqual({ kind: 'malware', words: 'backdoor dubbed' });
    expect(names.every((n) => i.page.text.slice(n.start, n.end) === 'GlimmerVault')).toBe(true);
  });

  test.each<[string, 'espionage' | 'any-article', boolean]>([
    ['an article not about espionage', 'espionage', false],
    ['the same article, painted because the reader chose any article', 'any-article', true],
  ])('%s gives none (the verdict is not espionage)', (_label, scope, paint) => {
    const i = { ...input('Local news', OTHER), settings: { ...DEFAULT_SETTINGS, scope } };
    const reply = pageReply(i);
    expect([reply.status, reply.paint]).toEqual(['article', paint]);
    expect(introduced(i)).toEqual([]);
    // The words alone would give the name: it is the verdict that keeps it out.
    expect(unknownIntroduced(i.page.text, reply.lang, [], []).map((n) => n.text)).toContain('GlimmerVault');
  });

  test('on an espionage page a name needs a kind word: "a bakery dubbed X" gives none, "a backdoor dubbed X" gives it', () => {
    const i = input('Hackers spied on utilities', `${BODY}${BAKERY}`);
    expect(pageReply(i).status).toBe('espionage');
    expect(introduced(i)).toEqual([]);
    expect(introduced(input('Hackers spied on utilities', `${BODY}${intro}`))).toEqual([['GlimmerVault', 'malware']]);
  });
});
