/**
 * The Firefox half of `npm run bench` (scripts/bench.ts calls it; `tsx scripts/bench-firefox.ts
 * [--limit N]` runs it alone). Firefox's tracing does not attribute content-script time to our
 * scripts, so the figures come from our own records instead: the gate's cost by step
 * (globalThis.__spyglassGateMs) and the page script's (globalThis.__spyglassPageMs), both taken
 * with performance.now() in the extension's isolated world (never on the page's timeline) and
 * read back with scripting.executeScript. Timer-precision reduction is turned off for this
 * browser, so the clock is finer than the 1 ms Firefox rounds to by default. Also measured: hover
 * start to a visible card (timed inside the page) and the popup's first content (its
 * performance mark). Not a test: it prints figures.
 */
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch,
  paintedMentions,
  scrollToFirstMention,
  waitForHighlights,
  type TestBrowser,
  type TestPage,
} from '../tests/e2e/browsers';
import { CORPUS_DIR, startServer, type StaticServer } from '../tests/e2e/server';
import type { GateTimes } from '../utils/gate-main';
import type { PageTimes } from '../utils/page-timing';
import { f, quantile } from './bench-stats';

const HOVER_RUNS = 7;
const POPUP_RUNS = 10;

export interface FirefoxPageResult {
  page: string;
  status: string;
  gate?: GateTimes;
  script?: PageTimes;
  /** One cold TreeWalker pass over the body's text, timed in the page: the baseline. */
  baselineMs: number;
}

export interface FirefoxBench {
  version: string;
  pages: FirefoxPageResult[];
  hover: number[];
  popup: number[];
}

interface ExtGlobals {
  browser: {
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(id: number, m: unknown): Promise<unknown>;
    };
    scripting: {
      executeScript(o: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]>;
    };
  };
}

/** The tab's verdict and our two timing records, read in the extension's isolated world. */
async function readTab(
  browser: TestBrowser,
  url: string,
): Promise<{ status: string; gate?: GateTimes; script?: PageTimes }> {
  return browser.extEval(async (u: string) => {
    const b = (globalThis as unknown as ExtGlobals).browser;
    const tab = (await b.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) return { status: 'no-tab' };
    const [r] = await b.scripting
      .executeScript({
        target: { tabId: tab.id },
        func: () => {
          const g = globalThis as { __spyglassGate?: string; __spyglassGateMs?: unknown; __spyglassPageMs?: unknown };
          return { gateStatus: g.__spyglassGate, gate: g.__spyglassGateMs, script: g.__spyglassPageMs };
        },
      })
      .catch(() => [undefined]);
    const rec = (r?.result ?? {}) as { gateStatus?: string; gate?: GateTimes; script?: PageTimes };
    let status = rec.gateStatus ?? 'unreadable';
    if (status === 'loading')
      try {
        status = ((await b.tabs.sendMessage(tab.id, { type: 'page/get-state' })) as { status: string }).status;
      } catch {
        // The page script has not answered yet: still loading.
      }
    return { status, gate: rec.gate, script: rec.script };
  }, url);
}

async function measurePage(browser: TestBrowser, page: TestPage, url: string): Promise<FirefoxPageResult> {
  await page.goto('about:blank');
  await page.goto(url);
  // The tab's URL as the browser spells it (percent-encoding may differ from ours).
  const href = await page.evaluate(() => location.href);
  let state = await readTab(browser, href);
  // Let the gate, the injection and the (sliced) analysis finish.
  for (let i = 0; i < 40 && (state.status === 'loading' || state.status === 'no-tab'); i++) {
    await new Promise((r) => setTimeout(r, 150));
    state = await readTab(browser, href);
  }
  if (state.script && state.status === 'espionage' && state.script.toPainted === undefined) {
    await new Promise((r) => setTimeout(r, 300));
    state = await readTab(browser, href);
  }
  // The baseline: a TreeWalker pass over the body's text, in code the page compiles fresh.
  const baselineMs = await page
    .evaluate(() => {
      const t0 = performance.now();
      const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let node = w.nextNode(); node; node = w.nextNode()) n += (node as Text).data.length;
      return n >= 0 ? performance.now() - t0 : NaN;
    })
    .catch(() => NaN);
  return { page: url, ...state, baselineMs };
}

/** tsx keeps function names with a `__name()` helper that functions sent to a page would miss. */
const withName = (page: TestPage) =>
  (page.raw as { evaluate(s: string): Promise<unknown> }).evaluate('globalThis.__name ??= (f) => f');

