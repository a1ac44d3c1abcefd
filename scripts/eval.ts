/**
 * Measures the espionage verdict: precision, recall, F1 and false-positive
 * rate per set, a confusion matrix, and every wrong verdict with its score
 * and top signals.
 *   npx tsx scripts/eval.ts [--quiet]
 * Corpus: ../shared/corpus from the repository root, or $SPYGLASS_CORPUS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePageText, analyzeText, type AnalysisDetail } from '../core/engine/analyze';
import { placeMentions, readPageSteps, type TextMention } from '../core/engine/page';
import { runSteps } from '../core/engine/region';
import { unknownNames } from '../core/page-reply';
import type { PlacedPatternName } from '../core/page-state';
import { loadKbForNode, matcherForEntries, readHtmlDocument } from '../core/engine/node-support';
import { readFixtureIndex } from './fixture-index';
import { reportTopicGate } from './eval-topic-gate';
import { judgeWithoutOwnLexicon, reportNoLexicon } from './eval-no-lexicon';

const root = resolve(import.meta.dirname, '..');
const corpus = process.env.SPYGLASS_CORPUS ?? resolve(root, '../shared/corpus');
const fixtures = join(root, 'tests/fixtures/articles');
const quiet = process.argv.includes('--quiet');

/** Corpus pages that are not one article (see the corpus README, "Oddities"). */
export const NON_ARTICLE_PAGES = [
  'readability-nytimes-5',
  'newspaper4k-cnn_main_site',
  'newspaper4k-ap_meta_refresh',
  'newspaper3k-details.com1',
  'postlight-pastebin.com',
  'postlight-www.reddit.com--video',
  'postlight-clinicaltrials.gov',
  'postlight-biorxiv.org',
  'postlight-bookwalker.jp',
  'postlight-jvndb.jvn.jp',
];

interface Row {
  set: string;
  name: string;
  expected: boolean;
  a: AnalysisDetail;
  /** The language the set's labels give (corpus manifest, fixture index); CASIE is English. */
  lang?: string;
  /** Names the text introduces that the knowledge base does not know (espionage verdicts only, as in the extension). */
  introduced: PlacedPatternName[];
}

/** What the extension would list as introduced names for this text (core/page-reply.ts, espionage pages only). */
function introducedOf(text: string, titleEnd: number, found: readonly TextMention[], a: AnalysisDetail) {
  if (!a.isArticle || !a.espionage) return [];
  return unknownNames(matcher, { text, titleEnd }, found, a.lang, true).filter((n) => n.introduced);
}

/** An HTML page analysed as analyzeDocument() does it, with the names it introduces (read from the page's text). */
function analyzeHtml(path: string): { a: AnalysisDetail; introduced: PlacedPatternName[] } {
  const { region, page } = runSteps(readPageSteps(readHtmlDocument(path)));
  const { found, ...judged } = analyzePageText(page, { matcher });
  const a = { ...judged, mentions: placeMentions(region, found) };
  return { a, introduced: introducedOf(page.text, page.titleEnd, found, a) };
}

if (!existsSync(join(corpus, 'manifest.json'))) {
  console.error(`corpus not found at ${corpus} (set SPYGLASS_CORPUS)`);
  process.exit(2);
}

