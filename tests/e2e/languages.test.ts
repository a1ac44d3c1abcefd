/**
 * Articles in other languages through the built extension, in real Chromium and Firefox: our own
 * German, Japanese and Arabic (right-to-left) fixtures. Espionage articles get highlights and the
 * popup's espionage verdict in their language; hard negatives (ransomware, typhoon weather, a spy
 * trial, chip exports) get neither.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { analyzeDocument } from '../../core/engine/analyze';
import { loadKbForNode, matcherForEntries, readHtmlDocument } from '../../core/engine/node-support';
import { readFixtureIndex, type FixtureRow } from '../../scripts/fixture-index';
import { waitForHighlights, type TestBrowser } from './browsers';
import { highlightCount } from './popup-helpers';
import { type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

const LANGS = ['de', 'ja', 'ar'] as const;
const rows = readFixtureIndex().filter(
  (r) => (LANGS as readonly string[]).includes(r.lang) && r.file.endsWith('.html') && r.isArticle !== false,
);
const cases: [string, FixtureRow][] = rows.map((r) => [
  `${r.lang} ${r.espionage ? 'espionage' : 'negative'}: ${r.file}`,
  r,
]);

// What the engine finds in Node on the same file: the extension must paint known names where there are some.
const matcher = matcherForEntries(loadKbForNode().entries);
const expectedMentions = (row: FixtureRow) =>
  analyzeDocument(readHtmlDocument(join('tests/fixtures/articles', row.file)), { matcher }).mentions.length;

test.each(LANGS)('we have at least 3 espionage articles and 3 hard negatives in %s', (lang) => {
  const mine = rows.filter((r) => r.lang === lang);
  expect(mine.filter((r) => r.espionage).length).toBeGreaterThanOrEqual(3);
  expect(mine.filter((r) => !r.espionage).length).toBeGreaterThanOrEqual(3);
});

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  test.each(cases)('%s', async (_, row) => {
    const page = await browser.newPage();
    const url = `${server.origin}/articles/${row.file}`;
    await page.goto(url);
    const known = row.espionage ? expectedMentions(row) : 0;
    if (known > 0) expect(await waitForHighlights(page, 30_000)).toBeGreaterThan(0);
    const tabId = await browser.tabIdOf(url);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const status = await popup.waitFor(
      () => {
        const s = document.querySelector('.verdict-line')?.getAttribute('data-status');
        return s && s !== 'loading' ? s : '';
      },
      undefined,
      30_000,
    );
    if (row.espionage) expect(status).toBe('espionage');
    else {
      expect(status).not.toBe('espionage');
      expect(await highlightCount(page)).toBe(0);
    }
    if (row.lang === 'ar') expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(page.consoleErrors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
