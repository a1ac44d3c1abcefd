import { describe, expect, test } from 'vitest';
import { f, median, quantile } from '../../scripts/bench-stats';

describe('bench statistics', () => {
  const ten = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];
  test.each([
    [ten, 0.5, 6],
    [ten, 0.95, 10],
    [ten, 0, 1],
    [ten, 1, 10],
    [[4], 0.95, 4],
  ])('quantile(%j, %d) = %d', (xs, q, want) => expect(quantile(xs, q)).toBe(want));
  test('no values is not a number, and the input is left unsorted', () => {
    expect(quantile([], 0.5)).toBeNaN();
    const xs = [3, 1, 2];
    expect(median(xs)).toBe(2);
    expect(xs).toEqual([3, 1, 2]);
  });
  test.each([
    [1.234, '1.23'],
    [NaN, '-'],
    [Infinity, '-'],
  ])('f(%d) = %s', (n, want) => expect(f(n)).toBe(want));
});
