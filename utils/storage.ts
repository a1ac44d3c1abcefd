/**
 * Typed storage: the settings (sync where the browser offers it) and the reader's choices (local),
 * each parsed with fallback (core/settings.ts, core/reader-choices.ts).
 */
import { browser } from 'wxt/browser';
import {
  applyChoice,
  emptyChoices,
  parseChoices,
  type ChoiceChange,
  type ParsedChoices,
  type ReaderChoices,
} from '../core/reader-choices';
import { DEFAULT_SETTINGS, parseSettings, type ParsedSettings, type Settings } from '../core/settings';

const KEY = 'settings';

type Area = Pick<typeof browser.storage.local, 'get' | 'set'>;

/** The area settings live in, with what it holds under our key: one round trip, not a probe and a read. */
async function read(): Promise<{ area: Area; got: Record<string, unknown> }> {
  // storage.sync can be missing or disabled (e.g. Firefox without a profile sync); local always works.
  try {
    return { area: browser.storage.sync, got: await browser.storage.sync.get(KEY) };
  } catch {
    return { area: browser.storage.local, got: await browser.storage.local.get(KEY) };
  }
}

async function area(): Promise<Area> {
  return (await read()).area;
}

export async function loadSettings(): Promise<ParsedSettings> {
  try {
    const { got } = await read();
    return parseSettings(got[KEY]);
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, recovered: ['(storage unavailable)'] };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { area, got } = await read();
  const next = { ...parseSettings(got[KEY]).settings, ...patch };
  await area.set({ [KEY]: next });
  return next;
}

export async function resetSettings(): Promise<void> {
  await (await area()).set({ [KEY]: { ...DEFAULT_SETTINGS } });
}

/** Calls back with fresh settings whenever they change, in any tab or page. Returns an unsubscribe. */
export function watchSettings(onChange: (s: ParsedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (KEY in changes) onChange(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// ---------- The reader's choices (dismissed names, muted entries): local to this browser ----------

const CHOICES_KEY = 'choices';

export async function loadChoices(): Promise<ParsedChoices> {
  try {
    const got = await browser.storage.local.get(CHOICES_KEY);
    return parseChoices(got[CHOICES_KEY]);
  } catch {
    return { choices: emptyChoices(), recovered: true };
  }
}

/** Changes made in this context, one after another (a quick Undo must not overtake its choice). */
let changing: Promise<unknown> = Promise.resolve();

/** Applies one change to what is stored (an unreadable stored value counts as no choices). */
export function changeChoices(change: ChoiceChange): Promise<ReaderChoices> {
  const run = async () => {
    const { choices } = await loadChoices();
    const next = applyChoice(choices, change, new Date().toISOString().slice(0, 10));
    await browser.storage.local.set({ [CHOICES_KEY]: next });
    return next;
  };
  const next = changing.then(run, run);
  changing = next.catch(() => undefined);
  return next;
}

/** Calls back with fresh choices whenever they change. Returns an unsubscribe. */
export function watchChoices(onChange: (c: ParsedChoices) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CHOICES_KEY in changes) onChange(parseChoices(changes[CHOICES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether a storage change touched what page scripts are painted with (settings or choices). */
export function touchesPages(changes: Record<string, unknown>, area: string): boolean {
  return 'settings' in changes || (area === 'local' && CHOICES_KEY in changes);
}
