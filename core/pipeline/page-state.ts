/**
 * The state a page reports to the popup, the side panel and the badge, from the background's
 * reply and the mentions placed in the page. Pure: the page script and the export CLI share it.
 */
import type { PageText } from '../engine/page';
import type { AnalyzeReply, PageState, PatternName } from '../page-state';

const MAX_TITLE = 1000;
const MAX_MATCHED = 200;

export function pageStateOf(
  reply: AnalyzeReply,
  mentions: readonly { id: string; text?: string }[],
  page: Pick<PageText, 'published'>,
  url: string,
  title: string,
): PageState {
  const entities = new Map<string, { id: string; count: number; matched?: string }>();
  for (const m of mentions) {
    const e = entities.get(m.id);
    if (e) e.count++;
    else
      entities.set(m.id, {
        id: m.id,
        count: 1,
        ...(m.text && m.text.length <= MAX_MATCHED ? { matched: m.text } : {}),
      });
  }
  const state: PageState = {
    url,
    status: reply.status,
    score: reply.score,
    lang: reply.lang,
    signals: reply.signals,
    entities: [...entities.values()],
  };
  if (reply.references) state.references = reply.references;
  if (reply.event) state.event = reply.event;
  if (reply.brief) state.brief = reply.brief;
  if (reply.patternNames) {
    // Each name once: its pattern, or how the article introduced it.
    const names = new Map<string, PatternName>();
    for (const n of reply.patternNames)
      if (!names.has(n.text))
        names.set(n.text, {
          text: n.text,
          ...(n.pattern !== undefined ? { pattern: n.pattern } : {}),
          ...(n.introduced ? { introduced: n.introduced } : {}),
        });
    state.patternNames = [...names.values()];
  }
  if (page.published) state.published = page.published;
  if (title) state.title = title.slice(0, MAX_TITLE);
  return state;
}
