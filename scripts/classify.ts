/**
 * Classifies saved pages or texts, one JSON line per file, in order.
 *   npx tsx scripts/classify.ts <file.html|file.txt> [...]
 * A file that cannot be read or is empty gives a line with "error"; the
 * exit code is non-zero only when no file is given.
 */
import { readFileSync } from 'node:fs';
import { analyzeDocument, analyzeText, type AnalysisDetail } from '../core/engine/analyze';
import { decodeHtml, loadKbForNode, matcherForEntries, parseHtmlDocument } from '../core/engine/node-support';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('usage: npx tsx scripts/classify.ts <file.html|file.txt> [...]');
  process.exit(2);
}

const { entries } = loadKbForNode();
const names = new Map(entries.map((e) => [e.id, e.name]));
const matcher = matcherForEntries(entries);

for (const file of files) {
  try {
    const bytes = readFileSync(file);
    const content = decodeHtml(bytes);
    if (content.trim().length === 0) throw new Error('empty file');
    const isHtml = /\.x?html?$/i.test(file) || /^\s*<(!doctype|html)/i.test(content);
    const a: AnalysisDetail = isHtml
      ? analyzeDocument(parseHtmlDocument(content), { matcher })
      : analyzeText(content, { matcher });
    const counts = new Map<string, number>();
    for (const m of a.mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    const entities = [...counts]
      .map(([id, count]) => ({ id, name: names.get(id) ?? id, count }))
      .sort((x, y) => y.count - x.count);
    console.log(
      JSON.stringify({
        file,
        isArticle: a.isArticle,
        espionage: a.espionage,
        score: a.score,
        lang: a.lang,
        entities,
        signals: a.signals,
      }),
    );
  } catch (err) {
    console.log(JSON.stringify({ file, error: (err as Error).message }));
  }
}
