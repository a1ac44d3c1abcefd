/**
 * The extension end to end, in real Chromium and real Firefox: the gate and analyser run on a
 * fixture article, highlights are painted without touching the page, cards open and close, the
 * popup shows the page's context, non-articles are left alone, and nothing leaves the machine.
 */
import { describe, expect, test } from 'vitest';
import { cardText, openFirstCard, paintedMentions, waitForHighlights, type TestBrowser } from './browsers';
import { type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  test('highlights the known names of a cyber-espionage article, and nothing outside the article', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixtures/demo-article.html`);
    const n = await waitForHighlights(page);
    expect(n).toBeGreaterThan(5);
    const texts = (await paintedMentions(page)).map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['CNCERT/CC', 'Volt Typhoon', 'APT41', 'Entity List']));
    // "NSA archive" in the navigation and "Typhoon season" in the aside are outside the article.
    const outside = await page.evaluate(() => {
      const article = document.querySelector('article')!;
      let n = 0;
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('spyglass-'))
          for (const r of h as unknown as Iterable<Range>) if (!article.contains(r.startContainer)) n++;
      return n;
    });
    expect(outside).toBe(0);
    // First mention of each entity only (the default): no entity is painted twice.
    expect(new Set(texts).size).toBe(texts.length);
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('changes nothing in the page but adding our host, and keeps the layout', async () => {
    const page = await browser.newPage();
    // Record the page before Spyglass starts: the gate runs at document_idle.
    await page.goto(`${server.origin}/fixtures/demo-article.html`);
    const before = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].map((e) => {
        const r = e.getBoundingClientRect();
        return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',');
      }),
    );
    await page.evaluate(() => {
      const w = window as unknown as { __changes: string[] };
      w.__changes = [];
      new MutationObserver((rs) => {
        for (const r of rs)
          for (const n of [...r.addedNodes, ...r.removedNodes])
            w.__changes.push(`${r.type}:${(n as Element).tagName ?? n.nodeName}`);
        for (const r of rs) if (r.type !== 'childList') w.__changes.push(`${r.type}:${r.target.nodeName}`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await waitForHighlights(page);
    await openFirstCard(page);
    const changes = await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes);
    expect(changes.filter((c) => c !== 'childList:SPYGLASS-UI')).toEqual([]);
    const after = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].map((e) => {
        const r = e.getBoundingClientRect();
        return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',');
      }),
    );
    expect(after).toEqual(before);
    await page.close();
  });

  test('hovering opens the right card; Esc closes it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixtures/demo-article.html`);
    const heading = await openFirstCard(page);
    expect(heading).toContain('CNCERT/CC');
    const text = await cardText(page);
    expect(text).toMatch(/As of \d{4}-\d{2}-\d{2}/);
    const role = await page.evaluate(() =>
      document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card')?.getAttribute('role'),
    );
    expect(role).toBe('dialog');
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card'));
    await page.close();
  });

  test('the popup shows the verdict, the entities and the timeline for the tab', async () => {
    const page = await browser.newPage();
    const url = `${server.origin}/fixtures/demo-article.html`;
    await page.goto(url);
    await waitForHighlights(page);
    const tabId = await browser.tabIdOf(url);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const verdict = await popup.waitFor(() => {
      const el = document.querySelector('.verdict-line[data-status="espionage"]');
      // Ready: the page's answer and the knowledge base (a chunk of its own) are both in.
      return document.getElementById('app')?.dataset.ready === 'ready' ? (el?.textContent ?? '') : '';
    });
    expect(verdict).toContain('Cyber-espionage article');
    const entities = await popup.evaluate(() =>
      [...document.querySelectorAll('.entity-open')].map((e) => e.textContent),
    );
    expect(entities).toEqual(expect.arrayContaining(['CNCERT/CC', 'Volt Typhoon']));
    const timeline = await popup.evaluate(() => document.querySelectorAll('.timeline-item').length);
    expect(timeline).toBeGreaterThan(2);
    expect(popup.consoleErrors).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('the toolbar badge counts the entities of an espionage article, and says nothing elsewhere', async () => {
    const article = await browser.newPage();
    const articleUrl = `${server.origin}/fixtures/demo-article.html`;
    await article.goto(articleUrl);
    await waitForHighlights(article);
    const other = await browser.newPage();
    const otherUrl = `${server.origin}/fixtures/not-article.html`;
    await other.goto(otherUrl);
    const badge = (url: string) =>
      browser.extEval(async (u: string) => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
          action: {
            getBadgeText(d: { tabId: number }): Promise<string>;
            getTitle(d: { tabId: number }): Promise<string>;
          };
        };
        const tab = (await api.tabs.query({})).find((t) => t.url === u);
        if (tab?.id === undefined) return null;
        return {
          text: await api.action.getBadgeText({ tabId: tab.id }),
          title: await api.action.getTitle({ tabId: tab.id }),
        };
      }, url);
    // The analyser reports once it has painted; poll the badge until it shows (no fixed sleep).
    let got = await badge(articleUrl);
    for (let i = 0; i < 50 && !got?.text; i++) got = await badge(articleUrl);
    const count = await article.evaluate(() => {
      const ids = new Set<string>();
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('spyglass-') && name !== 'spyglass-active')
          for (const r of h as unknown as Iterable<Range>) ids.add(r.toString());
      return ids.size;
    });
    expect(Number(got?.text)).toBeGreaterThanOrEqual(count);
    expect(got?.title).toMatch(/known entit/);
    expect((await badge(otherUrl))?.text).toBe('');
    await article.close();
    await other.close();
  });

  test('a page that is not an article gets no highlights and no host', async () => {
    const page = await browser.newPage();
    const url = `${server.origin}/fixtures/not-article.html`;
    await page.goto(url);
    const tabId = await browser.tabIdOf(url);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    // The popup first renders "loading", then the page's answer.
    const status = await popup.waitFor(() => {
      const s = document.querySelector('.verdict-line')?.getAttribute('data-status');
      return s && s !== 'loading' ? s : '';
    });
    expect(status).toBe('not-article');
    const traces = await page.evaluate(() => ({
      host: document.querySelector('spyglass-ui') !== null,
      highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('spyglass-')).length,
    }));
    expect(traces).toEqual({ host: false, highlights: 0 });
    await popup.close();
    await page.close();
  });

  test('made no request beyond the local test server', () => {
    expect(browser.foreignRequests).toEqual([]);
    // The browser itself may ask our server for /favicon.ico; nothing else but our pages.
    const unexpected = server.requests.filter(
      (p) =>
        !p.startsWith('/fixtures/') && !p.startsWith('/articles/') && !p.startsWith('/corpus/') && p !== '/favicon.ico',
    );
    expect(unexpected).toEqual([]);
  });
});
