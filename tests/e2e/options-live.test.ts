/**
 * The options page end to end in Chromium and Firefox: a change reaches an already-open article
 * at once (no reload), and a corrupt stored value is reported as reset to its default.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openFirstCard, type TestBrowser, type TestPage } from './browsers';
import {
  clickSelector,
  highlightCount,
  openDemo,
  openUi,
  reloadUi,
  waitForHighlightCount,
  writeStoredSettings,
} from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  let options: TestPage | undefined;

  useBrowserSuite(name, (_server, b) => (browser = b));

  afterEach(async () => {
    if (options) {
      await writeStoredSettings(options, undefined);
      await options.close();
      options = undefined;
    }
  });

  /** Clicks the options control labelled `label` (a radio or a checkbox). */
  const choose = async (page: TestPage, label: string) => {
    await page.evaluate((l: string) => {
      const el = [...document.querySelectorAll('label')].find((x) => x.textContent?.trim() === l);
      if (!el) throw new Error(`no option labelled ${l}`);
      el.dataset.testTarget = l;
    }, label);
    await clickSelector(page, `label[data-test-target="${label}"] input`);
  };

  test('"Every mention" and "No highlights" reach the open article without a reload', async () => {
    const demo = await openDemo(browser);
    const first = await highlightCount(demo.page);
    await demo.page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });
    options = await openUi(browser, 'options.html');

    await choose(options, 'Every mention');
    const all = await waitForHighlightCount(demo.page, 'gt', first);
    expect(all).toBeGreaterThan(first);
    // The options page confirms politely.
    await options.waitFor(
      () => document.querySelector('[aria-live="polite"]')?.textContent?.startsWith('Saved') ?? false,
    );

    await choose(options, 'No highlights (cards and popup only)');
    await waitForHighlightCount(demo.page, 'eq', 0);

    await choose(options, 'Underline in the colour of the kind');
    expect(await waitForHighlightCount(demo.page, 'gt', 0)).toBe(all);
    expect(await demo.page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await demo.page.close();
  });

  test('switching Spyglass off clears the open article; on paints it again and its cards work', async () => {
    const demo = await openDemo(browser);
    const before = await highlightCount(demo.page);
    options = await openUi(browser, 'options.html');
    await choose(options, 'Spyglass is on');
    await waitForHighlightCount(demo.page, 'eq', 0);
    await choose(options, 'Spyglass is on');
    expect(await waitForHighlightCount(demo.page, 'gt', 0)).toBe(before);
    expect(await openFirstCard(demo.page)).toContain('CNCERT/CC');
    await demo.page.close();
  });

  test('a corrupt stored value is reported as reset to its default, and saving repairs it', async () => {
    options = await openUi(browser, 'options.html');
    await writeStoredSettings(options, { version: 2, mentions: 42, theme: 'neon', hoverCards: false });
    await reloadUi(options);
    const notice = await options.waitFor(() => document.querySelector('.notice[role="alert"]')?.textContent ?? '');
    expect(notice).toContain('reset to their defaults');
    expect(notice).toContain('“Highlight”');
    expect(notice).toContain('“Theme”');
    // The readable field is kept, the others show their defaults.
    const state = await options.evaluate(() => ({
      cards: [...document.querySelectorAll('label')]
        .find((x) => x.textContent?.includes('Show cards'))
        ?.querySelector('input')?.checked,
      first: document.querySelector<HTMLInputElement>('input[name="mentions"][value="first"]')?.checked,
    }));
    expect(state).toEqual({ cards: false, first: true });
    // A wholly unreadable value is reported too.
    await writeStoredSettings(options, 'garbage');
    await reloadUi(options);
    expect(await options.waitFor(() => document.querySelector('.notice[role="alert"]')?.textContent ?? '')).toContain(
      '“all settings”',
    );
    // Saving any change writes every field back readable, and the notice goes.
    await choose(options, 'Every mention');
    await options.waitFor(() => document.querySelector('.notice') === null);
  });
});
