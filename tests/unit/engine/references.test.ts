import { describe, expect, test } from 'vitest';
import { compileCueSets, findReferences } from '../../../core/engine/references';
import { dateFits, findArticleEvent, type EventCandidate } from '../../../core/engine/article-event';
import type { Entry } from '../../../core/kb/schema';

const withCues = (id: string, terms: string[][]) => ({ id, cueSets: [{ terms }] }) as unknown as Entry;
const sets = compileCueSets([
  withCues('staging-2022', [
    ['CNCERT', '国家互联网应急中心'],
    ['Russia', '俄罗斯'],
    ['Ukraine', '乌克兰'],
    ['Belarus', '白俄罗斯'],
  ]),
  withCues('five-officers-2014', [['five'], ['PLA', "People's Liberation Army"], ['indict*', 'charged']]),
]);

describe('findReferences', () => {
  test.each([
    [
      'an earlier CNCERT report said attacks routed through Chinese computers targeted Russia, Ukraine and Belarus.',
      ['staging-2022'],
    ],
    ['国家互联网应急中心此前报告称，攻击经中国境内计算机针对俄罗斯、乌克兰和白俄罗斯。', ['staging-2022']],
    ['In 2014 five officers of the PLA were indicted in Pennsylvania on hacking charges.', ['five-officers-2014']],
    // The terms are split over two paragraphs: no reference.
    ['An earlier CNCERT report named Russia and Ukraine.\nSeparately, Belarus announced new rules.', []],
    // Word boundaries: "Prussia" is not "Russia".
    ['A CNCERT note on Prussia, Ukraine and Belarus in a history quiz about the old maps of Europe.', []],
    [
      'Five teams took part; the PLA band played; nobody was indicted for anything at all here.',
      ['five-officers-2014'],
    ],
  ])('%s', (text, ids) => {
    expect(findReferences(text, sets).map((r) => r.id)).toEqual(ids);
  });

  test('reports the words as written', () => {
    const [r] = findReferences(
      'Officials say CNCERT named RUSSIA, Ukraine and Belarus as the targets of the attacks.',
      sets,
    );
    expect(r?.words).toEqual(['CNCERT', 'RUSSIA', 'Ukraine', 'Belarus']);
  });
});

const cand = (
  id: string,
  date: string,
  via: 'name' | 'cues' = 'name',
  count = 1,
  kind: Entry['kind'] = 'allegation',
): EventCandidate => ({
  entry: { id, kind, dates: [{ label: 'published', start: date }] },
  via,
  count,
});

describe('findArticleEvent', () => {
  test.each([
    ['one event that fits', [cand('a', '2024-12-18')], '2024-12-19', 'a'],
    ['an event a year earlier does not fit', [cand('a', '2023-12-18')], '2024-12-19', undefined],
    ['a month-only date fits a day in that month', [cand('a', '2024-12')], '2024-12-30', 'a'],
    [
      'the fitting one among an old and a new event',
      [cand('old', '2022-03-11', 'cues'), cand('new', '2024-12-18')],
      '2024-12-20',
      'new',
    ],
    ['two that fit equally: none', [cand('a', '2024-12-18'), cand('b', '2024-12-10')], '2024-12-20', undefined],
    [
      'two that fit: the one named more often',
      [cand('a', '2024-12-18', 'name', 3), cand('b', '2024-12-10')],
      '2024-12-20',
      'a',
    ],
    ['no publication date: none', [cand('a', '2024-12-18')], undefined, undefined],
    ['a policy is not an event', [cand('p', '2024-12-18', 'name', 1, 'policy')], '2024-12-19', undefined],
  ] as const)('%s', (_, cands, published, want) => {
    expect(findArticleEvent(cands, published)?.id).toBe(want);
  });

  test.each([
    ['2024-12-18', '2024-12-18', true],
    ['2024-12-18', '2025-01-31', true],
    ['2024-12-18', '2025-03-01', false],
    ['2024-12-25', '2024-12-20', false],
    ['2024', '2024-06-01', true],
  ] as const)('dateFits(%s, %s)', (event, published, want) => {
    expect(dateFits(event, published)).toBe(want);
  });
});
