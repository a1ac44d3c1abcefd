/**
 * Launches real browsers with the built extension: Chromium through playwright-core, Firefox
 * through puppeteer-core's WebDriver BiDi support. Both are wrapped in one small interface so
 * each test runs in both. Every request that is not to our local server is blocked and recorded.
 */
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.SPYGLASS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.SPYGLASS_FIREFOX ?? '/usr/bin/firefox-esr';
export const CHROME_EXT = resolve('.output/chrome-mv3');
export const FIREFOX_EXT = resolve('.output/firefox-mv3');

export type BrowserName = 'chromium' | 'firefox';

/** The few extension APIs the harness calls inside extension contexts. */
interface ExtApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    create(p: { url: string }): Promise<unknown>;
    sendMessage(tabId: number, msg: unknown): Promise<unknown>;
    update(tabId: number, p: { active: boolean }): Promise<unknown>;
  };
  runtime: { getURL(p: string): string };
}
declare const chrome: ExtApi;

export interface TestPage {
  readonly raw: PwPage | PpPage;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until fn returns a truthy value (polling in the page), then returns it. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
  consoleErrors: string[];
  /** The same errors with where they came from (script URL or stack), to tell ours from the page's. */
  errorLog: { text: string; where: string }[];
}

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** Opens an extension page (e.g. "popup.html?tabId=3") in a new tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The tab id of the tab showing `url` (for the popup's ?tabId= seam). */
  tabIdOf(url: string): Promise<number>;
  /** Requests that tried to leave the machine (blocked). */
  foreignRequests: string[];
  /**
   * Runs fn in an extension context that has the tabs API (Chromium: the service worker; Firefox:
   * an extension page). `chrome` (Chromium) or `browser` (Firefox) is the global extension API.
   */
  extEval<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Sends `msg` to the content scripts of the tab showing `url`, as the background does for a
   * keyboard command (headless browsers do not deliver the shortcut keys themselves). Like a
   * command, it goes to the active tab: the tab is activated first (a background tab neither
   * animates scrolling nor takes focus).
   */
  sendToTab(url: string, msg: unknown): Promise<unknown>;
  close(): Promise<void>;
}

// localhost is our own server too (tests use it as a second origin for cross-origin frames).
const isLocal = (url: string) =>
  /^(https?:\/\/(127\.0\.0\.1|localhost)[:/]|chrome-extension:|moz-extension:|about:|data:|blob:|chrome:)/.test(url);

// ---------- Chromium ----------

function wrapPw(page: PwPage): TestPage {
  const consoleErrors: string[] = [];
  const errorLog: { text: string; where: string }[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    consoleErrors.push(m.text());
    errorLog.push({ text: m.text(), where: m.location()?.url ?? '' });
  });
  page.on('pageerror', (e) => {
    consoleErrors.push(String(e));
    errorLog.push({ text: String(e), where: e.stack ?? '' });
  });
  return {
    raw: page,
    consoleErrors,
    errorLog,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 15_000) =>
      (await (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs })).jsonValue()) as never,
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 2 }),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
}

/** Headless Chromium's flags with one unpacked extension loaded (tests and benchmarks). */
export function chromiumArgs(extDir: string, extra: readonly string[] = []): string[] {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    ...extra,
  ];
}

