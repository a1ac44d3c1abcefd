/**
 * The founding story end to end in Node, with the real knowledge base: our demo article (modelled
 * on "China Blames US for Cyberespionage Targeting Tech Firms") through the same two halves the
 * extension runs (page reading, then the background's verdict and article context).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzePageText } from '../../../core/engine/analyze';
import { articleContext, type ArticleContext } from '../../../core/engine/article-context';
import { loadKbForNode, matcherForEntries, readHtmlDocument } from '../../../core/engine/node-support';
import { readPageSteps, type PageText } from '../../../core/engine/page';
import { compileCueSets } from '../../../core/engine/references';
import type { Entry } from '../../../core/kb/schema';
import { ROOT } from './helpers';

let page: PageText;
let ids: string[];
let texts: string[];
let ctx: ArticleContext;

beforeAll(() => {
  const { entries } = loadKbForNode(ROOT);
  const byId = new Map<string, Entry>(entries.map((e) => [e.id, e]));
  const doc = readHtmlDocument(join(ROOT, 'tests/fixtures/pages/demo-article.html'));
  const gen = readPageSteps(doc);
  let r = gen.next();
  while (!r.done) r = gen.next();
  page = r.value.page;
  const a = analyzePageText(page, { matcher: matcherForEntries(entries) });
  expect(a.espionage).toBe(true);
  ids = a.found.map((f) => f.id);
  texts = a.found.map((f) => page.text.slice(f.start, f.end));
  ctx = articleContext({
    text: page.text,
    found: a.found,
    cueSets: compileCueSets(entries),
    entry: (id) => byId.get(id),
    ...(page.published ? { published: page.published } : {}),
  });
});

describe('the founding story', () => {
  test('reads the publication date and the declared language', () => {
    expect(page.published).toBe('2024-12-18');
    expect(page.declaredLang).toBe('en');
  });

  test.each([
    ['cisa', 'Cybersecurity & Infrastructure Security Agency'],
    ['cncert-cc', 'National Computer Network Emergency Response Technical Team/Coordination Centre'],
    ['trade-secret-theft', 'steal trade secrets'],
    ['bis', 'Bureau of Industry & Security'],
  ])('finds %s written as "%s"', (id, text) => {
    expect(ids).toContain(id);
    expect(texts.some((t) => t.replace(/\s+/g, ' ') === text)).toBe(true);
  });

  test('reaches the export-control background from a generic mention', () => {
    expect(ids.some((id) => id.startsWith('topic-') && id.includes('export'))).toBe(true);
  });

  test('leads with the event the article reports, found by its words', () => {
    expect(ctx.event).toEqual({ id: 'cncert-two-intrusions-2024', via: 'cues' });
  });

  test('finds the earlier report it describes in words, with the words that matched', () => {
    const ref = ctx.references.find((r) => r.id === 'cncert-staging-report-2022');
    expect(ref?.words).toEqual(['CNCERT', 'Russia', 'Ukraine', 'Belarus']);
  });
});
