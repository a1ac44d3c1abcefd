import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument, analyzeText, buildMatcherData } from '../../../core/engine/analyze';
import { detectLang } from '../../../core/engine/lang';
import { DEFAULT_MODEL } from '../../../core/engine/lexicon';
import { loadMatcher } from '../../../core/engine/matcher';
import { readHtmlDocument } from '../../../core/engine/node-support';
import { FIXTURES, fixtureIndex, syntheticMatcher } from './helpers';

const matcher = syntheticMatcher();
const analyse = (file: string) => {
  const path = join(FIXTURES, file);
  return file.endsWith('.html')
    ? analyzeDocument(readHtmlDocument(path), { matcher })
    : analyzeText(readFileSync(path, 'utf8'), { matcher });
};

describe('verdict on every fixture (synthetic KB + real lexicon)', () => {
  test.each(fixtureIndex().map((f) => [f.note, f] as const))('%s', (_note, f) => {
    const a = analyse(f.file);
    expect({ espionage: a.espionage, lang: a.lang }).toEqual({ espionage: f.espionage, lang: f.lang });
    if (f.isArticle !== undefined) expect(a.isArticle).toBe(f.isArticle);
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(1);
  });
});

describe('hard negatives stay well below the threshold', () => {
  test.each(
    fixtureIndex()
      .filter((f) => !f.espionage && f.lang !== 'other')
      .map((f) => [f.file] as const),
  )('%s', (file) => {
    expect(analyse(file).score).toBeLessThan(0.35);
  });
});

describe('why: signals explain the verdict', () => {
  test('an espionage article lists positive terms and entities first', () => {
    const a = analyse('en-volt-typhoon-advisory.html');
    expect(a.signals[0]!.weight).toBeGreaterThan(0);
    expect(a.signals.some((s) => s.type === 'entity' && s.term === 'volt-typhoon')).toBe(true);
    expect(a.signals.some((s) => s.term === 'state-sponsored')).toBe(true);
  });
  test('penalties are marked as such', () => {
    const a = analyse('en-typhoon-weather.html');
    const typhoon = a.signals.find((s) => s.term === 'typhoon');
    expect(typhoon).toMatchObject({ type: 'penalty' });
    expect(typhoon!.weight).toBeLessThan(0);
  });
});

describe('context-requiring aliases', () => {
  test.each([
    ['Lazarus IDE release notes', 'en-lazarus-ide-release.html'],
    ['maths equations', 'en-maths-equations.html'],
  ])('%s: no mention', (_name, file) => {
    const a = analyse(file);
    expect(a.mentions.filter((m) => m.id === 'lazarus-group' || m.id === 'equation-group')).toEqual([]);
  });
  test('Lazarus next to hacking words counts', () => {
    const a = analyzeText(
      'North Korean hackers from Lazarus broke into the bank network and stole funds with custom malware.',
      { matcher },
    );
    expect(a.mentions.map((m) => m.id)).toContain('lazarus-group');
  });
  test('the threshold option moves the verdict', () => {
    const text = readFileSync(join(FIXTURES, 'en-apt41-indictment.txt'), 'utf8');
    expect(analyzeText(text, { matcher, threshold: 0.999999 }).espionage).toBe(false);
    expect(analyzeText(text, { matcher, threshold: 0.5 }).espionage).toBe(true);
  });
});

describe('language', () => {
  test.each([
    ['The hackers said that the agency was behind it, and officials have not commented on the report.', 'en'],
    ['据报道，美国情报机构对我国科技企业实施了网络攻击，这是该中心发布的报告。', 'zh-Hans'],
    ['據報導，美國情報機構對我國科技企業實施了網路攻擊，這是該中心發布的報告。', 'zh-Hant'],
    ['政府は、サイバー攻撃について調査していると発表しました。', 'ja'],
    ['정부는 북한 해커 조직의 사이버 공격에 대해 조사하고 있다고 밝혔다.', 'ko'],
    ['Hyvää huomenta, tämä on suomenkielinen lause ilman tuettua kieltä lainkaan.', 'other'],
  ])('%s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('verdict classes: an entry can weigh differently from its kind', () => {
  const story =
    'Hackers spread the Exampleworm malware across hospital networks, encrypting files and demanding a ransom. ' +
    'Researchers said the outbreak copied code from earlier attacks.';
  const matcherWith = (verdictClass?: 'destructive' | 'background') =>
    loadMatcher(
      buildMatcherData([
        {
          text: 'Exampleworm',
          id: 'exampleworm',
          kind: 'malware',
          ...(verdictClass ? { verdictClass } : {}),
          caseSensitive: true,
          requiresContext: false,
        },
      ]),
    );
  test.each([
    ['no class: the kind weight', undefined],
    ['destructive: the class weight', 'destructive' as const],
  ])('%s', (_name, cls) => {
    const m = matcherWith(cls);
    const pi = m.patterns.findIndex((p) => p.id === 'exampleworm');
    expect(m.verdictClass(pi)).toBe(cls);
    const a = analyzeText(story, { matcher: m });
    const w = cls ? DEFAULT_MODEL.classes[cls] : DEFAULT_MODEL.kinds.malware;
    const signal = a.signals.find((s) => s.term === 'exampleworm');
    expect(signal).toMatchObject({ type: 'entity' });
    // one mention in the lead: weight × (1 + ln 2)
    expect(signal!.weight).toBeCloseTo((w.c + w.s) * (1 + Math.log(2)), 1);
  });
  test('a background entry (armed forces) adds no evidence at all', () => {
    const a = analyzeText(story, { matcher: matcherWith('background') });
    const plain = analyzeText(story, { matcher: matcherWith() });
    expect(a.features.s).toBeLessThan(plain.features.s);
    expect(a.score).toBeLessThan(plain.score);
    expect(a.signals.find((s) => s.term === 'exampleworm')?.weight ?? 0).toBe(0);
  });
  test('a destructive entry adds less espionage evidence than the same entry without the class', () => {
    expect(analyzeText(story, { matcher: matcherWith('destructive') }).features.s).toBeLessThan(
      analyzeText(story, { matcher: matcherWith() }).features.s,
    );
  });
});
