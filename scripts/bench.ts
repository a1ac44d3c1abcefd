/**
 * npm run bench [-- --out file.json] [--limit N] [--firefox-every N]
 * Real Chromium, the built extension, every corpus page (served locally, nothing else reachable)
 * plus our fixtures and synthetic 10x/100x pages. For each page, Chromium's tracing gives the
 * main-thread time of the extension's scripts (EvaluateScript, FunctionCall, timers, callbacks
 * whose script URL is ours); a bare TreeWalker pass over the body's text in the same page is the
 * baseline. Prints medians, p95, max and ratios by page class, bundle sizes, popup and search
 * timings; then the same pages in Firefox (scripts/bench-firefox.ts). Not a test: it prints figures.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import os from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { CHROME_EXT, CHROMIUM_PATH, chromiumArgs } from '../tests/e2e/browsers';
import { CORPUS_DIR, startServer } from '../tests/e2e/server';
import { reportTopicGate } from './eval-topic-gate';
import { WARM_QUERIES, createSearcher, buildSearchIndex, toSearchDocs, type SearchDoc } from '../core/search/search';
import { loadKbForNode } from '../core/engine/node-support';
import type { GateTimes } from '../utils/gate-main';
import { benchFirefox, benchUrls, printFirefox } from './bench-firefox';
import { benchColdBuilds } from './bench-cold';
import { f, median, quantile } from './bench-stats';
import { benchHover, benchMatcherStartup, popupMark, printTargets } from './bench-startup';

/** The extension APIs used inside the service worker. */
declare const chrome: {
  scripting: {
    executeScript(o: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]>;
  };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
};

const args = process.argv.slice(2);
const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
const firefoxEvery = args.includes('--firefox-every') ? Number(args[args.indexOf('--firefox-every') + 1]) : 1;

interface PageResult {
  page: string;
  status: string;
  /** Whether the page script (analyzer.js) ran, i.e. the gate let the page through. */
  analyzerRan: boolean;
  extMs: number;
  /** Main-thread time of each of our scripts. */
  byScript: Record<string, number>;
  /** One cold TreeWalker pass over the body's text, injected as a plain script and traced the same way. */
  baselineMs: number;
  /** The same walk, warm (JIT-compiled, median of 20-walk batches), timed in the page. */
  warmWalkMs: number;
  ratio: number;
  longestTaskMs: number;
  textChars: number;
  /** The gate's own record of its steps (performance.now() in the isolated world). */
  gateSteps?: GateTimes;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

const DEBUG_PORT = 9339;
const OUR_SCRIPTS = ['gate.js', 'analyzer.js', 'card.js'];
const BASELINE_JS = `(() => {
  const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = w.nextNode(); t; t = w.nextNode()) n += t.data.length;
  globalThis.benchChars = n;
})();`;

const server = await startServer();
const context = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM_PATH,
  headless: true,
  // The debugging port lets the benchmark attach to the service worker for its heap figure.
  args: chromiumArgs(CHROME_EXT, [`--remote-debugging-port=${DEBUG_PORT}`]),
});
await context.route('**/*', (route) =>
  /^(https?:\/\/127\.0\.0\.1[:/]|chrome-extension:)/.test(route.request().url()) ? route.continue() : route.abort(),
);
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extId = new URL(sw.url()).host;
const extPrefix = `chrome-extension://${extId}/`;

await context.route(/\/bench-baseline\.js$/, (route) =>
  route.fulfill({ contentType: 'text/javascript', body: BASELINE_JS }),
);
// Synthetic big pages: the demo article's paragraphs repeated 10x and 100x.
const demo = readFileSync('tests/fixtures/pages/demo-article.html', 'utf8');
const paras = demo.slice(demo.indexOf('<p>'), demo.lastIndexOf('</p>') + 4);
const synth = (n: number) => demo.replace(paras, Array.from({ length: n }, () => paras).join('\n'));
await context.route(/\/synthetic-(\d+)x\.html$/, (route) => {
  const n = Number(/synthetic-(\d+)x/.exec(route.request().url())![1]);
  return route.fulfill({ contentType: 'text/html; charset=utf-8', body: synth(n) });
});

