/**
 * Pages that change under Spyglass, in real Chromium and real Firefox: a single-page app that
 * swaps its article (pushState + new DOM), an article that arrives after load, and a ticker
 * that rewrites itself every 10 ms.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { waitForHighlights, type TestBrowser, type TestPage } from './browsers';
import { type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

/** The painted mentions as the page sees them: text, whether still in the page, inside #story. */
function highlightsNow(page: TestPage) {
  return page.evaluate(() => {
    const out: { text: string; connected: boolean; collapsed: boolean; inStory: boolean }[] = [];
    for (const [name, h] of CSS.highlights)
      if (name.startsWith('spyglass-') && name !== 'spyglass-active')
        for (const r of h as unknown as Iterable<Range>)
          out.push({
            text: r.toString(),
            connected: r.startContainer.isConnected,
            collapsed: r.collapsed,
            inStory: document.getElementById('story')?.contains(r.startContainer) ?? false,
          });
    return { out, hosts: document.querySelectorAll('spyglass-ui').length };
  });
}

interface MsgCounter {
  __spyglassCounts?: Record<string, number>;
}
declare const chrome: {
  runtime: {
    onMessage: { addListener(fn: (m: unknown, sender: { tab?: { url?: string } }) => undefined): void };
  };
};

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;

  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  beforeAll(async () => {
    // Count the page script's analysis requests (one per analysis) per page, from an extension context: the
    // service worker in Chromium, an extension page in Firefox (both receive runtime messages).
    await browser.extEval(() => {
      const g = globalThis as MsgCounter;
      if (g.__spyglassCounts) return;
      const counts: Record<string, number> = {};
      g.__spyglassCounts = counts;
      chrome.runtime.onMessage.addListener((m, sender) => {
        if ((m as { type?: string } | null)?.type === 'cs/analyze') {
          const url = (sender.tab?.url ?? '').replace(/[?#].*$/, '');
          counts[url] = (counts[url] ?? 0) + 1;
        }
        return undefined;
      });
    });
  });

  const reports = (url: string) =>
    browser.extEval((u: string) => (globalThis as MsgCounter).__spyglassCounts?.[u] ?? 0, url);

  test('a single-page app swapping its article gets fresh highlights, and nothing piles up', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixtures/spa.html`);
    await waitForHighlights(page);
    let h = await highlightsNow(page);
    expect(h.out.map((m) => m.text)).toEqual(expect.arrayContaining(['CNCERT/CC', 'Volt Typhoon']));
    expect(h.out.every((m) => m.connected && !m.collapsed && m.inStory)).toBe(true);
    const firstCount = h.out.length;

    // Story B: another espionage article, other names.
    await page.evaluate(() => (window as unknown as { navigateTo(id: string): void }).navigateTo('b'));
    await page.waitFor(
      () => {
        const texts: string[] = [];
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('spyglass-') && name !== 'spyglass-active')
            for (const r of h as unknown as Iterable<Range>) texts.push(r.toString());
        return texts.includes('APT41') && !texts.includes('CNCERT/CC');
      },
      undefined,
      30_000,
    );
    h = await highlightsNow(page);
    expect(h.out.map((m) => m.text)).toEqual(expect.arrayContaining(['APT41', 'Salt Typhoon']));
    expect(h.out.filter((m) => !m.connected || m.collapsed || !m.inStory)).toEqual([]);
    // Each painted text is really in the new article.
    const storyText = await page.evaluate(() => document.getElementById('story')!.textContent ?? '');
    for (const m of h.out) expect(storyText).toContain(m.text);
    expect(new Set(h.out.map((m) => m.text)).size).toBe(h.out.length);
    expect(h.out.length).toBeLessThanOrEqual(firstCount + 10);
    expect(h.hosts).toBeLessThanOrEqual(1);

    // Story C: not about espionage at all. Everything goes.
    await page.evaluate(() => (window as unknown as { navigateTo(id: string): void }).navigateTo('c'));
    await page.waitFor(() => [...CSS.highlights.keys()].every((k) => !k.startsWith('spyglass-')), undefined, 30_000);
    // The page's answer (what the popup shows) is about story C once analysed, never story B's.
    const urlC = `${server.origin}/fixtures/spa.html?story=c`;
    let state: { status: string; url: string; entities: unknown[] };
    for (;;) {
      state = (await browser.sendToTab(urlC, { type: 'page/get-state' })) as typeof state;
      expect(state.url).toBe(urlC);
      if (state.status !== 'loading') break;
      await page.waitFor((t: number) => performance.now() > t, await page.evaluate(() => performance.now() + 200));
    }
    expect(state.url).toBe(`${server.origin}/fixtures/spa.html?story=c`);
    expect(['not-article', 'article']).toContain(state.status);
    expect(state.entities).toEqual([]);
    expect((await highlightsNow(page)).hosts).toBeLessThanOrEqual(1);

    // Back to A: highlights again, as many as the first time.
    await page.evaluate(() => (window as unknown as { navigateTo(id: string): void }).navigateTo('a'));
    await waitForHighlights(page, 30_000);
    await page.waitFor(
      (n: number) => {
        let c = 0;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('spyglass-') && name !== 'spyglass-active') c += h.size;
        return c === n;
      },
      firstCount,
      30_000,
    );
    h = await highlightsNow(page);
    expect(h.out.every((m) => m.connected && !m.collapsed && m.inStory)).toBe(true);
    expect(h.hosts).toBeLessThanOrEqual(1);
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('an article arriving after load is highlighted; a 10 ms ticker does not drive re-analysis', async () => {
    const url = `${server.origin}/fixtures/late-article.html`;
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitFor(() => (window as unknown as { __arrived?: boolean }).__arrived === true);
    await waitForHighlights(page, 30_000);
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('spyglass-') && name !== 'spyglass-active')
          for (const r of h as unknown as Iterable<Range>) out.push(r.toString());
      return out;
    });
    expect(texts).toEqual(expect.arrayContaining(['CNCERT/CC', 'Volt Typhoon']));

    // Open a card from the keyboard; it must survive the ticker's re-analyses.
    expect(await browser.sendToTab(url, { type: 'page/show-mention' })).toEqual({ ok: true });
    await page.waitFor(() => !!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed]'));

    // Watch for 7 s of page time: reports (one per analysis) come at most about every 3 s.
    const before = await reports(url);
    const t0 = await page.evaluate(() => performance.now());
    await page.waitFor((t: number) => performance.now() - t > 7000, t0, 30_000);
    const elapsed = (await page.evaluate(() => performance.now())) - t0;
    const during = (await reports(url)) - before;
    expect(during).toBeGreaterThanOrEqual(1); // the observer does see the page change
    expect(during).toBeLessThanOrEqual(Math.ceil(elapsed / 3000) + 1);
    // The ticker really ran, and the card is still open on its mention.
    expect(
      await page.evaluate(() => Number(document.getElementById('ticker')!.textContent!.split(' ')[1])),
    ).toBeGreaterThan(100);
    expect(await page.evaluate(() => !!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card'))).toBe(
      true,
    );
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('made no request beyond the local test server', () => {
    expect(browser.foreignRequests).toEqual([]);
  });
});
