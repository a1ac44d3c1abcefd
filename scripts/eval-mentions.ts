/**
 * Counts the knowledge-base mentions found on the corpus pages that are not about espionage, as the
 * extension would highlight them in "any article" mode, and lists each one (id and matched text).
 *   npx tsx scripts/eval-mentions.ts [--no-atlas] [--json out.json] [--patterns]
 * --no-atlas leaves the imported atlas layer out (the figure before the import).
 * --patterns also lists vendor-pattern names (core/naming/patterns.ts) on all corpus pages and fixtures.
 * Corpus: ../shared/corpus from the repository root, or $SPYGLASS_CORPUS.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocument, analyzeText } from '../core/engine/analyze';
import { matcherForEntries, readHtmlDocument, schemaValidEntries } from '../core/engine/node-support';
import { mergeLayers } from '../core/kb/layers';
import { readLayerFiles } from '../core/kb/load-node';
import { findPatternNames } from '../core/naming/patterns';

const root = resolve(import.meta.dirname, '..');
const corpus = process.env.SPYGLASS_CORPUS ?? resolve(root, '../shared/corpus');
const noAtlas = process.argv.includes('--no-atlas');
const jsonAt = process.argv.indexOf('--json');
const jsonOut = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;

const layers = readLayerFiles(root);
const files = mergeLayers(noAtlas ? { ...layers, atlas: [] } : layers).files;
const entries = schemaValidEntries(files);
const matcher = matcherForEntries(entries);
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string; label: string }[];
const rows: { page: string; article: boolean; mentions: { id: string; text: string }[] }[] = [];
for (const rec of manifest) {
  if (rec.label === 'espionage') continue;
  const a = analyzeDocument(readHtmlDocument(join(corpus, rec.file)), { matcher });
  rows.push({ page: rec.file, article: a.isArticle, mentions: a.mentions.map((m) => ({ id: m.id, text: m.text })) });
}
const articles = rows.filter((r) => r.article);
const count = (rs: typeof rows) => rs.reduce((n, r) => n + r.mentions.length, 0);
console.log(`knowledge base: ${entries.length} entries${noAtlas ? ' (atlas left out)' : ''}`);
console.log(`non-espionage pages: ${rows.length}, judged articles: ${articles.length}`);
console.log(
  `mentions on all pages: ${count(rows)}; on article pages (painted in "any article" mode): ${count(articles)}`,
);
for (const r of rows)
  if (r.mentions.length > 0)
    console.log(
      `  ${r.article ? 'article' : 'page   '} ${r.page}: ${r.mentions.map((m) => `${m.id}="${m.text}"`).join(', ')}`,
    );
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);

// Vendor naming patterns (core/naming/patterns.ts): names that fit a pattern and that the knowledge
// base did not match, on every corpus page (espionage included) and on our article fixtures.
if (process.argv.includes('--patterns')) {
  const fixtures = join(root, 'tests/fixtures/articles');
  // The fixture index at the top and one per language folder.
  const fixturePages: { name: string; path: string; espionage: boolean }[] = [];
  for (const dir of [
    '',
    ...readdirSync(fixtures, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name),
  ]) {
    const at = join(fixtures, dir, 'index.json');
    if (!existsSync(at)) continue;
    for (const f of JSON.parse(readFileSync(at, 'utf8')) as { file: string; espionage: boolean }[]) {
      // Paths in a language folder's index may or may not repeat the folder.
      const path = existsSync(join(fixtures, dir, f.file)) ? join(fixtures, dir, f.file) : join(fixtures, f.file);
      fixturePages.push({ name: `fixtures/${path.slice(fixtures.length + 1)}`, path, espionage: f.espionage });
    }
  }
  const pages = [
    ...manifest.map((r) => ({ name: r.file, path: join(corpus, r.file), espionage: r.label === 'espionage' })),
    ...fixturePages,
  ];
  let hits = 0;
  let onNonEspionage = 0;
  for (const p of pages) {
    const text = p.path.endsWith('.txt')
      ? readFileSync(p.path, 'utf8')
      : (readHtmlDocument(p.path).body?.textContent ?? '');
    const known = analyzeText(text, { matcher }).mentions;
    const found = findPatternNames(text, known);
    hits += found.length;
    if (!p.espionage) onNonEspionage += found.length;
    if (found.length > 0)
      console.log(
        `  ${p.espionage ? 'espionage' : 'other    '} ${p.name}: ${found.map((f) => `${f.patternId}="${f.text}"`).join(', ')}`,
      );
  }
  console.log(
    `naming patterns: ${pages.length} pages, ${hits} names found, ${onNonEspionage} on pages not about espionage`,
  );
}
