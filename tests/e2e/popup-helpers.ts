/**
 * Helpers for the popup, options and accessibility end-to-end tests: open the demo article and
 * the popup for its tab, write raw settings from an extension page, type text, and run axe-core.
 * Built on the shared harness in ./browsers (which these helpers never change).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { waitForHighlights, type TestBrowser, type TestPage } from './browsers';

export const DEMO_PATH = '/fixtures/demo-article.html';

/** The origin of the local server the e2e setup started. */
export function origin(): string {
  const o = process.env.SPYGLASS_E2E_ORIGIN;
  if (!o) throw new Error('SPYGLASS_E2E_ORIGIN is not set');
  return o;
}

/** Opens the demo article, waits for its highlights and returns the page, its URL and its tab id. */
export async function openDemo(browser: TestBrowser): Promise<{ page: TestPage; url: string; tabId: number }> {
  const page = await browser.newPage();
  const url = `${origin()}${DEMO_PATH}`;
  await page.goto(url);
  await waitForHighlights(page, 30_000);
  const tabId = await browser.tabIdOf(url);
  return { page, url, tabId };
}

/** Opens an extension page and waits until it has rendered its answer (not the first "loading"). */
export async function openUi(browser: TestBrowser, path: string): Promise<TestPage> {
  const page = await browser.openExtensionPage(path);
  await page.waitFor(
    () => {
      const root = document.getElementById('app');
      if (root?.dataset.ready !== 'ready') return false;
      const s = document.querySelector('.verdict-line')?.getAttribute('data-status');
      return s !== 'loading';
    },
    undefined,
    30_000,
  );
  return page;
}

/** Number of painted Spyglass highlight ranges in a page (0 when none). */
export function highlightCount(page: TestPage): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('spyglass-') && name !== 'spyglass-active') n += h.size;
    return n;
  });
}

/** Waits until the page's highlight count satisfies `test` (checked in the page). */
export function waitForHighlightCount(page: TestPage, op: 'eq' | 'gt', n: number, timeoutMs = 30_000): Promise<number> {
  return page
    .waitFor(
      ([o, k]: [string, number]) => {
        let c = 0;
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('spyglass-') && name !== 'spyglass-active') c += h.size;
        return (o === 'eq' ? c === k : c > k) ? c + 1 : 0;
      },
      [op, n] as [string, number],
      timeoutMs,
    )
    .then((c) => c - 1);
}

/**
 * Writes the raw stored settings value from an extension page, into the area the extension reads
 * (sync where it works, else local). `undefined` removes it (defaults).
 */
export async function writeStoredSettings(extPage: TestPage, value: unknown): Promise<void> {
  await extPage.evaluate(async (v: unknown) => {
    type Area = {
      get(k: string): Promise<unknown>;
      set(o: object): Promise<void>;
      remove(k: string): Promise<void>;
    };
    const g = globalThis as unknown as {
      browser?: { storage: Record<string, Area> };
      chrome?: { storage: Record<string, Area> };
    };
    const api = (g.browser ?? g.chrome)!;
    let area = api.storage.local!;
    try {
      await api.storage.sync!.get('settings');
      area = api.storage.sync!;
    } catch {
      // sync unavailable: the extension falls back to local too
    }
    if (v === undefined) await area.remove('settings');
    else await area.set({ settings: v });
  }, value);
}

/** Types text into the focused element, one key event per character. */
export async function typeText(page: TestPage, text: string): Promise<void> {
  const raw = page.raw as unknown as { keyboard: { type(t: string): Promise<void> } };
  await raw.keyboard.type(text);
}

/** Clicks the first element matching a selector through a real mouse click at its centre. */
export async function clickSelector(page: TestPage, selector: string): Promise<void> {
  const raw = page.raw as unknown as { click(s: string): Promise<void> };
  await raw.click(selector);
}

/** Presses Tab until the focused element matches `selector` (in the top document). Returns the tabs pressed. */
export async function tabTo(page: TestPage, selector: string, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.press('Tab');
    const ok = await page.evaluate((s: string) => document.activeElement?.matches(s) ?? false, selector);
    if (ok) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const req = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

/**
 * Runs axe-core in the page (the source goes in as a string expression, so no eval is needed in
 * the page) and returns the violations: of the whole document, or of the element reached by
 * `shadowPath` (selectors, one per shadow root crossed, e.g. ['spyglass-ui', '.card']).
 */
export async function runAxe(page: TestPage, shadowPath?: string[]): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');
  const raw = page.raw as unknown as { evaluate(expr: string): Promise<unknown> };
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await raw.evaluate(`${axeSource};void 0`);
  return page.evaluate(async (path: string[] | null) => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const ctx = path ? { include: [path] } : document;
    const res = await axe.run(ctx, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html })),
    }));
  }, shadowPath ?? null);
}

/** A readable one-line-per-node summary of violations, for failure messages. */
export function describeViolations(v: AxeViolation[]): string {
  return v
    .map(
      (x) =>
        `${x.id} (${x.impact}): ${x.help}\n${x.nodes.map((n) => `   ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
}

/** Presses a key with modifiers held (e.g. pressWith(page, ['Shift'], 'Tab')), in both harnesses. */
export async function pressWith(page: TestPage, modifiers: string[], key: string): Promise<void> {
  const kb = (page.raw as unknown as { keyboard: { down(k: string): Promise<void>; up(k: string): Promise<void> } })
    .keyboard;
  for (const m of modifiers) await kb.down(m);
  await page.press(key);
  for (const m of [...modifiers].reverse()) await kb.up(m);
}

/**
 * Reloads an extension page from inside (Firefox's BiDi refuses to navigate to extension URLs)
 * and waits until the new document has rendered.
 */
export async function reloadUi(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await page.waitFor(
    () =>
      !(window as unknown as { __beforeReload?: boolean }).__beforeReload &&
      document.getElementById('app')?.dataset.ready === 'ready',
    undefined,
    30_000,
  );
}
