/**
 * Wires the side panel: the shared view controller on the active tab of the last focused normal
 * window, following tab switches, navigations and the page script's reports, staying open meanwhile.
 */
import { browser, type Browser } from 'wxt/browser';
import { isOwnPage, loadKb } from './page-view';
import { loadChoices, loadSettings } from './storage';
import { createViewController } from './view-controller';

/**
 * The panel's own tab when it is opened as a page in a tab (the real side panel has none). Without
 * the "tabs" permission an extension page's own tab comes with no URL, so it is told by id.
 */
let ownTabId: number | undefined;
const isOurs = (tab: Browser.tabs.Tab | undefined) => isOwnPage(tab) || (tab?.id !== undefined && tab.id === ownTabId);

/** The active tab of the last focused normal window, unless it is one of our own pages. */
async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  let tab: Browser.tabs.Tab | undefined;
  try {
    const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
    [tab] = await browser.tabs.query({ active: true, windowId: win.id });
  } catch {
    [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  }
  return tab && !isOurs(tab) ? tab : undefined;
}

export async function startSidePanel(root: HTMLElement): Promise<void> {
  ownTabId = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
  const [{ settings }, { choices }] = await Promise.all([loadSettings(), loadChoices()]);
  const view = createViewController(
    root,
    {
      variant: 'panel',
      props: (v) => ({ following: v.tab ? v.tab.title || v.tab.url : undefined }),
    },
    { settings, choices, tab: undefined, kbLoad: loadKb },
  );

  /** Moves to the tab now active (or re-reads it after a navigation). */
  const follow = async (force = false, hint?: number) => {
    // The window the reader last focused decides; when that is our own page (the panel opened as
    // a tab), the tab just activated does.
    let next = await activeTab();
    if (!next && hint !== undefined) {
      const hinted = await browser.tabs.get(hint).catch(() => undefined);
      next = hinted && !isOurs(hinted) ? hinted : undefined;
    }
    if (!next) return; // our own page or nothing: keep following the last article tab
    if (!force && next.id === view.tab?.id && next.url === view.tab?.url)
      view.refresh(next); // the title may have changed
    else await view.show(next);
  };

  browser.tabs.onActivated.addListener((info) => void follow(false, info.tabId));
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) void follow();
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (tabId !== view.tab?.id) return;
    if (info.url !== undefined || info.status === 'complete') void follow(info.url !== undefined);
    else if (info.title !== undefined) void follow();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    if (tabId === view.tab?.id) void view.show(undefined).then(() => follow(true));
  });
  view.listen();

  view.draw();
  // The knowledge base (a large chunk) loads after the first draw, so its parsing never delays it.
  void view.loadKb();
  await follow(true);
}
