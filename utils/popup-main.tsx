/** Wires the popup: finds the tab and hands it to the shared view controller, with pausing and the side panel. */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, isSitePaused, siteOf } from '../core/settings';
import { uiLangFor } from './ui-prefs';
import { I18nContext, makeT } from '../components/i18n';
import { PopupApp } from '../components/popup-app';
import { hasSidePanel, isOwnPage, loadKb, NO_KB, openSidePanel, type Kb } from './page-view';
import { loadChoices, loadSettings, saveSettings } from './storage';
import { createViewController } from './view-controller';

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
  // Two independent round trips to the browser, made together.
  const [stored, tab, { choices }] = await Promise.all([loadSettings(), findTab(params.get('tabId')), loadChoices()]);
  const ownPage = isOwnPage(tab);
  const site = tab?.url ? siteOf(tab.url) : undefined;
  const view = createViewController(
    root,
    {
      variant: 'popup',
      props: (v) => ({
        initialEntry: params.get('entry') ?? undefined,
        initialQuery: params.get('q') ?? undefined,
        canPause: site !== undefined && !ownPage,
        onTogglePause: async () => {
          const url = tab?.url;
          if (!site || !url) return;
          const { pausedSites } = v.settings;
          v.setSettings(
            await saveSettings({
              pausedSites: isSitePaused(url, pausedSites)
                ? pausedSites.filter((p) => !isSitePaused(url, [p]))
                : [...pausedSites, site],
            }),
          );
        },
        onShowInPage: (id) => void v.showInPage(id).then(() => window.close()),
        onShowText: (q) => void v.showText(q).then(() => window.close()),
        onOpenSidePanel:
          hasSidePanel() && !ownPage
            ? () => {
                void openSidePanel(tab?.windowId).then(
                  () => window.close(),
                  () => undefined,
                );
              }
            : undefined,
      }),
    },
    { settings: stored.settings, choices, tab, kbLoad },
  );
  view.listen();
  view.draw();
  // Read by the benchmark: time from navigation start to the first rendered content.
  performance.mark('spyglass-first-content');
  void view.loadKb().then(() => {
    // Also read by the benchmark: with ?q= the results of that search are on screen now.
    performance.mark('spyglass-kb-ready');
  });
  await view.read();
}
