/**
 * Every message between the parts of Spyglass, typed in one place, with a validator the
 * background runs on everything it receives (unknown types and malformed payloads are rejected).
 */
import type { Entry } from '../core/kb/schema';
import {
  INTRODUCED_KINDS,
  type AnalyzeReply,
  type IntroducedKind,
  type PageState,
  type PageStatus,
} from '../core/page-state';
import type { PageFacts, PageText } from '../core/engine/page';

export type { AnalyzeReply, PageState, PageStatus, PageView } from '../core/page-state';

/** A message with no payload beyond its type. */
export type NoFields = { readonly _?: never };

/** A change of the reader's choices asked from a page: a dismissal's page is the sender's, never the message's. */
export type PageChoice =
  | { op: 'dismiss'; id: string; name: string }
  | { op: 'restore'; id: string }
  | { op: 'mute'; id: string; name: string }
  | { op: 'unmute'; id: string };

/** Content script → background. */
export interface ToBackground {
  'cs/gate-passed': { req: NoFields; res: { injected: boolean } };
  'cs/analyze': { req: { page: PageText }; res: AnalyzeReply };
  'cs/load-card': { req: NoFields; res: { ok: boolean } };
  'cs/page-state': { req: { state: PageState }; res: { ok: true } };
  'cs/get-entries': { req: { ids: string[] }; res: { entries: Entry[] } };
  'cs/open-entry': { req: { id: string }; res: { ok: true } };
  /** The reader dismissed a name on this page, muted an entry, or undid either (from the card). */
  'cs/choice': { req: { change: PageChoice }; res: { ok: boolean } };
  /** Popup or side panel: read this tab although the gates skipped it (the reader asked). */
  'ui/analyse-tab': { req: { tabId: number }; res: { ok: boolean } };
}

/** Background → open extension views (popup, side panel), through runtime.sendMessage. */
export interface ToUi {
  /** A page script reported its state (relayed so the side panel follows the page as it changes). */
  'ui/page-state': { req: { tabId: number; state: PageState }; res: never };
}

/** Popup or background → content script (tabs.sendMessage). */
export interface ToPage {
  'page/get-state': { req: NoFields; res: PageState };
  'page/show-mention': { req: { id?: string }; res: { ok: boolean } };
  /** Scroll to and flash a stretch of the text the page script read (a brief's quote: offsets in that text). */
  'page/show-text': { req: { start: number; end: number }; res: { ok: boolean } };
  'page/close-card': { req: NoFields; res: { ok: boolean } };
  /**
   * The background relays changes of the settings and of the reader's choices, so page scripts
   * need no storage API of their own.
   */
  'page/settings-changed': { req: NoFields; res: { ok: boolean } };
}

export type Message<M, K extends keyof M = keyof M> = K extends keyof M
  ? { type: K } & (M[K] extends { req: infer R } ? R : never)
  : never;
export type Response<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,100}$/.test(v);
const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10_000_000;
const isShortText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isTabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const STATUSES: readonly PageStatus[] = ['espionage', 'article', 'not-article', 'paused', 'disabled', 'loading'];

function isPageState(v: unknown): v is PageState {
  return (
    isObj(v) &&
    typeof v.url === 'string' &&
    v.url.length < 10_000 &&
    STATUSES.includes(v.status as PageStatus) &&
    isNum(v.score) &&
    typeof v.lang === 'string' &&
    Array.isArray(v.signals) &&
    v.signals.length <= 100 &&
    v.signals.every((s) => isObj(s) && typeof s.term === 'string' && isNum(s.weight) && isNum(s.count)) &&
    Array.isArray(v.entities) &&
    v.entities.length <= 1000 &&
    v.entities.every(
      (e) => isObj(e) && isId(e.id) && isNum(e.count) && (e.matched === undefined || isShortText(e.matched)),
    ) &&
    (v.references === undefined ||
      (Array.isArray(v.references) &&
        v.references.length <= 50 &&
        v.references.every(
          (r) => isObj(r) && isId(r.id) && Array.isArray(r.words) && r.words.length <= 20 && r.words.every(isShortText),
        ))) &&
    (v.event === undefined || isArticleEvent(v.event)) &&
    (v.brief === undefined || isArticleBrief(v.brief)) &&
    (v.patternNames === undefined ||
      (Array.isArray(v.patternNames) && v.patternNames.length <= 100 && v.patternNames.every(isPatternName))) &&
    (v.published === undefined || (typeof v.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.published))) &&
    (v.title === undefined || (typeof v.title === 'string' && v.title.length <= 1000)) &&
    (v.skipped === undefined || typeof v.skipped === 'boolean')
  );
}

