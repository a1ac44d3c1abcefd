import { describe, expect, test } from 'vitest';
import {
  datedCitationCount,
  indexDocs,
  mentionComponents,
  namePattern,
  rankRows,
  rankScore,
  userCount,
  type Citation,
  type RankDoc,
  type RankName,
} from '../../core/kb/rank';

describe('datedCitationCount', () => {
  test.each<[string, Citation[], number]>([
    ['none', [], 0],
    ['undated citations do not count', [{ url: 'https://a.example/1' }, { title: 'x' }], 0],
    [
      'the same URL counts once',
      [
        { url: 'https://a.example/1', date: '2020' },
        { url: 'https://A.example/1', date: '2020-01-02' },
      ],
      1,
    ],
    [
      'distinct URLs, and a title when no URL',
      [
        { url: 'https://a.example/1', date: '2020' },
        { url: 'https://a.example/2', date: '2021' },
        { title: 'Report', date: '2022' },
        { title: 'report', date: '2022' },
      ],
      3,
    ],
  ])('%s', (_, citations, expected) => {
    expect(datedCitationCount(citations)).toBe(expected);
  });
});

describe('userCount', () => {
  const groups = [{ software: ['S0001', 'S0002'] }, { software: ['S0002'] }, {}];
  test.each([
    ['S0001', 1],
    ['S0002', 2],
    ['S0003', 0],
  ])('%s is used by %i groups', (id, expected) => {
    expect(userCount(id, groups)).toBe(expected);
  });
});

describe('namePattern', () => {
  test.each<[RankName, string, boolean]>([
    [{ text: 'Tonto Team' }, 'the tonto team struck', true],
    [{ text: 'Tonto Team' }, 'the Tonto-Team struck', true],
    [{ text: 'APT-C-23' }, 'APT C 23 again', true],
    [{ text: 'APT5' }, 'APT51 is another', false],
    [{ text: 'PLATINUM', caseSensitive: true }, 'a platinum card', false],
    [{ text: 'PLATINUM', caseSensitive: true }, 'group PLATINUM said', true],
    [{ text: 'TEMP.Veles' }, 'TEMPxVeles', false],
  ])('%o in %s: %s', (name, text, expected) => {
    expect(namePattern(name).test(text)).toBe(expected);
  });
});

describe('mentionComponents', () => {
  const docs: RankDoc[] = [
    { text: 'Tonto Team and Karma Panda hit a ministry.', news: true, topical: true },
    { text: 'Karma Panda again; Darkhotel too.', news: true, topical: true },
    { text: 'Report on Tonto Team implants. Play ransomware too.', news: false, topical: true },
    { text: 'Kids play in the park.', news: true, topical: false },
  ];
  const index = indexDocs(docs);
  test.each<[string, RankName[], { newsDocs: number; reportDocs: number }]>([
    [
      'one document counts once for two names',
      [{ text: 'Tonto Team' }, { text: 'Karma Panda' }],
      { newsDocs: 2, reportDocs: 1 },
    ],
    ['a disputed name never counts', [{ text: 'Karma Panda', disputed: true }], { newsDocs: 0, reportDocs: 0 }],
    ['a name under three characters never counts', [{ text: 'TT' }], { newsDocs: 0, reportDocs: 0 }],
    ['a name found off topic is an ordinary word', [{ text: 'Play' }], { newsDocs: 0, reportDocs: 0 }],
    ['an unknown name', [{ text: 'Nobody Here' }], { newsDocs: 0, reportDocs: 0 }],
  ])('%s', (_, names, expected) => {
    expect(mentionComponents(names, index)).toEqual(expected);
  });
});

describe('rankScore and rankRows', () => {
  test.each([
    [{ citations: 0, users: 0, newsDocs: 0, reportDocs: 0 }, 0],
    [{ citations: 4, users: 2, newsDocs: 0, reportDocs: 0 }, 6],
    [{ citations: 1, users: 0, newsDocs: 2, reportDocs: 1 }, 9],
  ])('%o scores %i', (c, expected) => {
    expect(rankScore(c)).toBe(expected);
  });

  test('highest score first, ties by name', () => {
    const zero = { citations: 0, users: 0, newsDocs: 0, reportDocs: 0 };
    const rows = rankRows([
      { ...zero, id: 'b', name: 'Bravo', citations: 3 },
      { ...zero, id: 'a', name: 'Alpha', citations: 3 },
      { ...zero, id: 'c', name: 'Charlie', newsDocs: 2 },
    ]);
    expect(rows.map((r) => [r.id, r.score])).toEqual([
      ['c', 6],
      ['a', 3],
      ['b', 3],
    ]);
  });
});
