/**
 * "Pause on this site" in the popup, end to end in Chromium and Firefox: the open article loses
 * its highlights at once, without a reload, and "Resume" brings them back.
 */
import { describe, expect, test } from 'vitest';
import { type TestBrowser } from './browsers';
import {
  clickSelector,
  highlightCount,
  openDemo,
  openUi,
  waitForHighlightCount,
  writeStoredSettings,
} from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  useBrowserSuite(name, (_server, b) => (browser = b));

  test('Pause removes the highlights from the open tab without a reload; Resume restores them', async () => {
    const demo = await openDemo(browser);
    const before = await highlightCount(demo.page);
    expect(before).toBeGreaterThan(5);
    // A marker in the page's own world: a reload would lose it.
    await demo.page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });

    const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
    await popup.waitFor(
      () =>
        document.getElementById('app')?.dataset.ready === 'ready' &&
        document.querySelector('.verdict-line[data-status="espionage"]') !== null,
    );
    expect(await popup.evaluate(() => document.querySelector('.pause-toggle')?.textContent)).toBe('Pause on this site');
    await clickSelector(popup, '.pause-toggle');

    await waitForHighlightCount(demo.page, 'eq', 0);
    const paused = await popup.waitFor(() => {
      const s = document.querySelector('.verdict-line')?.getAttribute('data-status');
      return s === 'paused' ? (document.querySelector('.pause-toggle')?.textContent ?? '') : '';
    });
    expect(paused).toBe('Resume on this site');
    // The page sections are gone and the popup says why.
    expect(await popup.evaluate(() => document.querySelector('.hint')?.textContent)).toMatch(/until you resume/);
    expect(await popup.evaluate(() => document.querySelectorAll('.entity-row').length)).toBe(0);

    await clickSelector(popup, '.pause-toggle');
    const after = await waitForHighlightCount(demo.page, 'gt', 0);
    expect(after).toBe(before);
    await popup.waitFor(() => document.querySelector('.pause-toggle')?.textContent === 'Pause on this site');
    expect(await demo.page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    expect(popup.consoleErrors).toEqual([]);

    await writeStoredSettings(popup, undefined);
    await popup.close();
    await demo.page.close();
  });
});
