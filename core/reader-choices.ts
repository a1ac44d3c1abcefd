/**
 * The reader's choices about matches: names dismissed on one page ("not this") and entries muted
 * everywhere. Pure module (the storage glue is utils/storage.ts): the schema, parsing with
 * fallback (a corrupt stored value means no choices, never an error), and the changes the views
 * make. A dismissal belongs to a page: its address without query or fragment.
 */

export const CHOICES_VERSION = 1;

/** At most this many of each are kept (the oldest go first). */
export const MAX_DISMISSED = 2000;
export const MAX_MUTED = 1000;

export interface Dismissal {
  /** The page: origin and path ("https://example.com/news/story"). */
  page: string;
  /** The knowledge-base entry the name matched. */
  id: string;
  /** The name as the page wrote it. */
  name: string;
  /** When (YYYY-MM-DD). */
  on: string;
}

export interface Muted {
  id: string;
  /** The entry's name when it was muted (the options page lists it without the knowledge base). */
  name: string;
  on: string;
}

export interface ReaderChoices {
  version: number;
  dismissed: Dismissal[];
  muted: Muted[];
}

export const NO_CHOICES: ReaderChoices = { version: CHOICES_VERSION, dismissed: [], muted: [] };

export interface ParsedChoices {
  choices: ReaderChoices;
  /** Whether anything stored was unreadable and dropped. */
  recovered: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,100}$/.test(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= 200;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The page a dismissal belongs to: origin and path of an http(s) address, else undefined. */
export function pageKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const key = `${u.origin}${u.pathname}`;
  return key.length <= 2000 ? key : undefined;
}

const isPage = (v: unknown): v is string => typeof v === 'string' && pageKey(v) === v;

function parseList<T>(v: unknown, item: (x: Record<string, unknown>) => T | undefined, max: number) {
  if (v === undefined) return { list: [] as T[], bad: false };
  if (!Array.isArray(v)) return { list: [] as T[], bad: true };
  const list: T[] = [];
  let bad = false;
  for (const x of v) {
    const parsed = isObj(x) ? item(x) : undefined;
    if (parsed === undefined) bad = true;
    else list.push(parsed);
  }
  return { list: list.slice(-max), bad };
}

/** Reads the stored value: what is readable is kept, anything else is dropped (and reported). */
export function parseChoices(stored: unknown): ParsedChoices {
  if (stored === undefined || stored === null) return { choices: emptyChoices(), recovered: false };
  if (!isObj(stored)) return { choices: emptyChoices(), recovered: true };
  // Written by a newer Spyglass in a shape we do not know: keep nothing rather than guess.
  if (stored.version !== CHOICES_VERSION) return { choices: emptyChoices(), recovered: true };
  const dismissed = parseList<Dismissal>(
    stored.dismissed,
    (x) =>
      isPage(x.page) && isId(x.id) && isName(x.name) && isDay(x.on)
        ? { page: x.page, id: x.id, name: x.name, on: x.on }
        : undefined,
    MAX_DISMISSED,
  );
  const muted = parseList<Muted>(
    stored.muted,
    (x) => (isId(x.id) && isName(x.name) && isDay(x.on) ? { id: x.id, name: x.name, on: x.on } : undefined),
    MAX_MUTED,
  );
  return {
    choices: { version: CHOICES_VERSION, dismissed: dismissed.list, muted: muted.list },
    recovered: dismissed.bad || muted.bad,
  };
}

export function emptyChoices(): ReaderChoices {
  return { version: CHOICES_VERSION, dismissed: [], muted: [] };
}

/** The entries not to show on a page: every muted entry and the names dismissed there. */
export function hiddenOn(choices: ReaderChoices, url: string): Set<string> {
  const page = pageKey(url);
  const out = new Set(choices.muted.map((m) => m.id));
  if (page !== undefined) for (const d of choices.dismissed) if (d.page === page) out.add(d.id);
  return out;
}

export function isMuted(choices: ReaderChoices, id: string): boolean {
  return choices.muted.some((m) => m.id === id);
}

/** A change a view asks for; `page` is an address (reduced to its page key). */
export type ChoiceChange =
  | { op: 'dismiss'; page: string; id: string; name: string }
  | { op: 'restore'; page: string; id: string }
  | { op: 'mute'; id: string; name: string }
  | { op: 'unmute'; id: string };

/** The choices after a change (`today` as YYYY-MM-DD). An unusable change leaves them as they were. */
export function applyChoice(choices: ReaderChoices, change: ChoiceChange, today: string): ReaderChoices {
  switch (change.op) {
    case 'dismiss': {
      const page = pageKey(change.page);
      if (page === undefined || !isId(change.id) || !isName(change.name)) return choices;
      const rest = choices.dismissed.filter((d) => !(d.page === page && d.id === change.id));
      const entry = { page, id: change.id, name: change.name, on: today };
      return { ...choices, dismissed: [...rest, entry].slice(-MAX_DISMISSED) };
    }
    case 'restore': {
      const page = pageKey(change.page) ?? change.page;
      return { ...choices, dismissed: choices.dismissed.filter((d) => !(d.page === page && d.id === change.id)) };
    }
    case 'mute': {
      if (!isId(change.id) || !isName(change.name)) return choices;
      const rest = choices.muted.filter((m) => m.id !== change.id);
      return { ...choices, muted: [...rest, { id: change.id, name: change.name, on: today }].slice(-MAX_MUTED) };
    }
    case 'unmute':
      return { ...choices, muted: choices.muted.filter((m) => m.id !== change.id) };
  }
}

/** The site of a dismissal's page, for grouping ("example.com"). */
export function siteOfPage(page: string): string {
  try {
    return new URL(page).hostname;
  } catch {
    return page;
  }
}
