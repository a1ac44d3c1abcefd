/**
 * The knowledge base's entries (1.5 MB of JSON) ship as a file of their own, `kb-entries.json`
 * (added to the build in wxt.config.ts), read from the extension's own package on first use. The
 * service worker starts without parsing them; it needs them only when a card asks.
 */
import { browser } from 'wxt/browser';
import type { Entry } from '../core/kb/schema';

export const ENTRIES_FILE = '/kb-entries.json';

let loading: Promise<ReadonlyMap<string, Entry>> | undefined;

/** The entries by id, read once per context; a failed read is tried again on the next call. */
export function loadEntries(): Promise<ReadonlyMap<string, Entry>> {
  loading ??= fetch(browser.runtime.getURL(ENTRIES_FILE))
    .then(async (res) => {
      if (!res.ok) throw new Error(`${ENTRIES_FILE}: ${res.status} ${res.statusText}`);
      const list = (await res.json()) as Entry[];
      return new Map(list.map((e) => [e.id, e]));
    })
    .catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  return loading;
}
