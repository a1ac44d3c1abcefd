import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_PATTERN_NAMES, patternNamesIn } from '../../core/engine/pattern-names';
import {
  compilePatterns,
  defaultPatterns,
  findPatternNames,
  nextBounded,
  parsePatternFile,
  PatternFileError,
  scanPattern,
} from '../../core/naming/patterns';
import { fixtureIndex, FIXTURES } from './engine/helpers';

const root = resolve(import.meta.dirname, '../..');
const file = JSON.parse(readFileSync(join(root, 'assets/naming/patterns.json'), 'utf8')) as {
  patterns: Record<string, unknown>[];
};
const CYBER = 'Security researchers said the hacking group used malware against ministries.';
const names = (text: string) => findPatternNames(text, []).map((n) => [n.text, n.patternId, n.family ?? null]);

describe('vendor naming patterns find names the knowledge base does not know', () => {
  test.each([
    ['Storm-2603', 'storm', null],
    ['DEV-0537', 'dev', null],
    ['UNC5221', 'unc', null],
    ['TEMP.Veles', 'temp', null],
    ['UAT-5918', 'uat', null],
    ['UAC-0057', 'uac', null],
    ['TA453', 'ta', null],
    ['CL-STA-0044', 'cl-sta', null],
    ['TAG-22', 'tag', null],
    ['APT-C-60', 'apt-c', null],
    ['Earth Krahang', 'earth', null],
    ['Brass Typhoon', 'microsoft-weather', 'China'],
    ['Seashell Blizzard', 'microsoft-weather', 'Russia'],
    ['Mint Sandstorm', 'microsoft-weather', 'Iran'],
    ['Jade Sleet', 'microsoft-weather', 'North Korea'],
    ['Octo Tempest', 'microsoft-weather', 'financially motivated crime'],
    ['Caramel Tsunami', 'microsoft-weather', 'private-sector offensive actors (commercial spyware)'],
    ['Vanguard Panda', 'crowdstrike-animal', 'China'],
    ['Venomous Bear', 'crowdstrike-animal', 'Russia'],
    ['Charming Kitten', 'crowdstrike-animal', 'Iran'],
    ['Labyrinth Chollima', 'crowdstrike-animal', 'North Korea'],
    ['Fighting Ursa', 'unit42-constellation', 'Russia'],
    ['Insidious Taurus', 'unit42-constellation', 'China'],
    ['BRONZE SILHOUETTE', 'secureworks-metal', 'China'],
    ['IRON TWILIGHT', 'secureworks-metal', 'Russia'],
  ])('%s (%s, %s) next to a hacking term', (name, id, family) => {
    expect(names(`${CYBER} They call it ${name}, according to the report.`)).toEqual([[name, id, family]]);
  });

  test.each([
    ['weather: the family word before the name', `${CYBER} Typhoon Haiyan hit the Philippines.`],
    ['weather: "After Typhoon Haiyan"', `${CYBER} After Typhoon Haiyan, hackers struck.`],
    ['weather: "Super Typhoon"', `${CYBER} The Super Typhoon made landfall.`],
    ['a sentence starting with a weather word', `${CYBER} Heavy Rain fell on the city.`],
    ['an aircraft', `${CYBER} The Eurofighter Typhoon flew over the base.`],
    ['a games company', `${CYBER} Activision Blizzard released a patch.`],
    ['an animal', `${CYBER} The Giant Panda at the zoo.`],
    ['an animal', `${CYBER} A Polar Bear was seen.`],
    ['a car', `${CYBER} He drove a Ford Taurus.`],
    ['a tool written in capitals', `${CYBER} COBALT STRIKE beacons were found.`],
    ['Earth Day', `${CYBER} Earth Day is in April.`],
    ['a lower-case adjective', `${CYBER} a fancy bear costume.`],
    ['a product code inside a word', `${CYBER} Part XUNC1234 and STORM-12345.`],
  ])('no name: %s', (_what, text) => {
    expect(names(text)).toEqual([]);
  });

  test.each([
    ['Storm-0558 signed tokens.', 'no hacking term nearby'],
    ['Brass Typhoon is a name.', 'no hacking term nearby'],
  ])('%j gives nothing: %s', (text) => {
    expect(names(`${text} ${'Gardening tips and recipes for the weekend. '.repeat(12)}`)).toEqual([]);
  });

  test('a name the knowledge base already matched is left to it', () => {
    const text = `${CYBER} Volt Typhoon and Brass Typhoon were named.`;
    const start = text.indexOf('Volt Typhoon');
    expect(findPatternNames(text, [{ start, end: start + 'Volt Typhoon'.length }]).map((n) => n.text)).toEqual([
      'Brass Typhoon',
    ]);
  });

  test('spans are in text order with exact offsets', () => {
    const text = `${CYBER} UNC3886 and Storm-0558 were seen.`;
    for (const n of findPatternNames(text, [])) expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(findPatternNames(text, []).map((n) => n.text)).toEqual(['UNC3886', 'Storm-0558']);
  });

  test('patternOf tells what a name means without context', () => {
    expect(defaultPatterns().patternOf('Salt Typhoon')).toMatchObject({
      pattern: { coinedBy: 'Microsoft' },
      family: 'China',
    });
    expect(defaultPatterns().patternOf('Typhoon Haiyan')).toBeUndefined();
  });
});

