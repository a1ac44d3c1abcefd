/**
 * The cold service worker, each build in a Chromium of its own: today's build and one compiled
 * with a synthetic 5,000-entry knowledge base (scripts/synthetic-kb.ts). Part of `npm run bench`;
 * alone: `npx tsx scripts/bench-cold.ts [--grown N]`. Not a test: it prints figures.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_EXT, CHROMIUM_PATH, chromiumArgs } from '../tests/e2e/browsers';
import { startServer } from '../tests/e2e/server';
import { benchColdServiceWorker, popupMark } from './bench-startup';
import { median } from './bench-stats';

export type ColdResult = Awaited<ReturnType<typeof benchColdServiceWorker>> & {
  /** Popup page (opened in a tab) from navigation start to its first content mark. */
  popup: number[];
};

const POPUP_RUNS = 10;

const DEBUG_PORT = 9341;

/**
 * Loads `extDir` into a fresh headless Chromium and times the demo article with the worker warm
 * and stopped, then the popup page's first content.
 */
export async function coldWorkerRun(extDir: string): Promise<ColdResult> {
  const server = await startServer();
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(extDir, [`--remote-debugging-port=${DEBUG_PORT}`]),
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const prefix = `chrome-extension://${new URL(sw.url()).host}/`;
    const cold = await benchColdServiceWorker(
      context,
      DEBUG_PORT,
      prefix,
      `${server.origin}/fixtures/demo-article.html`,
    );
    const popup: number[] = [];
    for (let i = 0; i < POPUP_RUNS; i++) {
      const t = await popupMark(context, prefix, '', 'spyglass-first-content');
      if (t !== undefined) popup.push(t);
    }
    return { ...cold, popup };
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * Builds the Chromium extension with a grown knowledge base into a temporary folder, then builds
 * today's again so .output/ is left as it was (an interrupted run is mended by the next build,
 * which recompiles the knowledge base first). Returns the folder; the caller removes it.
 */
export function buildGrown(entries: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-grown-'));
  const wxt = (env: NodeJS.ProcessEnv) =>
    execFileSync('npx', ['wxt', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    wxt({ ...process.env, SPYGLASS_BENCH_ENTRIES: String(entries) });
    cpSync(CHROME_EXT, dir, { recursive: true });
  } finally {
    const { SPYGLASS_BENCH_ENTRIES: _grown, ...env } = process.env;
    wxt(env);
  }
  return dir;
}

/**
 * The floor: a bare extension that takes the same steps as ours (a content script at
 * document_idle messages its worker, which injects a second script; that one asks the worker
 * again and paints one highlight) with no work in any of them, and a popup page that reads the
 * settings and the tab and draws one element. Written to a temporary folder.
 */
export function buildFloor(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spyglass-floor-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'floor',
      version: '1.0',
      permissions: ['scripting', 'storage'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'sw.js' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['gate.js'], run_at: 'document_idle' }],
    }),
    'sw.js': `globalThis.__spyglassSwMs = { main: performance.now() };
chrome.runtime.onMessage.addListener((m, s, reply) => {
  const t = globalThis.__spyglassSwMs;
  if (m === 'passed') t.gatePassed ??= performance.now(); else t.analyze ??= performance.now();
  if (m === 'passed') chrome.scripting.executeScript({ target: { tabId: s.tab.id, frameIds: [s.frameId] }, files: ['paint.js'] }).then(() => reply(1));
  else { reply({ paint: true }); t.answered ??= performance.now(); }
  return true;
});`,
    'gate.js': `chrome.runtime.sendMessage('passed');`,
    // The popup's steps: a module script, the settings and the tab read together, one element drawn.
    'popup.html':
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/popup.js"></script></head><body><div id="app"></div></body></html>',
    'popup.js': `const [s, t] = await Promise.all([chrome.storage.sync.get('settings'), chrome.tabs.query({ active: true, currentWindow: true })]);
document.getElementById('app').textContent = String(t.length) + JSON.stringify(s);
performance.mark('spyglass-first-content');`,
    'paint.js': `chrome.runtime.sendMessage('analyze').then(() => {
  const t = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT).nextNode();
  if (!t) return;
  const r = new Range(); r.setStart(t, 0); r.setEnd(t, Math.min(4, t.data.length));
  CSS.highlights.set('spyglass-floor', new Highlight(r));
});`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Today's build and the grown one, one after the other. */
export async function benchColdBuilds(
  grownEntries = 5000,
): Promise<{ floor: ColdResult; today: ColdResult; grown: ColdResult }> {
  const floorDir = buildFloor();
  const grownDir = buildGrown(grownEntries);
  try {
    const floor = await coldWorkerRun(floorDir);
    const today = await coldWorkerRun(CHROME_EXT);
    return { floor, today, grown: await coldWorkerRun(grownDir) };
  } finally {
    for (const d of [floorDir, grownDir]) rmSync(d, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const n = args.includes('--grown') ? Number(args[args.indexOf('--grown') + 1]) : 5000;
  const r = await benchColdBuilds(n);
  for (const [label, x] of [
    ['floor', r.floor],
    ['today', r.today],
    [`${n} entries`, r.grown],
  ] as const)
    console.log(
      `${label}: warm ${median(x.warm).toFixed(1)} ms, cold ${median(x.cold).toFixed(1)} ms (max ${Math.max(...x.cold).toFixed(1)}) ${x.note}; popup first content ${median(x.popup).toFixed(1)} ms`,
    );
}
