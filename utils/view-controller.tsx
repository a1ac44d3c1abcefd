/**
 * One controller for the two views of a tab, the toolbar popup and the side panel: it holds what
 * they show (settings, the tab, its page state, the knowledge base), draws PopupApp, and answers
 * its actions and the browser's messages the same way for both. The entry mains only say which
 * tab to show and what their surface adds (pausing a site, following tab switches).
 */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { I18nContext, makeT } from '../components/i18n';
import { PopupApp, type PopupAppProps } from '../components/popup-app';
import type { ReaderChoices } from '../core/reader-choices';
import { isSitePaused, type Settings } from '../core/settings';
import type { UiLang } from '../core/i18n/strings';
import { parseUiMessage, type PageState } from './messages';
import { analyseTab, copyMarkdown, isOwnPage, NO_KB, PATTERNS, readPageState, saveStix, type Kb } from './page-view';
import { changeChoices, loadSettings, watchChoices } from './storage';
import { applyTheme, uiLangFor } from './ui-prefs';

export interface ViewSurface {
  variant: 'popup' | 'panel';
  /** What only this surface gives PopupApp (drawn over the shared props). */
  props(view: ViewController): Partial<PopupAppProps>;
}

export interface ViewController {
  readonly lang: UiLang;
  readonly settings: Settings;
  /** The tab shown (undefined: none). */
  readonly tab: Browser.tabs.Tab | undefined;
  /** The tab to read and message: undefined for none or for one of our own pages. */
  readonly tabId: number | undefined;
  readonly page: PageState | 'unreadable' | undefined;
  draw(): void;
  /** Reads the tab's page state (an answer for a tab shown before is dropped). */
  read(): Promise<void>;
  /** Shows `tab` from scratch (or the same tab again after a navigation) and reads it. */
  show(tab: Browser.tabs.Tab | undefined): Promise<void>;
  /** Keeps the tab but takes its newer details (a changed title). */
  refresh(tab: Browser.tabs.Tab): void;
  /** Takes settings already stored (by this view or elsewhere) and draws with them. */
  setSettings(settings: Settings): void;
  /** Asks the page script to show a mention of `id`. */
  showInPage(id: string): Promise<unknown>;
  /** Asks the page script to scroll to and flash a stretch of the text it read. */
  showText(quote: { start: number; end: number }): Promise<unknown>;
  /** Loads the knowledge base now (once); it is drawn when it arrives. */
  loadKb(): Promise<Kb>;
  /** Follows the page script's reports and changes of the settings and the reader's choices. */
  listen(): void;
}

export function createViewController(
  root: HTMLElement,
  surface: ViewSurface,
  start: {
    settings: Settings;
    choices: ReaderChoices;
    tab: Browser.tabs.Tab | undefined;
    kbLoad: () => Promise<Kb>;
  },
): ViewController {
  let settings = start.settings;
  let muted = new Set(start.choices.muted.map((m) => m.id));
  const setChoices = (c: ReaderChoices) => {
    muted = new Set(c.muted.map((m) => m.id));
    draw();
  };
  applyTheme(settings);
  const lang = uiLangFor(settings);
  document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  const i18n = { t: makeT(lang), lang };
  let tab = start.tab;
  let page: PageState | 'unreadable' | undefined;
  let kb: Kb | undefined;
  let kbLoading: Promise<Kb> | undefined;
  /** Bumped on every switch, so a slow answer for the previous tab is dropped. */
  let generation = 0;
  const tabIdOf = (t: Browser.tabs.Tab | undefined) => (t && !isOwnPage(t) ? t.id : undefined);

  const view: ViewController = {
    lang,
    get settings() {
      return settings;
    },
    get tab() {
      return tab;
    },
    get tabId() {
      return tabIdOf(tab);
    },
    get page() {
      return view.tabId === undefined ? 'unreadable' : page;
    },
    draw,
    read,
    async show(next) {
      tab = next;
      page = undefined;
      generation++;
      draw();
      await read();
    },
    refresh(next) {
      tab = next;
      draw();
    },
    setSettings(next) {
      settings = next;
      applyTheme(settings);
      draw();
    },
    showInPage(id) {
      const tabId = view.tabId;
      if (tabId === undefined) return Promise.resolve(undefined);
      return browser.tabs.sendMessage(tabId, { type: 'page/show-mention', id });
    },
    showText({ start, end }) {
      const tabId = view.tabId;
      if (tabId === undefined) return Promise.resolve(undefined);
      return browser.tabs.sendMessage(tabId, { type: 'page/show-text', start, end });
    },
    loadKb() {
      kbLoading ??= start.kbLoad().then((loaded) => {
        kb = loaded;
        draw();
        return loaded;
      });
      return kbLoading;
    },
    listen() {
      // The background relays what page scripts report, so the view updates as the page changes.
      browser.runtime.onMessage.addListener((raw: unknown) => {
        const msg = parseUiMessage(raw);
        if (msg && msg.tabId === view.tabId) {
          page = msg.state;
          draw();
        }
        return undefined;
      });
      browser.storage.onChanged.addListener((changes) => {
        if ('settings' in changes) void loadSettings().then((s) => view.setSettings(s.settings));
      });
      watchChoices((c) => setChoices(c.choices));
    },
  };

  function read(): Promise<void> {
    const tabId = view.tabId;
    const gen = generation;
    if (tabId === undefined) return Promise.resolve();
    return readPageState(
      tabId,
      tab?.url ?? '',
      (p) => {
        page = p;
        draw();
      },
      () => gen === generation,
    );
  }

  function draw(): void {
    const tabId = view.tabId;
    const shown = view.page;
    const override = !settings.enabled
      ? 'disabled'
      : tab?.url && isSitePaused(tab.url, settings.pausedSites)
        ? 'paused'
        : undefined;
    const common: PopupAppProps = {
      variant: surface.variant,
      page: shown,
      override,
      entries: (kb ?? NO_KB).entries,
      search: (kb ?? NO_KB).search,
      canPause: false,
      patterns: PATTERNS,
      onOpenOptions: () => void browser.runtime.openOptionsPage(),
      onShowInPage: (id) => void view.showInPage(id).catch(() => undefined),
      onShowText: (q) => void view.showText(q).catch(() => undefined),
      onCopyMarkdown: copyMarkdown,
      onSaveStix: saveStix,
      muted,
      // Muting is stored locally; the page script hears of it from the background and reads again.
      onMute: (id) => {
        const name = kb?.entries.get(id)?.name ?? id;
        void changeChoices({ op: 'mute', id, name }).then(setChoices);
      },
      onUnmute: (id) => void changeChoices({ op: 'unmute', id }).then(setChoices),
      onAnalyse:
        tabId === undefined
          ? undefined
          : () => {
              page = undefined;
              draw();
              void analyseTab(tabId).then(read, read);
            },
    };
    render(
      <I18nContext.Provider value={i18n}>
        <PopupApp key={`${tabId ?? 'none'}:${generation}`} {...common} {...surface.props(view)} />
      </I18nContext.Provider>,
      root,
    );
    root.dataset.ready = shown === undefined || kb === undefined ? 'loading' : 'ready';
    root.dataset.tabId = tabId === undefined ? '' : String(tabId);
  }

  return view;
}