/** Hover start (the pointer arrives on the first painted mention) to a placed card, timed in the page. */
async function hoverTimes(browser: TestBrowser, url: string): Promise<number[]> {
  const page = await browser.newPage();
  const out: number[] = [];
  for (let i = 0; i < HOVER_RUNS; i++) {
    await page.goto(url);
    await withName(page);
    // The first painted mention's first line box (a wrapped mention has a gap at its centre).
    const at = await waitForHighlights(page)
      .then(() => scrollToFirstMention(page))
      .then(() => paintedMentions(page))
      .then((ms) => ms.find((m) => m.x >= 0) ?? null)
      .catch(() => null);
    if (!at) continue;
    await page.mouseMove(1, 1);
    await new Promise((r) => setTimeout(r, 150));
    // From the first pointer event on the mention to the frame where the card is placed.
    await page.evaluate(({ x, y }: { x: number; y: number }) => {
      const w = globalThis as unknown as { __benchHover: { start: number; shown: number } };
      w.__benchHover = { start: 0, shown: 0 };
      const onMove = (e: PointerEvent) => {
        if (w.__benchHover.start || Math.abs(e.clientX - x) > 3 || Math.abs(e.clientY - y) > 3) return;
        w.__benchHover.start = e.timeStamp;
        removeEventListener('pointermove', onMove, true);
        const tick = (now: number) => {
          const card = document
            .querySelector('spyglass-ui')
            ?.shadowRoot?.querySelector('.card[data-placed] .entry-name');
          if (card) w.__benchHover.shown = now;
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      };
      addEventListener('pointermove', onMove, true);
    }, at);
    await page.mouseMove(at.x, at.y);
    const t = await page
      .waitFor(
        () => {
          const h = (globalThis as unknown as { __benchHover: { start: number; shown: number } }).__benchHover;
          return h.shown ? h.shown - h.start : 0;
        },
        undefined,
        5_000,
      )
      .catch(() => 0);
    if (t > 0) out.push(t);
  }
  await page.close();
  return out;
}

/** The popup's first content (its performance mark, from navigation start), for the article's tab. */
async function popupTimes(browser: TestBrowser, tabId: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < POPUP_RUNS; i++) {
    const p = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await withName(p);
    const t = await p
      .waitFor(() => performance.getEntriesByName('spyglass-first-content')[0]?.startTime ?? 0, undefined, 10_000)
      .catch(() => 0);
    await p.close();
    if (t > 0) out.push(t);
  }
  return out;
}

