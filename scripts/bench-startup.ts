/**
 * Parts of `npm run bench` (scripts/bench.ts): hover start to a visible card, the service worker
 * cold (stopped through the DevTools protocol) against warm, the matcher's start-up on today's KB
 * and on a synthetic 5,000-entry KB, and the targets table. Not a test: it prints figures.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { buildMatcherData } from '../core/engine/analyze';
import { loadMatcher, type MatcherData } from '../core/engine/matcher';
import { toMatcherPatterns } from '../core/kb/compile';
import type { Entry } from '../core/kb/schema';
import type { SwTimes } from '../utils/background-main';
import { median } from './bench-stats';
import { growEntries } from './synthetic-kb';

const HOVER_RUNS = 7;
const COLD_RUNS = 5;

/** Milliseconds until `fn` is true in the page, polled every animation frame; NaN on timeout. */
async function until(page: import('playwright-core').Page, fn: string, timeout = 10_000): Promise<number> {
  const t0 = Date.now();
  const ok = await page
    .waitForFunction(fn, undefined, { polling: 'raf', timeout })
    .then(() => true)
    .catch(() => false);
  return ok ? Date.now() - t0 : NaN;
}

const HIGHLIGHTS = `(() => { let n = 0; for (const [k, h] of CSS.highlights) if (k.startsWith('spyglass-') && k !== 'spyglass-active') n += h.size; return n > 0; })()`;
const CARD_VISIBLE = `!!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed] .entry-name')`;

/**
 * Opens the popup page (in a tab, `query` appended) and returns the start time of its performance
 * mark `mark`, from navigation start; undefined if it never came. A search (`?q=`) that shows no
 * results is reported.
 */
export async function popupMark(
  context: BrowserContext,
  extPrefix: string,
  query: string,
  mark: string,
): Promise<number | undefined> {
  const p = await context.newPage();
  await p.goto(`${extPrefix}popup.html${query}`);
  const t = await p
    .waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { timeout: 10_000 })
    .then((h) => h.jsonValue())
    .catch(() => undefined);
  const hits = await p.evaluate(() => document.querySelectorAll('.search-results .hit').length).catch(() => 0);
  await p.close();
  if (query && hits === 0) console.error('popup: the search showed no results');
  return typeof t === 'number' ? t : undefined;
}

/** Hover start (the pointer arrives on the first painted mention) to a visible, placed card. */
export async function benchHover(context: BrowserContext, url: string): Promise<number[]> {
  const times: number[] = [];
  const page = await context.newPage();
  for (let i = 0; i < HOVER_RUNS; i++) {
    await page.goto(url);
    if (Number.isNaN(await until(page, HIGHLIGHTS))) continue;
    const at = await page.evaluate(() => {
      for (const [k, h] of CSS.highlights) {
        if (!k.startsWith('spyglass-') || k === 'spyglass-active') continue;
        for (const r of h as unknown as Iterable<Range>) {
          (r.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
          const b = r.getClientRects()[0];
          if (b) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    });
    if (!at) continue;
    await page.mouse.move(1, 1);
    await page.waitForTimeout(100);
    const t0 = Date.now();
    await page.mouse.move(at.x, at.y);
    const waited = await until(page, CARD_VISIBLE, 5000);
    if (!Number.isNaN(waited)) times.push(Date.now() - t0);
  }
  await page.close();
  return times;
}

/**
 * Navigation start to highlights painted on the same article, with the service worker warm and
 * after stopping it (Target.closeTarget on its DevTools target, as the browser does after 30 s idle).
 */
export async function benchColdServiceWorker(
  context: BrowserContext,
  debugPort: number,
  extPrefix: string,
  url: string,
): Promise<{ warm: number[]; cold: number[]; records: SwTimes[]; note: string }> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
  const cdp = await browser.newBrowserCDPSession();
  const workerTarget = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(extPrefix),
    );
  const page = await context.newPage();
  const paintedAt = async () => {
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    await until(page, HIGHLIGHTS);
    return page.evaluate(() => performance.now());
  };
  const warm: number[] = [];
  const cold: number[] = [];
  const records: SwTimes[] = [];
  let stopped = 0;
  for (let i = 0; i < COLD_RUNS; i++) {
    warm.push(await paintedAt());
    const t = await workerTarget();
    if (t) {
      await cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => undefined);
      for (let k = 0; k < 50 && (await workerTarget()); k++) await new Promise((r) => setTimeout(r, 20));
      if (!(await workerTarget())) stopped++;
    }
    cold.push(await paintedAt());
    // The restarted worker's own record of its start-up.
    const sw = context.serviceWorkers().find((w) => w.url().startsWith(extPrefix));
    const rec = await sw
      ?.evaluate(() => (globalThis as { __spyglassSwMs?: SwTimes }).__spyglassSwMs)
      .catch(() => undefined);
    if (rec && t) records.push(rec);
  }
  await page.close();
  await browser.close().catch(() => undefined);
  const med = (k: keyof SwTimes) => {
    const m = median(records.map((r) => r[k]).filter((x) => x !== undefined));
    return Number.isFinite(m) ? m.toFixed(1) : '-';
  };
  return {
    warm,
    cold,
    records,
    note: `(worker stopped before ${stopped} of ${COLD_RUNS} cold runs; the restarted worker's own record, medians from its time origin: our main ran at ${med('main')} ms (the browser's start-up, then compiling and evaluating background.js), the gate's message arrived at ${med('gatePassed')}, the page script's at ${med('analyze')}, answered at ${med('answered')}; matcher load ${med('matcher')} ms)`,
  };
}

function startupOf(data: MatcherData): { firstMs: number; medianMs: number; kb: number; patterns: number } {
  const json = JSON.stringify(data);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    loadMatcher(JSON.parse(json) as MatcherData);
    times.push(performance.now() - t0);
  }
  const first = times[0]!;
  times.sort((a, b) => a - b);
  return { firstMs: first, medianMs: times[10]!, kb: Math.round(json.length / 1024), patterns: data.patterns.length };
}

/** The matcher's start-up (JSON.parse of the compiled data + loadMatcher) on today's KB and on 5,000 entries. */
export function benchMatcherStartup(entries: readonly Entry[]) {
  const today = startupOf(buildMatcherData(toMatcherPatterns(entries)));
  const grown = growEntries(entries, 5000);
  return {
    today: { entries: entries.length, ...today },
    big: { entries: grown.length, ...startupOf(buildMatcherData(toMatcherPatterns(grown))) },
  };
}

export function printTargets(rows: [string, number, number][]): void {
  console.log('\ntargets (issue 14):');
  for (const [what, got, target] of rows)
    console.log(
      `  ${what.padEnd(58)} ${Number.isFinite(got) ? got.toFixed(2).padStart(8) : '       -'}  target ≤ ${String(target).padEnd(5)} ${Number.isFinite(got) ? (got <= target ? 'met' : 'MISSED') : 'not measured'}`,
    );
}
