/**
 * Accessibility: axe-core finds no violations in the popup (home view for the demo tab, search
 * results, an entry), the options page and an open hover card, in the light and the dark theme.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { openFirstCard, type TestBrowser, type TestPage } from './browsers';
import { describeViolations, openDemo, openUi, runAxe, typeText, writeStoredSettings } from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

const THEMES = ['light', 'dark'] as const;

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  let demo: { page: TestPage; url: string; tabId: number };
  let control: TestPage;

  useBrowserSuite(name, (_server, b) => (browser = b));

  beforeAll(async () => {
    demo = await openDemo(browser);
    control = await openUi(browser, 'options.html');
  });

  const expectClean = async (page: TestPage, shadowPath?: string[]) => {
    // axe cannot tell the contrast of text scrolled out of the popup's 600px box (it reports it as
    // "incomplete", not checked): let the popup grow for the scan so every line is checked.
    await page.evaluate(() => {
      const main = document.querySelector<HTMLElement>('main.popup');
      if (main) main.style.maxHeight = 'none';
    });
    const violations = await runAxe(page, shadowPath);
    expect(violations, describeViolations(violations)).toEqual([]);
  };

  describe.each(THEMES)('%s theme', (theme) => {
    beforeAll(async () => {
      await writeStoredSettings(control, { version: 2, theme });
    });

    test('popup home view for the demo tab', async () => {
      const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
      await popup.waitFor(
        () =>
          document.getElementById('app')?.dataset.ready === 'ready' &&
          document.querySelector('.verdict-line[data-status="espionage"]') !== null,
      );
      expect(await popup.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await expectClean(popup);
      await popup.close();
    });

    test('popup search results', async () => {
      const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
      await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')?.focus());
      await typeText(popup, 'volt typhoon');
      await popup.waitFor(() => document.querySelectorAll('.search-results [role="option"]').length > 0);
      await popup.press('ArrowDown');
      await expectClean(popup);
      await popup.close();
    });

    test('popup entry view', async () => {
      const popup = await openUi(browser, 'popup.html?entry=volt-typhoon');
      await popup.waitFor(() => document.querySelector('.entry-full') !== null);
      await expectClean(popup);
      await popup.close();
    });

    test('popup empty states: a page it cannot read, a search with no match', async () => {
      const popup = await openUi(browser, 'popup.html');
      await popup.waitFor(
        () =>
          document.getElementById('app')?.dataset.ready === 'ready' &&
          document.querySelector('.verdict-line[data-status="unreadable"]') !== null,
      );
      await expectClean(popup);
      await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')?.focus());
      await typeText(popup, 'zzqqxx');
      await popup.waitFor(() => document.querySelector('.search-empty') !== null);
      await expectClean(popup);
      await popup.close();
    });

    test('options page', async () => {
      const options = await openUi(browser, 'options.html');
      await expectClean(options);
      await options.close();
    });

    test('an open hover card (its shadow root)', async () => {
      await demo.page.goto(demo.url);
      await openFirstCard(demo.page);
      await demo.page.waitFor(
        (t: string) => (document.querySelector('spyglass-ui')?.getAttribute('data-theme') ?? 'light') === t,
        theme,
      );
      // The card inside the shadow root. (The host element itself is a zero-size positioned box
      // whose inline `all: initial !important` Firefox expands into spacing properties, which
      // axe's avoid-inline-spacing rule reports; it holds no text.)
      expect(
        await demo.page.evaluate(
          () => document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card') !== null,
        ),
      ).toBe(true);
      await expectClean(demo.page, ['spyglass-ui', '.card']);
      await demo.page.press('Escape');
    });
  });
});
