// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  analyzeDocument,
  analyzeDocumentAsync,
  analyzePageText,
  analyzeText,
  looksLikeArticle,
} from '../../../core/engine/analyze';
import { MAX_TEXT, placeMentions, readPageSteps, type PageFacts, type PageText } from '../../../core/engine/page';
import { runSteps } from '../../../core/engine/region';
import { articleFacts, syntheticMatcher } from './helpers';

const matcher = syntheticMatcher();

const PARA =
  'State-sponsored hackers linked to Volt Typhoon broke into networks, officials said, in a cyber espionage campaign that the NSA described in an advisory. ';

function makeDoc(paragraphs: number): Document {
  document.title = 'Hackers linked to Volt Typhoon';
  const article = document.createElement('article');
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.textContent = PARA + 'Filler sentence about the story. '.repeat(5);
    article.appendChild(p);
  }
  document.body.replaceChildren(article);
  return document;
}

describe('analyzeDocument in a browser-like DOM', () => {
  test('mentions carry text nodes and offsets usable for Ranges', () => {
    const doc = makeDoc(5);
    const a = analyzeDocument(doc, { matcher });
    expect(a.isArticle).toBe(true);
    expect(a.espionage).toBe(true);
    expect(a.mentions.length).toBe(10);
    for (const m of a.mentions) {
      const range = doc.createRange();
      range.setStart(m.node!, m.nodeStart!);
      range.setEnd(m.node!, m.nodeEnd!);
      expect(range.toString()).toBe(m.text);
    }
  });

  test('async variant gives the same result and yields on a huge page', async () => {
    const doc = makeDoc(3000);
    const sync = analyzeDocument(doc, { matcher });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const started = performance.now();
    const a = await analyzeDocumentAsync(doc, { matcher, sliceMs: 10 });
    clearInterval(timer);
    expect(a.mentions.length).toBe(sync.mentions.length);
    expect(a.score).toBe(sync.score);
    // Other tasks ran while the analysis was in progress.
    if (performance.now() - started > 30) expect(ticks).toBeGreaterThan(0);
  }, 30_000);

  test('an aborted analysis stops', async () => {
    const doc = makeDoc(3000);
    const controller = new AbortController();
    controller.abort();
    await expect(analyzeDocumentAsync(doc, { matcher, sliceMs: 0, signal: controller.signal })).rejects.toThrow();
  });
});

describe('analyzeText', () => {
  test('offsets index the given text', () => {
    const text = 'Officials said state-sponsored hackers from APT41 stole data. '.repeat(12);
    const a = analyzeText(text, { matcher });
    for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(a.mentions[0]).toMatchObject({ id: 'apt41', text: 'APT41' });
  });
  test('short text is not an article and is never espionage', () => {
    const a = analyzeText('Volt Typhoon hackers.', { matcher });
    expect(a.isArticle).toBe(false);
    expect(a.espionage).toBe(false);
  });
});

function el(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

describe('records and store pages are not articles', () => {
  test('a record page (fields in a table, no paragraphs) is not an article', () => {
    document.title = 'Record 2031-0042';
    const rows = Array.from({ length: 40 }, (_, i) =>
      el(
        'tr',
        {},
        el('th', {}, `Field ${i}`),
        el(
          'td',
          {},
          `Value number ${i} for hackers linked to Volt Typhoon, see `,
          el('a', { href: `#r${i}` }, `record ${i}`),
        ),
      ),
    );
    document.body.replaceChildren(el('div', { id: 'main' }, el('table', {}, el('tbody', {}, ...rows))));
    expect(analyzeDocument(document, { matcher }).isArticle).toBe(false);
  });

  test('a store page (cart and price) with a short blurb is not an article', () => {
    document.title = 'A novel about spies';
    const blurb = () =>
      el(
        'p',
        {},
        'A gripping story about a spy, a code and a city that never sleeps, told in short chapters. '.repeat(8),
      );
    document.body.replaceChildren(
      el('div', { class: 'header-cart' }, 'Cart'),
      el('div', { class: 'book' }, el('span', { class: 'item-price' }, '1,200'), blurb(), blurb()),
    );
    expect(analyzeDocument(document, { matcher }).isArticle).toBe(false);
  });

  test('an article with a small data table is still an article', () => {
    const doc = makeDoc(8);
    const table = el(
      'table',
      {},
      el('tr', {}, el('td', {}, '2023'), el('td', {}, '12')),
      el('tr', {}, el('td', {}, '2024'), el('td', {}, '31')),
    );
    doc.querySelector('article')!.appendChild(table);
    expect(analyzeDocument(doc, { matcher }).isArticle).toBe(true);
  });
});

describe('the page half and the text half (as the extension splits them)', () => {
  test('reading the page, judging its text elsewhere and placing the mentions gives analyzeDocument()', () => {
    const doc = makeDoc(6);
    const whole = analyzeDocument(doc, { matcher });
    const { region, page } = runSteps(readPageSteps(doc));
    // The text half gets only what crosses the message boundary: plain data.
    const sent = JSON.parse(JSON.stringify(page)) as PageText;
    const { found, ...verdict } = analyzePageText(sent, { matcher });
    expect(verdict.espionage).toBe(whole.espionage);
    expect(verdict.score).toBe(whole.score);
    const placed = placeMentions(region, found);
    expect(placed.map((m) => [m.id, m.text, m.nodeStart, m.nodeEnd])).toEqual(
      whole.mentions.map((m) => [m.id, m.text, m.nodeStart, m.nodeEnd]),
    );
    expect(placed.every((m) => m.node?.isConnected)).toBe(true);
  });

  test('mentions in the title line are never placed, and bad offsets are dropped', () => {
    const doc = makeDoc(2);
    const { region } = runSteps(readPageSteps(doc));
    const placed = placeMentions(region, [
      { id: 'in-title', start: 0, end: 5 },
      { id: 'empty', start: region.titleEnd + 3, end: region.titleEnd + 3 },
      { id: 'past-end', start: region.text.length + 10, end: region.text.length + 20 },
    ]);
    expect(placed).toEqual([]);
  });

  test('text over the cap is cut, not refused', () => {
    const doc = makeDoc(1);
    const { page } = runSteps(readPageSteps(doc));
    const big = { ...page, text: page.text + ' filler'.repeat(200_000) };
    const a = analyzePageText(big, { matcher });
    expect(a.textLength).toBe(MAX_TEXT);
  });

  const facts = articleFacts();
  const prose = (n: number) => 'word '.repeat(n);
  test.each<[string, Partial<PageFacts>, string, boolean]>([
    ['a plain article', {}, prose(400), true],
    ['too short', {}, prose(100), false],
    ['gate failed and short', { gatePassed: false }, prose(400), false],
    ['gate failed but long', { gatePassed: false }, prose(800), true],
    ['"not found" title and short', { notFoundTitle: true }, prose(400), false],
    ['mostly links', { linkChars: 1500 }, prose(400), false],
    ['a link-heavy body', { linkHeavyBody: true }, prose(400), false],
    ['a record page', { structuredChars: 1900, fieldChars: 900, paragraphChars: 50 }, prose(400), false],
    ['a short store page', { store: true }, prose(400), false],
    ['a long page with store markup', { store: true }, prose(800), true],
    ['a forum', { forum: true }, prose(400), false],
    ['a home page', { home: true }, prose(400), false],
  ])('looksLikeArticle: %s', (_name, patch, body, expected) => {
    expect(looksLikeArticle({ ...facts, ...patch }, body)).toBe(expected);
  });
});
