/** The service worker: injects the analyser on likely articles, keeps the badge, answers lookups. */
import { browser, type Browser } from 'wxt/browser';
import { loadMatcher, type Matcher, type MatcherData } from '../core/engine/matcher';
import type { Kind } from '../core/kb/kinds';
import { isSitePaused } from '../core/settings';
import cuesJson from '../.generated/kb-cues.json';
// Strings: parsed on first use, not while the worker starts.
import matcherJson from '../.generated/kb-matcher.json?raw';
import eventsJson from '../.generated/kb-events.json?raw';
import { indexEvents, type EventIndex } from '../core/engine/event-score';
import { analyzeReply, pageViewOf } from '../core/pipeline/analyze-reply';
import type { CompiledCueSet } from '../core/engine/references';
import { translate, pickUiLang } from '../core/i18n/strings';
import type { EventCandidate } from '../core/engine/article-event';
import { loadEntries } from './kb-entries';
import {
  commandMessage,
  parseBackgroundMessage,
  type AnalyzeReply,
  type Message,
  type PageState,
  type ToBackground,
} from './messages';
import { loadSettings } from './storage';

export const ANALYZER_FILE = '/analyzer.js';
export const CARD_FILE = '/card.js';
const MENU_ID = 'spyglass-lookup';

function uiLang(): 'en' | 'zh_CN' {
  return pickUiLang(browser.i18n.getUILanguage());
}

declare global {
  // The worker's start-up by step (performance.now(), from the worker's own time origin), read by
  // `npm run bench` after it stopped and restarted the worker: when our main ran (the browser's
  // start-up, then compiling and evaluating this bundle, its compiled JSON included), and what
  // loading the matcher took on its first use, and when the first page's two messages arrived
  // and the analysis was answered.
  var __spyglassSwMs: SwTimes | undefined;
}

export interface SwTimes {
  main: number;
  matcher?: number;
  gatePassed?: number;
  analyze?: number;
  answered?: number;
}

/** Records the first time each step happened in this worker's life. */
function mark(step: 'gatePassed' | 'analyze' | 'answered'): void {
  const t = globalThis.__spyglassSwMs;
  if (t && t[step] === undefined) t[step] = performance.now();
}

let events: { byId: Map<string, EventCandidate['entry']>; index: EventIndex } | undefined;
/** The event entries' dates, claims, parties and key words (for the event an article reports); parsed once. */
function eventRecords(): { byId: Map<string, EventCandidate['entry']>; index: EventIndex } {
  if (!events) {
    const records = JSON.parse(eventsJson) as EventCandidate['entry'][];
    events = { byId: new Map(records.map((e) => [e.id, e])), index: indexEvents(records) };
  }
  return events;
}
const eventById = (id: string) => eventRecords().byId.get(id);

let matcher: { m: Matcher; kinds: Map<string, Kind> } | undefined;
/** The matcher, loaded once per background lifetime, on the first page that needs it. */
function getMatcher(): { m: Matcher; kinds: Map<string, Kind> } {
  if (!matcher) {
    const t0 = performance.now();
    const data = JSON.parse(matcherJson) as MatcherData;
    const kinds = new Map<string, Kind>();
    for (const p of data.patterns) if (p.id && p.kind) kinds.set(p.id, p.kind);
    matcher = { m: loadMatcher(data), kinds };
    if (globalThis.__spyglassSwMs) globalThis.__spyglassSwMs.matcher = performance.now() - t0;
  }
  return matcher;
}

