/**
 * The gate that runs on every page. It must stay tiny and cheap: no polyfill, no framework,
 * no knowledge base. It asks the background to inject the analyser only when the page looks
 * like an article, and re-checks when a single-page app changes the URL.
 */
import { isProbablyArticle } from '../core/engine/gate';
import { findTopicCue, prepareCues, topicText, type PreparedCues } from '../core/engine/topic-gate';
import { topicCues } from '../.generated/topic-cues';
import { pageApi, send, type PageApi } from './page-api';

declare global {
  // Set by the analyser once it runs in this page's isolated world.
  var __spyglassAnalyzer: unknown;
  // What the gate last concluded; the popup reads it (scripting.executeScript) on pages where
  // the gate never registered a message listener. 'off-topic': an article without any topic cue.
  var __spyglassGate: GateStatus | undefined;
  // Set (true) by the gate when it asks for the page script, or by the reader's "Analyse this
  // page": the page script then does not run the article check again.
  var __spyglassGatePassed: boolean | undefined;
  // The last check's cost by step (performance.now() in this isolated world, never on the page's
  // timeline): `npm run bench` reads it in browsers whose tracing does not attribute our scripts.
  var __spyglassGateMs: GateTimes | undefined;
}

export interface GateTimes {
  article: number;
  cues: number;
  text: number;
  find: number;
  total: number;
}

export type GateStatus = 'not-article' | 'off-topic' | 'loading';

export function startGate(): void {
  // The extension API is touched only once a page looks like an article: on every other page
  // the gate costs one cheap DOM check and never creates the API's objects in this world.
  let api: PageApi | undefined;
  /** The topic cues (filter and checks), decoded on the first page that passes the article check. */
  let cues: PreparedCues | undefined;
  let lastUrl = location.href;
  const setStatus = (s: GateStatus) => {
    globalThis.__spyglassGate = s;
  };

  const analyzerRunning = () =>
    (globalThis.__spyglassAnalyzer as { isValid?: () => boolean } | undefined)?.isValid?.() === true;

  const check = () => {
    if (analyzerRunning()) return;
    const t0 = performance.now();
    const times: GateTimes = { article: 0, cues: 0, text: 0, find: 0, total: 0 };
    globalThis.__spyglassGateMs = times;
    const article = isProbablyArticle(document);
    const t1 = performance.now();
    times.article = times.total = t1 - t0;
    if (!article) {
      setStatus('not-article');
      return;
    }
    // Only an article that names something of our topic loads the page script.
    cues ??= prepareCues(topicCues);
    const t2 = performance.now();
    const text = topicText(document);
    const t3 = performance.now();
    const cue = findTopicCue(text, cues);
    const t4 = performance.now();
    Object.assign(times, { cues: t2 - t1, text: t3 - t2, find: t4 - t3, total: t4 - t0 });
    if (cue === undefined) {
      setStatus('off-topic');
      return;
    }
    setStatus('loading');
    globalThis.__spyglassGatePassed = true;
    if (!api) {
      api = pageApi();
      if (!api) return;
      api.runtime.onMessage.addListener((msg, _sender, reply) => {
        // Once the analyser runs it answers; until then the gate says what it knows.
        if (analyzerRunning()) return undefined;
        const type = (msg as { type?: unknown } | null)?.type;
        if (type === 'page/get-state')
          reply({
            url: location.href,
            // An article without a topic cue is, as far as the gate can tell, an article off our topic.
            status: globalThis.__spyglassGate === 'off-topic' ? 'article' : globalThis.__spyglassGate,
            score: 0,
            lang: '',
            signals: [],
            entities: [],
          });
        // Paused or switched off until now: the reader may have changed that.
        else if (type === 'page/settings-changed') setTimeout(check, 0);
        return undefined;
      });
    }
    send(api, { type: 'cs/gate-passed' }).then(
      (r) => {
        if (!r?.injected) setStatus('not-article');
      },
      () => setStatus('not-article'),
    );
  };

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
  if (globalThis.__spyglassGate === 'not-article' || globalThis.__spyglassGate === 'off-topic') {
    if (document.readyState === 'complete') setTimeout(check, 2500);
    else addEventListener('load', () => setTimeout(check, 1500), { once: true });
  }
}
