import { describe, expect, test } from 'vitest';
import {
  classifyUrl,
  DENIED_FILE,
  defaultSourcePolicy,
  deniedSourceUrls,
  earliestEventDate,
  isEarlierAtSharedPrecision,
  parseSourcePolicy,
  PRIMARY_FILE,
  restsOnOneNonPrimarySource,
  sourcesBeforeEvent,
  type SourceClass,
} from '../../core/kb/source-policy';
import { KbValidationError, validateKb, type KbProblem } from '../../core/kb/validate';
import { readKbFiles } from '../../core/kb/load-node';

const { policy } = parseSourcePolicy(
  {
    file: 'denied.json',
    data: {
      domains: [
        { domain: 'rt.com', reason: 'sanctioned' },
        { domain: '163.com/dy', reason: 'self-media' },
        { domain: 'archive.orkl.eu', reason: 'mirror' },
      ],
    },
  },
  {
    file: 'primary.json',
    data: {
      domains: [
        { domain: 'gov', category: 'government', reason: 'US government' },
        { domain: '.gov.cn', category: 'government', reason: 'PRC government' },
        { domain: 'microsoft.com/security/blog', category: 'vendor', reason: 'Microsoft' },
        { domain: 'reuters.com', category: 'wire', reason: 'Reuters' },
        { domain: 'orkl.eu', category: 'research', reason: 'deliberately overlapping a denied rule' },
      ],
    },
  },
);

describe('classifyUrl', () => {
  test.each<[string, SourceClass]>([
    ['https://www.rt.com/news/1', 'denied'],
    ['https://rt.com/', 'denied'],
    ['https://de.rt.com/x', 'denied'],
    ['https://art.com/x', 'other'],
    ['https://www.163.com/dy/article/KC83Q0GU0525PDMG.html', 'denied'],
    ['https://www.163.com/news/article/ABC.html', 'other'],
    ['https://www.163.com/dyx/article', 'other'],
    ['https://archive.orkl.eu/abc.json', 'denied'],
    ['https://orkl.eu/report', 'primary'],
    ['https://www.justice.gov/opa/pr/x', 'primary'],
    ['https://home.treasury.gov/news', 'primary'],
    ['https://gov.example.com/', 'other'],
    ['https://www.mofcom.gov.cn/a', 'primary'],
    ['https://www.microsoft.com/en-us/security/blog/2023/05/24/volt-typhoon/', 'primary'],
    ['https://www.microsoft.com/security/blog/2021/03/02/hafnium/', 'primary'],
    ['https://www.microsoft.com/en-us/windows', 'other'],
    ['https://www.reuters.com/world/china/x', 'primary'],
    ['https://REUTERS.com/x', 'primary'],
    ['not a url', 'other'],
  ])('%s is %s', (url, expected) => {
    expect(classifyUrl(url, policy).class).toBe(expected);
  });
});