async function launchChromium(): Promise<TestBrowser> {
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(CHROME_EXT, ['--disable-sync']),
    viewport: { width: 1200, height: 900 },
  });
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  context.on('request', (r) => {
    if (!isLocal(r.url())) foreignRequests.push(r.url());
  });
  let sw: Worker | undefined = context.serviceWorkers()[0];
  sw ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extId = new URL(sw.url()).host;
  const worker = () => context.serviceWorkers()[0] ?? sw!;
  const extEval = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    worker().evaluate(fn as never, arg) as Promise<R>;
  return {
    name: 'chromium',
    foreignRequests,
    extEval,
    sendToTab: (url, msg) =>
      extEval(
        async ({ u, m }: { u: string; m: unknown }) => {
          const tabs = await chrome.tabs.query({});
          const id = tabs.find((t) => t.url === u)?.id;
          if (id === undefined) throw new Error(`no tab shows ${u}`);
          await chrome.tabs.update(id, { active: true });
          return chrome.tabs.sendMessage(id, m);
        },
        { u: url, m: msg },
      ),
    newPage: async () => wrapPw(await context.newPage()),
    openExtensionPage: async (path) => {
      const p = wrapPw(await context.newPage());
      await p.goto(`chrome-extension://${extId}/${path}`);
      return p;
    },
    tabIdOf: async (url) => {
      const worker = context.serviceWorkers()[0] ?? sw!;
      const id = await worker.evaluate(async (u: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    close: () => context.close(),
  };
}

// ---------- Firefox ----------

function wrapPp(page: PpPage): TestPage {
  const consoleErrors: string[] = [];
  const errorLog: { text: string; where: string }[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    consoleErrors.push(m.text());
    errorLog.push({ text: m.text(), where: m.location()?.url ?? '' });
  });
  page.on('pageerror', (e) => {
    consoleErrors.push(String(e));
    errorLog.push({ text: String(e), where: (e as Error | undefined)?.stack ?? '' });
  });
  return {
    raw: page,
    consoleErrors,
    errorLog,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 15_000) => pollUntil(page, fn as (a: unknown) => unknown, arg, timeoutMs) as never,
    mouseMove: (x, y) => page.mouse.move(x, y, { steps: 2 }),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    // Firefox ESR 140 applies the viewport but does not know the screen-orientation command that
    // puppeteer sends with it; only that error is ignored.
    setViewport: (width, height) =>
      page.setViewport({ width, height }).catch((err: unknown) => {
        if (!String(err).includes('setScreenOrientationOverride')) throw err;
      }),
    close: () => page.close(),
  };
}

/**
 * Waits until `fn` returns a truthy value in the page, by calling it every 50 ms. Firefox ESR 140
 * blocks puppeteer's waitForFunction in extension pages (it builds the predicate with Function(),
 * which the extension's CSP forbids); a plain evaluate of our own function is allowed everywhere.
 * Navigations during the wait are retried, like waitForFunction does.
 */
