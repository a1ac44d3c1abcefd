import { describe, expect, test } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherData } from '../../../core/engine/matcher';
import type { MatcherPattern } from '../../../core/engine/types';
import {
  CLS_WORD,
  FOLD_RANGES,
  WORD_EXCEPTIONS,
  WORD_RANGES,
  caseFold,
  charClasses,
  widthFold,
  widthFoldChar,
} from '../../../core/engine/chars';
import { SYNTHETIC_PATTERNS } from './helpers';

const kbOnly = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(SYNTHETIC_PATTERNS))) as MatcherData);

function found(text: string): string[] {
  return kbOnly.findAll(text).map((h) => `${kbOnly.patterns[h.pattern]!.id}:${text.slice(h.start, h.end)}`);
}

describe('matcher', () => {
  test.each([
    ['word boundaries: inside a word gives nothing', 'dnsa NSAx xNSA', []],
    ['case-sensitive acronym', 'The NSA said; the nsa did not', ['nsa:NSA']],
    ['case-insensitive long name', 'the national security agency', ['nsa:national security agency']],
    ['longest match first', 'APT41 and APT4', ['apt41:APT41', 'apt4:APT4']],
    ['digits are word characters', 'APT410 and APT41s', []],
    ['possessive and punctuation are boundaries', "NSA's (APT41)", ['nsa:NSA', 'apt41:APT41']],
    ['whitespace runs and line breaks', 'Volt\n  Typhoon', ['volt-typhoon:Volt\n  Typhoon']],
    ['full-width letters fold', 'ＡＰＴ４１ ＮＳＡ', ['apt41:ＡＰＴ４１', 'nsa:ＮＳＡ']],
    ['slash inside alias, longest wins', 'CNCERT/CC and CNCERT', ['cncert-cc:CNCERT/CC', 'cncert-cc:CNCERT']],
    [
      'CJK needs no boundaries',
      '据报道伏特台风是美国国家安全局的说法',
      ['volt-typhoon:伏特台风', 'nsa:美国国家安全局'],
    ],
    ['Traditional is its own alias', '美國國家安全局與伏特颱風', ['nsa:美國國家安全局', 'volt-typhoon:伏特颱風']],
    ['non-overlapping, leftmost', '国家安全部门', ['mss:国家安全部']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  describe('scripts that need their own treatment', () => {
    const m = loadMatcher(
      compileMatcher([
        ...SYNTHETIC_PATTERNS,
        { text: 'המוסד', id: 'mossad', kind: 'organization', caseSensitive: false, requiresContext: false },
        { text: 'เพกาซัส', id: 'pegasus', kind: 'malware', caseSensitive: false, requiresContext: false },
        { text: 'Ρωσία', id: 'russia', kind: 'organization', caseSensitive: false, requiresContext: false },
        { text: 'Ρωσίας', id: 'russia', kind: 'organization', caseSensitive: false, requiresContext: false },
      ]),
    );
    const hits = (text: string) => m.findAll(text).map((h) => `${m.id(h.pattern)}:${text.slice(h.start, h.end)}`);
    test.each([
      ['Hebrew: one glued prefix is stepped over', 'וְ והמוסד אמר', ['mossad:המוסד']],
      ['Hebrew: two glued prefixes', 'שבהמוסד', ['mossad:המוסד']],
      ['Hebrew: not three', 'ושבהמוסד', []],
      ['Hebrew: only the prefix letters ו ה ב ל מ ש כ', 'תהמוסד', []],
      ['Hebrew: the stripped word still needs its end boundary', 'בהמוסדות', []],
      ['Latin letters are no prefixes', 'vNSA bNSA', []],
      ['Thai: a name inside running text', 'พบเพกาซัสในโทรศัพท์', ['pegasus:เพกาซัส']],
      ['Greek: capitals without accents, final sigma', 'ΤΗΣ ΡΩΣΙΑΣ και η ρωσια', ['russia:ΡΩΣΙΑΣ', 'russia:ρωσια']],
    ])('%s', (_name, text, expected) => {
      expect(hits(text)).toEqual(expected);
    });
  });

  test('offsets point into the original text', () => {
    const text = 'x “Volt Typhoon” y';
    const [h] = kbOnly.findAll(text);
    expect(h).toBeDefined();
    expect(text.slice(h!.start, h!.end)).toBe('Volt Typhoon');
    expect(h!.start).toBe(3);
  });

  test('requiresContext is reported by the pattern, not decided by the matcher', () => {
    const hits = kbOnly.findAll('Lazarus and Equation');
    expect(hits.map((h) => kbOnly.patterns[h.pattern]!.requiresContext)).toEqual([true, true]);
  });

  test('scan in chunks gives the same hits as one pass', () => {
    const text = 'Volt Typhoon, APT41, 伏特台风 and the NSA. '.repeat(50);
    const whole = kbOnly.findAll(text);
    const parts: typeof whole = [];
    let from = 0;
    while (from < text.length) from = kbOnly.scan(text, parts, from, Math.min(text.length, from + 37));
    expect(parts).toEqual(whole);
  });

  test('curly and straight quotes fold alike', () => {
    const m = loadMatcher(
      compileMatcher([
        {
          text: "People's Liberation Army",
          id: 'pla',
          kind: 'organization',
          caseSensitive: false,
          requiresContext: false,
        },
      ]),
    );
    expect(m.findAll('the People’s Liberation Army').length).toBe(1);
  });

  test('compiled data is plain JSON and loads without rebuilding', () => {
    const data = compileMatcher(SYNTHETIC_PATTERNS);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(typeof data.trie).toBe('string');
    expect(data.count).toBe(SYNTHETIC_PATTERNS.length);
  });

  test('10,000 aliases compile and match', () => {
    const many: MatcherPattern[] = Array.from({ length: 10000 }, (_, i) => ({
      text: `alias${i} name`,
      id: `e${i}`,
      kind: 'threat-actor',
      caseSensitive: false,
      requiresContext: false,
    }));
    const m = loadMatcher(compileMatcher(many));
    const hits = m.findAll('see alias9999 name and alias42 name, not alias42names');
    expect(hits.map((h) => m.patterns[h.pattern]!.id)).toEqual(['e9999', 'e42']);
  });
});

describe('character tables', () => {
  test('every code unit that caseFold() changes lies in FOLD_RANGES', () => {
    const fold = caseFold();
    const outside: number[] = [];
    for (let c = 0; c < 65536; c++) {
      if (fold[c] !== c && !FOLD_RANGES.some(([a, b]) => c >= a && c <= b)) outside.push(c);
    }
    expect(outside).toEqual([]);
  });

  test('widthFoldChar() agrees with the widthFold() table', () => {
    const table = widthFold();
    const differ: number[] = [];
    for (let c = 0; c < 65536; c++) if (widthFoldChar(c) !== table[c]) differ.push(c);
    expect(differ).toEqual([]);
  });

  test('WORD_RANGES minus WORD_EXCEPTIONS are exactly the word characters', () => {
    const cls = charClasses();
    for (let c = 0; c < 65536; c++) {
      const inRanges = WORD_RANGES.some(([a, b]) => c >= a && c <= b) && !WORD_EXCEPTIONS.includes(c);
      if (inRanges !== (cls[c] === CLS_WORD)) throw new Error(`code unit ${c.toString(16)}`);
    }
  });
});

describe('packed matcher data', () => {
  test('is small: no per-alias records, integer tables as packed strings', () => {
    const data = compileMatcher(SYNTHETIC_PATTERNS);
    expect(data.patterns.length).toBe(new Set(SYNTHETIC_PATTERNS.map((p) => p.id)).size);
    for (const key of ['trie', 'outs', 'meta', 'folds'] as const) expect(data[key]).toMatch(/^[A-Za-z0-9+/]*$/);
  });

  test('pattern accessors agree with the materialised records', () => {
    for (let i = 0; i < kbOnly.count; i++) {
      const p = kbOnly.patterns[i]!;
      expect([kbOnly.id(i), kbOnly.kind(i), kbOnly.term(i), kbOnly.requiresContext(i), kbOnly.text(i)]).toEqual([
        p.id,
        p.kind,
        p.term,
        p.requiresContext,
        p.text,
      ]);
    }
    const texts = kbOnly.patterns.map((p) => p.text);
    expect(texts).toContain('APT41');
    expect(texts).toContain('volt typhoon');
  });

  test('collapsed spaces and a second space inside an alias', () => {
    expect(found('Volt \u00a0 Typhoon and Volt\tTyphoon')).toEqual([
      'volt-typhoon:Volt \u00a0 Typhoon',
      'volt-typhoon:Volt\tTyphoon',
    ]);
  });
});