describe('parseSourcePolicy: a broken record names its file and field', () => {
  test.each<[string, unknown, unknown, { file: string; field: string }]>([
    [
      'denied record without a reason',
      { domains: [{ domain: 'x.com' }] },
      { domains: [] },
      { file: 'd.json', field: 'domains.0.reason' },
    ],
    [
      'denied domain that is a URL',
      {
        domains: [
          { domain: 'a.com', reason: 'r' },
          { domain: 'https://x.com', reason: 'r' },
        ],
      },
      { domains: [] },
      { file: 'd.json', field: 'domains.1.domain' },
    ],
    [
      'primary record with an unknown category',
      { domains: [] },
      { domains: [{ domain: 'x.gov', category: 'blog', reason: 'r' }] },
      { file: 'p.json', field: 'domains.0.category' },
    ],
    [
      'a domain listed twice',
      {
        domains: [
          { domain: 'x.com', reason: 'r' },
          { domain: 'X.com', reason: 'r' },
        ],
      },
      { domains: [] },
      { file: 'd.json', field: 'domains.1.domain' },
    ],
    ['a file without a domains list', { sites: [] }, { domains: [] }, { file: 'd.json', field: 'domains' }],
  ])('%s', (_name, denied, primary, expected) => {
    const { problems } = parseSourcePolicy({ file: 'd.json', data: denied }, { file: 'p.json', data: primary });
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  test('the good records of a broken file are kept', () => {
    const { policy: p } = parseSourcePolicy(
      { file: 'd.json', data: { domains: [{ domain: 'bad' }, { domain: 'rt.com', reason: 'r' }] } },
      { file: 'p.json', data: { domains: [] } },
    );
    expect(p.denied.map((r) => r.pattern)).toEqual(['rt.com']);
  });
});

describe('the shipped lists', () => {
  test('parse without problems', () => {
    expect(() => defaultSourcePolicy()).not.toThrow();
  });

  test.each([
    ['https://www.rt.com/', 'denied'],
    ['https://sputniknews.com/', 'denied'],
    ['https://www.voiceofeurope.com/x', 'denied'],
    ['https://conservativesense.com/x', 'denied'],
    ['https://www.china-bftbh.com/m/news/x', 'denied'],
    ['https://www.devdiscourse.com/article/technology/1-x', 'denied'],
    ['https://www.nasdaq.com/articles/u.s.-says-x', 'denied'],
    ['https://www.nasdaq.com/market-activity/stocks/x', 'other'],
    ['https://www.marketscreener.com/quote/stock/X/news/y', 'denied'],
    ['https://securitydive.in/2025/01/17/x', 'denied'],
    ['https://www.cybersecuritydive.com/news/x', 'other'],
    ['https://www.sinodaily.com/afp/x.html', 'denied'],
    ['https://www.justice.gov/opa/pr/x', 'primary'],
    ['https://www.ncsc.gov.uk/news/x', 'primary'],
    ['https://www.mfa.gov.cn/x', 'primary'],
    ['https://www.cyber.gc.ca/en/x', 'primary'],
    ['https://www.consilium.europa.eu/x', 'primary'],
    ['https://cloud.google.com/blog/topics/threat-intelligence/apt44', 'primary'],
    ['https://cloud.google.com/blog/products/ai', 'other'],
    ['https://unit42.paloaltonetworks.com/x', 'primary'],
    ['https://www.apnews.com/x', 'primary'],
    ['https://english.news.cn/x', 'primary'],
    ['https://www.nytimes.com/x', 'other'],
  ])('%s is %s', (url, expected) => {
    expect(classifyUrl(url).class).toBe(expected);
  });

  test('file names are the ones in assets/sources', () => {
    expect([DENIED_FILE, PRIMARY_FILE]).toEqual([
      'assets/sources/denied-domains.json',
      'assets/sources/primary-domains.json',
    ]);
  });
});

const base = {
  id: 'a',
  kind: 'concept',
  name: 'A',
  aliases: [{ text: 'Alias A', lang: 'en' }],
  summary: 'A summary.',
  details: [],
  dates: [],
  related: [],
  sources: [{ url: 'https://www.reuters.com/x', title: 'T', publisher: 'Reuters' }],
  asOf: '2025-01-01',
};

function problemsOf(data: unknown): KbProblem[] {
  try {
    validateKb([{ file: 'assets/kb/concept/a.json', data }], { today: '2026-12-02', sourcePolicy: policy });
  } catch (err) {
    expect(err).toBeInstanceOf(KbValidationError);
    return (err as KbValidationError).problems;
  }
  return [];
}

describe('validateKb applies the denied list', () => {
  test.each<[string, unknown, string[]]>([
    ['a primary source passes', base, []],
    [
      'a denied source fails, naming its index',
      {
        ...base,
        sources: [...base.sources, { url: 'https://www.rt.com/news/1', title: 'T', publisher: 'RT' }],
      },
      ['sources.1.url'],
    ],
    [
      'a denied alias source fails',
      {
        ...base,
        aliases: [...base.aliases, { text: '甲', lang: 'zh-Hans', source: 'https://www.163.com/dy/article/x' }],
      },
      ['aliases.1.source'],
    ],
  ])('%s', (_name, data, fields) => {
    const problems = problemsOf(data);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p).toMatchObject({ file: 'assets/kb/concept/a.json', id: 'a' });
  });
});

describe('report helpers', () => {
  test.each<[string, string[], boolean]>([
    ['one primary source', ['https://www.justice.gov/x'], false],
    ['one newspaper', ['https://www.nytimes.com/x'], true],
    ['two pages of one newspaper', ['https://www.nytimes.com/x', 'https://nytimes.com/y'], true],
    ['two newspapers', ['https://www.nytimes.com/x', 'https://www.latimes.com/y'], false],
  ])('rests on one non-primary source: %s -> %s', (_name, urls, expected) => {
    expect(restsOnOneNonPrimarySource({ sources: urls.map((url) => ({ url })) }, policy)).toBe(expected);
  });

  test.each<[string, string, boolean]>([
    ['2024-03-01', '2024-03-26', true],
    ['2024', '2024-03-26', false],
    ['2024-03', '2024-03-26', false],
    ['2023-12', '2024', true],
    ['2024-04-01', '2024-03-26', false],
  ])('%s earlier than %s at shared precision -> %s', (a, b, expected) => {
    expect(isEarlierAtSharedPrecision(a, b)).toBe(expected);
  });

  test('earliest event is the first date start, detail date or claim date', () => {
    expect(earliestEventDate({ dates: [{ start: '2024-03-26' }], claim: { date: '2024-03-25' } })).toBe('2024-03-25');
    expect(earliestEventDate({ dates: [{ start: '2024-03-26' }], details: [{ date: '2021-07' }] })).toBe('2021-07');
    expect(earliestEventDate({ dates: [] })).toBeUndefined();
  });

  test('sources dated before the event are listed with their index', () => {
    const e = {
      dates: [{ start: '2025-04-03' }],
      sources: [
        { url: 'https://a.example/1', date: '2025-03' },
        { url: 'https://a.example/2', date: '2025-04-15' },
        { url: 'https://a.example/3', date: '2025-03-30' },
        { url: 'https://a.example/4' },
      ],
    };
    expect(sourcesBeforeEvent(e).map((s) => s.index)).toEqual([0, 2]);
  });

  test('deniedSourceUrls names the rule', () => {
    const found = deniedSourceUrls(
      { sources: [{ url: 'https://rt.com/x' }], aliases: [{ source: 'https://www.reuters.com/y' }] },
      policy,
    );
    expect(found).toEqual([
      expect.objectContaining({ field: 'sources.0.url', rule: expect.objectContaining({ pattern: 'rt.com' }) }),
    ]);
  });
});

describe('the real knowledge base', () => {
  test('cites no denied domain', () => {
    const files = readKbFiles();
    const denied = validateKb(files, { today: new Date().toISOString().slice(0, 10) }).flatMap((e) =>
      deniedSourceUrls(e).map((d) => `${e.id} ${d.field}`),
    );
    expect(denied).toEqual([]);
  });
});