const { entries, warnings } = loadKbForNode(root);
console.log(
  `knowledge base: ${entries.length} entries${warnings.length ? ` (${warnings.length} cross-entry problems, using schema-valid entries)` : ''}`,
);
const matcher = matcherForEntries(entries);
const rows: Row[] = [];
const articleChecks: { name: string; expected: boolean; got: boolean }[] = [];

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as {
  file: string;
  label: string;
  lang: string;
}[];
const t0 = performance.now();
for (const rec of manifest) {
  const name = rec.file.replace(/^pages\//, '').replace(/\.html$/, '');
  const { a, introduced } = analyzeHtml(join(corpus, rec.file));
  rows.push({
    set: `pages-${rec.label === 'espionage' ? 'espionage' : rec.label}`,
    name,
    expected: rec.label === 'espionage',
    a,
    lang: rec.lang,
    introduced,
  });
  if (NON_ARTICLE_PAGES.includes(name)) articleChecks.push({ name, expected: false, got: a.isArticle });
  if (rec.label === 'espionage') articleChecks.push({ name, expected: true, got: a.isArticle });
}
const tPages = performance.now() - t0;

for (const line of readFileSync(join(corpus, 'casie.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { id: string; title: string; text: string; label: string };
  const text = `${r.title}\n${r.text}`;
  const a = analyzeText(text, { matcher });
  const introduced = introducedOf(text, r.title.length + 1, a.mentions, a);
  rows.push({ set: 'casie', name: r.id, expected: r.label === 'espionage', a, lang: 'en', introduced });
}

const index = readFixtureIndex(root);
for (const f of index) {
  const path = join(fixtures, f.file);
  let a: AnalysisDetail;
  let introduced: PlacedPatternName[];
  if (f.file.endsWith('.html')) ({ a, introduced } = analyzeHtml(path));
  else {
    const text = readFileSync(path, 'utf8');
    a = analyzeText(text, { matcher });
    introduced = introducedOf(text, text.indexOf('\n') + 1, a.mentions, a);
  }
  rows.push({ set: 'fixtures', name: f.file, expected: f.espionage, a, lang: f.lang, introduced });
  if (f.isArticle !== undefined) articleChecks.push({ name: f.file, expected: f.isArticle, got: a.isArticle });
}

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : 'n/a');
function report(title: string, rs: Row[]) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const r of rs) {
    if (r.expected && r.a.espionage) tp++;
    else if (r.expected) fn++;
    else if (r.a.espionage) fp++;
    else tn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  console.log(`\n== ${title} (${rs.length})`);
  console.log(`              predicted+  predicted-`);
  console.log(`  actual+     ${String(tp).padStart(10)}  ${String(fn).padStart(10)}`);
  console.log(`  actual-     ${String(fp).padStart(10)}  ${String(tn).padStart(10)}`);
  console.log(
    `  precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}  false-positive rate ${pct(fp / (fp + tn))}`,
  );
  if (quiet) return;
  for (const r of rs) {
    if (r.expected === r.a.espionage) continue;
    const top = r.a.signals
      .slice(0, 6)
      .map((s) => `${s.term}(${s.weight})`)
      .join(' ');
    const f = r.a.features;
    console.log(
      `  ${r.expected ? 'MISSED' : 'FALSE+'} ${r.name} score=${r.a.score} lang=${r.a.lang} article=${r.a.isArticle} c=${f.c} s=${f.s} p=${f.p} | ${top}`,
    );
  }
}

const bySet = (pred: (r: Row) => boolean) => rows.filter(pred);
report(
  'corpus pages, all (espionage vs security/related/other)',
  bySet((r) => r.set.startsWith('pages-')),
);
report(
  'corpus pages, security',
  bySet((r) => r.set === 'pages-security'),
);
report(
  'corpus pages, related',
  bySet((r) => r.set === 'pages-related'),
);
report(
  'corpus pages, other',
  bySet((r) => r.set === 'pages-other'),
);
report(
  'CASIE (espionage vs security)',
  bySet((r) => r.set === 'casie'),
);
report(
  'fixtures',
  bySet((r) => r.set === 'fixtures'),
);

reportByLanguage(rows.filter((r) => r.set === 'fixtures' || r.set.startsWith('pages-')));
reportIntroduced(
  'corpus pages',
  bySet((r) => r.set.startsWith('pages-')),
);
reportIntroduced(
  'CASIE',
  bySet((r) => r.set === 'casie'),
);
reportIntroduced(
  'our fixtures (every language)',
  bySet((r) => r.set === 'fixtures'),
);
reportNoLexicon(judgeWithoutOwnLexicon(root, entries, index), quiet);

console.log(`\n== isArticle sanity (${articleChecks.length})`);
for (const c of articleChecks)
  console.log(`  ${c.got === c.expected ? 'ok   ' : 'WRONG'} ${c.name} expected=${c.expected} got=${c.got}`);
const pages = rows.filter((r) => r.set.startsWith('pages-'));
console.log(
  `\npages judged articles: ${pages.filter((r) => r.a.isArticle).length}/${pages.length}; analysis time for ${pages.length} pages (parse included): ${tPages.toFixed(0)} ms`,
);

/** Precision and recall per language over our fixtures and the corpus pages (zh-Hans/zh-Hant count as zh). */
function reportByLanguage(rs: Row[]) {
  const groups = new Map<string, Row[]>();
  for (const r of rs) {
    const lang = (r.lang ?? 'other').replace(/^zh.*/, 'zh');
    groups.set(lang, [...(groups.get(lang) ?? []), r]);
  }
  console.log('\n== by language (fixtures + corpus pages): n, espionage, precision, recall, false positives');
  const langs = [...groups.keys()].sort((a, b) => (groups.get(b)?.length ?? 0) - (groups.get(a)?.length ?? 0));
  for (const lang of langs) {
    const g = groups.get(lang)!;
    const tp = g.filter((r) => r.expected && r.a.espionage).length;
    const fp = g.filter((r) => !r.expected && r.a.espionage).length;
    const pos = g.filter((r) => r.expected).length;
    console.log(
      `  ${lang.padEnd(6)} n=${String(g.length).padStart(3)}  espionage=${String(pos).padStart(2)}  precision ${pct(tp / (tp + fp)).padStart(6)}  recall ${pct(tp / pos).padStart(6)}  FP ${fp}`,
    );
  }
}

// The topic gate over the same texts (scripts/eval-topic-gate.ts): what it lets through and drops.
{
  const flagged = new Map(
    rows.map((r) => [`${r.set.startsWith('pages-') ? 'corpus' : r.set}:${r.name}`, r.a.espionage]),
  );
  reportTopicGate({ root, corpus, entries, quiet, verdict: (set, name) => flagged.get(`${set}:${name}`) });
}

/** Introduced names ("Not in Spyglass yet"): how many fire on texts labelled not espionage (goal 0), and a sample from espionage texts. */
function reportIntroduced(title: string, rs: Row[]) {
  const distinct = (r: Row) => [...new Set(r.introduced.map((n) => n.text))];
  const onOther = rs.filter((r) => !r.expected && r.introduced.length > 0);
  const onEsp = rs.filter((r) => r.expected && r.introduced.length > 0);
  const count = (xs: Row[]) => xs.reduce((n, r) => n + distinct(r).length, 0);
  console.log(`\n== introduced names, ${title} (${rs.length} texts)`);
  console.log(`  on texts labelled NOT espionage: ${count(onOther)} names in ${onOther.length} texts`);
  for (const r of onOther)
    console.log(`    FIRED ${r.name} (${r.set}, flagged=${r.a.espionage}): ${distinct(r).join(', ')}`);
  console.log(
    `  on espionage texts: ${count(onEsp)} names in ${onEsp.length} of ${rs.filter((r) => r.expected).length} texts`,
  );
  for (const r of onEsp.slice(0, quiet ? 10 : 60)) {
    const first = new Map(r.introduced.map((n) => [n.text, n.introduced]));
    console.log(
      `    ${r.name} [${r.a.lang}]: ${[...first].map(([t, i]) => `${t} (${i?.kind}: "${i?.words}")`).join('; ')}`,
    );
  }
}
