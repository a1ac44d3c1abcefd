import { describe, expect, test } from 'vitest';
import { readKbFiles } from '../../core/kb/load-node';
import { validateKb } from '../../core/kb/validate';
import {
  PREFILTER_ABOVE,
  buildSearchIndex,
  createSearcher,
  toSearchDocs,
  type SearchIndexJson,
} from '../../core/search/search';

const today = new Date().toISOString().slice(0, 10);
const docs = toSearchDocs(validateKb(readKbFiles(), { today }));
const index = buildSearchIndex(docs);
const search = createSearcher(docs, index);

describe('search over the real knowledge base', () => {
  test.each([
    ['volt typhon', 'volt-typhoon'],
    ['cncert', 'cncert-cc'],
    ['entity list', 'entity-list'],
    ['伏特台风', 'volt-typhoon'],
    ['61398', 'pla-unit-61398'],
    ['APT41', 'apt41'],
    ['salt typhoon', 'salt-typhoon'],
    ['hafnium', 'silk-typhoon'],
  ])('%j finds %s in the top 3', (query, id) => {
    expect(
      search(query, 3).map((h) => h.doc.id),
      `top hits for ${query}`,
    ).toContain(id);
  });

  test.each(['', '   ', '\u3000'])('empty query %j gives no hits', (query) => {
    expect(search(query)).toEqual([]);
  });

  test('an exact name or alias ranks first with score 0', () => {
    const [first] = search('Volt Typhoon');
    expect(first).toMatchObject({ doc: { id: 'volt-typhoon' }, score: 0 });
  });

  test('hits are sorted by score and respect the limit', () => {
    const hits = search('typhoon', 5);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => a - b));
  });

  test.each(['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '.*(', '\\', '^$|'])(
    'markup or pattern syntax %j returns an array without throwing',
    (query) => {
      expect(Array.isArray(search(query))).toBe(true);
    },
  );

  test('a very long query does not throw', () => {
    expect(() => search('apt'.repeat(2000))).not.toThrow();
  });
});

describe("search by any vendor's name, with the entries tied to the hit", () => {
  test.each([
    ['Fancy Bear', 'apt28'],
    ['Forest Blizzard', 'apt28'],
    ['STRONTIUM', 'apt28'],
    ['Sofacy', 'apt28'],
    ['Mint Sandstorm', 'apt35'],
    ['Seashell Blizzard', 'sandworm'],
  ])('%j finds %s first', (query, id) => {
    expect(search(query, 5)[0]?.doc.id).toBe(id);
  });

  test('"61398" shows PLA Unit 61398 and, tied to it, APT1', () => {
    const hits = search('61398', 6);
    expect(hits[0]?.doc.id).toBe('pla-unit-61398');
    expect(hits.find((h) => h.doc.id === 'apt1')).toMatchObject({ via: 'pla-unit-61398' });
  });

  const mini = toSearchDocs(
    validateKb(
      [
        [
          'grp-a',
          'threat-actor',
          'Alpha Bravo',
          [
            { id: 'grp-b', type: 'sub-group-of' },
            { id: 'tool-c', type: 'uses' },
          ],
        ],
        ['grp-b', 'threat-actor', 'Charlie Delta', []],
        ['tool-c', 'malware', 'Echo Foxtrot', []],
        ['org-d', 'organization', 'Golf Hotel', []],
      ].map(([id, kind, name, links]) => ({
        file: `assets/kb/${kind as string}/${id as string}.json`,
        data: {
          id,
          kind,
          name,
          aliases: [{ text: name, lang: 'en' }],
          summary: 'S.',
          details: [],
          dates: [],
          related: id === 'org-d' ? ['grp-b'] : [],
          sources: [{ url: 'https://example.org/', title: 'T', publisher: 'P' }],
          asOf: '2026-01-01',
          links,
        },
      })),
      { today },
    ),
  );
  const searchMini = createSearcher(mini, buildSearchIndex(mini));

  test.each([
    ['Alpha Bravo', ['grp-a', 'grp-b']],
    ['Charlie Delta', ['grp-b', 'grp-a', 'org-d']],
    ['Echo Foxtrot', ['tool-c']],
  ])('%j lists its ties after it (links both ways and related ids; "uses" is not a tie)', (query, ids) => {
    const hits = searchMini(query, 10);
    expect(hits.slice(0, ids.length).map((h) => h.doc.id)).toEqual(ids);
    expect(hits.slice(1, ids.length).every((h) => h.via === ids[0])).toBe(true);
    expect(hits[0]?.via).toBeUndefined();
  });
});

describe('search index', () => {
  test('round-trips through JSON and gives the same results', () => {
    const revived = JSON.parse(JSON.stringify(index)) as SearchIndexJson;
    expect(revived).toEqual(index);
    const searchRevived = createSearcher(JSON.parse(JSON.stringify(docs)) as typeof docs, revived);
    for (const q of ['volt typhon', '伏特台风', 'entity list', '61398']) {
      expect(searchRevived(q).map((h) => h.doc.id)).toEqual(search(q).map((h) => h.doc.id));
    }
  });

  test('covers every document', () => {
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs.slice(0, 20)) expect(search(d.name, 20).map((h) => h.doc.id)).toContain(d.id);
  });
});

describe('search over a large knowledge base (bigram prefilter path)', () => {
  // Twenty copies of every entry, each with its own suffix: well above PREFILTER_ABOVE.
  const big = Array.from({ length: 20 }, (_, k) =>
    docs.map((d) => ({
      ...d,
      id: `${d.id}--${k}`,
      name: `${d.name} ${k}`,
      aliases: d.aliases.map((a) => `${a} ${k}`),
    })),
  ).flat();
  const searchBig = createSearcher(big, buildSearchIndex(big));

  test.each([
    ['volt typhon', 'volt-typhoon'],
    ['伏特台风', 'volt-typhoon'],
    ['61398', 'pla-unit-61398'],
    ['entity list', 'entity-list'],
  ])('%j still finds %s among the top 10', (query, id) => {
    expect(big.length).toBeGreaterThan(PREFILTER_ABOVE);
    const ids = searchBig(query, 10).map((h) => h.doc.id.replace(/--\d+$/, ''));
    expect(ids).toContain(id);
  });
});
