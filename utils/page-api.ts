/**
 * The extension API as the page-side scripts (gate, analyser) use it: the browser's own object,
 * without webextension-polyfill, which would cost every page its start-up. In Manifest V3 both
 * browsers return promises from runtime.sendMessage; listeners answer through `reply`. Only
 * `runtime` is used: each API namespace a script touches costs the page time to set up
 * (settings changes arrive as a message from the background instead of through `storage`).
 */
import type { Message, Response, ToBackground } from './messages';

interface ApiEvent<F> {
  addListener(fn: F): void;
  removeListener(fn: F): void;
}
export type OnMessage = (msg: unknown, sender: unknown, reply: (response: unknown) => void) => boolean | undefined;

export interface PageApi {
  runtime: { id?: string; sendMessage(msg: unknown): Promise<unknown>; onMessage: ApiEvent<OnMessage> };
}

/** The API object, or undefined when the extension is gone (disabled, updated, reloaded). */
export function pageApi(): PageApi | undefined {
  try {
    const g = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
    const api = g.browser?.runtime ? g.browser : g.chrome;
    return api?.runtime ? api : undefined;
  } catch {
    return undefined;
  }
}

/** Sends a typed message to the background. */
export function send<K extends keyof ToBackground>(
  api: PageApi,
  msg: Message<ToBackground, K>,
): Promise<Response<ToBackground, K>> {
  return api.runtime.sendMessage(msg) as Promise<Response<ToBackground, K>>;
}
