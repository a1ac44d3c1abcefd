/** The service worker: injects the analyser on likely articles, keeps the badge, answers lookups. */
import { browser, type Browser } from 'wxt/browser';
import { isSitePaused } from '../core/settings';
import { translate, pickUiLang } from '../core/i18n/strings';
import { entryById } from './kb-data';
import { parseBackgroundMessage, type Message, type ToBackground } from './messages';
import { loadSettings } from './storage';

export const ANALYZER_FILE = '/analyzer.js';
const MENU_ID = 'spyglass-lookup';

function uiLang(): 'en' | 'zh_CN' {
  return pickUiLang(browser.i18n.getUILanguage());
}

async function handle(msg: Message<ToBackground>, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (msg.type) {
    case 'cs/gate-passed': {
      if (tabId === undefined) return { injected: false };
      const { settings } = await loadSettings();
      if (!settings.enabled || isSitePaused(sender.url ?? sender.tab?.url ?? '', settings.pausedSites))
        return { injected: false };
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [ANALYZER_FILE],
      });
      return { injected: true };
    }
    case 'cs/page-state': {
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return { ok: true };
      const { state } = msg;
      const n = state.entities.length;
      const show = state.status === 'espionage' && n > 0;
      await browser.action.setBadgeText({ tabId, text: show ? String(n) : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a8c' });
      await browser.action.setTitle({
        tabId,
        title: show ? translate(uiLang(), 'badgeTitle', [n]) : translate(uiLang(), 'extName'),
      });
      return { ok: true };
    }
    case 'cs/get-entries':
      return { entries: msg.ids.map(entryById).filter((e) => e !== undefined) };
    case 'cs/open-entry':
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?entry=${encodeURIComponent(msg.id)}`) });
      return { ok: true };
  }
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own content scripts and pages may talk to us, and only in the shapes we know.
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseBackgroundMessage(raw);
    if (!msg) return Promise.resolve({ error: 'rejected: unknown or malformed message' });
    return handle(msg, sender).catch((err: unknown) => ({ error: String(err) }));
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: translate(uiLang(), 'contextMenuLookup'),
        contexts: ['selection'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const q = info.selectionText.trim().slice(0, 200);
    void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(q)}`) });
  });

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const type = command === 'next-mention' ? 'page/show-mention' : command === 'close-card' ? 'page/close-card' : null;
    if (type) await browser.tabs.sendMessage(tab.id, { type }).catch(() => undefined);
  });
}