/** A name the knowledge base does not know: exactly one of a pattern id and the article's introduction. */
function isPatternName(n: unknown): boolean {
  if (!isObj(n) || !isShortText(n.text)) return false;
  if (n.pattern !== undefined) return isShortText(n.pattern) && n.introduced === undefined;
  const i = n.introduced;
  return isObj(i) && INTRODUCED_KINDS.includes(i.kind as IntroducedKind) && isShortText(i.words);
}

const EVENT_VIAS = ['name', 'cues', 'content'];
const REASON_KINDS = ['named', 'parties', 'targets', 'terms', 'date'];
const CLAIM_OF = ['hacking', 'espionage', 'sabotage', 'spyware'];

function isArticleEvent(v: unknown): boolean {
  return (
    isObj(v) &&
    isId(v.id) &&
    EVENT_VIAS.includes(v.via as string) &&
    (v.why === undefined ||
      (Array.isArray(v.why) &&
        v.why.length <= 5 &&
        v.why.every(
          (w) =>
            isObj(w) &&
            REASON_KINDS.includes(w.kind as string) &&
            Array.isArray(w.what) &&
            w.what.length <= 20 &&
            w.what.every(isShortText),
        ))) &&
    (v.tiedWith === undefined || (Array.isArray(v.tiedWith) && v.tiedWith.length <= 10 && v.tiedWith.every(isId)))
  );
}

function isQuote(v: unknown): boolean {
  return (
    isObj(v) &&
    typeof v.text === 'string' &&
    v.text.length <= 2000 &&
    Number.isInteger(v.start) &&
    Number.isInteger(v.end) &&
    (v.start as number) >= 0 &&
    (v.end as number) >= (v.start as number)
  );
}

function isArticleBrief(v: unknown): boolean {
  return (
    isObj(v) &&
    Array.isArray(v.claims) &&
    v.claims.length <= 10 &&
    v.claims.every(
      (c) =>
        isObj(c) &&
        isShortText(c.accuser) &&
        (c.accuserId === undefined || isId(c.accuserId)) &&
        (c.accused === undefined || isShortText(c.accused)) &&
        (c.accusedId === undefined || isId(c.accusedId)) &&
        Array.isArray(c.of) &&
        c.of.every((o) => CLAIM_OF.includes(o as string)) &&
        Array.isArray(c.targets) &&
        c.targets.length <= 20 &&
        c.targets.every(isShortText) &&
        (c.period === undefined || isShortText(c.period)) &&
        isQuote(c.quote),
    ) &&
    (v.response === undefined || isQuote(v.response))
  );
}

const FACT_FLAGS = ['gatePassed', 'notFoundTitle', 'linkHeavyBody', 'store', 'forum', 'home'] as const;
const FACT_COUNTS = ['linkChars', 'solidChars', 'paragraphChars', 'structuredChars', 'fieldChars'] as const;
/** The page script caps the text at MAX_TEXT; the title line comes on top. */
const MAX_PAGE_TEXT = 1_002_000;

function isPageFacts(v: unknown): v is PageFacts {
  return (
    isObj(v) &&
    FACT_FLAGS.every((k) => typeof v[k] === 'boolean') &&
    FACT_COUNTS.every((k) => isNum(v[k]) && (v[k] as number) >= 0)
  );
}

