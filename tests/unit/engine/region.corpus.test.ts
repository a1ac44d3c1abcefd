/**
 * The article region on real saved pages from the shared corpus (read at run time, nothing copied): articles are
 * found with their text, and pages that are not articles are turned away. Run by `npm run test:corpus`.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../../core/engine/analyze';
import { readHtmlDocument } from '../../../core/engine/node-support';
import { corpusDir } from '../../corpus';
import { syntheticMatcher } from './helpers';

const matcher = syntheticMatcher();

const CORPUS_ARTICLES = [
  'postlight-abcnews.go.com',
  'readability-ars-1',
  'readability-blogger',
  'goose3-test_issue32',
  'postlight-www.rbbtoday.com',
];
const CORPUS_NON_ARTICLES = [
  'readability-nytimes-5',
  'newspaper4k-cnn_main_site',
  'newspaper3k-details.com1',
  'postlight-pastebin.com',
  'postlight-www.reddit.com--video',
  'postlight-biorxiv.org',
];

describe('real corpus pages (read at run time from the shared corpus)', () => {
  const dir = corpusDir();
  test.each(CORPUS_ARTICLES)('%s is an article with text found', (name) => {
    const doc = readHtmlDocument(join(dir, 'pages', `${name}.html`));
    const a = analyzeDocument(doc, { matcher });
    expect(a.isArticle).toBe(true);
    expect(a.textLength).toBeGreaterThan(800);
  });
  test.each(CORPUS_NON_ARTICLES)('%s is not an article', (name) => {
    const doc = readHtmlDocument(join(dir, 'pages', `${name}.html`));
    expect(analyzeDocument(doc, { matcher }).isArticle).toBe(false);
  });
});
