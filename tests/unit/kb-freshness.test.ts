import { describe, expect, test } from 'vitest';
import {
  freshnessReport,
  freshnessWarnings,
  isStale,
  lapsedFacts,
  monthsBefore,
  padDate,
} from '../../core/kb/freshness';

describe('padDate', () => {
  test.each([
    ['2026', '2026-01-01'],
    ['2026-11', '2026-11-01'],
    ['2026-11-10', '2026-11-10'],
  ])('%s -> %s', (input, expected) => {
    expect(padDate(input)).toBe(expected);
  });
});

describe('monthsBefore', () => {
  test.each([
    ['2026-12-02', 6, '2026-06-02'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-08-31', 6, '2024-02-29'],
    ['2026-01-15', 13, '2024-12-15'],
    ['2026-12', 6, '2026-06-01'],
  ])('%s minus %i months is %s', (date, months, expected) => {
    expect(monthsBefore(date, months)).toBe(expected);
  });
});

describe('isStale (6 months)', () => {
  test.each([
    ['2026-06-01', '2026-12-02', true],
    ['2026-06-02', '2026-12-02', false],
    ['2026-11-25', '2026-12-02', false],
    ['2025', '2026-12-02', true],
    ['2026-12-02', '2026-12-02', false],
  ])('asOf %s, today %s -> %s', (asOf, today, expected) => {
    expect(isStale(asOf, today)).toBe(expected);
  });
});

const entry = (asOf: string, dates: { label: string; start: string; end?: string }[]) => ({ id: 'e', asOf, dates });

describe('lapsedFacts', () => {
  test.each([
    ['end after asOf, before today', '2026-11-01', '2026-11-10', '2026-12-02', 1],
    ['end on today', '2026-11-01', '2026-12-02', '2026-12-02', 1],
    ['end before asOf (the entry already knew)', '2026-11-25', '2026-11-10', '2026-12-02', 0],
    ['end still in the future', '2026-11-01', '2027-01-01', '2026-12-02', 0],
    ['end equal to asOf', '2026-11-10', '2026-11-10', '2026-12-02', 0],
    ['month precision end after asOf', '2026-10-15', '2026-11', '2026-12-02', 1],
  ])('%s', (_name, asOf, end, today, count) => {
    expect(lapsedFacts(entry(asOf, [{ label: 'suspended', start: '2025-11-07', end }]), today)).toHaveLength(count);
  });

  test('names the field and label', () => {
    const e = entry('2025-11-10', [
      { label: 'announced', start: '2025-10-09' },
      { label: 'suspended', start: '2025-11-07', end: '2026-11-10' },
    ]);
    expect(lapsedFacts(e, '2026-12-02')).toEqual([
      { id: 'e', field: 'dates.1.end', label: 'suspended', end: '2026-11-10', asOf: '2025-11-10' },
    ]);
  });

  test('dates without an end never lapse', () => {
    expect(lapsedFacts(entry('2020-01-01', [{ label: 'founded', start: '1908' }]), '2026-12-02')).toEqual([]);
  });
});

describe('freshnessReport and warnings', () => {
  const entries = [
    { id: 'old', asOf: '2025-01-01', dates: [] },
    { id: 'new', asOf: '2026-11-30', dates: [] },
    { id: 'lapsed', asOf: '2026-11-01', dates: [{ label: 'suspended', start: '2025-11-07', end: '2026-11-10' }] },
  ];

  test('lists stale and lapsed entries', () => {
    const r = freshnessReport(entries, '2026-12-02');
    expect(r.stale.map((s) => s.id)).toEqual(['old']);
    expect(r.lapsed.map((l) => l.id)).toEqual(['lapsed']);
  });

  test('one warning per finding, naming the entry', () => {
    const w = freshnessWarnings(entries, '2026-12-02');
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^old: asOf 2025-01-01/);
    expect(w[1]).toMatch(/^lapsed dates\.0\.end: "suspended" ended 2026-11-10/);
  });

  test('many old entries are summed up in one line, lapsed facts still listed', () => {
    const many = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `old${i}`, asOf: `2025-0${i + 1}-01`, dates: [] })),
      entries[2]!,
    ];
    const w = freshnessWarnings(many, '2026-12-02', 3);
    expect(w).toEqual([
      '5 entries have an asOf more than 6 months old (oldest 2025-01-01); see npm run kb:stats',
      expect.stringMatching(/^lapsed dates\.0\.end/),
    ]);
  });
});