export async function benchFirefox(server: StaticServer, urls: readonly string[]): Promise<FirefoxBench> {
  process.env.SPYGLASS_E2E_ORIGIN = server.origin;
  const browser = await launch('firefox', { firefoxPrefs: { 'privacy.reduceTimerPrecision': false } });
  try {
    // tsx keeps function names with a `__name()` helper that functions sent to the extension page would miss.
    await browser.extEval(() => {
      (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
    });
    const version = await browser.extEval(async () => {
      const b = globalThis as unknown as { browser: { runtime: { getBrowserInfo?(): Promise<{ version: string }> } } };
      return (await b.browser.runtime.getBrowserInfo?.())?.version ?? '?';
    });
    const page = await browser.newPage();
    const demo = `${server.origin}/fixtures/demo-article.html`;
    // One unrecorded visit first, as in Chromium.
    await measurePage(browser, page, demo);
    const pages: FirefoxPageResult[] = [];
    for (const [i, url] of urls.entries()) {
      try {
        pages.push(await measurePage(browser, page, url));
      } catch (err) {
        console.error(`firefox: skipped ${url}: ${String(err).slice(0, 120)}`);
      }
      if (i % 25 === 0) process.stderr.write(`  firefox ${i + 1}/${urls.length} ${new Date().toISOString()}\n`);
    }
    // (A page left in a bad state by the corpus gets a fresh tab for the rest.)
    const last = await page.goto(demo).then(
      () => page,
      async () => {
        const fresh = await browser.newPage();
        await fresh.goto(demo);
        return fresh;
      },
    );
    const tabId = await browser.tabIdOf(demo);
    const popup = await popupTimes(browser, tabId);
    await last.close();
    const hover = await hoverTimes(browser, demo);
    return { version, pages, hover, popup };
  } finally {
    await browser.close();
  }
}

const scriptMs = (t: PageTimes | undefined) => (t ? t.setup + t.read + t.reply + t.paint : 0);
/** What Spyglass's scripts cost the page: the gate, plus the page script where it ran. */
export const pageCost = (r: FirefoxPageResult) => (r.gate?.total ?? 0) + scriptMs(r.script);

/** Prints the Firefox figures; returns the rows for the targets table. */
export function printFirefox(r: FirefoxBench): [string, number, number][] {
  const real = r.pages.filter((p) => p.gate !== undefined);
  const classes: [string, FirefoxPageResult[]][] = [
    ['non-article (gate turned away)', real.filter((p) => p.status === 'not-article' && !p.script)],
    ['article (not espionage)', real.filter((p) => p.status === 'article' || p.status === 'off-topic')],
    ['  turned away by topic gate', real.filter((p) => p.status === 'off-topic')],
    ['  read, judged not espionage', real.filter((p) => p.status === 'article')],
    ['espionage article', real.filter((p) => p.status === 'espionage')],
  ];
  console.log(
    `\nFirefox ${r.version} (our own records in the isolated world, timer precision unreduced; ${real.length} of ${r.pages.length} pages had a record)`,
  );
  console.log(
    'class                          n    cost median  p95     | gate median  page script median | baseline median | ratio median  p95',
  );
  const rows = new Map<string, FirefoxPageResult[]>(classes);
  for (const [name, ps] of classes) {
    const cost = ps.map(pageCost);
    const ratio = ps.map((p) => pageCost(p) / p.baselineMs).filter(Number.isFinite);
    console.log(
      `${name.padEnd(30)} ${String(ps.length).padStart(3)}  ${f(quantile(cost, 0.5)).padStart(8)} ms ${f(quantile(cost, 0.95)).padStart(7)} | ${f(
        quantile(
          ps.map((p) => p.gate!.total),
          0.5,
        ),
      ).padStart(8)} ms ${f(
        quantile(
          ps.filter((p) => p.script).map((p) => scriptMs(p.script)),
          0.5,
        ),
      ).padStart(12)} ms     | ${f(
        quantile(
          ps.map((p) => p.baselineMs),
          0.5,
        ),
      ).padStart(8)} ms     | ${f(quantile(ratio, 0.5)).padStart(7)}x ${f(quantile(ratio, 0.95)).padStart(6)}x`,
    );
  }
  const esp = rows.get('espionage article')!;
  const toPainted = esp.map((p) => p.script?.toPainted).filter((x): x is number => x !== undefined);
  const off = rows.get('article (not espionage)')!;
  const step = (k: keyof GateTimes) =>
    f(
      quantile(
        off.map((p) => p.gate![k]),
        0.5,
      ),
    );
  console.log(
    `  gate steps, articles not about espionage (medians): article check ${step('article')}, cue filter ${step('cues')}, topic text ${step('text')}, cue search ${step('find')} ms`,
  );

  console.log(
    `  espionage articles, page script start to highlights painted (wall time, slices and the round trip included): median ${f(quantile(toPainted, 0.5))} ms, p95 ${f(quantile(toPainted, 0.95))} ms`,
  );
  console.log(
    `  hover start to a visible card (500 ms delay): median ${f(quantile(r.hover, 0.5))} ms, p95 ${f(quantile(r.hover, 0.95))} ms (n=${r.hover.length})`,
  );
  console.log(
    `  popup first content: median ${f(quantile(r.popup, 0.5))} ms, p95 ${f(quantile(r.popup, 0.95))} ms (n=${r.popup.length})`,
  );
  const cost = (name: string, q: number) => quantile(rows.get(name)!.map(pageCost), q);
  return [
    ['Firefox: articles not about espionage, median', cost('article (not espionage)', 0.5), 1.0],
    ['Firefox: articles not about espionage, p95', cost('article (not espionage)', 0.95), 2.5],
    ['Firefox: pages the gate turns away, p95', cost('non-article (gate turned away)', 0.95), 2.0],
    ['Firefox: espionage articles, median', cost('espionage article', 0.5), 3.0],
    ['Firefox: espionage articles, p95', cost('espionage article', 0.95), 6.0],
    ['Firefox: hover start to visible card, median', quantile(r.hover, 0.5), 600],
    ['Firefox: popup first content, median', quantile(r.popup, 0.5), 60],
  ];
}

/** The same pages as the Chromium run: article fixtures, page fixtures, then the corpus. */
export function benchUrls(origin: string): string[] {
  const urls: string[] = [];
  for (const f of readdirSync('tests/fixtures/articles').sort())
    if (f.endsWith('.html')) urls.push(`${origin}/articles/${f}`);
  for (const f of readdirSync('tests/fixtures/pages').sort())
    if (f.endsWith('.html')) urls.push(`${origin}/fixtures/${f}`);
  for (const f of readdirSync(join(CORPUS_DIR, 'pages')).sort())
    if (f.endsWith('.html')) urls.push(`${origin}/corpus/${f}`);
  return urls;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const server = await startServer();
  const r = await benchFirefox(server, benchUrls(server.origin).slice(0, limit));
  await server.close();
  const rows = printFirefox(r);
  console.log('');
  for (const [what, got, target] of rows)
    console.log(`  ${what.padEnd(58)} ${f(got).padStart(8)}  target ≤ ${target}  ${got <= target ? 'met' : 'MISSED'}`);
}