// tsx keeps function names with a `__name()` helper that functions serialised into the service
// worker would otherwise miss.
await sw.evaluate('globalThis.__name ??= (f) => f');

/** The gate's record of its last check, read in the isolated world. */
async function gateSteps(url: string): Promise<GateTimes | undefined> {
  return sw.evaluate(async (u: string) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (!tab?.id) return undefined;
    const [r] = await chrome.scripting
      .executeScript({
        target: { tabId: tab.id },
        func: () => (globalThis as { __spyglassGateMs?: unknown }).__spyglassGateMs,
      })
      .catch(() => [undefined]);
    return r?.result as GateTimes | undefined;
  }, url);
}

async function tabState(url: string): Promise<string> {
  return sw.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) return 'no-tab';
    try {
      const s = (await chrome.tabs.sendMessage(tab.id, { type: 'page/get-state' })) as { status: string };
      return s.status;
    } catch {
      // Pages the gate turns away have no listener (as the popup does, read the gate's verdict).
      try {
        const [r] = await chrome.scripting.executeScript({
          target: { tabId: tab.id },
          func: () => (globalThis as { __spyglassGate?: string }).__spyglassGate ?? 'unreadable',
        });
        return String(r?.result ?? 'unreadable');
      } catch {
        return 'unreadable';
      }
    }
  }, url);
}

async function measure(page: Page, url: string): Promise<PageResult> {
  const cdp = await context.newCDPSession(page);
  // Leave the previous page first, so its clean-up on pagehide is not counted here.
  await page.goto('about:blank');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel',
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  // Let the gate, the injection and the (sliced) analysis finish.
  let status = 'loading';
  for (let i = 0; i < 40 && (status === 'loading' || status === 'no-tab'); i++) {
    await page.waitForTimeout(150);
    status = await tabState(page.url());
  }
  await page.waitForTimeout(300);
  const steps = await gateSteps(page.url()).catch(() => undefined);
  // The baseline, traced like our scripts: a plain script doing one TreeWalker pass over the
  // body's text, evaluated once in this page (cold code, as our scripts are).
  const baselineUrl = `${server.origin}/bench-baseline.js`;
  await page.addScriptTag({ url: baselineUrl }).catch(() => undefined);
  await page.waitForTimeout(50);
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();

  const scriptOf = (e: TraceEvent) => {
    const d = e.args?.data;
    return d?.url ?? d?.scriptName ?? d?.stackTrace?.[0]?.url ?? '';
  };
  // Top-level script events (EvaluateScript includes compiling; FunctionCall covers callbacks,
  // timers and message handlers) whose script is one of ours. Tracing is browser-wide: only the
  // scripts that run in pages count, not the service worker.
  const byScript: Record<string, number> = {};
  let extMs = 0;
  let baselineMs = NaN;
  let longestTaskMs = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (e.name !== 'EvaluateScript' && e.name !== 'FunctionCall') continue;
    const u = scriptOf(e);
    if (u === baselineUrl && e.name === 'EvaluateScript')
      baselineMs = (Number.isNaN(baselineMs) ? 0 : baselineMs) + e.dur / 1000;
    const file = OUR_SCRIPTS.find((f) => u === `${extPrefix}${f}`);
    if (!file) continue;
    extMs += e.dur / 1000;
    byScript[file] = (byScript[file] ?? 0) + e.dur / 1000;
    longestTaskMs = Math.max(longestTaskMs, e.dur / 1000);
  }
  // The page's clock is coarse (0.1 ms): time 20 walks at once and divide, median of 5.
  const { warmWalkMs, textChars } = await page.evaluate(() => {
    const times: number[] = [];
    let chars = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      for (let k = 0; k < 20; k++) {
        const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
        let n = 0;
        for (let node = w.nextNode(); node; node = w.nextNode()) n += (node as Text).data.length;
        chars = n;
      }
      times.push((performance.now() - t0) / 20);
    }
    times.sort((a, b) => a - b);
    return { warmWalkMs: times[2]!, textChars: chars };
  });
  return {
    page: url.replace(server.origin, ''),
    status,
    analyzerRan: 'analyzer.js' in byScript,
    extMs,
    byScript,
    baselineMs,
    warmWalkMs,
    ratio: extMs / baselineMs,
    longestTaskMs,
    textChars,
    gateSteps: steps,
  };
}