async function pollUntil(page: PpPage, fn: (a: unknown) => unknown, arg: unknown, timeoutMs: number): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await page.evaluate(fn as never, arg);
      if (v) return v;
    } catch (err) {
      last = err;
      if (page.isClosed()) throw err;
    }
    if (Date.now() > deadline)
      throw new Error(`Waiting failed: ${timeoutMs}ms exceeded${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // No traffic beyond our local server: no updates, telemetry, safe-browsing or captive portal.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.ping-centre.telemetry': false,
      'network.proxy.type': 0,
      // Let the extension's own pages open without a prompt.
      'extensions.webextensions.restrictedDomains': '',
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(FIREFOX_EXT);
  const foreignRequests: string[] = [];
  const track = (page: PpPage) => {
    page.on('request', (r) => {
      if (!isLocal(r.url())) foreignRequests.push(r.url());
    });
  };
  const newPage = async () => {
    const p = await browser.newPage();
    track(p);
    return p;
  };

  /**
   * Firefox refuses a BiDi navigation to moz-extension:// pages, but pages the extension opens
   * itself are scriptable. Bootstrap once: the popup's own "open options" path is not usable
   * headless, so we open a fixture article and use the hover card's "More", which opens the
   * entry in an extension tab; from there, extension pages open further pages with tabs.create.
   */
  let launcher: PpPage | undefined;
  async function getLauncher(): Promise<PpPage> {
    if (launcher && !launcher.isClosed()) return launcher;
    const origin = process.env.SPYGLASS_E2E_ORIGIN;
    if (!origin) throw new Error('SPYGLASS_E2E_ORIGIN is not set (the e2e setup starts the server)');
    const page = wrapPp(await newPage());
    await page.goto(`${origin}/fixtures/demo-article.html`);
    await openFirstCard(page);
    const created = new Promise<PpPage>((res) => {
      browser.on('targetcreated', async (t) => {
        // Over WebDriver BiDi a worker target has no page: page() throws instead of returning null.
        if (t.type() !== 'page') return;
        const p = await t.page().catch(() => null);
        if (p) res(p);
      });
    });
    await page.evaluate(() => {
      const host = document.querySelector('spyglass-ui');
      host?.shadowRoot?.querySelector<HTMLButtonElement>('.more')?.click();
    });
    launcher = await created;
    await pollUntil(
      launcher,
      () => typeof (globalThis as { browser?: unknown }).browser === 'object',
      undefined,
      15_000,
    );
    await page.close();
    return launcher;
  }

  const extEval = async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    (await getLauncher()).evaluate(fn as never, arg) as Promise<R>;
  return {
    name: 'firefox',
    foreignRequests,
    extEval,
    sendToTab: (url, msg) =>
      extEval(
        async ({ u, m }: { u: string; m: unknown }) => {
          const b = (globalThis as unknown as { browser: ExtApi }).browser;
          const tabs = await b.tabs.query({});
          const id = tabs.find((t) => t.url === u)?.id;
          if (id === undefined) throw new Error(`no tab shows ${u}`);
          await b.tabs.update(id, { active: true });
          return b.tabs.sendMessage(id, m);
        },
        { u: url, m: msg },
      ),
    newPage: async () => wrapPp(await newPage()),
    openExtensionPage: async (path) => {
      const l = await getLauncher();
      const created = new Promise<PpPage>((res) => {
        const on = async (t: { page(): Promise<PpPage | null> }) => {
          const p = await t.page();
          if (p && p !== l) {
            browser.off('targetcreated', on);
            res(p);
          }
        };
        browser.on('targetcreated', on);
      });
      await l.evaluate((p: string) => {
        const b = (globalThis as unknown as { browser: ExtApi }).browser;
        void b.tabs.create({ url: b.runtime.getURL(`/${p}`) });
      }, path);
      const page = await created;
      await pollUntil(page, () => document.readyState === 'complete', undefined, 15_000);
      track(page);
      return wrapPp(page);
    },
    tabIdOf: async (url) => {
      const l = await getLauncher();
      const id = await l.evaluate(async (u: string) => {
        const b = (globalThis as unknown as { browser: ExtApi }).browser;
        const tabs = await b.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    close: () => browser.close(),
  };
}

export interface LaunchOptions {
  /** Extra Firefox preferences (the benchmark turns off timer-precision reduction). */
  firefoxPrefs?: Record<string, unknown>;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox(options);
}

// ---------- Page helpers shared by tests ----------

/** Waits for Spyglass highlights in the page (read from the main world: the registry is the document's). */
export async function waitForHighlights(page: TestPage, timeoutMs = 15_000): Promise<number> {
  return page.waitFor(
    () => {
      let n = 0;
      for (const [name, h] of CSS.highlights)
        if (name.startsWith('spyglass-') && name !== 'spyglass-active') n += h.size;
      return n;
    },
    undefined,
    timeoutMs,
  );
}

/** The painted mentions: entity kind, text and the centre of the first box. */
export async function paintedMentions(page: TestPage): Promise<{ kind: string; text: string; x: number; y: number }[]> {
  return page.evaluate(() => {
    const out: { kind: string; text: string; x: number; y: number }[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('spyglass-') || name === 'spyglass-active') continue;
      for (const r of h as unknown as Iterable<Range>) {
        const box = r.getClientRects()[0];
        out.push({
          kind: name.slice('spyglass-'.length),
          text: r.toString(),
          x: box ? box.left + box.width / 2 : -1,
          y: box ? box.top + box.height / 2 : -1,
        });
      }
    }
    return out;
  });
}

/** Scrolls the first painted mention to the middle of the viewport. */
export async function scrollToFirstMention(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    for (const [name, h] of CSS.highlights)
      if (name.startsWith('spyglass-'))
        for (const r of h as unknown as Iterable<Range>) {
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
  });
}

/** Hovers the first painted mention and waits for its card; returns the card's heading. */
export async function openFirstCard(page: TestPage): Promise<string> {
  await waitForHighlights(page);
  await scrollToFirstMention(page);
  const [m] = await paintedMentions(page);
  if (!m) throw new Error('no painted mention');
  await page.mouseMove(m.x - 30, m.y - 30);
  await page.mouseMove(m.x, m.y);
  return page.waitFor(
    () =>
      document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed] .entry-name')?.textContent ??
      '',
  );
}

export function cardText(page: TestPage): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card')?.textContent ?? null,
  );
}
