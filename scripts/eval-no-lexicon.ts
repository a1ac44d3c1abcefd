/**
 * How Spyglass judges a language it has no lexicon for, measured on languages it does have: for
 * each lexicon language L, its fixtures are judged with L's lexicon file (terms and detector
 * profile) left out, so the text is "a language without a lexicon" and only the other lexicons,
 * the loanwords (assets/lexicon/intl.json), the knowledge base and the naming patterns speak.
 * Fixtures in languages with no lexicon at all (tests/fixtures/articles/other/) are judged as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, analyzeText, buildMatcherData, type AnalysisDetail } from '../core/engine/analyze';
import { buildLangProfiles } from '../core/engine/lang';
import { buildLexicon, DEFAULT_LEXICON_FILES } from '../core/engine/lexicon';
import { loadMatcher } from '../core/engine/matcher';
import { readHtmlDocument } from '../core/engine/node-support';
import { toMatcherPatterns } from '../core/kb/compile';
import type { Entry } from '../core/kb/schema';
import type { FixtureRow } from './fixture-index';

export interface NoLexiconRow {
  /** The fixture's language (its lexicon left out), or its own tag for the "other" fixtures. */
  lang: string;
  file: string;
  expected: boolean;
  a: AnalysisDetail;
}

const lexiconLangOf = (lang: string) => (lang.startsWith('zh') ? 'zh' : lang);

export function judgeWithoutOwnLexicon(
  root: string,
  entries: readonly Entry[],
  index: readonly FixtureRow[],
): NoLexiconRow[] {
  const kb = toMatcherPatterns(entries);
  const rows: NoLexiconRow[] = [];
  const byLang = new Map<string, FixtureRow[]>();
  for (const f of index) {
    const l = lexiconLangOf(f.lang);
    byLang.set(l, [...(byLang.get(l) ?? []), f]);
  }
  for (const [lang, fixtures] of byLang) {
    const files = DEFAULT_LEXICON_FILES.filter((f) => f.lang !== lang && !(lang === 'zh' && f.lang === 'zh'));
    const lexicon = buildLexicon(files);
    const matcher = loadMatcher(buildMatcherData(kb, lexicon));
    const langProfiles = buildLangProfiles(files);
    for (const f of fixtures) {
      const path = join(root, 'tests/fixtures/articles', f.file);
      const opts = { matcher, lexicon, langProfiles };
      const a = f.file.endsWith('.html')
        ? analyzeDocument(readHtmlDocument(path), opts)
        : analyzeText(readFileSync(path, 'utf8'), opts);
      rows.push({ lang: f.lang, file: f.file, expected: f.espionage, a });
    }
  }
  return rows;
}

export function reportNoLexicon(rows: readonly NoLexiconRow[], quiet: boolean): void {
  const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : 'n/a');
  const line = (label: string, g: readonly NoLexiconRow[]) => {
    const tp = g.filter((r) => r.expected && r.a.espionage).length;
    const fp = g.filter((r) => !r.expected && r.a.espionage).length;
    const pos = g.filter((r) => r.expected).length;
    console.log(
      `  ${label.padEnd(10)} n=${String(g.length).padStart(3)}  espionage=${String(pos).padStart(3)}  precision ${pct(tp / (tp + fp)).padStart(6)}  recall ${pct(tp / pos).padStart(6)}  FP ${fp}`,
    );
  };
  console.log(
    '\n== no lexicon: each language judged with its own lexicon left out (fixtures), and fixtures in languages with none',
  );
  const langs = [...new Set(rows.map((r) => lexiconLangOf(r.lang)))].sort();
  for (const l of langs)
    line(
      l,
      rows.filter((r) => lexiconLangOf(r.lang) === l),
    );
  line('ALL', rows);
  const notOther = rows.filter((r) => r.a.lang !== 'other');
  if (notOther.length > 0)
    console.log(
      `  (${notOther.length} texts were still detected as another lexicon language, and judged as that language)`,
    );
  if (quiet) return;
  for (const r of rows) {
    if (r.expected === r.a.espionage) continue;
    const top = r.a.signals
      .slice(0, 6)
      .map((s) => `${s.term}(${s.weight})`)
      .join(' ');
    console.log(`  ${r.expected ? 'MISSED' : 'FALSE+'} ${r.file} score=${r.a.score} lang=${r.a.lang} | ${top}`);
  }
}