// Our article fixtures (English, Chinese, German, Spanish; espionage and hard negatives), served
// from the same origin as everything else.
await context.route(/\/articles\/[a-z0-9-]+\.html$/, (route) =>
  route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: readFileSync(join('tests/fixtures/articles', new URL(route.request().url()).pathname.split('/').pop()!)),
  }),
);
const selected = benchUrls(server.origin).slice(0, limit);
selected.push(`${server.origin}/fixtures/synthetic-10x.html`, `${server.origin}/fixtures/synthetic-100x.html`);

const results: PageResult[] = [];
const page = await context.newPage();
// One unrecorded visit first, so every measured page sees the browser's warm code cache.
await measure(page, `${server.origin}/fixtures/demo-article.html`);
for (const [i, url] of selected.entries()) {
  try {
    results.push(await measure(page, url));
  } catch (err) {
    console.error(`skipped ${url}: ${String(err).slice(0, 120)}`);
  }
  if (i % 25 === 0) process.stderr.write(`  ${i + 1}/${selected.length}\n`);
}

// Memory: JS heap of a long article page with the extension, against the same page in a
// browser without it (both after a forced GC); and the service worker's heap after the run.
async function pageHeapMb(withExtension: boolean): Promise<number> {
  const ctx = withExtension
    ? context
    : await chromium.launchPersistentContext('', {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
  if (!withExtension)
    await ctx.route(/\/synthetic-(\d+)x\.html$/, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: synth(100) }),
    );
  const p = await ctx.newPage();
  await p.goto(`${server.origin}/fixtures/synthetic-100x.html`);
  if (withExtension)
    for (let i = 0; i < 60 && (await tabState(p.url())) === 'loading'; i++) await p.waitForTimeout(100);
  else await p.waitForTimeout(1500);
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await p.close();
  if (!withExtension) await ctx.close();
  return used / 2 ** 20;
}
const heapWith = await pageHeapMb(true);
const heapWithout = await pageHeapMb(false);

/**
 * The service worker's JS heap after the whole run (after a forced GC): attach to its target over
 * the browser's DevTools port and ask Runtime.getHeapUsage (workers have no performance.memory).
 */
async function serviceWorkerHeapMb(): Promise<number> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${DEBUG_PORT}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extPrefix));
    if (!target) throw new Error('no service worker target');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let nextId = 1;
    const call = (method: string): Promise<Record<string, unknown>> =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 10_000);
        const onMsg = (e: { sessionId?: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: unknown };
          if (e.sessionId !== sessionId || m.id !== id) return;
          clearTimeout(timer);
          cdp.off('Target.receivedMessageFromTarget', onMsg);
          if (m.error) reject(new Error(JSON.stringify(m.error)));
          else resolve(m.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMsg);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize) / 2 ** 20;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

// Popup: first content, and first content plus a completed search (opened with ?q=, as the
// context menu does: the search runs once the knowledge base is loaded), over 10 loads each.
const popupTimes: number[] = [];
const popupSearchTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const a = await popupMark(context, extPrefix, '', 'spyglass-first-content');
  if (a !== undefined) popupTimes.push(a);
  const b = await popupMark(context, extPrefix, '?q=volt%20typhoon', 'spyglass-kb-ready');
  if (b !== undefined) popupSearchTimes.push(b);
}
// After everything else the run did in the browser (the whole corpus visited).
const swHeapMb = await serviceWorkerHeapMb().catch((err: unknown) => {
  console.error(`service worker heap: ${String(err).slice(0, 160)}`);
  return NaN;
});
// Hover start to a visible card: it needs the worker handle no more, so it runs last.
const hoverTimes = await benchHover(context, `${server.origin}/fixtures/demo-article.html`);
await context.close();
await server.close();
// The service worker stopped and restarted, each build in a Chromium of its own: a bare
// extension with the same steps (the floor), today's build, and one with 5,000 entries.
const cold = await benchColdBuilds(5000);

