/**
 * The gate that runs on every page. It must stay tiny and cheap: no polyfill, no framework,
 * no knowledge base. It asks the background to inject the analyser only when the page looks
 * like an article, and re-checks when a single-page app changes the URL.
 */
import { isProbablyArticle } from '../core/engine/gate';

interface MinimalRuntime {
  sendMessage(msg: unknown): Promise<unknown> | undefined;
  onMessage: {
    addListener(fn: (msg: unknown, sender: unknown, reply: (r: unknown) => void) => boolean | undefined): void;
  };
}
interface MinimalApi {
  runtime: MinimalRuntime;
  storage?: { onChanged: { addListener(fn: () => void): void } };
}

declare global {
  // Set by the analyser once it runs in this page's isolated world.
  var __spyglassAnalyzer: unknown;
}

export function startGate(): void {
  const g = globalThis as unknown as { browser?: MinimalApi; chrome?: MinimalApi };
  const api = g.browser ?? g.chrome;
  if (!api?.runtime) return;
  let status: 'not-article' | 'loading' = 'not-article';
  let lastUrl = location.href;
  let watchingSettings = false;

  const analyzerRunning = () =>
    (globalThis.__spyglassAnalyzer as { isValid?: () => boolean } | undefined)?.isValid?.() === true;

  const check = () => {
    if (analyzerRunning()) return;
    if (!isProbablyArticle(document)) {
      status = 'not-article';
      return;
    }
    status = 'loading';
    const sent = api.runtime.sendMessage({ type: 'cs/gate-passed' });
    void sent?.then(
      (r) => {
        if ((r as { injected?: boolean } | undefined)?.injected) return;
        status = 'not-article';
        // Paused or switched off: look again if the reader changes that.
        if (!watchingSettings && api.storage) {
          watchingSettings = true;
          api.storage.onChanged.addListener(() => setTimeout(check, 0));
        }
      },
      () => {
        status = 'not-article';
      },
    );
  };

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    // Once the analyser runs it answers; until then the gate says what it knows.
    if (analyzerRunning()) return undefined;
    if ((msg as { type?: unknown } | null)?.type !== 'page/get-state') return undefined;
    reply({ url: location.href, status, score: 0, lang: '', signals: [], entities: [] });
    return undefined;
  });

  const onUrlMaybeChanged = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    // Give the app time to render the new view.
    setTimeout(check, 600);
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', onUrlMaybeChanged);
  else setInterval(onUrlMaybeChanged, 2000);
  addEventListener('popstate', onUrlMaybeChanged);
  // Back from the back-forward cache: the analyser cleaned up on pagehide, so look again.
  addEventListener('pageshow', (e) => {
    if (e.persisted) check();
  });

  check();
  // Text that arrives after load (late hydration) gets one more look.
  if (status === 'not-article') {
    if (document.readyState === 'complete') setTimeout(check, 2500);
    else addEventListener('load', () => setTimeout(check, 1500), { once: true });
  }
}
