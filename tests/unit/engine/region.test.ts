import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../../core/engine/analyze';
import { isProbablyArticle } from '../../../core/engine/gate';
import { readHtmlDocument, parseHtmlDocument } from '../../../core/engine/node-support';
import { collectRegionText, findArticleRegion } from '../../../core/engine/region';
import { FIXTURES, corpusDir, fixtureIndex, syntheticMatcher } from './helpers';

const matcher = syntheticMatcher();

describe('gate on fixtures', () => {
  test.each(
    fixtureIndex()
      .filter((f) => f.file.endsWith('.html'))
      .map((f) => [f.file, f.isArticle ?? true] as const),
  )('%s', (file, expected) => {
    expect(isProbablyArticle(readHtmlDocument(join(FIXTURES, file)))).toBe(expected);
  });
});

describe('region text', () => {
  const html = `<html><head><title>T</title></head><body>
    <nav>Menu Volt Typhoon</nav>
    <article><header><h1>Head</h1></header>
      <p>First paragraph about <b>Volt</b> Typhoon.</p>
      <div hidden>hidden text</div><span aria-hidden="true">aria hidden</span><p style="display: none">inline none</p>
      <pre><code>apt-get install</code></pre><form><input value="x"><button>Send</button></form>
      <div contenteditable="true">editable</div>
      <div class="comments"><p>a comment</p></div>
      <p>Second<br>line</p>tail text
    </article><aside>aside text</aside><footer>foot</footer></body></html>`;
  const doc = parseHtmlDocument(html);
  const root = findArticleRegion(doc)!;
  const region = collectRegionText(root, doc.title);

  test('finds the article element', () => expect(root.tagName).toBe('ARTICLE'));
  test.each([
    'Menu',
    'hidden text',
    'aria hidden',
    'inline none',
    'apt-get',
    'Send',
    'editable',
    'a comment',
    'aside text',
    'foot',
    'Head',
  ])('skips %s', (s) => expect(region.text).not.toContain(s));
  test('keeps prose, separates blocks, starts with the title line', () => {
    expect(region.text.startsWith('T\n')).toBe(true);
    expect(region.text).toContain('First paragraph about Volt Typhoon.');
    expect(region.text).toMatch(/Second\nline\n*tail text/);
  });
  test('segment map covers every character of the text nodes (line breaks inside a node read as spaces)', () => {
    for (let i = 0; i < region.nodes.length; i++) {
      const node = region.nodes[i];
      if (node)
        expect(region.text.slice(region.starts[i]!, region.starts[i]! + node.data.length)).toBe(
          node.data.replace(/[\n\r]/g, ' '),
        );
    }
  });
});

describe('mentions map back to text nodes', () => {
  test('including a mention split across two nodes', () => {
    const doc = parseHtmlDocument(
      `<html><body><article><p>${'Filler prose about hackers and espionage. '.repeat(20)}</p><p>The NSA and <b>Volt</b> Typhoon were named.</p></article></body></html>`,
    );
    const a = analyzeDocument(doc, { matcher });
    const nsa = a.mentions.find((m) => m.id === 'nsa')!;
    expect(nsa.node!.data.slice(nsa.nodeStart, nsa.nodeEnd)).toBe('NSA');
    const volt = a.mentions.find((m) => m.id === 'volt-typhoon')!;
    expect(volt.node!.data.slice(volt.nodeStart, volt.nodeEnd)).toBe('Volt');
    expect(volt.endNode!.data.slice(0, volt.endNodeOffset)).toBe(' Typhoon');
  });
});

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
