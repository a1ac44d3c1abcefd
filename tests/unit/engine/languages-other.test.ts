/**
 * Russian, Ukrainian, Japanese, Korean and Arabic: the verdict and the detected language on our own
 * fixtures (tests/fixtures/articles/<lang>/index.json), and the inflected and attached forms the
 * lexicons rely on. Synthetic knowledge base + the real lexicon, as in classify.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument, analyzeText } from '../../../core/engine/analyze';
import { readHtmlDocument } from '../../../core/engine/node-support';
import { FIXTURES, ROOT, syntheticMatcher, type FixtureRecord } from './helpers';

const LANGS = ['ru', 'uk', 'ja', 'ko', 'ar'] as const;
const matcher = syntheticMatcher();

function langIndex(lang: string): FixtureRecord[] {
  return JSON.parse(readFileSync(join(FIXTURES, lang, 'index.json'), 'utf8')) as FixtureRecord[];
}
const rows = LANGS.flatMap((lang) => langIndex(lang).map((f) => [`${f.file}: ${f.note}`, f] as const));
const analyse = (file: string) => analyzeDocument(readHtmlDocument(join(FIXTURES, file)), { matcher });

describe('fixture indexes', () => {
  test.each(LANGS.map((l) => [l]))('%s: at least 3 espionage articles and 3 hard negatives', (lang) => {
    const index = langIndex(lang);
    expect(index.filter((f) => f.espionage).length).toBeGreaterThanOrEqual(3);
    expect(index.filter((f) => !f.espionage).length).toBeGreaterThanOrEqual(3);
    for (const f of index) expect(f.lang).toBe(lang);
  });
});

describe('verdict and language on every fixture', () => {
  test.each(rows)('%s', (_name, f) => {
    const a = analyse(f.file);
    expect({ espionage: a.espionage, lang: a.lang }).toEqual({ espionage: f.espionage, lang: f.lang });
    if (f.isArticle !== undefined) expect(a.isArticle).toBe(f.isArticle);
  });
});

describe('scores keep a margin', () => {
  test.each(rows.filter(([, f]) => !f.espionage))('%s stays below 0.35', (_name, f) => {
    expect(analyse(f.file).score).toBeLessThan(0.35);
  });
  test.each(rows.filter(([, f]) => f.espionage))('%s has both hacking and state evidence', (_name, f) => {
    const a = analyse(f.file);
    expect(a.features.c).toBeGreaterThan(2);
    expect(a.features.s).toBeGreaterThan(2);
  });
});

/** The lexicon's evidence for one phrase, by kind: [hacking, state, penalty] signal counts. */
function cues(text: string): { terms: number; penalties: number } {
  const a = analyzeText(text, { matcher });
  return {
    terms: a.signals.filter((s) => s.type === 'term').reduce((n, s) => n + s.count, 0),
    penalties: a.signals.filter((s) => s.type === 'penalty').reduce((n, s) => n + s.count, 0),
  };
}

describe('inflected, attached and compound forms count', () => {
  test.each([
    ['ru case endings', 'кибератаками хакерской группировки кибершпионажем', 3],
    ['uk case endings', 'кібератаками хакерського угруповання кібершпигунством', 3],
    ['ja without spaces', 'ハッカー集団がサイバー攻撃を行い、不正アクセスした', 3],
    ['ko with particles', '해킹조직이 사이버 공격을 감행했고 해커들은', 3],
    ['ar attached prefixes', 'والقرصنة وبالتجسس الإلكتروني للقراصنة', 3],
  ])('%s', (_name, text, atLeast) => {
    expect(cues(text).terms).toBeGreaterThanOrEqual(atLeast);
  });

  test.each([
    ['ru', 'шпионское ПО Pegasus использовали против журналистов'],
    ['uk', 'шпигунське ПЗ використали проти журналістів'],
    ['ja', 'ジャーナリストのスマホにスパイウェア'],
    ['ko', '언론인 휴대전화에서 스파이웨어 발견'],
    ['ar', 'برنامج تجسس استهدف صحفيين'],
  ])('%s: spyware against people is hacking and espionage evidence', (_lang, text) => {
    const a = analyzeText(text, { matcher });
    expect(a.features.c).toBeGreaterThan(0);
    expect(a.features.s).toBeGreaterThan(0);
  });

  test.each([
    ['ru weather', 'тайфун ливни порывы ветра'],
    ['ja ransomware', 'ランサムウェア 身代金'],
    ['ko weather', '태풍 강풍 폭우'],
    ['ar weather', 'إعصار والأمطار والرياح'],
    ['uk human spy', 'засуджено до позбавлення волі за державну зраду'],
  ])('%s: look-alike words are penalties', (_name, text) => {
    const c = cues(text);
    expect(c.penalties).toBeGreaterThanOrEqual(2);
    expect(c.terms).toBe(0);
  });

  test.each([
    ['ru: a stem does not match inside an unrelated word', 'ветеран агентства судьба'],
    ['ko: 조사기관 is not 사기 (fraud)', '조사기관 수사기관'],
  ])('%s', (_name, text) => {
    expect(cues(text)).toEqual({ terms: 0, penalties: 0 });
  });
});

describe('detector data in the lexicon files', () => {
  test.each([
    ['ru', 'ыэъё'],
    ['uk', 'іїєґ'],
    ['ar', undefined],
  ] as const)('%s: 40–80 stop words, distinctive letters', (lang, letters) => {
    const file = JSON.parse(readFileSync(join(ROOT, 'assets/lexicon', `${lang}.json`), 'utf8')) as {
      stopwords: string[];
      distinctive?: string;
    };
    expect(file.stopwords.length).toBeGreaterThanOrEqual(40);
    expect(file.stopwords.length).toBeLessThanOrEqual(80);
    expect(new Set(file.stopwords).size).toBe(file.stopwords.length);
    expect(file.distinctive).toBe(letters);
  });
});
