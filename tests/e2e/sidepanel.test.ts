/**
 * The side panel, end to end in Chromium and Firefox: opened as an extension page (as the browsers'
 * own side panels cannot be driven headless), it follows the active tab of the last focused window
 * through tab switches and navigations, scrolls the page to an entity, and offers "Analyse this page".
 * Also the hover card's names across vendors and the demo article's event lead.
 */
import { describe, expect, test } from 'vitest';
import { cardText, paintedMentions, waitForHighlights, type TestBrowser, type TestPage } from './browsers';
import {
  clickSelector,
  describeViolations,
  openDemo,
  openUi,
  origin,
  runAxe,
  writeStoredSettings,
} from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

/**
 * Polls the (background) panel tab from Node: a background tab gets no animation frames, so the
 * harness's waitFor would never run there.
 */
async function until<R, A>(
  page: TestPage,
  fn: (arg: A) => R,
  arg: A,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<R>> {
  const end = Date.now() + timeoutMs;
  let last: R | undefined;
  while (Date.now() < end) {
    last = await page.evaluate(fn, arg);
    if (last) return last as NonNullable<R>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Makes a tab the active one of its window and focuses that window, as a reader switching tabs does. */
function activate(browser: TestBrowser, tabId: number): Promise<void> {
  return browser.extEval(async (id: number) => {
    type Api = {
      tabs: { update(id: number, p: object): Promise<{ windowId: number }> };
      windows: { update(id: number, p: object): Promise<unknown> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const tab = await api.tabs.update(id, { active: true });
    await api.windows.update(tab.windowId, { focused: true });
  }, tabId);
}

interface PanelView {
  tabId: string;
  status: string;
  entities: string[];
  following: string;
}
/** Waits until the panel shows `tabId` with a settled status (matching `status` when given). */
function panelFor(panel: TestPage, tabId: number, status?: string): Promise<PanelView> {
  return until(
    panel,
    ([id, st]: [string, string]) => {
      const root = document.getElementById('app');
      const s = document.querySelector('.verdict-line')?.getAttribute('data-status') ?? '';
      if (root?.dataset.tabId !== id || root.dataset.ready !== 'ready' || s === 'loading' || !s) return null;
      if (st && s !== st) return null;
      return {
        tabId: id,
        status: s,
        entities: [...document.querySelectorAll('.entity-open')].map((b) => b.textContent ?? ''),
        following: document.querySelector('.following')?.textContent ?? '',
      };
    },
    [String(tabId), status ?? ''] as [string, string],
    `the panel to show tab ${tabId}${status ? ` as ${status}` : ''}`,
  );
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  useBrowserSuite(name, (_server, b) => (browser = b));

  test('follows tab switches and navigations; an entity scrolls the page to its mention', async () => {
    const demo = await openDemo(browser);
    const other = await browser.newPage();
    const otherUrl = `${origin()}/fixtures/not-article.html`;
    await other.goto(otherUrl);
    const otherId = await browser.tabIdOf(otherUrl);
    const panel = await browser.openExtensionPage('sidepanel.html');

    await activate(browser, demo.tabId);
    const first = await panelFor(panel, demo.tabId, 'espionage');
    expect(first.entities).toContain('CNCERT/CC');
    expect(first.following).toContain('CNCERT/CC accuses US intelligence');

    await activate(browser, otherId);
    const second = await panelFor(panel, otherId, 'not-article');
    expect(second.entities).toEqual([]);
    // The gates skipped this page: the panel offers to read it anyway.
    expect(await panel.evaluate(() => document.querySelector('button.analyse-page')?.textContent)).toBe(
      'Analyse this page',
    );

    // "Analyse this page" has the page script injected there: the tab now answers for itself.
    const answers = (id: number) =>
      browser.extEval(async (tabId: number) => {
        type Api = { tabs: { sendMessage(id: number, m: unknown): Promise<{ status?: string }> } };
        const g = globalThis as unknown as { browser?: Api; chrome?: Api };
        return (g.browser ?? g.chrome)!.tabs.sendMessage(tabId, { type: 'page/get-state' }).then(
          (r) => r.status ?? 'no status',
          () => 'no page script',
        );
      }, id);
    expect(await answers(otherId)).toBe('no page script');
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('button.analyse-page')?.click());
    await panelFor(panel, otherId);
    await until(
      panel,
      () => document.getElementById('app')?.dataset.ready === 'ready',
      undefined,
      'the panel to settle after "Analyse this page"',
    );
    expect(await answers(otherId)).not.toBe('no page script');

    // A navigation in the followed tab is followed too.
    const atlasUrl = `${origin()}/fixtures/atlas-article.html`;
    await other.goto(atlasUrl);
    const third = await until(
      panel,
      () => {
        const s = document.querySelector('.verdict-line')?.getAttribute('data-status');
        // Right after the navigation the panel may show the new title before the page's script has
        // answered ("unreadable" for a moment): wait for the page's own verdict.
        return document.querySelector('.following')?.textContent?.includes('Iranian hacking group') &&
          s !== 'loading' &&
          s !== 'unreadable' &&
          document.getElementById('app')?.dataset.ready === 'ready'
          ? s
          : null;
      },
      undefined,
      'the panel to follow the navigation',
    );
    expect(third).toBe('espionage');

    // Back to the demo article: clicking an entity in the panel scrolls the page to its mention.
    await activate(browser, demo.tabId);
    await panelFor(panel, demo.tabId, 'espionage');
    await demo.page.evaluate(() => window.scrollTo(0, 0));
    const target = await panel.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.entity-open')];
      // The last entity is the furthest down the page.
      const b = buttons[buttons.length - 1];
      b?.click();
      return b?.textContent ?? '';
    });
    expect(target).not.toBe('');
    const scrolled = await until(
      demo.page,
      () => {
        const card = document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card .entry-name');
        return window.scrollY > 0 && card ? { y: window.scrollY, card: card.textContent ?? '' } : null;
      },
      undefined,
      'the page to scroll to the mention and open its card',
    );
    expect(scrolled.card).toContain(target);
    // The panel stays where it was, now on the entity's entry.
    expect(await panel.evaluate(() => document.querySelector('.entry-full .entry-name')?.textContent ?? '')).toContain(
      target,
    );
    expect(panel.consoleErrors).toEqual([]);
    await panel.close();
    await other.close();
    await demo.page.close();
  });

  test('the hover card shows names across vendors and which alias matched', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin()}/fixtures/atlas-article.html`);
    await waitForHighlights(page, 30_000);
    const mention = (await paintedMentions(page)).find((m) => m.text === 'PHOSPHORUS');
    expect(mention, 'PHOSPHORUS is highlighted').toBeDefined();
    await page.evaluate(() => {
      for (const [n, h] of CSS.highlights)
        if (n.startsWith('spyglass-'))
          for (const r of h as unknown as Iterable<Range>)
            if (r.toString() === 'PHOSPHORUS') r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    });
    const [m] = (await paintedMentions(page)).filter((x) => x.text === 'PHOSPHORUS');
    await page.mouseMove(m!.x - 30, m!.y - 30);
    await page.mouseMove(m!.x, m!.y);
    await page.waitFor(
      () => Boolean(document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed] table')),
      undefined,
      20_000,
    );
    const rows = await page.evaluate(() =>
      [...(document.querySelector('spyglass-ui')?.shadowRoot?.querySelectorAll('.card tbody tr') ?? [])].map((tr) =>
        [...tr.children].map((c) => c.textContent),
      ),
    );
    expect(rows).toContainEqual(['PHOSPHORUS', 'Microsoft', 'former']);
    expect(rows.some(([, coiner]) => coiner === 'CrowdStrike')).toBe(true);
    const text = await cardText(page);
    expect(text).toContain('Names across vendors');
    expect(text).toMatch(/As of \d{4}-\d{2}-\d{2}/);
    // Needs the page script to pass the mention's text to the card (CardRequest.matchedText).
    expect(text).toContain('Matched “PHOSPHORUS”, Microsoft’s name for');
    await page.close();
  });

  test('the popup opens the side panel (a user gesture; the popup closes once the panel is open)', async () => {
    const demo = await openDemo(browser);
    const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
    const popupUrlPart = `popup.html?tabId=${demo.tabId}`;
    // Firefox may discard the popup while the click is still being delivered: that is the popup closing.
    await clickSelector(popup, 'button.open-side-panel').catch((err: unknown) => {
      if (!/no such frame|DiscardedBrowsingContext|Target closed|closed/i.test(String(err))) throw err;
    });
    // window.close() runs only after sidePanel.open() / sidebarAction.open() resolved: wait until the
    // popup's tab is gone (the page's own close event is not reported by every driver).
    const deadline = Date.now() + 10_000;
    let open = true;
    while (open && Date.now() < deadline) {
      open = await browser.extEval(async (part: string) => {
        const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as {
          tabs: { query(q: object): Promise<{ url?: string }[]> };
        };
        return (await api.tabs.query({})).some((t) => t.url?.includes(part) === true);
      }, popupUrlPart);
      if (open) await new Promise((r) => setTimeout(r, 100));
    }
    expect(open, 'the side panel did not open (the popup stayed open)').toBe(false);
    expect(popup.consoleErrors).toEqual([]);
    await demo.page.close();
  });

  test('the demo article: the popup leads with the event the article reports', async () => {
    const demo = await openDemo(browser);
    const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
    const lead = await popup.evaluate(() => document.querySelector('.article-lead h2')?.textContent ?? '');
    // Pending until the engine reports PageState.event for the demo article (core/engine, in progress).
    expect(lead, 'no "This article reports" lead: PageState.event is not filled for the demo article').toMatch(
      /^This article reports: /,
    );
    const current = await popup.evaluate(
      () => document.querySelector('.timeline-item[aria-current="true"]')?.textContent ?? null,
    );
    expect(current).toContain('this article');
    await popup.close();
    await demo.page.close();
  });

  test.each(['light', 'dark'] as const)(
    'axe-clean in the %s theme: side panel, entry view with vendor names',
    async (theme) => {
      const control = await openUi(browser, 'options.html');
      await writeStoredSettings(control, { version: 2, theme });
      const demo = await openDemo(browser);
      const panel = await browser.openExtensionPage('sidepanel.html');
      await activate(browser, demo.tabId);
      await panelFor(panel, demo.tabId, 'espionage');
      await (panel.raw as unknown as { bringToFront(): Promise<void> }).bringToFront();
      expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const panelViolations = await runAxe(panel);
      expect(panelViolations, describeViolations(panelViolations)).toEqual([]);

      const entry = await openUi(browser, 'popup.html?entry=apt35');
      await entry.waitFor(() => document.querySelector('.entry-full .vendor-names table') !== null);
      await entry.evaluate(() => {
        const main = document.querySelector<HTMLElement>('main.popup');
        if (main) main.style.maxHeight = 'none';
      });
      const entryViolations = await runAxe(entry);
      expect(entryViolations, describeViolations(entryViolations)).toEqual([]);

      await writeStoredSettings(control, undefined);
      for (const p of [entry, panel, demo.page, control]) await p.close();
    },
  );
});
