import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseHtmlDocument } from '../../../core/engine/node-support';
import {
  compileTopicCues,
  generaliseCode,
  patternCue,
  pruneContained,
  toCue,
  type CueSources,
} from '../../../core/engine/topic-cues';
import { bucketCues, findCueIn, findTopicCue, normaliseForCues, topicText } from '../../../core/engine/topic-gate';
import { loadKbForNode } from '../../../core/engine/node-support';
import { readFixtureIndex } from '../../../scripts/fixture-index';
import { topicCuesFor } from '../../../scripts/eval-topic-gate';
import { FIXTURES, ROOT } from './helpers';

describe('normaliseForCues', () => {
  test.each([
    ['Cyber-Espionage!', 'cyber espionage '],
    ['ＡＰＴ４１', 'apt41'],
    ['U.S. hackers', 'u s hackers'],
    ['Хакеры ГРУ', 'хакеры гру'],
    ['黑客、间谍', '黑客 间谍'],
  ])('%s', (input, out) => expect(normaliseForCues(input)).toBe(out));
});

describe('toCue: word boundaries by length and script', () => {
  test.each([
    ['NSA', ' nsa '],
    ['spy', ' spy '],
    ['cyber', ' cyber'],
    ['hackers', 'hacker'],
    ['Cyberspionage', 'cyberspion'],
    ['state-sponsored', 'state sponsored'],
    ['间谍', '间谍'],
    ['x', undefined],
    ['黑', undefined],
    ['', undefined],
  ])('%s → %j', (form, cue) => expect(toCue(form)).toBe(cue));

  test('names keep their whole word (no stem)', () => expect(toCue('Sofacy group', false)).toBe('sofacy group'));
});

describe('code names become one wildcard cue', () => {
  test.each([
    [' apt 28', ' apt ##'],
    ['apt41', ' apt##'],
    [' ta453', ' ta###'],
    ['volt typhoon', 'volt typhoon'],
  ])('%s → %s', (cue, out) => expect(generaliseCode(cue)).toBe(out));

  test.each([
    ['Storm-\\d{4}', ' storm ####'],
    ['UNC\\d{2,5}', ' unc##'],
    ['CL-STA-\\d{4}', ' cl sta ####'],
    ['TEMP\\.[A-Z][a-z]{2,}', undefined],
    ['([A-Z][a-z]{2,}) (Typhoon|Blizzard)', undefined],
  ])('pattern %s → %j', (regex, cue) => expect(patternCue(regex)).toBe(cue));
});

describe('pruneContained', () => {
  test.each([
    [['hacker', 'hackers', 'chinese hackers'], ['hacker']],
    [[' nsa ', ' nsa agents'], [' nsa ']],
    // A word-start cue does not cover the same letters inside a word.
    [
      [' hack', 'hacker'],
      [' hack', 'hacker'],
    ],
    [[' apt ##', ' apt 28', ' apt 41 group'], [' apt ##']],
  ])('%j', (cues, kept) => expect(pruneContained(cues)).toEqual(kept));
});

describe('findTopicCue', () => {
  const cues = bucketCues([
    ' nsa ',
    ' cyber',
    'spionage',
    '间谍',
    ' storm ####',
    ' apt##',
    'volt typhoon',
    ' 0 day',
    '入侵',
  ]);
  test.each([
    ['The NSA said nothing.', ' nsa '],
    ['NSAIDs and headaches', undefined],
    ['Cyberattacks rose', ' cyber'],
    ['a hypercyber thing', undefined],
    ['Warnung vor Industriespionage', 'spionage'],
    ['网络间谍活动', '间谍'],
    ['tracked as Storm-2603 by', ' storm 2603'],
    ['the storm 26 hit', undefined],
    ['a report on APT41', ' apt41'],
    ['APT4 only', undefined],
    ['APT-4x', undefined],
    ['ends with Storm-0558', ' storm 0558'],
    ['VOLT   TYPHOON, again', 'volt typhoon'],
    ['A typhoon made landfall', undefined],
    ['', undefined],
    ['a 5 day trip', undefined],
    ['a 0 day flaw', ' 0 day'],
    ['遭入侵', '入侵'],
    ['a 5 day trip', undefined],
    ['入侵', '入侵'],
  ])('%s → %j', (text, cue) => expect(findTopicCue(text, cues)).toBe(cue));
  test('a cue with digits matches those digits only', () => {
    const digits = bucketCues([' apt41 ', 'r00tk1t']);
    expect(findTopicCue('APT41 again', digits)).toBe(' apt41 ');
    expect(findTopicCue('APT42 again', digits)).toBeUndefined();
    expect(findTopicCue('a r00tk1t found', digits)).toBe('r00tk1t');
    expect(findTopicCue('a r00tk2t found', digits)).toBeUndefined();
  });
});

describe('bucketCues', () => {
  test.each([
    [' ab', /has no key/],
    ['ab', /has no key/],
    ['a', /has no key/],
    [' 入', /has no key/],
    ['apt 2#', /mixes/],
    [` ${'x'.repeat(63)}`, /longer than 63/],
  ])('refuses %j', (cue, error) => expect(() => bucketCues([cue])).toThrow(error));
  test.each([['入侵'], [' abc'], ['ab#'], [' 0 day']])('keys %j', (cue) =>
    expect(findTopicCue(cue.replace('#', '7'), bucketCues([cue]))).toBe(cue.replace('#', '7')),
  );
});

