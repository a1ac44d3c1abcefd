/** Typed settings storage (sync where the browser offers it), with fallback to defaults. */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, parseSettings, type ParsedSettings, type Settings } from '../core/settings';

const KEY = 'settings';

type Area = Pick<typeof browser.storage.local, 'get' | 'set'>;

async function area(): Promise<Area> {
  // storage.sync can be missing or disabled (e.g. Firefox without a profile sync); local always works.
  try {
    await browser.storage.sync.get(KEY);
    return browser.storage.sync;
  } catch {
    return browser.storage.local;
  }
}

export async function loadSettings(): Promise<ParsedSettings> {
  try {
    const a = await area();
    const got = (await a.get(KEY)) as Record<string, unknown>;
    return parseSettings(got[KEY]);
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, recovered: ['(storage unavailable)'] };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = { ...settings, ...patch };
  await (await area()).set({ [KEY]: next });
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