function isPageText(v: unknown): v is PageText {
  return (
    isObj(v) &&
    typeof v.text === 'string' &&
    v.text.length <= MAX_PAGE_TEXT &&
    Number.isInteger(v.titleEnd) &&
    (v.titleEnd as number) >= 0 &&
    (v.titleEnd as number) <= v.text.length &&
    isPageFacts(v.facts) &&
    (v.published === undefined || (typeof v.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.published))) &&
    (v.declaredLang === undefined ||
      (typeof v.declaredLang === 'string' && /^[A-Za-z0-9_-]{1,35}$/.test(v.declaredLang)))
  );
}

/** Only the known fields, so nothing else a page put in the object travels further. */
function cleanPageText(p: PageText): PageText {
  const facts = {} as Record<string, boolean | number>;
  for (const k of [...FACT_FLAGS, ...FACT_COUNTS]) facts[k] = p.facts[k];
  return {
    text: p.text,
    titleEnd: p.titleEnd,
    facts: facts as unknown as PageFacts,
    ...(p.published !== undefined ? { published: p.published } : {}),
    ...(p.declaredLang !== undefined ? { declaredLang: p.declaredLang } : {}),
  };
}

function parsePageChoice(v: unknown): PageChoice | undefined {
  if (!isObj(v) || !isId(v.id)) return undefined;
  switch (v.op) {
    case 'dismiss':
    case 'mute':
      return isShortText(v.name) ? { op: v.op, id: v.id, name: v.name } : undefined;
    case 'restore':
    case 'unmute':
      return { op: v.op, id: v.id };
    default:
      return undefined;
  }
}

/** Returns the message if it is well formed, else undefined. */
export function parseBackgroundMessage(m: unknown): Message<ToBackground> | undefined {
  if (!isObj(m) || typeof m.type !== 'string') return undefined;
  switch (m.type) {
    case 'cs/gate-passed':
      return { type: m.type };
    case 'cs/analyze':
      return isPageText(m.page) ? { type: m.type, page: cleanPageText(m.page) } : undefined;
    case 'cs/load-card':
      return { type: m.type };
    case 'cs/page-state':
      return isPageState(m.state) ? { type: m.type, state: m.state } : undefined;
    case 'cs/get-entries':
      return Array.isArray(m.ids) && m.ids.length <= 500 && m.ids.every(isId)
        ? { type: m.type, ids: m.ids as string[] }
        : undefined;
    case 'cs/open-entry':
      return isId(m.id) ? { type: m.type, id: m.id } : undefined;
    case 'cs/choice': {
      const change = parsePageChoice(m.change);
      return change ? { type: m.type, change } : undefined;
    }
    case 'ui/analyse-tab':
      return isTabId(m.tabId) ? { type: m.type, tabId: m.tabId } : undefined;
    default:
      return undefined;
  }
}

/** What an extension view accepts from the background (anything else is ignored). */
export function parseUiMessage(m: unknown): Message<ToUi> | undefined {
  if (!isObj(m) || m.type !== 'ui/page-state') return undefined;
  return isTabId(m.tabId) && isPageState(m.state) ? { type: m.type, tabId: m.tabId, state: m.state } : undefined;
}

export function parsePageMessage(m: unknown): Message<ToPage> | undefined {
  if (!isObj(m) || typeof m.type !== 'string') return undefined;
  switch (m.type) {
    case 'page/get-state':
      return { type: m.type };
    case 'page/close-card':
    case 'page/settings-changed':
      return { type: m.type };
    case 'page/show-text':
      return isOffset(m.start) && isOffset(m.end) && m.end > m.start
        ? { type: m.type, start: m.start, end: m.end }
        : undefined;
    case 'page/show-mention':
      return m.id === undefined || isId(m.id) ? { type: m.type, ...(isId(m.id) ? { id: m.id } : {}) } : undefined;
    default:
      return undefined;
  }
}

/** The message a keyboard command (manifest `commands`) sends to the active tab's page script. */
export function commandMessage(command: string): Message<ToPage> | undefined {
  switch (command) {
    case 'next-mention':
      return { type: 'page/show-mention' };
    case 'close-card':
      return { type: 'page/close-card' };
    default:
      return undefined;
  }
}
