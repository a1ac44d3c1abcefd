/**
 * The article's event, as the background finds it (core/engine/article-context.ts), on every text
 * the verdict flags: our fixtures, the corpus pages and CASIE. Prints which event leads, by which
 * route (name, cues, content), its grounds and any tie, and how many flagged texts have none.
 *   npx tsx scripts/eval-events.ts [--all]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePageText, analyzeText } from '../core/engine/analyze';
import { articleContext } from '../core/engine/article-context';
import { indexEvents } from '../core/engine/event-score';
import { loadKbForNode, matcherForEntries, readHtmlDocument } from '../core/engine/node-support';
import { readPageSteps, type PageText } from '../core/engine/page';
import { runSteps } from '../core/engine/region';
import { compileCueSets } from '../core/engine/references';
import { toEventRecords } from '../core/kb/compile';
import { readFixtureIndex } from './fixture-index';

const root = resolve(import.meta.dirname, '..');
const corpus = process.env.SPYGLASS_CORPUS ?? resolve(root, '../shared/corpus');
const all = process.argv.includes('--all');
const { entries } = loadKbForNode(root);
const matcher = matcherForEntries(entries);
const cueSets = compileCueSets(entries);
const records = toEventRecords(entries);
const byId = new Map(records.map((r) => [r.id, r]));
const index = indexEvents(records);

interface Tally {
  flagged: number;
  withEvent: number;
  via: Record<string, number>;
}
const tallies = new Map<string, Tally>();

function judge(set: string, name: string, page: PageText, expected: boolean) {
  const a = analyzePageText(page, { matcher });
  if (!a.espionage) return;
  const t = tallies.get(set) ?? { flagged: 0, withEvent: 0, via: {} };
  tallies.set(set, t);
  t.flagged++;
  const ctx = articleContext({
    text: page.text,
    found: a.found,
    cueSets,
    entry: (id) => byId.get(id),
    events: index,
    ...(page.published ? { published: page.published } : {}),
  });
  const e = ctx.event;
  if (e) {
    t.withEvent++;
    t.via[e.via] = (t.via[e.via] ?? 0) + 1;
  }
  if (all || set === 'fixtures')
    console.log(
      `  ${expected ? ' ' : '!'} ${name.padEnd(52)} ${e ? `${e.id} (${e.via}${e.tiedWith ? `, tie with ${e.tiedWith.join(', ')}` : ''}) ${e.why?.map((w) => `${w.kind}: ${w.what.slice(0, 4).join(' ')}`).join(' | ')}` : '—'}`,
    );
}

const pageOf = (path: string) => runSteps(readPageSteps(readHtmlDocument(path))).page;
const textPage = (text: string): PageText => ({
  text,
  titleEnd: 0,
  facts: { gatePassed: true } as PageText['facts'],
});

console.log('\n== the article\'s event on flagged fixtures ("!" = flagged but labelled not espionage)');
for (const f of readFixtureIndex(root)) {
  const path = join(root, 'tests/fixtures/articles', f.file);
  judge(
    'fixtures',
    f.file,
    f.file.endsWith('.html') ? pageOf(path) : textPage(readFileSync(path, 'utf8')),
    f.espionage,
  );
}
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string; label: string }[];
for (const rec of manifest) judge('corpus', rec.file, pageOf(join(corpus, rec.file)), rec.label === 'espionage');
for (const line of readFileSync(join(corpus, 'casie.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { id: string; title: string; text: string; label: string };
  if (analyzeText(`${r.title}\n${r.text}`, { matcher }).espionage)
    judge('casie', r.id, textPage(`${r.title}\n${r.text}`), r.label === 'espionage');
}
console.log('\n== summary: flagged texts with an event, by route');
for (const [set, t] of tallies)
  console.log(`  ${set.padEnd(9)} ${t.withEvent}/${t.flagged} with an event  ${JSON.stringify(t.via)}`);
