/**
 * Prints figures about the validated knowledge base, as plain aligned text: entries per
 * kind and per alias language, Chinese coverage (also of allegations and actions per direction),
 * freshness (old asOf dates, dated facts that ended after asOf), and the oldest and newest "as of" dates.
 *   npx tsx scripts/kb-stats.ts
 */
import { readKbFiles } from '../core/kb/load-node';
import { kbMeta } from '../core/kb/meta';
import { freshnessReport, STALE_AFTER_MONTHS } from '../core/kb/freshness';
import { CLAIM_KINDS, KINDS, LANGS, type Entry } from '../core/kb/schema';
import { KbValidationError, validateKb } from '../core/kb/validate';
import { cardStats } from '../core/kb/card-stats';

const today = new Date().toISOString().slice(0, 10);
let entries: Entry[];
try {
  entries = validateKb(readKbFiles(), { today });
} catch (err) {
  if (err instanceof KbValidationError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const hasZhAlias = (e: Entry) => e.aliases.some((a) => a.lang === 'zh-Hans');
// The validator already requires both for chinaRelated entries; listed here so a gap shows at once.
const chinaWithoutZh = entries.filter((e) => e.chinaRelated && (!e.nameZh || !hasZhAlias(e)));
// Heuristic: an entry placed in China, or marked China-related, is one a Chinese reader will look up by name.
const likelyZhWithoutNameZh = entries.filter((e) => (e.country === 'CN' || e.chinaRelated) && !e.nameZh);

const aliasesByLang = new Map<string, number>(LANGS.map((l) => [l, 0]));
for (const e of entries) for (const a of e.aliases) aliasesByLang.set(a.lang, (aliasesByLang.get(a.lang) ?? 0) + 1);

const fresh = freshnessReport(entries, today);
// Chinese summaries of claim entries, per direction of the claim ("CN>US", "US>CN"…).
const claimEntries = entries.filter((e) => CLAIM_KINDS.includes(e.kind));
const byDirection = new Map<string, { all: number; zh: number; checked: number }>();
for (const e of claimEntries) {
  const key = e.claim ? `${e.claim.byParty}>${e.claim.againstParty}` : '(no claim)';
  const row = byDirection.get(key) ?? { all: 0, zh: 0, checked: 0 };
  row.all++;
  if (e.summaryZh) row.zh++;
  if (e.claim?.responseCheckedOn) row.checked++;
  byDirection.set(key, row);
}

const meta = kbMeta(entries);
const cards = cardStats(entries);
const pct = (n: number, of: number) => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '0.0'}%)`;
const rows: [string, string | number][] = [
  ['entries', entries.length],
  ...KINDS.map((k): [string, number] => [`  kind ${k}`, meta.byKind[k]]),
  ['aliases', [...aliasesByLang.values()].reduce((a, b) => a + b, 0)],
  ...[...aliasesByLang].map(([lang, n]): [string, number] => [`  lang ${lang}`, n]),
  ['with summaryZh', entries.filter((e) => e.summaryZh).length],
  ['with nameZh', entries.filter((e) => e.nameZh).length],
  ['China-related', entries.filter((e) => e.chinaRelated).length],
  ['China-related without Chinese names', chinaWithoutZh.length],
  ['country CN or China-related without nameZh', likelyZhWithoutNameZh.length],
  ['allegations/actions', claimEntries.length],
  ['  with summaryZh', claimEntries.filter((e) => e.summaryZh).length],
  ['  with responseCheckedOn', claimEntries.filter((e) => e.claim?.responseCheckedOn).length],
  ...[...byDirection]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dir, r]): [string, string] => [`  ${dir} summaryZh / checked`, `${r.zh}/${r.all} ${r.checked}/${r.all}`]),
  ['unreachable entries (no matched name, no cue set)', cards.unreachable.length],
  ...cards.perKind.flatMap((k): [string, string][] => [
    [`${k.kind}: hand-written card`, pct(k.handWritten, k.all)],
    [`${k.kind}: composed only (no details)`, pct(k.composedOnly, k.all)],
    [`${k.kind}: one composed line (no details)`, pct(k.oneLine, k.all)],
    [`${k.kind}: with a date`, pct(k.withDate, k.all)],
    [`${k.kind}: no one named as attributor`, pct(k.noAttributionSource, k.all)],
  ]),
  ['groups with 2+ names saying who coined 2+', pct(cards.twoCoiners, cards.multiNameGroups)],
  ['  the same, not counting a group’s own name', pct(cards.twoVendorCoiners, cards.multiNameGroups)],
  [`asOf older than ${STALE_AFTER_MONTHS} months`, fresh.stale.length],
  ['dated facts ended after asOf', fresh.lapsed.length],
  ['oldest asOf', entries.length ? meta.asOf : '-'],
  ['newest asOf', entries.length ? meta.newestAsOf : '-'],
];

const width = Math.max(...rows.map(([label]) => label.length));
const numWidth = Math.max(...rows.map(([, value]) => String(value).length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${String(value).padStart(numWidth)}`);

const list = (title: string, items: Entry[]) => {
  if (items.length === 0) return;
  console.log(`\n${title}:`);
  for (const e of items) console.log(`  ${e.id}`);
};
if (cards.unreachable.length > 0) {
  console.log('\nUnreachable entries:');
  for (const u of cards.unreachable) console.log(`  ${u.kind}/${u.id}: ${u.reason}`);
}
list('China-related without Chinese names', chinaWithoutZh);
list('Country CN or China-related without nameZh', likelyZhWithoutNameZh);

if (fresh.stale.length > 0) {
  console.log(`\nasOf older than ${STALE_AFTER_MONTHS} months:`);
  for (const s of fresh.stale) console.log(`  ${s.id} (asOf ${s.asOf})`);
}
if (fresh.lapsed.length > 0) {
  console.log('\nDated facts that ended after asOf (the entry may not say what happened):');
  for (const l of fresh.lapsed) console.log(`  ${l.id} ${l.field} "${l.label}" ended ${l.end}, asOf ${l.asOf}`);
}
