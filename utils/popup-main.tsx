/** Wires the popup: finds the tab, asks its content script for the page state, renders PopupApp. */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, isSitePaused, siteOf } from '../core/settings';
import { applyTheme, uiLangFor } from './ui-prefs';
import { I18nContext, makeT } from '../components/i18n';
import { PopupApp } from '../components/popup-app';
import type { PageState } from './messages';
import {
  analyseTab,
  copyMarkdown,
  hasSidePanel,
  isOwnPage,
  loadKb,
  NO_KB,
  openSidePanel,
  PATTERNS,
  readPageState,
  saveStix,
  type Kb,
} from './page-view';
import { loadSettings, saveSettings } from './storage';

async function findTab(param: string | null): Promise<Browser.tabs.Tab | undefined> {
  if (param !== null && /^\d+$/.test(param)) return browser.tabs.get(Number(param)).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export async function startPopup(root: HTMLElement): Promise<void> {
  // The knowledge base (a large chunk) loads once the popup has drawn its first content, so its
  // parsing never delays that; a failure before then starts it here.
  let kbLoading: Promise<Kb> | undefined;
  const kbLoad = () => (kbLoading ??= loadKb());
  try {
    await run(root, kbLoad);
  } catch (err) {
    const kb = await kbLoad().catch(() => NO_KB);
    // Never leave the reader with a blank popup: say what went wrong; search still works.
    const lang = uiLangFor(DEFAULT_SETTINGS);
    render(
      <I18nContext.Provider value={{ t: makeT(lang), lang }}>
        <PopupApp
          page="unreadable"
          entries={kb.entries}
          search={kb.search}
          canPause={false}
          error={err instanceof Error ? err.message : String(err)}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
        />
      </I18nContext.Provider>,
      root,
    );
    root.dataset.ready = 'ready';
  }
}

async function run(root: HTMLElement, kbLoad: () => Promise<Kb>): Promise<void> {
  const params = new URLSearchParams(location.search);
  // The context menu and the card's "More" open the popup in a tab of its own: use the room.
  if (params.has('q') || params.has('entry')) document.body.classList.add('page-tab');
  let kb: Kb | undefined;
  // Two independent round trips to the browser, made together.
  const [stored, tab] = await Promise.all([loadSettings(), findTab(params.get('tabId'))]);
  let { settings } = stored;
  applyTheme(settings);
  const lang = uiLangFor(settings);
  document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  const i18n = { t: makeT(lang), lang };

  const ownPage = isOwnPage(tab);
  const tabId = ownPage ? undefined : tab?.id;
  let page: PageState | 'unreadable' | undefined = tabId === undefined ? 'unreadable' : undefined;

  const draw = () => {
    const site = tab?.url ? siteOf(tab.url) : undefined;
    const override = !settings.enabled
      ? 'disabled'
      : tab?.url && isSitePaused(tab.url, settings.pausedSites)
        ? 'paused'
        : undefined;
    render(
      <I18nContext.Provider value={i18n}>
        <PopupApp
          page={page}
          override={override}
          entries={(kb ?? NO_KB).entries}
          search={(kb ?? NO_KB).search}
          initialEntry={params.get('entry') ?? undefined}
          initialQuery={params.get('q') ?? undefined}
          canPause={site !== undefined && !ownPage}
          patterns={PATTERNS}
          onTogglePause={async () => {
            if (!site || !tab?.url) return;
            const paused = isSitePaused(tab.url, settings.pausedSites);
            settings = await saveSettings({
              pausedSites: paused
                ? settings.pausedSites.filter((p) => !isSitePaused(tab.url!, [p]))
                : [...settings.pausedSites, site],
            });
            draw();
          }}
          onOpenOptions={() => void browser.runtime.openOptionsPage()}
          onShowInPage={(id) => {
            if (tabId === undefined) return;
            void browser.tabs.sendMessage(tabId, { type: 'page/show-mention', id }).then(() => window.close());
          }}
          onCopyMarkdown={copyMarkdown}
          onSaveStix={saveStix}
          onAnalyse={
            tabId === undefined
              ? undefined
              : () => {
                  page = undefined;
                  draw();
                  void analyseTab(tabId)
                    .then(() => readState())
                    .catch(() => readState());
                }
          }
          onOpenSidePanel={
            hasSidePanel() && !ownPage
              ? () => {
                  void openSidePanel(tab?.windowId).then(
                    () => window.close(),
                    () => undefined,
                  );
                }
              : undefined
          }
        />
      </I18nContext.Provider>,
      root,
    );
    root.dataset.ready = page === undefined || kb === undefined ? 'loading' : 'ready';
  };
  const readState = () =>
    tabId === undefined
      ? Promise.resolve()
      : readPageState(tabId, tab?.url ?? '', (p) => {
          page = p;
          draw();
        });
  draw();
  // Read by the benchmark: time from navigation start to the first rendered content.
  performance.mark('spyglass-first-content');
  void kbLoad().then((loaded) => {
    kb = loaded;
    draw();
    // Also read by the benchmark: with ?q= the results of that search are on screen now.
    performance.mark('spyglass-kb-ready');
  });
  await readState();
}
