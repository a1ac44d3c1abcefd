/**
 * Precision of references in words (cue sets): how many corpus pages, fixtures and CASIE texts
 * "refer to" a knowledge-base event without naming it. Non-espionage pages and hard negatives
 * must have none; on CASIE the rate is reported.
 *   npx tsx scripts/eval-references.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKbForNode, readHtmlDocument } from '../core/engine/node-support';
import { readPageSteps } from '../core/engine/page';
import { compileCueSets, findReferences } from '../core/engine/references';
import { readFixtureIndex } from './fixture-index';

const root = resolve(import.meta.dirname, '..');
const corpus = process.env.SPYGLASS_CORPUS ?? resolve(root, '../shared/corpus');
const { entries } = loadKbForNode(root);
const sets = compileCueSets(entries);
console.log(`\n== references in words: ${sets.length} cue sets on ${new Set(sets.map((s) => s.id)).size} entries`);

function pageText(path: string): string {
  const gen = readPageSteps(readHtmlDocument(path));
  let r = gen.next();
  while (!r.done) r = gen.next();
  return r.value.page.text;
}

interface Tally {
  n: number;
  withRef: number;
  examples: string[];
}
const tally = (): Tally => ({ n: 0, withRef: 0, examples: [] });
const count = (t: Tally, name: string, text: string) => {
  t.n++;
  const refs = findReferences(text, sets);
  if (refs.length > 0) {
    t.withRef++;
    if (t.examples.length < 8)
      t.examples.push(`${name}: ${refs.map((r) => `${r.id} [${r.words.join(', ')}]`).join('; ')}`);
  }
};

const pagesNeg = tally();
const pagesPos = tally();
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string; label: string }[];
for (const rec of manifest)
  count(rec.label === 'espionage' ? pagesPos : pagesNeg, rec.file, pageText(join(corpus, rec.file)));

const fixNeg = tally();
const fixPos = tally();
for (const f of readFixtureIndex(root)) {
  const path = join(root, 'tests/fixtures/articles', f.file);
  const text = f.file.endsWith('.html') ? pageText(path) : readFileSync(path, 'utf8');
  count(f.espionage ? fixPos : fixNeg, f.file, text);
}

const casiePos = tally();
const casieNeg = tally();
for (const line of readFileSync(join(corpus, 'casie.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { id: string; title: string; text: string; label: string };
  count(r.label === 'espionage' ? casiePos : casieNeg, r.id, `${r.title}\n${r.text}`);
}

const line = (label: string, t: Tally) => {
  console.log(`  ${label.padEnd(40)} ${t.withRef}/${t.n} with a reference`);
  for (const e of t.examples) console.log(`      ${e}`);
};
line('corpus pages, not espionage (must be 0)', pagesNeg);
line('corpus pages, espionage', pagesPos);
line('fixtures, hard negatives (must be 0)', fixNeg);
line('fixtures, espionage', fixPos);
line('CASIE, espionage', casiePos);
line('CASIE, other security news', casieNeg);
if (pagesNeg.withRef > 0 || fixNeg.withRef > 0) process.exitCode = 1;
