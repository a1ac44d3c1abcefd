/**
 * Freshness of knowledge-base entries: which "as of" dates are old, and which dated facts ended
 * after the entry was last checked (a suspension that ran out, a rule that expired), so the text may
 * no longer say what happened. Used by kb:stats (lists) and kb:build (warnings, never failures).
 * Pure module: runs in Node and in the browser.
 */

/** Months after which an entry's asOf counts as old. */
export const STALE_AFTER_MONTHS = 6;

/** A partial ISO date ("2026", "2026-11") padded to its first day, for comparison. */
export function padDate(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

/** The day `months` calendar months before `date` (YYYY-MM-DD), the day clamped to the month's length. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = padDate(date).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** True when asOf lies more than `months` months before today. */
export function isStale(asOf: string, today: string, months = STALE_AFTER_MONTHS): boolean {
  return padDate(asOf) < monthsBefore(today, months);
}

export interface FreshnessEntry {
  id: string;
  asOf: string;
  dates: readonly { label: string; start: string; end?: string }[];
}

export interface LapsedFact {
  id: string;
  field: string;
  label: string;
  end: string;
  asOf: string;
}

/** Dated facts whose end lies after the entry's asOf and on or before today. */
export function lapsedFacts(entry: FreshnessEntry, today: string): LapsedFact[] {
  const out: LapsedFact[] = [];
  entry.dates.forEach((d, i) => {
    if (d.end === undefined) return;
    const end = padDate(d.end);
    if (end > padDate(entry.asOf) && end <= padDate(today))
      out.push({ id: entry.id, field: `dates.${i}.end`, label: d.label, end: d.end, asOf: entry.asOf });
  });
  return out;
}

export interface FreshnessReport {
  stale: { id: string; asOf: string }[];
  lapsed: LapsedFact[];
}

export function freshnessReport(entries: readonly FreshnessEntry[], today: string): FreshnessReport {
  return {
    stale: entries.filter((e) => isStale(e.asOf, today)).map((e) => ({ id: e.id, asOf: e.asOf })),
    lapsed: entries.flatMap((e) => lapsedFacts(e, today)),
  };
}

/**
 * One line per finding, for build warnings. Old asOf dates beyond `maxStaleListed` are summed up in
 * one line (kb:stats lists them all); facts that ended after asOf are always listed.
 */
export function freshnessWarnings(
  entries: readonly FreshnessEntry[],
  today: string,
  maxStaleListed = Infinity,
): string[] {
  const r = freshnessReport(entries, today);
  const stale =
    r.stale.length > maxStaleListed
      ? [
          `${r.stale.length} entries have an asOf more than ${STALE_AFTER_MONTHS} months old (oldest ${
            r.stale.map((s) => s.asOf).sort()[0]
          }); see npm run kb:stats`,
        ]
      : r.stale.map((s) => `${s.id}: asOf ${s.asOf} is more than ${STALE_AFTER_MONTHS} months old`);
  return [
    ...stale,
    ...r.lapsed.map(
      (l) => `${l.id} ${l.field}: "${l.label}" ended ${l.end}, after asOf ${l.asOf}; say what happened since`,
    ),
  ];
}