// Search latency in Node: our KB and a synthetic KB of 10,000 entries.
// Tolerant of cross-entry problems (the KB grows while people work): schema-valid entries.
const entries = loadKbForNode(process.cwd()).entries;
const docs = toSearchDocs(entries);
const queries = ['volt typhon', 'cncert', 'entity list', '伏特台风', '61398', 'apt41', 'salt', 'exprt controls'];
function searchTimes(d: SearchDoc[]): number[] {
  const s = createSearcher(d, buildSearchIndex(d));
  // The popup and the side panel run one query in idle time once the KB chunk loads (utils/page-view.ts).
  for (const q of WARM_QUERIES) s(q, 12);
  const times: number[] = [];
  for (let r = 0; r < 5; r++)
    for (const q of queries) {
      const t0 = performance.now();
      s(q, 12);
      times.push(performance.now() - t0);
    }
  return times;
}
const big: SearchDoc[] = Array.from({ length: 10_000 }, (_, i) => {
  const base = docs[i % docs.length]!;
  return { ...base, id: `${base.id}-${i}`, name: `${base.name} ${i}`, aliases: base.aliases.map((a) => `${a} ${i}`) };
});
// The topic gate must lose no espionage text (the same function `npm run eval` reports with).
console.log('\ntopic gate over CASIE, the corpus and the fixtures (scripts/eval-topic-gate.ts):');
const gateLoss = reportTopicGate({ root: process.cwd(), corpus: CORPUS_DIR, entries, quiet: true });
const kbSearch = searchTimes(docs);
const bigSearch = searchTimes(big);

// Bundle sizes.
const sizes: Record<string, { bytes: number; gzip: number }> = {};
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else {
      const buf = readFileSync(p);
      sizes[p.replace(`${CHROME_EXT}/`, '')] = { bytes: buf.length, gzip: gzipSync(buf).length };
    }
  }
};
walk(CHROME_EXT);

