/**
 * The reader's override: on an article the topic gate skipped (no cue), "Analyse this page"
 * ('ui/analyse-tab' from an extension page) loads the page script with the gates overridden, and
 * the result is the one the analysis gives when the gate passes the page: the same verdict and
 * entities as the same analysis run in Node on the same file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../core/engine/analyze';
import { loadKbForNode, matcherForEntries, parseHtmlDocument } from '../../core/engine/node-support';
import type { TestBrowser } from './browsers';
import type { StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

const FILE = 'en-typhoon-weather.html';

interface Api {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(o: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]>;
  };
}

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  const gateVerdict = (url: string) =>
    browser.extEval(async (u: string) => {
      const g = globalThis as unknown as { chrome?: Api; browser?: Api };
      const api = (g.browser ?? g.chrome)!;
      const tab = (await api.tabs.query({})).find((t) => t.url === u);
      if (tab?.id === undefined) return null;
      const [r] = await api.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => (globalThis as { __spyglassGate?: string }).__spyglassGate ?? null,
      });
      return (r?.result as string | null) ?? null;
    }, url);

  test('an article without a topic cue is skipped, and analysed when the reader asks', async () => {
    const url = `${server.origin}/articles/${FILE}`;
    const page = await browser.newPage();
    await page.goto(url);
    let verdict: string | null = null;
    for (let i = 0; i < 40 && verdict !== 'off-topic'; i++) {
      verdict = await gateVerdict(url);
      if (verdict !== 'off-topic')
        await page.waitFor((t: number) => performance.now() > t, await page.evaluate(() => performance.now() + 100));
    }
    expect(verdict).toBe('off-topic');
    // Skipped: no page script listens.
    await expect(browser.sendToTab(url, { type: 'page/get-state' })).rejects.toBeDefined();

    const tabId = await browser.tabIdOf(url);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const answer = await popup.evaluate((id: number) => {
      const g = globalThis as unknown as Record<string, { runtime?: { sendMessage(m: unknown): Promise<unknown> } }>;
      return (g.browser?.runtime ?? g.chrome!.runtime!).sendMessage({ type: 'ui/analyse-tab', tabId: id });
    }, tabId);
    expect(answer).toEqual({ ok: true });
    await popup.close();

    let state: { status: string; score: number; entities: { id: string }[] } | undefined;
    for (let i = 0; i < 60; i++) {
      state = (await browser.sendToTab(url, { type: 'page/get-state' }).catch(() => undefined)) as typeof state;
      if (state && state.status !== 'loading') break;
      await page.waitFor((t: number) => performance.now() > t, await page.evaluate(() => performance.now() + 100));
    }
    const { entries } = loadKbForNode();
    const html = readFileSync(join('tests/fixtures/articles', FILE), 'utf8');
    const expected = analyzeDocument(parseHtmlDocument(html), { matcher: matcherForEntries(entries) });
    expect(state?.status).toBe(expected.espionage ? 'espionage' : expected.isArticle ? 'article' : 'not-article');
    // Mentions in the title line are not painted (nor counted) on the page; every entity it counts, Node finds.
    const found = new Set(expected.mentions.map((m) => m.id));
    for (const e of state?.entities ?? []) expect(found.has(e.id)).toBe(true);
    await page.close();
  }, 60_000);
});
