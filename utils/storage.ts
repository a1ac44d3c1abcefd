/** Typed settings storage (sync where the browser offers it), with fallback to defaults. */
import { browser } from 'wxt/browser';
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