describe('topicText', () => {
  const html = (body: string, head = '') =>
    parseHtmlDocument(`<!doctype html><html><head><title>Title words</title>${head}</head><body>${body}</body></html>`);

  test('reads title, meta description and keywords, headings and paragraphs', () => {
    const t = topicText(
      html(
        '<h1>Headline</h1><h2>Sub</h2><p>' + 'Paragraph text long enough to count here. '.repeat(2) + '</p>',
        '<meta name="description" content="Desc"><meta name="keywords" content="kw1, kw2"><meta property="og:title" content="OG">',
      ),
    );
    for (const part of ['Title words', 'Desc', 'kw1, kw2', 'OG', 'Headline', 'Sub', 'Paragraph text'])
      expect(t).toContain(part);
  });

  test('stops after the budget of article text', () => {
    const p = `<p>${'a'.repeat(900)}</p>`;
    const t = topicText(html(p.repeat(10) + '<p>LATE WORD ' + 'b'.repeat(100) + '</p>'), 2000);
    expect(t).not.toContain('LATE WORD');
    expect(t.length).toBeLessThan(2100);
  });

  test('falls back to line-broken blocks when a page has few paragraphs', () => {
    const t = topicText(html(`<div>${'Line of text about things. '.repeat(3)}<br>more lines of text here.</div>`));
    expect(t).toContain('Line of text');
  });

  test('skips short paragraphs (bylines, captions)', () => {
    expect(topicText(html('<p>By A. Writer</p>'))).not.toContain('Writer');
  });
});

describe('compileTopicCues', () => {
  const src: CueSources = {
    lexicons: [
      {
        lang: 'en',
        terms: [
          { texts: ['hackers', 'hacking'], c: 1 },
          { texts: ['espionage'], s: 1.6 },
          { texts: ['Russia'], s: 0.3 },
          { texts: ['ransomware'], p: 0.5 },
        ],
      },
    ],
    model: {
      kinds: {
        'threat-actor': { c: 1.5, s: 2.2, p: 0 },
        organization: { c: 0, s: 0.35, p: 0 },
      } as CueSources['model']['kinds'],
    },
    names: [
      { text: 'Sofacy', kind: 'threat-actor', requiresContext: false },
      { text: 'APT28', kind: 'threat-actor', requiresContext: false },
      { text: 'APT29', kind: 'threat-actor', requiresContext: false },
      { text: 'Lazarus', kind: 'threat-actor', requiresContext: true },
      { text: 'Major', kind: 'threat-actor', requiresContext: false },
      { text: 'Ministry of Defence', kind: 'organization', requiresContext: false },
    ],
    patternRegexes: ['Storm-\\d{4}'],
    commonWords: [],
  };
  const { list } = compileTopicCues(src);

  test.each([
    ['a hacking term (stem)', 'hack', true],
    ['an espionage term (stem)', 'espion', true],
    ['a weak state term', ' russia', false],
    ['a penalty term', 'ransom', false],
    ['a threat-actor name', 'sofacy', true],
    ['code names, generalised once', ' apt##', true],
    ['a name that needs context', 'lazarus', false],
    ['a short ordinary-word name', ' major', false],
    ['a name of a kind that is no hacking evidence', 'ministry of defence', false],
    ['a naming-pattern code', ' storm ####', true],
  ])('%s (%s)', (_what, cue, present) => expect(list.some((c) => c.startsWith(cue))).toBe(present));

  test('no cue contains another', () => {
    for (const a of list) for (const b of list) if (a !== b && !a.includes('#')) expect(b.includes(a)).toBe(false);
  });
});

describe('the real cue list', () => {
  const { entries } = loadKbForNode(ROOT);
  const { cues, list } = topicCuesFor(ROOT, entries);
  const fixtures = readFixtureIndex(ROOT);
  const espionage = fixtures.filter((f) => f.espionage);
  // A plain search for every cue, "#" as a digit: the filter and key groups must find a cue exactly where it does.
  const plain = list.map((c) => new RegExp(c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/#/g, '[0-9]')));
  const textOf = (file: string) => {
    const path = join(FIXTURES, file);
    return file.endsWith('.html')
      ? topicText(parseHtmlDocument(readFileSync(path, 'utf8')))
      : readFileSync(path, 'utf8').slice(0, 2200);
  };

  test.each(fixtures.map((f) => [f.file]))('%s: the gate finds a cue exactly when a plain search does', (file) => {
    const norm = ` ${normaliseForCues(textOf(file))} `;
    const found = findCueIn(norm, cues);
    expect(found !== undefined).toBe(plain.some((r) => r.test(norm)));
    // What it found is a cue, in full, and in the text.
    if (found !== undefined) {
      expect(norm).toContain(found);
      expect(plain.some((r) => new RegExp(`^(?:${r.source})$`).test(found))).toBe(true);
    }
  });

  test.each(espionage.map((f) => [f.file]))('espionage fixture %s has a cue', (file) => {
    const path = join(FIXTURES, file);
    const text = file.endsWith('.html')
      ? topicText(parseHtmlDocument(readFileSync(path, 'utf8')))
      : readFileSync(path, 'utf8').slice(0, 2200);
    expect(findTopicCue(text, cues)).toBeDefined();
  });

  test.each([['en-typhoon-weather.html'], ['en-maths-equations.html']])('%s has none', (file) => {
    const doc = parseHtmlDocument(readFileSync(join(FIXTURES, file), 'utf8'));
    expect(findTopicCue(topicText(doc), cues)).toBeUndefined();
  });
});
