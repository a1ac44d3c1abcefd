/**
 * A page cannot drive Spyglass, in real Chromium and real Firefox: it posts window messages,
 * dispatches DOM events shaped like our messages and tries extension messaging, and none of it
 * opens a tab, changes a setting, opens a card or switches Spyglass off. Nothing leaves the machine.
 */
import { describe, expect, test } from 'vitest';
import { waitForHighlights, type TestBrowser } from './browsers';
import { type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

declare const chrome: {
  tabs: { query(q: object): Promise<{ url?: string }[]> };
  storage: { sync: { get(k: null): Promise<object> }; local: { get(k: null): Promise<object> } };
};

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  const snapshot = () =>
    browser.extEval(async () => {
      const tabs = (await chrome.tabs.query({})).map((t) => t.url ?? '').sort();
      const sync = await chrome.storage.sync.get(null).catch(() => ({}));
      const local = await chrome.storage.local.get(null);
      return { tabs, storage: JSON.stringify({ sync, local }) };
    });

  test('forged window messages, DOM events and runtime calls from the page do nothing', async () => {
    const url = `${server.origin}/fixtures/spoof-messages.html`;
    const page = await browser.newPage();
    await page.goto(url);
    await waitForHighlights(page, 30_000);
    const before = await snapshot();

    const attempts = await page.evaluate(() => {
      const w = window as unknown as { forge(): number };
      let n = 0;
      for (let i = 0; i < 5; i++) n += w.forge();
      return n;
    });
    expect(attempts).toBeGreaterThan(100);
    // Give any effect time to show: 2 s of page time, and a round trip through the tab's scripts.
    await page.waitFor((t: number) => performance.now() > t, await page.evaluate(() => performance.now() + 2000));
    const state = (await browser.sendToTab(url, { type: 'page/get-state' })) as { status: string };

    const after = await snapshot();
    expect(after.storage).toBe(before.storage);
    expect(after.tabs).toEqual(before.tabs);
    expect(after.tabs.some((u) => u.includes('example.com') || u.includes('popup.html?entry=apt41'))).toBe(false);
    // Still on, still painting, no card opened by the page.
    expect(state.status).toBe('espionage');
    const page2 = await page.evaluate(() => ({
      card: !!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card'),
      highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('spyglass-')).length > 0,
    }));
    expect(page2).toEqual({ card: false, highlights: true });
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('made no request beyond the local test server', () => {
    expect(browser.foreignRequests).toEqual([]);
    const unexpected = server.requests.filter((p) => !p.startsWith('/fixtures/') && p !== '/favicon.ico');
    expect(unexpected).toEqual([]);
  });
});