const real = (r: PageResult) => !r.page.includes('synthetic');
const classes: Record<string, PageResult[]> = {
  'non-article, all': results.filter((r) => r.status === 'not-article' && real(r)),
  '  turned away by the gate': results.filter((r) => r.status === 'not-article' && !r.analyzerRan && real(r)),
  '  read, judged not article': results.filter((r) => r.status === 'not-article' && r.analyzerRan && real(r)),
  'article (not espionage)': results.filter((r) => (r.status === 'article' || r.status === 'off-topic') && real(r)),
  '  turned away by topic gate': results.filter((r) => r.status === 'off-topic' && real(r)),
  '  read, judged not espionage': results.filter((r) => r.status === 'article' && real(r)),
  'espionage article': results.filter((r) => r.status === 'espionage' && real(r)),
};
console.log(
  `\nSpyglass benchmark — ${new Date().toISOString()} — ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`pages measured: ${results.length}\n`);
console.log(
  'class                          n    ext median  p95     max     | baseline median | ratio median  p95  | gate / analyzer / card medians',
);
const summary: Record<string, { extMedian: number; extP95: number } & Record<string, unknown>> = {};
const summaryOf = (name: string) => summary[name] ?? { extMedian: NaN, extP95: NaN };
for (const [name, rs] of Object.entries(classes)) {
  const ext = rs.map((r) => r.extMs);
  const base = rs.map((r) => r.baselineMs);
  const ratio = rs.map((r) => r.ratio);
  summary[name] = {
    n: rs.length,
    extMedian: median(ext),
    extP95: quantile(ext, 0.95),
    extMax: Math.max(...ext),
    baselineMedian: median(base),
    ratioMedian: median(ratio),
    ratioP95: quantile(ratio, 0.95),
    warmWalkMedian: median(rs.map((r) => r.warmWalkMs)),
    byScriptMedian: Object.fromEntries(OUR_SCRIPTS.map((sc) => [sc, median(rs.map((r) => r.byScript[sc] ?? 0))])),
  };
  const parts = OUR_SCRIPTS.map((sc) => f(median(rs.map((r) => r.byScript[sc] ?? 0)))).join(' / ');
  console.log(
    `${name.padEnd(30)} ${String(rs.length).padStart(3)}  ${f(median(ext)).padStart(7)} ms ${f(quantile(ext, 0.95)).padStart(7)} ${f(Math.max(...ext)).padStart(7)}  | ${f(median(base)).padStart(8)} ms     | ${f(median(ratio)).padStart(7)}x ${f(quantile(ratio, 0.95)).padStart(7)}x | ${parts} ms`,
  );
}
const offTopic = classes['  turned away by topic gate']!;
const step = (k: keyof GateTimes) => f(median(offTopic.map((r) => r.gateSteps?.[k] ?? NaN).filter(Number.isFinite)));
console.log(
  `gate's own record on articles the topic gate turned away (medians, in-page clock): article check ${step('article')}, cue filter ${step('cues')}, topic text ${step('text')}, cue search ${step('find')}, total ${step('total')} ms; the rest of the traced cost is compiling and evaluating gate.js`,
);
console.log('\ncost growth (synthetic pages from the demo article):');
for (const r of results.filter((r) => r.page.includes('synthetic') || r.page.endsWith('demo-article.html')))
  console.log(
    `  ${r.page.padEnd(36)} ${String(r.textChars).padStart(9)} chars  ext ${f(r.extMs).padStart(8)} ms  baseline ${f(r.baselineMs).padStart(7)} ms  ratio ${f(r.ratio)}x  longest task ${f(r.longestTaskMs)} ms  (${r.status})`,
  );
const gate = sizes['gate.js']!;
const analyzer = sizes['analyzer.js']!;
const cardJs = sizes['card.js']!;
const rest = Object.entries(sizes).filter(([k]) => k !== 'gate.js');
console.log(`\ncontent script (gate.js): ${gate.bytes} B, ${gate.gzip} B gzip`);
console.log(`page script (analyzer.js, injected on likely articles): ${analyzer.bytes} B, ${analyzer.gzip} B gzip`);
console.log(`card UI (card.js, injected on the first hover): ${cardJs.bytes} B, ${cardJs.gzip} B gzip`);
console.log(
  `baseline: the same TreeWalker pass warm (JIT, in-page timer) has median ${f(median(results.map((r) => r.warmWalkMs)))} ms over all pages`,
);
console.log(
  `everything else: ${rest.reduce((a, [, s]) => a + s.bytes, 0)} B, ${rest.reduce((a, [, s]) => a + s.gzip, 0)} B gzip`,
);
console.log(
  `memory: 100x synthetic article JS heap ${f(heapWith)} MB with Spyglass vs ${f(heapWithout)} MB without (+${f(heapWith - heapWithout)} MB); service worker heap after the run ${f(swHeapMb)} MB`,
);
console.log(
  `popup first content: median ${f(median(popupTimes))} ms, p95 ${f(quantile(popupTimes, 0.95))} ms; to a completed search (opened with ?q=): median ${f(median(popupSearchTimes))} ms, p95 ${f(quantile(popupSearchTimes, 0.95))} ms (from navigation start)`,
);
console.log(
  `search per query: our KB (${docs.length} entries) median ${f(median(kbSearch))} ms, p95 ${f(quantile(kbSearch, 0.95))} ms; 10,000 entries median ${f(median(bigSearch))} ms, p95 ${f(quantile(bigSearch, 0.95))} ms`,
);

