/**
 * Imports the threat-naming data set into the atlas layer (assets/atlas/<kind>/<id>.json).
 *   npm run kb:import [-- <data dir>]      (default ../shared/data/threat-naming)
 * Everything is computed and validated against the whole knowledge base first; on any problem
 * nothing is written. Re-running on the same input writes byte-identical files. Curated atlas
 * fields (curated: true or [fields]) are kept. The report goes to .generated/import-report.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILES, parseImportConfig } from '../core/kb/import/config';
import { INPUT_FILES, parseThreatNaming } from '../core/kb/import/inputs';
import { runImport, type ImportReport } from '../core/kb/import/run';
import { ATLAS_DIR, mergeLayers } from '../core/kb/layers';
import { readLayerFiles } from '../core/kb/load-node';
import { KbValidationError, validateKb, type KbFile, type KbProblem } from '../core/kb/validate';
import { compilePatterns, parsePatternFile } from '../core/naming/patterns';

export const DEFAULT_DATA_DIR = '../shared/data/threat-naming';
export const REPORT_FILE = '.generated/import-report.json';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function problemsOf(files: KbFile[], today: string): KbProblem[] {
  try {
    validateKb(files, { today });
    return [];
  } catch (err) {
    if (err instanceof KbValidationError) return err.problems;
    throw err;
  }
}

function readConfigJson(root: string, file: string, optional = false): unknown {
  const path = join(root, file);
  if (optional && !existsSync(path)) return undefined;
  const d = readJson(path);
  if (d instanceof Error) throw new Error(`${file}: ${d.message}`);
  return d;
}

export interface ImportRun {
  report: ImportReport;
  written: number;
  unchanged: number;
  removed: string[];
  notes: string[];
  /** Problems of the hand-written layer alone (reported, not the import's to fix). */
  handProblems: number;
}

/** Runs the import into `root`'s assets/atlas. Throws (writing nothing) on malformed input or an invalid result. */
export function importToRoot(
  dataDir: string,
  root = process.cwd(),
  today = new Date().toISOString().slice(0, 10),
): ImportRun {
  const raw: Record<string, unknown> = {};
  for (const f of Object.values(INPUT_FILES)) {
    const p = join(dataDir, f);
    if (existsSync(p)) raw[f] = readJson(p);
  }
  const data = parseThreatNaming(raw);
  const config = parseImportConfig({
    commonWords: readConfigJson(root, CONFIG_FILES.commonWords),
    countries: readConfigJson(root, CONFIG_FILES.countries),
    producers: readConfigJson(root, CONFIG_FILES.producers),
    sourceDomains: readConfigJson(root, CONFIG_FILES.sourceDomains),
    deniedDomains: readConfigJson(root, CONFIG_FILES.deniedDomains, true),
    mergeRules: readConfigJson(root, CONFIG_FILES.mergeRules, true),
    coiners: readConfigJson(root, CONFIG_FILES.coiners, true),
    cueWords: readConfigJson(root, CONFIG_FILES.cueWords, true),
  });
  const patterns = compilePatterns(parsePatternFile(readConfigJson(root, 'assets/naming/patterns.json')));
  const layers = readLayerFiles(root);
  const result = runImport({ data, config, patterns, hand: layers.hand, existingAtlas: layers.atlas });

  // The whole KB as it will be, validated before anything is written.
  const kept = layers.atlas.filter(
    (f) => !result.remove.includes(f.file) && !result.files.some((n) => n.path === f.file),
  );
  const atlas: KbFile[] = [
    ...kept,
    ...result.files.map((f) => ({ file: f.path, data: JSON.parse(f.content) as unknown })),
  ];
  const merged = mergeLayers({ hand: layers.hand, atlas, aliases: layers.aliases });
  // Problems of the hand layer alone (entries still being written) are not the import's to fix;
  // anything in an atlas file, or new with the atlas, stops the import.
  const key = (p: KbProblem) => `${p.file}|${p.id}|${p.field}|${p.message}`;
  const before = new Set(
    problemsOf(mergeLayers({ hand: layers.hand, atlas: [], aliases: layers.aliases }).files, today).map(key),
  );
  const all = problemsOf(merged.files, today);
  const mine = all.filter((p) => p.file.startsWith(`${ATLAS_DIR}/`) || !before.has(key(p)));
  if (mine.length > 0) throw new KbValidationError(mine);
  const handProblems = all.length - mine.length;

  let written = 0;
  let unchanged = 0;
  for (const f of result.files) {
    const path = join(root, f.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === f.content) {
      unchanged++;
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
    written++;
  }
  for (const r of result.remove) rmSync(join(root, r));
  mkdirSync(join(root, dirname(REPORT_FILE)), { recursive: true });
  writeFileSync(
    join(root, REPORT_FILE),
    `${JSON.stringify({ ...result.report, layerNotes: merged.notes }, null, 2)}\n`,
  );
  return { report: result.report, written, unchanged, removed: result.remove, notes: merged.notes, handProblems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = resolve(process.argv[2] ?? DEFAULT_DATA_DIR);
  try {
    const run = importToRoot(dataDir);
    const r = run.report;
    console.log(`import from ${dataDir} (data as of ${r.asOf}) -> ${ATLAS_DIR}/`);
    for (const [k, n] of Object.entries(r.counts)) console.log(`  ${k.padEnd(16)} ${n}`);
    console.log(`  files written ${run.written}, unchanged ${run.unchanged}, removed ${run.removed.length}`);
    const show = <T>(title: string, items: T[], fmt: (t: T) => string, max = 25) => {
      if (items.length === 0) return;
      console.log(`\n${title} (${items.length}${items.length > max ? `, first ${max}` : ''}):`);
      for (const t of items.slice(0, max)) console.log(`  ${fmt(t)}`);
    };
    show('merged records', r.merges, (m) => `${m.id}: ${m.records.join(' + ')}`);
    show('disputed names', r.disputed, (d) => `"${d.name}": ${d.entries.join(', ')}`);
    show(
      'alias conflicts',
      r.conflicts,
      (c) => `"${c.name}": kept on ${c.kept}, dropped from ${c.dropped.join(', ')} (${c.reason})`,
    );
    show('skipped names', r.skippedNames, (s) => `"${s.name}" in ${s.where}: ${s.reason}`);
    show('skipped records', r.skippedRecords, (s) => `${s.record}: ${s.reason}`);
    show('hand entries matched', r.handMatches, (h) => `${h.atlas} -> ${h.hand}`);
    show('merge-rules.json names no record has (check the rule)', r.unknownRuleNames, (n) => n);
    show('layer notes', run.notes, (n) => n);
    if (run.handProblems > 0)
      console.log(
        `\nnote: the hand-written layer has ${run.handProblems} problem(s) of its own (see npm run kb:check)`,
      );
    console.log(`\nfull report: ${REPORT_FILE}`);
  } catch (err) {
    console.error((err as Error).message);
    console.error('nothing was written');
    process.exit(1);
  }
}