/** The toolbar badge: how many known entities an espionage article mentions (nothing otherwise). */
async function setBadge(tabId: number, status: PageState['status'], entityCount: number): Promise<void> {
  const n = entityCount;
  const show = status === 'espionage' && n > 0;
  await browser.action.setBadgeText({ tabId, text: show ? String(n) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a8c' });
  await browser.action.setTitle({
    tabId,
    title: show ? translate(uiLang(), n === 1 ? 'badgeTitleOne' : 'badgeTitle', [n]) : translate(uiLang(), 'extName'),
  });
}

async function analyze(msg: Message<ToBackground, 'cs/analyze'>, sender: Browser.runtime.MessageSender) {
  const { settings } = await loadSettings();
  const view = pageViewOf(settings);
  const none = { score: 0, lang: '', signals: [], paint: false, mentions: [], kinds: {}, view };
  let reply: AnalyzeReply;
  if (!settings.enabled) reply = { status: 'disabled', ...none };
  else if (isSitePaused(sender.url ?? sender.tab?.url ?? '', settings.pausedSites))
    reply = { status: 'paused', ...none };
  else {
    const { m, kinds } = getMatcher();
    reply = analyzeReply(
      msg.page,
      {
        matcher: m,
        kinds,
        cueSets: cuesJson as unknown as CompiledCueSet[],
        eventById,
        events: eventRecords().index,
      },
      settings,
      view,
    );
  }
  const tabId = sender.tab?.id;
  if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
    await setBadge(tabId, reply.status, new Set(reply.mentions.map((x) => x.id)).size);
  }
  return reply;
}

async function handle(msg: Message<ToBackground>, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (msg.type) {
    case 'cs/gate-passed': {
      mark('gatePassed');
      if (tabId === undefined) return { injected: false };
      const { settings } = await loadSettings();
      if (!settings.enabled || isSitePaused(sender.url ?? sender.tab?.url ?? '', settings.pausedSites))
        return { injected: false };
      const injected = browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [ANALYZER_FILE],
      });
      // While the page script loads and reads its page, load the matcher and the event records it
      // is about to need (on a worker that just started, this hides their load behind the page's work).
      getMatcher();
      eventRecords();
      await injected;
      return { injected: true };
    }
    case 'cs/analyze': {
      mark('analyze');
      const reply = await analyze(msg, sender);
      mark('answered');
      return reply;
    }
    case 'cs/load-card':
      // The card's UI (Preact, floating-ui, styles) is loaded into a frame only when a card opens.
      if (tabId === undefined) return { ok: false };
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD_FILE] });
      return { ok: true };
    case 'cs/page-state': {
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return { ok: true };
      // Open extension views (the side panel) follow the page as it changes; none open is fine.
      void browser.runtime.sendMessage({ type: 'ui/page-state', tabId, state: msg.state }).catch(() => undefined);
      await setBadge(tabId, msg.state.status, msg.state.entities.length);
      return { ok: true };
    }
    case 'ui/analyse-tab': {
      // Only our own pages (popup, side panel) may ask, never a content script.
      if (!sender.url?.startsWith(browser.runtime.getURL('/'))) return { ok: false };
      // The gates overridden: the page script reads the page as if the gate had passed it.
      const target = { tabId: msg.tabId, frameIds: [0] };
      await browser.scripting.executeScript({
        target,
        func: () => {
          (globalThis as { __spyglassGatePassed?: boolean }).__spyglassGatePassed = true;
        },
      });
      await browser.scripting.executeScript({ target, files: [ANALYZER_FILE] });
      return { ok: true };
    }
    case 'cs/get-entries': {
      const byId = await loadEntries();
      return { entries: msg.ids.map((id) => byId.get(id)).filter((e) => e !== undefined) };
    }
    case 'cs/open-entry':
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?entry=${encodeURIComponent(msg.id)}`) });
      return { ok: true };
  }
}

export function startBackground(): void {
  globalThis.__spyglassSwMs = { main: performance.now() };
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

  // Page scripts have no storage API of their own (it costs every page its start-up): tell the
  // tabs when the settings change, and they read their page again with the new ones.
  browser.storage.onChanged.addListener((changes) => {
    if (!('settings' in changes)) return;
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs)
        if (tab.id !== undefined)
          void browser.tabs.sendMessage(tab.id, { type: 'page/settings-changed' }).catch(() => undefined);
    });
  });

  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const q = info.selectionText.trim().slice(0, 200);
    void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(q)}`) });
  });

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const msg = commandMessage(command);
    if (msg) await browser.tabs.sendMessage(tab.id, msg).catch(() => undefined);
  });
}
