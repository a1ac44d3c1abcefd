/**
 * What the popup and the side panel share: the knowledge-base chunk, reading a tab's page state,
 * the export actions (clipboard, download), "Analyse this page" and opening the side panel.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ArticleContext, PatternInfo } from '../core/export/context';
import type { Entry } from '../core/kb/schema';
import { PATTERN_INFO } from '../core/naming/pattern-info';
import type { Searcher } from '../core/search/search';
import { loadEntries } from './kb-entries';
import { KB_META } from './kb-meta';
import type { PageState } from './messages';

export interface Kb {
  entries: ReadonlyMap<string, Entry>;
  search: Searcher;
}

export const NO_KB: Kb = { entries: new Map(), search: () => [] };

/**
 * The knowledge base (the entries' file, and a chunk with the search documents and the prebuilt
 * index) loads after the view draws its first content. The searcher is built and run once in idle time
 * (cold code made the first real query 10–17 ms in the benchmark, later ones 1–5 ms).
 */
export function loadKb(): Promise<Kb> {
  return Promise.all([import('./kb-data'), loadEntries()]).then(([{ searchKb, warmSearch }, entries]) => {
    const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 300));
    idle(warmSearch);
    return { entries, search: (query, limit) => (query.trim() ? searchKb(query, limit) : []) };
  });
}

/** What each vendor naming pattern means, by id (the data is checked by its own schema test). */
export const PATTERNS: ReadonlyMap<string, PatternInfo> = PATTERN_INFO;

/** Whether a tab shows one of our own pages (the popup opened in a tab, the options page). */
export function isOwnPage(tab: Browser.tabs.Tab | undefined): boolean {
  return tab?.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/**
 * On pages the gate judged not to be articles nothing listens for messages (the gate never
 * touches the extension API there, to stay cheap): read its verdict from its world instead.
 * Pages where content scripts cannot run at all stay 'unreadable'.
 */
async function gateVerdict(tabId: number, url: string): Promise<PageState | 'unreadable'> {
  try {
    const [res] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as { __spyglassGate?: string }).__spyglassGate ?? null,
    });
    const status = res?.result;
    if (status === 'not-article' || status === 'loading')
      return { url, status, score: 0, lang: '', signals: [], entities: [] };
    // An article without any cue of our topic: not read, but the reader may ask for it.
    if (status === 'off-topic')
      return { url, status: 'article', skipped: true, score: 0, lang: '', signals: [], entities: [] };
  } catch {
    // Not scriptable (browser pages, extension stores).
  }
  return 'unreadable';
}

/**
 * Reads the tab's page state, asking again a few times while it says "loading"; calls `update`
 * with each answer. Stops early when `current()` turns false (the view moved to another tab).
 */
export async function readPageState(
  tabId: number,
  url: string,
  update: (page: PageState | 'unreadable') => void,
  current: () => boolean = () => true,
): Promise<void> {
  for (let attempt = 0; attempt < 20 && current(); attempt++) {
    let page: PageState | 'unreadable';
    try {
      page = (await browser.tabs.sendMessage(tabId, { type: 'page/get-state' })) as PageState;
    } catch {
      page = await gateVerdict(tabId, url);
    }
    if (!current()) return;
    update(page);
    if (page === 'unreadable' || page.status !== 'loading') return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Asks the background to read the tab although the gates skipped it. */
export async function analyseTab(tabId: number): Promise<void> {
  const res = (await browser.runtime.sendMessage({ type: 'ui/analyse-tab', tabId })) as
    { ok?: boolean; error?: string } | undefined;
  if (!res?.ok) throw new Error(res?.error ?? 'the page could not be analysed');
}

/** Copies the context as Markdown (a user gesture in an extension page needs no clipboard permission). */
export async function copyMarkdown(ctx: ArticleContext): Promise<void> {
  // The exporters load on first use; the clipboard call stays within the click's user activation.
  const { toMarkdown } = await import('../core/export/markdown');
  await navigator.clipboard.writeText(toMarkdown(ctx, { kbAsOf: KB_META.newestAsOf }));
}

/** The saved file's name: spyglass-<host>-<date>.stix.json. */
export function stixFileName(ctx: ArticleContext, now: Date): string {
  let host = 'page';
  try {
    host = new URL(ctx.url).hostname.replace(/[^a-z0-9.-]/gi, '') || 'page';
  } catch {
    // keep "page"
  }
  return `spyglass-${host}-${now.toISOString().slice(0, 10)}.stix.json`;
}

/** Saves the STIX bundle through a download link (no downloads permission needed). */
export async function saveStix(ctx: ArticleContext): Promise<string> {
  const { toStixBundle } = await import('../core/export/stix');
  const now = new Date();
  const name = stixFileName(ctx, now);
  const blob = new Blob([JSON.stringify(toStixBundle(ctx, { kbAsOf: KB_META.newestAsOf }), null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

interface SidebarApi {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the side panel for the window. Both browsers require a user gesture, so this is called
 * straight from the click, with the window id known beforehand.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const ff = (browser as unknown as SidebarApi).sidebarAction;
  if (ff) return ff.open();
  if (browser.sidePanel && windowId !== undefined) return browser.sidePanel.open({ windowId });
  return Promise.reject(new Error('no side panel in this browser'));
}

/** Whether this browser has a side panel we can open. */
export function hasSidePanel(): boolean {
  return Boolean((browser as unknown as SidebarApi).sidebarAction ?? browser.sidePanel);
}
