/**
 * Prints how the knowledge base is sourced: sources per domain (with its class under the source
 * policy), entries resting on one non-primary source, and sources dated before the event they support.
 * Denied sources are counted here too (validation fails on them).
 *   npx tsx scripts/kb-sources.ts
 */
import { readKbFiles } from '../core/kb/load-node';
import type { Entry } from '../core/kb/schema';
import {
  classifyUrl,
  defaultSourcePolicy,
  entrySourceUrls,
  reportDomain,
  restsOnOneNonPrimarySource,
  sourcesBeforeEvent,
  type SourceClass,
} from '../core/kb/source-policy';
import { KbValidationError, validateKb } from '../core/kb/validate';

const today = new Date().toISOString().slice(0, 10);
const policy = defaultSourcePolicy();
let entries: Entry[];
try {
  // Denied sources are reported below rather than stopping the report.
  entries = validateKb(readKbFiles(), { today, sourcePolicy: { denied: [], primary: policy.primary } });
} catch (err) {
  if (err instanceof KbValidationError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const perDomain = new Map<string, { n: number; cls: SourceClass }>();
const denied: string[] = [];
let sourceCount = 0;
const byClass: Record<SourceClass, number> = { denied: 0, primary: 0, other: 0 };
for (const e of entries) {
  for (const ref of entrySourceUrls(e)) {
    const c = classifyUrl(ref.url, policy);
    const d = reportDomain(ref.url);
    const row = perDomain.get(d) ?? { n: 0, cls: c.class };
    row.n++;
    perDomain.set(d, row);
    if (ref.field.startsWith('sources.')) {
      sourceCount++;
      byClass[c.class]++;
    }
    if (c.class === 'denied') denied.push(`  ${e.id} ${ref.field}: ${ref.url} (${c.rule?.pattern})`);
  }
}
const single = entries.filter((e) => restsOnOneNonPrimarySource(e, policy));
const early = entries.flatMap((e) => sourcesBeforeEvent(e).map((s) => ({ id: e.id, ...s })));
const withPrimary = entries.filter((e) => e.sources.some((s) => classifyUrl(s.url, policy).class === 'primary'));
const pct = (n: number, of: number) => (of === 0 ? '0.0%' : `${((100 * n) / of).toFixed(1)}%`);

const rows: [string, string | number][] = [
  ['entries', entries.length],
  ['sources', sourceCount],
  ['  primary', `${byClass.primary} (${pct(byClass.primary, sourceCount)})`],
  ['  other', `${byClass.other} (${pct(byClass.other, sourceCount)})`],
  ['  denied', byClass.denied],
  ['denied addresses (sources and alias sources)', denied.length],
  ['entries with a primary source', `${withPrimary.length} (${pct(withPrimary.length, entries.length)})`],
  ['entries resting on one non-primary source', `${single.length} (${pct(single.length, entries.length)})`],
  ['sources dated before the event they support', early.length],
  ['domains', perDomain.size],
];
const width = Math.max(...rows.map(([l]) => l.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);

if (denied.length > 0) console.log(`\nDenied sources:\n${denied.join('\n')}`);
if (single.length > 0) {
  console.log('\nEntries resting on one non-primary source:');
  for (const e of single) console.log(`  ${e.id}: ${e.sources.map((s) => reportDomain(s.url)).join(', ')}`);
}
if (early.length > 0) {
  console.log('\nSources dated before the earliest event of their entry:');
  for (const s of early) console.log(`  ${s.id} sources.${s.index} dated ${s.date}, event ${s.event}: ${s.url}`);
}
console.log('\nSources per domain (count, class):');
for (const [d, r] of [...perDomain].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])))
  console.log(`  ${String(r.n).padStart(4)}  ${r.cls.padEnd(7)}  ${d}`);