describe('assets/naming/patterns.json', () => {
  test('every pattern has a meaning, a vendor and an example that fits it', () => {
    const p = defaultPatterns();
    for (const pat of p.patterns) expect(p.patternOf(pat.example)?.pattern.id, pat.id).toBe(pat.id);
  });

  test.each([
    [{ ...file, patterns: [{ ...file.patterns[0], regex: '(' }] }, 'patterns.0.regex'],
    [{ ...file, patterns: [{ ...file.patterns[0], meaning: '' }] }, 'patterns.0.meaning'],
    [{ ...file, contextTerms: [] }, 'contextTerms'],
  ])('a broken file names the field (%#)', (data, field) => {
    expect(() => parsePatternFile(data, 'assets/naming/patterns.json')).toThrow(PatternFileError);
    expect(() => parsePatternFile(data, 'assets/naming/patterns.json')).toThrow(
      `assets/naming/patterns.json: ${field}`,
    );
  });

  test('a pattern id listed twice is refused', () => {
    const data = { ...file, patterns: [file.patterns[0], file.patterns[0]] };
    expect(() => compilePatterns(parsePatternFile(data))).toThrow(/listed twice/);
  });
});

describe('patternNamesIn: what the background tells the page script', () => {
  const text =
    'Hackers in a cluster tracked as UNC9917 broke into routers. Later UNC9917 used a backdoor, and a second ' +
    'state-sponsored hacking cluster, Storm-9917, joined the espionage campaign.';
  test('every occurrence is placed, with what its pattern means', () => {
    const names = patternNamesIn(text, []);
    expect(names.map((n) => [n.text, n.pattern, text.slice(n.start, n.end)])).toEqual([
      ['UNC9917', 'unc', 'UNC9917'],
      ['UNC9917', 'unc', 'UNC9917'],
      ['Storm-9917', 'storm', 'Storm-9917'],
    ]);
    expect(names[0]!.info?.usedBy).toBe('Mandiant (Google Threat Intelligence)');
    expect(names[2]!.info?.meaning).toMatch(/Microsoft/);
  });
  test(`at most ${MAX_PATTERN_NAMES} distinct names, each with all its occurrences`, () => {
    const many = Array.from({ length: MAX_PATTERN_NAMES + 5 }, (_, i) => `UNC${9100 + i} and UNC${9100 + i}`).join(
      ', ',
    );
    const names = patternNamesIn(`State-sponsored hackers: ${many}, all espionage clusters.`, []);
    expect(new Set(names.map((n) => n.text)).size).toBe(MAX_PATTERN_NAMES);
    expect(names.length).toBe(MAX_PATTERN_NAMES * 2);
  });
  test('a name overlapping a knowledge-base mention is left to the entry', () => {
    const start = text.indexOf('Storm-9917');
    const names = patternNamesIn(text, [{ id: 'x', start, end: start + 10 }]);
    expect(names.map((n) => n.text)).not.toContain('Storm-9917');
  });
});

describe('boundaries checked in code find exactly what the bounded expression finds', () => {
  type Probe = { regex: string; caseSensitive: boolean };
  const spans = (r: RegExp, text: string) => [...text.matchAll(r)].map((m) => [m.index, m[0]]);
  const scanned = (p: Probe, text: string) => {
    const c = scanPattern(p);
    c.bare.lastIndex = 0;
    const out: [number, string][] = [];
    for (let m = nextBounded(c, text); m; m = nextBounded(c, text)) out.push([m.index, m[0]]);
    return out;
  };
  const bounded = (p: Probe) => new RegExp(scanPattern(p).boundedSource, p.caseSensitive ? 'gu' : 'giu');
  const tricky = [
    'UNC1234 XUNC1234 _UNC1234 -UNC1234 .UNC1234 (UNC1234) UNC1234. UNC1234-A UNC1234- UNC12345678',
    'Storm-0558-A1 Storm-0558. Storm-05581 éStorm-0558 Storm-0558é 中文UNC1234中文 Storm-0558-é',
    '\u{1D400}UNC1234 UNC1234\u{1D400} UNC1234\u{1D7CE} \u{1F600}UNC1234\u{1F600} UNC1234-\u{1D400}',
    'Volt Typhoonx, Volt Typhoon. Earth Lusca Earth Luscas BRONZE UNIONS COBALT ILLUSION',
    'Foo Barx Foo Bar Foo-Bar FOO BAR foo barX Foo Bar-x Foo Bar-',
    '',
  ];
  // Patterns whose shorter forms pass the end boundary, so the bounded expression's retry is exercised.
  const extra: Probe[] = [
    { regex: 'Foo(?: Bar)?', caseSensitive: true },
    { regex: 'foo(?: bar)?', caseSensitive: false },
    { regex: 'UNC\\d{2,5}(?:-[A-Z])?', caseSensitive: true },
  ];
  const probes: Probe[] = [...defaultPatterns().patterns, ...extra];
  const fixtures = fixtureIndex().map((r) => readFileSync(join(FIXTURES, r.file), 'utf8'));

  test.each(probes.map((p) => [p.regex, p] as const))('%s', (_, p) => {
    for (const text of [...tricky, ...fixtures]) expect(scanned(p, text)).toEqual(spans(bounded(p), text));
  });

  test('the tricky strings do reach the retry: a bare match rejected at its end, then a shorter one', () => {
    const p = extra[0]!;
    expect(spans(new RegExp(p.regex, 'gu'), 'Foo Barx')).toEqual([[0, 'Foo Bar']]);
    expect(scanned(p, 'Foo Barx')).toEqual([[0, 'Foo']]);
  });
});
