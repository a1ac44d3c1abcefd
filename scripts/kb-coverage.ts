/**
 * Measures what the knowledge base knows of the names in real 2025–26 espionage news (issue #22):
 * for every name listed by hand in tests/fixtures/coverage/*.json (groups, malware, operations,
 * agencies; never victims or media), does the page matcher built from the knowledge base find an
 * entry for it? Prints known / total per kind and overall, over distinct names and over mentions
 * (a name once per article), then every unknown name.
 *   npx tsx scripts/kb-coverage.ts [--json] [fixture.json ...]
 * Rule: core/kb/coverage.ts. The matcher and cue sets are built from the validated entries the
 * same way scripts/kb-build.ts builds them for the extension.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileCueSets } from '../core/engine/references';
import { loadKbForNode, matcherForEntries } from '../core/engine/node-support';
import {
  checkArticles,
  coverageRows,
  distinctNames,
  isKnown,
  judgeName,
  type CoverageArticle,
  type CoverageRow,
  type NameVerdict,
} from '../core/kb/coverage';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'tests/fixtures/coverage');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const asJson = process.argv.includes('--json');
const files = args.length
  ? args
  : readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));

const articles = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as CoverageArticle[]);
const problems = checkArticles(articles);
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}

const { entries, warnings } = loadKbForNode(root);
const matcher = matcherForEntries(entries);
const cueSets = compileCueSets(entries);

const verdictOf = new Map<string, NameVerdict>();
for (const n of distinctNames(articles)) verdictOf.set(n.text, judgeName(n, matcher, cueSets));
const distinct = [...verdictOf.values()];
const mentions = articles.flatMap((a) => a.names.map((n) => ({ ...verdictOf.get(n.text)!, kind: n.kind })));
const byDistinct = coverageRows(distinct);
const byMention = coverageRows(mentions);
const unknown = distinct.filter((v) => !isKnown(v.status));

if (asJson) {
  console.log(JSON.stringify({ articles: articles.length, byDistinct, byMention, verdicts: distinct }, null, 2));
  process.exit(0);
}

const pct = (r: CoverageRow) => (r.total ? ((100 * r.known) / r.total).toFixed(1) : '-');
const langs = [...new Set(articles.map((a) => a.lang))].sort().join(', ');
console.log(
  `knowledge base: ${entries.length} entries${warnings.length ? ` (${warnings.length} cross-entry problems)` : ''}`,
);
console.log(`articles: ${articles.length} (${langs}), dated ${minDate()} to ${maxDate()}`);
console.log('');
console.log('kind            distinct names        mentions');
for (const [i, r] of byDistinct.entries()) {
  const m = byMention[i]!;
  console.log(
    `${r.kind.padEnd(15)} ${`${r.known}/${r.total}`.padStart(8)} ${pct(r).padStart(6)}%   ${`${m.known}/${m.total}`.padStart(8)} ${pct(m).padStart(6)}%`,
  );
}
const how = (s: NameVerdict['status']) => distinct.filter((v) => v.status === s).length;
console.log('');
console.log(
  `known by a name: ${how('name')}, by a name that needs a hacking word near: ${how('context')}, by a cue set: ${how('cue')}`,
);
console.log('');
console.log(`unknown (${unknown.length}):`);
for (const v of unknown) {
  const seenIn = articles.filter((a) => a.names.some((n) => n.text === v.text)).length;
  const part = v.status === 'partial' ? `  [a hit inside: ${v.id}]` : '';
  console.log(`  ${v.kind.padEnd(13)} ${v.text}  (${seenIn} article${seenIn > 1 ? 's' : ''})${part}`);
}
const otherKind = distinct.filter((v) => isKnown(v.status) && v.otherKind !== undefined);
if (otherKind.length) {
  console.log('');
  console.log('known under another kind than listed:');
  for (const v of otherKind) console.log(`  ${v.text}: listed ${v.kind}, entry ${v.id} is ${v.otherKind}`);
}

function minDate(): string {
  return articles.map((a) => a.date).sort()[0] ?? '-';
}
function maxDate(): string {
  return (
    articles
      .map((a) => a.date)
      .sort()
      .at(-1) ?? '-'
  );
}
