/**
 * Validates the knowledge base and compiles it into .generated/, so each part of the
 * extension loads only what it uses: matcher data for the content script, entry
 * records and a prebuilt Fuse index for the popup and cards. Run at every build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toEventRecords, toMatcherPatterns } from '../core/kb/compile';
import { annotateDisputes } from '../core/kb/disputed';
import { assertReachable } from '../core/kb/reachability';
import { readKbFiles } from '../core/kb/load-node';
import { KbValidationError, validateKb } from '../core/kb/validate';
import { buildSearchIndex, toSearchDocs } from '../core/search/search';
import { buildMatcherData } from '../core/engine/analyze';
import { kbMeta } from '../core/kb/meta';
import { freshnessWarnings } from '../core/kb/freshness';
import { compileCueSets } from '../core/engine/references';
import { checkLexiconFile } from '../core/engine/lexicon-check';
import type { LexiconFile } from '../core/engine/lexicon';
import { LEXICON_FILES } from '../core/engine/lexicon-files';
import { DEFAULT_MODEL, runtimeLexiconFile } from '../core/engine/lexicon';
import { compileTopicCues } from '../core/engine/topic-cues';
import { benchEntriesFromEnv, growEntries } from './synthetic-kb';

export const GENERATED_DIR = '.generated';
export const LEXICON_DIR = 'assets/lexicon';

/** Reads and validates every lexicon file (all but model.json), in file-name order. */
export function readLexicons(root = process.cwd()): LexiconFile[] {
  const listed = new Set(Object.keys(LEXICON_FILES));
  const dir = join(root, LEXICON_DIR);
  const files: LexiconFile[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'model.json') continue;
    const file = `${LEXICON_DIR}/${name}`;
    if (!listed.has(name.slice(0, -'.json'.length)))
      problems.push(`  ${file} (file): not listed in core/engine/lexicon-files.ts, so the engine would not load it`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (err) {
      problems.push(`  ${file} (file): invalid JSON: ${(err as Error).message}`);
      continue;
    }
    const r = checkLexiconFile(file, data);
    for (const p of r.problems) problems.push(`  ${p.file} ${p.field}: ${p.message}`);
    if (r.file) files.push(r.file);
  }
  if (problems.length > 0) throw new Error(`Lexicon has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return files;
}

/** The naming patterns' regular expressions (assets/naming/patterns.json), when the file exists. */
/** Ordinary words (assets/naming/common-words.json), when the file exists. */
export function commonWords(root: string): string[] {
  const file = join(root, 'assets/naming/common-words.json');
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return [data.words, data.elements].flatMap((l) => (Array.isArray(l) ? l.filter((w) => typeof w === 'string') : []));
}

export function namingRegexes(root: string): string[] {
  const file = join(root, 'assets/naming/patterns.json');
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as { patterns?: { regex?: unknown }[] };
  return (data.patterns ?? []).map((p) => p.regex).filter((r): r is string => typeof r === 'string');
}

export function buildKb(root = process.cwd()): { count: number } {
  const lexicons = readLexicons(root);
  const today = new Date().toISOString().slice(0, 10);
  let entries;
  try {
    entries = validateKb(readKbFiles(root), { today });
  } catch (err) {
    if (err instanceof KbValidationError) {
      // Re-thrown with the full list so the build log names every file, id and field.
      throw new Error(err.message);
    }
    throw err;
  }
  // Every entry must be reachable from a page (a matched name or a cue set): fails naming them.
  assertReachable(entries);
  // Each card that lists a disputed name says which other entries carry it.
  entries = annotateDisputes(entries);
  // Old asOf dates and facts that ended after asOf warn; an asOf in the future already failed above.
  for (const w of freshnessWarnings(entries, today, 20)) console.warn(`warning: ${w}`);
  // Only for the benchmark's grown-KB build (scripts/bench-cold.ts); never set in a release build.
  const grow = benchEntriesFromEnv();
  if (grow !== undefined) {
    entries = growEntries(entries, grow);
    console.warn(
      `warning: SPYGLASS_BENCH_ENTRIES: a synthetic knowledge base of ${entries.length} entries, for the benchmark only`,
    );
  }
  const out = join(root, GENERATED_DIR);
  mkdirSync(out, { recursive: true });
  const write = (name: string, data: unknown) => writeFileSync(join(out, name), JSON.stringify(data));
  const docs = toSearchDocs(entries);
  // The lexicons as the extension runs them (wxt.config.ts puts this module in place of
  // core/engine/lexicon-files.ts): the surface forms are in the matcher already.
  const runtimeLexicons = Object.fromEntries(Object.entries(LEXICON_FILES).map(([k, f]) => [k, runtimeLexiconFile(f)]));
  writeFileSync(
    join(out, 'lexicon-files.ts'),
    `// Generated by scripts/kb-build.ts (runtimeLexiconFile in core/engine/lexicon.ts).\nimport type { LexiconFile } from '../core/engine/lexicon';\n\nexport const LEXICON_FILES: Record<string, LexiconFile> = JSON.parse(${JSON.stringify(JSON.stringify(runtimeLexicons))});\n`,
  );
  // Shipped as a file of its own (wxt.config.ts), read on first use: see utils/kb-entries.ts.
  write('kb-entries.json', entries);
  write('kb-events.json', toEventRecords(entries));
  write('kb-search-docs.json', docs);
  write('kb-search-index.json', buildSearchIndex(docs));
  const names = toMatcherPatterns(entries);
  write('kb-matcher.json', buildMatcherData(names));
  write('kb-meta.json', kbMeta(entries));
  write('kb-cues.json', compileCueSets(entries));
  // The topic gate's cue list (core/engine/topic-cues.ts), bundled into the content script.
  const topic = {
    lexicons,
    model: DEFAULT_MODEL,
    names,
    patternRegexes: namingRegexes(root),
    commonWords: commonWords(root),
  };
  // A module of two ASCII string literals (base64): nothing is parsed when the gate loads, and
  // they are decoded only on a page that passes the article check.
  writeFileSync(
    join(out, 'topic-cues.ts'),
    `// Generated by scripts/kb-build.ts (core/engine/topic-cues.ts): the topic gate's cue filter and cue checks.\nexport const topicCues = ${JSON.stringify(compileTopicCues(topic).cues)};\n`,
  );
  return { count: entries.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { count } = buildKb();
    console.log(`knowledge base compiled: ${count} entries -> ${GENERATED_DIR}/`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
