// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { analyzeDocument, analyzeDocumentAsync, analyzeText } from '../../../core/engine/analyze';
import { syntheticMatcher } from './helpers';

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
