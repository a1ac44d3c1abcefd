/**
 * A whole page read the way the extension reads it, from a parsed document: the page script's
 * reading (as when the reader asks "Analyse this page": the gates are not asked again), the
 * background's reply, the mentions placed back in the page, and the page state the popup gets.
 * Runs in Node for the export CLI; the extension runs the same steps split between page and worker.
 */
import { placeMentions, readPageSteps } from '../engine/page';
import { runSteps } from '../engine/region';
import type { PageState } from '../page-state';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { analyzeReply, pageViewOf, type ReplyKb } from './analyze-reply';
import { pageStateOf } from './page-state';

export function readDocumentState(
  doc: Document,
  url: string,
  kb: ReplyKb,
  settings: Settings = DEFAULT_SETTINGS,
): PageState {
  const { region, page } = runSteps(readPageSteps(doc, true));
  const reply = analyzeReply(page, kb, settings, pageViewOf(settings));
  const mentions = placeMentions(region, reply.mentions);
  return pageStateOf(reply, mentions, page, url, doc.title ?? '');
}

/** The page's own address, when it states one (canonical link, og:url), for a saved copy. */
export function statedUrl(doc: Document): string | undefined {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  for (const u of [canonical, og]) {
    if (!u) continue;
    try {
      const parsed = new URL(u);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
    } catch {
      // not an absolute address
    }
  }
  return undefined;
}
