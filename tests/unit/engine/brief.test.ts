/** The article brief (core/engine/brief.ts): claims taken from the article's own sentences. */
import { describe, expect, test } from 'vitest';
import { buildMatcherData } from '../../../core/engine/analyze';
import { articleBrief, claimWordsOf, sentences } from '../../../core/engine/brief';
import { DEFAULT_LEXICON_FILES, getDefaultLexicon } from '../../../core/engine/lexicon';
import { loadMatcher, type Hit } from '../../../core/engine/matcher';
import type { MatcherPattern } from '../../../core/engine/types';
import type { Kind } from '../../../core/kb/kinds';

const p = (text: string, id: string, kind: MatcherPattern['kind'], cs = false): MatcherPattern => ({
  text,
  id,
  kind,
  caseSensitive: cs,
  requiresContext: false,
});
const PATTERNS = [
  p('CNCERT/CC', 'cncert-cc', 'organization', true),
  p('NSA', 'nsa', 'organization', true),
  p('APT28', 'apt28', 'threat-actor', true),
  p('GRU', 'gru', 'organization', true),
  p('Pegasus', 'pegasus', 'malware'),
  p('Citizen Lab', 'citizen-lab', 'organization'),
  p('Ministry of Defence', 'mod', 'organization'),
];
const matcher = loadMatcher(buildMatcherData(PATTERNS));
const kinds = new Map(PATTERNS.map((x) => [x.id, x.kind as Kind]));
const words = claimWordsOf(DEFAULT_LEXICON_FILES);

function brief(text: string) {
  const hits: Hit[] = [];
  matcher.scan(text, hits, 0, text.length);
  const found = hits
    .filter((h) => matcher.term(h.pattern) < 0)
    .map((h) => ({ id: matcher.id(h.pattern), start: h.start, end: h.end }));
  return articleBrief({
    text,
    titleEnd: 0,
    found,
    kindOf: (id) => kinds.get(id),
    matcher,
    lexicon: getDefaultLexicon(),
    words,
  });
}

describe('articleBrief', () => {
  test.each([
    [
      'an agency accuses another of hacking, since a date',
      'CNCERT/CC accused the NSA of hacking into the Ministry of Defence networks since May 2023.',
      {
        accuser: 'CNCERT/CC',
        accused: 'NSA',
        of: ['hacking'],
        period: 'since May 2023',
        targets: ['Ministry of Defence'],
      },
    ],
    [
      'a government, named by the sentence, attributes espionage to a group (German)',
      'Die Bundesregierung beschuldigt APT28 der Cyberspionage gegen Parteien.',
      { accuser: 'Die Bundesregierung', accused: 'APT28', of: ['hacking', 'espionage'] },
    ],
    [
      'a reporter says who was behind a destructive attack (neither is in the knowledge base)',
      "Denmark's defence intelligence service said Russia was behind the cyberattack on a water utility.",
      { accuser: "Denmark's defence intelligence service", accused: 'Russia', of: ['hacking'] },
    ],
    [
      'two parties before a verb-final attribution (Czech word order)',
      'CNCERT/CC obvinila NSA z hackerských útoků.',
      { accuser: 'CNCERT/CC', accused: 'NSA' },
    ],
  ] as const)('%s', (_name, text, want) => {
    const b = brief(text);
    expect(b?.claims[0]).toMatchObject(want);
    expect(b?.claims[0]?.quote.text).toBe(text);
  });

  test.each([
    ['no verb of accusing', 'APT28 used phishing emails against ministries in several countries, researchers said.'],
    [
      'an accusation that is not about hacking',
      'The NSA accused the newspaper of publishing secrets about its budget.',
    ],
    [
      'no accuser the sentence or the knowledge base names',
      'Later, it was accused, in a long report, of running APT28.',
    ],
  ])('nothing when there is %s', (_name, text) => {
    expect(brief(text)).toBeUndefined();
  });

  test('the response the article reports is quoted; a short stem of another language is not a denial', () => {
    const b = brief(
      'CNCERT/CC accused the NSA of cyberattacks on universities. Menurut negara itu, the report is long. The US embassy denied the accusations.',
    );
    expect(b?.response?.text).toBe('The US embassy denied the accusations.');
  });

  test('a quote points at its sentence in the text', () => {
    const text = 'Intro line.\nCNCERT/CC accused the NSA of cyberattacks on a university.';
    const q = brief(text)!.claims[0]!.quote;
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('sentences', () => {
  test.each([
    ['Two. Sentences here.', ['Two.', ' Sentences here.']],
    ['U.S. officials said so. Then more.', ['U.S. officials said so.', ' Then more.']],
    ['中国指责美国。美方否认。', ['中国指责美国。', '美方否认。']],
  ])('%s', (text, want) => {
    expect(sentences(text, 0).map((s) => text.slice(s.start, s.end))).toEqual(want);
  });
});
