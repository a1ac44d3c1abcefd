/**
 * Wires the side panel: the popup's content for the active tab of the last focused normal window,
 * following tab switches, navigations and the page script's reports, and staying open meanwhile.
 */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { isSitePaused, type Settings } from '../core/settings';
import { applyTheme, uiLangFor } from './ui-prefs';
import { I18nContext, makeT } from '../components/i18n';
import { PopupApp } from '../components/popup-app';
import { parseUiMessage, type PageState } from './messages';
import {
  analyseTab,
  copyMarkdown,
  isOwnPage,
  loadKb,
  NO_KB,
  PATTERNS,
  readPageState,
  saveStix,
  type Kb,
} from './page-view';
import { loadSettings } from './storage';

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
  let kb: Kb | undefined;
  let settings: Settings = (await loadSettings()).settings;
  applyTheme(settings);
  const lang = uiLangFor(settings);
  document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  const i18n = { t: makeT(lang), lang };

  let tab: Browser.tabs.Tab | undefined;
  let page: PageState | 'unreadable' | undefined;
  /** Bumped on every switch, so a slow answer for the previous tab is dropped. */
  let generation = 0;

  const draw = () => {
    const override = !settings.enabled
      ? 'disabled'
      : tab?.url && isSitePaused(tab.url, settings.pausedSites)
        ? 'paused'
        : undefined;
    const tabId = tab?.id;
    render(
      <I18nContext.Provider value={i18n}>
        <PopupApp
          key={`${tabId ?? 'none'}:${generation}`}
          variant="panel"
          page={tab ? page : 'unreadable'}
          override={override}
          entries={(kb ?? NO_KB).entries}
          search={(kb ?? NO_KB).search}
          canPause={false}
          following={tab ? tab.title || tab.url : undefined}
          patterns={PATTERNS}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
          onShowInPage={(id) => {
            if (tabId !== undefined)
              void browser.tabs.sendMessage(tabId, { type: 'page/show-mention', id }).catch(() => undefined);
          }}
          onCopyMarkdown={copyMarkdown}
          onSaveStix={saveStix}
          onAnalyse={
            tabId === undefined
              ? undefined
              : () => {
                  page = undefined;
                  draw();
                  void analyseTab(tabId).then(read, read);
                }
          }
        />
      </I18nContext.Provider>,
      root,
    );
    root.dataset.ready = (tab && page === undefined) || kb === undefined ? 'loading' : 'ready';
    root.dataset.tabId = tabId === undefined ? '' : String(tabId);
  };

  const read = () => {
    const t = tab;
    const gen = generation;
    if (t?.id === undefined) return Promise.resolve();
    return readPageState(
      t.id,
      t.url ?? '',
      (p) => {
        page = p;
        draw();
      },
      () => gen === generation,
    );
  };

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
    if (!force && next.id === tab?.id && next.url === tab?.url) {
      tab = next; // the title may have changed
      draw();
      return;
    }
    tab = next;
    page = undefined;
    generation++;
    draw();
    await read();
  };

  browser.tabs.onActivated.addListener((info) => void follow(false, info.tabId));
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) void follow();
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (tabId !== tab?.id) return;
    if (info.url !== undefined || info.status === 'complete') void follow(info.url !== undefined);
    else if (info.title !== undefined) void follow();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    if (tabId === tab?.id) {
      tab = undefined;
      void follow(true);
    }
  });
  // The background relays what page scripts report, so the panel updates as the page changes.
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const msg = parseUiMessage(raw);
    if (msg && msg.tabId === tab?.id) {
      page = msg.state;
      draw();
    }
    return undefined;
  });
  browser.storage.onChanged.addListener((changes) => {
    if (!('settings' in changes)) return;
    void loadSettings().then((s) => {
      settings = s.settings;
      applyTheme(settings);
      draw();
    });
  });

  draw();
  // The knowledge base (a large chunk) loads after the first draw, so its parsing never delays it.
  void loadKb().then((loaded) => {
    kb = loaded;
    draw();
  });
  await follow(true);
}