const startup = benchMatcherStartup(entries);
console.log(
  `knowledge base in this run: ${entries.length} entries (${startup.today.patterns} matcher patterns, ${startup.today.kb} KB JSON); synthetic: ${startup.big.entries} entries (${startup.big.patterns} patterns, ${startup.big.kb} KB)`,
);
console.log(
  `matcher start-up in Node (JSON.parse + loadMatcher): today's KB first ${f(startup.today.firstMs)} ms, median ${f(startup.today.medianMs)} ms; 5,000 entries first ${f(startup.big.firstMs)} ms, median ${f(startup.big.medianMs)} ms`,
);
for (const [label, r] of [
  ['a bare extension (floor)', cold.floor],
  [`today's build (${entries.length} entries)`, cold.today],
  ['a build with 5,000 entries', cold.grown],
] as const)
  console.log(
    `service worker, demo article, navigation start to highlights painted, ${label}: warm median ${f(median(r.warm))} ms (n=${r.warm.length}); cold (worker stopped first) median ${f(median(r.cold))} ms, max ${f(Math.max(...r.cold))} ms (n=${r.cold.length}) ${r.note}`,
  );
console.log(
  `popup page, first content, each build in a fresh Chromium: the floor ${f(median(cold.floor.popup))} ms, today's build ${f(median(cold.today.popup))} ms, 5,000 entries ${f(median(cold.grown.popup))} ms (medians, n=${cold.today.popup.length})`,
);
console.log(
  `  cold over the floor: today's build +${f(median(cold.today.cold) - median(cold.floor.cold))} ms, 5,000 entries +${f(median(cold.grown.cold) - median(cold.floor.cold))} ms (warm: +${f(median(cold.today.warm) - median(cold.floor.warm))} / +${f(median(cold.grown.warm) - median(cold.floor.warm))} ms)`,
);
console.log(
  `hover start to a visible card (500 ms delay): median ${f(median(hoverTimes))} ms, p95 ${f(quantile(hoverTimes, 0.95))} ms (n=${hoverTimes.length})`,
);
// The same pages in Firefox (every Nth with --firefox-every N), with Chromium closed and its figures printed.
const ffServer = await startServer();
const firefox = await benchFirefox(
  ffServer,
  benchUrls(ffServer.origin)
    .slice(0, limit)
    .filter((_, i) => i % firefoxEvery === 0),
);
await ffServer.close();
const firefoxRows = printFirefox(firefox);
printTargets([
  ['articles not about espionage, median', summaryOf('article (not espionage)').extMedian, 1.0],
  ['articles not about espionage, p95', summaryOf('article (not espionage)').extP95, 2.5],
  ['pages the gate turns away, p95', summaryOf('  turned away by the gate').extP95, 2.0],
  ['espionage articles, median', summaryOf('espionage article').extMedian, 3.0],
  ['espionage articles, p95', summaryOf('espionage article').extP95, 6.0],
  ['cold service worker to highlights (demo article), median', median(cold.today.cold), 150],
  ['… with a 5,000-entry knowledge base, median', median(cold.grown.cold), 300],
  ['hover start to visible card, median', median(hoverTimes), 600],
  ['popup first content, median', median(popupTimes), 60],
  ['search per query, our KB, p95', quantile(kbSearch, 0.95), 10],
  ['search per query, 10,000 entries, p95', quantile(bigSearch, 0.95), 10],
  ['espionage texts the topic gate drops (CASIE, corpus, fixtures)', gateLoss.espionageDropped, 0],
  ...firefoxRows,
]);

if (outFile) {
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length },
        summary,
        results,
        sizes,
        popupTimes,
        popupSearchTimes,
        kbSearch,
        bigSearch,
        memory: { heapWith, heapWithout, swHeapMb },
        kbEntries: entries.length,
        startup,
        cold,
        hoverTimes,
        firefox,
      },
      null,
      2,
    ),
  );
  console.log(`\nwrote ${outFile}`);
}
