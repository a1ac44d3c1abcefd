/** The order statistics and number format the benchmark scripts print with. */

/** The q-quantile (0..1) of `xs` by rank, NaN for no values. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** Two decimals, or "-" for a figure that was not measured. */
export const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
