/**
 * The topic gate over everything we can label (`npm run eval` calls reportTopicGate): CASIE, the
 * corpus pages and every article fixture (tests/fixtures/articles/**), through the same
 * functions the content script runs (isProbablyArticle, topicText, findTopicCue) with the cue
 * list compiled the way the build compiles it. Prints what it lets through and what it drops;
 * an espionage text it drops is listed by name. Node only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isProbablyArticle } from '../core/engine/gate';
import { DEFAULT_LEXICON_FILES, DEFAULT_MODEL } from '../core/engine/lexicon';
import { readHtmlDocument } from '../core/engine/node-support';
import { compileTopicCues } from '../core/engine/topic-cues';
import { findTopicCue, topicText, TOPIC_TEXT_CHARS, type TopicCues } from '../core/engine/topic-gate';
import { toMatcherPatterns } from '../core/kb/compile';
import type { Entry } from '../core/kb/schema';
import { commonWords, namingRegexes } from './kb-build';
import { readFixtureIndex } from './fixture-index';

export interface TopicGateInput {
  root: string;
  corpus: string;
  entries: readonly Entry[];
  /** Spyglass's own verdict for a text, when eval has it (set, name as eval names them). */
  verdict?: (set: string, name: string) => boolean | undefined;
  quiet?: boolean;
}

interface Item {
  set: string;
  name: string;
  /** Labelled espionage (undefined: no label). */
  label: boolean | undefined;
  /** Passed the article check (HTML only; plain text has no layout to check). */
  article: boolean;
  cue: string | undefined;
}

/** The cue list as the build compiles it. */
export function topicCuesFor(
  root: string,
  entries: readonly Entry[],
): { cues: TopicCues; count: number; list: string[] } {
  const c = compileTopicCues({
    lexicons: DEFAULT_LEXICON_FILES,
    model: DEFAULT_MODEL,
    names: toMatcherPatterns(entries),
    patternRegexes: namingRegexes(root),
    commonWords: commonWords(root),
  });
  return { cues: c.cues, count: c.count, list: c.list };
}

/** A plain-text item as the gate would read its page: the first line as the title, then the text's start. */
const plainTopicText = (title: string, text: string) => `${title}\n${text.slice(0, TOPIC_TEXT_CHARS)}`;

function htmlItem(set: string, name: string, path: string, label: boolean | undefined, cues: TopicCues): Item {
  const doc = readHtmlDocument(path);
  // (linkedom leaves a document without an element for some inputs; a browser never does.)
  if (!doc.documentElement) return { set, name, label, article: false, cue: undefined };
  return { set, name, label, article: isProbablyArticle(doc), cue: findTopicCue(topicText(doc), cues) };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.(html|txt)$/.test(name)) out.push(p);
  }
  return out;
}

export function reportTopicGate(input: TopicGateInput): { espionageDropped: number } {
  const { root, corpus } = input;
  const { cues, count } = topicCuesFor(root, input.entries);
  const items: Item[] = [];

  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string; label: string }[];
  for (const rec of manifest) {
    const name = rec.file.replace(/^pages\//, '').replace(/\.html$/, '');
    items.push(htmlItem('corpus', name, join(corpus, rec.file), rec.label === 'espionage', cues));
  }
  for (const line of readFileSync(join(corpus, 'casie.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title: string; text: string; label: string };
    items.push({
      set: 'casie',
      name: r.id,
      label: r.label === 'espionage',
      article: true,
      cue: findTopicCue(plainTopicText(r.title, r.text), cues),
    });
  }
  const dir = join(root, 'tests/fixtures/articles');
  const labels = new Map(readFixtureIndex(root).map((f) => [f.file, f.espionage]));
  for (const path of listFiles(dir)) {
    const name = relative(dir, path);
    const label = labels.get(name);
    if (path.endsWith('.html')) items.push(htmlItem('fixtures', name, path, label, cues));
    else {
      const text = readFileSync(path, 'utf8');
      const nl = text.indexOf('\n');
      const cue = findTopicCue(nl < 0 ? text : plainTopicText(text.slice(0, nl), text.slice(nl + 1)), cues);
      items.push({ set: 'fixtures', name, label, article: true, cue });
    }
  }

  console.log(`\n== topic gate (${count} cues): what it lets through and what it drops`);
  console.log(
    '  set        n     article-check drops | topic: through  dropped | espionage (labelled): through dropped | flagged by Spyglass: dropped',
  );
  let espionageDropped = 0;
  const lost: string[] = [];
  for (const set of ['corpus', 'casie', 'fixtures']) {
    const rs = items.filter((i) => i.set === set);
    const articles = rs.filter((i) => i.article);
    const through = articles.filter((i) => i.cue !== undefined);
    const esp = rs.filter((i) => i.label === true);
    const espThrough = esp.filter((i) => i.article && i.cue !== undefined);
    const flaggedDropped = rs.filter((i) => input.verdict?.(set, i.name) === true && !(i.article && i.cue));
    espionageDropped += esp.length - espThrough.length;
    for (const i of [...esp.filter((e) => !espThrough.includes(e)), ...flaggedDropped])
      lost.push(`  DROPPED ${set} ${i.name} (${i.article ? 'no cue' : 'article check'})`);
    console.log(
      `  ${set.padEnd(9)} ${String(rs.length).padStart(4)}  ${String(rs.length - articles.length).padStart(20)} | ${String(through.length).padStart(14)} ${String(articles.length - through.length).padStart(8)} | ${String(espThrough.length).padStart(29)} ${String(esp.length - espThrough.length).padStart(7)} | ${String(flaggedDropped.length).padStart(28)}`,
    );
  }
  const unlabelled = items.filter((i) => i.set === 'fixtures' && i.label === undefined).length;
  if (unlabelled > 0) console.log(`  (${unlabelled} fixture files have no label in an index.json)`);
  for (const l of [...new Set(lost)]) console.log(l);
  console.log(`  espionage texts dropped by the topic gate: ${espionageDropped}`);
  if (!input.quiet) {
    const nonEsp = items.filter((i) => i.label === false && i.article && i.cue !== undefined && i.set !== 'casie');
    console.log(`  non-espionage pages let through (corpus + fixtures): ${nonEsp.length}; first cues:`);
    const byCue = new Map<string, number>();
    for (const i of nonEsp) byCue.set(i.cue!, (byCue.get(i.cue!) ?? 0) + 1);
    const top = [...byCue].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`    ${top.map(([c, n]) => `"${c}" ${n}`).join(', ')}`);
  }
  return { espionageDropped };
}
