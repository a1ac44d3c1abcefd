/**
 * Dated allegations, actions and policy moves around the article, marked by direction, with the
 * article's own event marked and scrolled into the list's view, and a filter for direction. By
 * default only the items that concern the article (nearest its date first); "Show all" adds the
 * rest (then newest first).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DIRECTIONS, matchesDirection, type ArticleTimelineItem, type Direction } from '../core/kb/timeline';
import type { MessageKey } from '../core/i18n/strings';
import { useI18n } from './i18n';
import { KIND_LABEL, PARTY_LABEL, PARTY_SHORT } from './kind';

const DIRECTION_LABEL: Record<Direction, MessageKey> = {
  all: 'dirAll',
  'against-cn': 'dirAgainstCn',
  'against-us': 'dirAgainstUs',
  other: 'dirOther',
};

const newestFirst = (a: ArticleTimelineItem, b: ArticleTimelineItem) =>
  b.date.localeCompare(a.date) || a.name.localeCompare(b.name);

export function Timeline({
  items,
  rest = [],
  onOpen,
}: {
  /** Shown by default, in this order. */
  items: ArticleTimelineItem[];
  /** Shown after "Show all". */
  rest?: ArticleTimelineItem[];
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const [dir, setDir] = useState<Direction>('all');
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const listed = all && rest.length ? [...items, ...rest].sort(newestFirst) : items;
  const shown = listed.filter((it) => matchesDirection(it, dir));
  const eventId = shown.find((it) => it.thisArticle)?.id;

  // Keep the article's event on the first screen of the list (scrolling the list, not the page).
  useLayoutEffect(() => {
    const list = listRef.current;
    const li = list?.querySelector<HTMLElement>('.this-article');
    if (!list || !li) return;
    const top = li.offsetTop - list.offsetTop;
    if (top + li.offsetHeight > list.clientHeight) list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }, [eventId, items, all]);

  if (items.length === 0) return <p class="muted empty">{t('timelineEmpty')}</p>;
  return (
    <>
      <fieldset class="direction-filter">
        <legend>{t('filterDirection')}</legend>
        {DIRECTIONS.map((d) => (
          <label key={d}>
            <input type="radio" name="timeline-direction" value={d} checked={dir === d} onChange={() => setDir(d)} />{' '}
            {t(DIRECTION_LABEL[d])}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p class="muted empty">{t('timelineFilteredEmpty')}</p>
      ) : (
        <ol class="timeline" ref={listRef}>
          {shown.map((it) => (
            <li
              key={it.id}
              class={`timeline-item kind-${it.kind}${it.thisArticle ? ' this-article' : ''}${it.context ? ' context' : ''}`}
              aria-current={it.thisArticle ? 'true' : undefined}
            >
              <time dateTime={it.date}>{it.date}</time>
              <span class="timeline-what">
                <button type="button" class="link" data-focus-key={`timeline:${it.id}`} onClick={() => onOpen(it.id)}>
                  {it.name}
                </button>
                <span class="timeline-meta">
                  {it.thisArticle ? <span class="this-article-mark">{t('timelineThisArticle')}</span> : null}
                  {it.from && it.to ? (
                    <span
                      class={`direction dir-${it.from}-${it.to}`}
                      title={t('directionLabel', [t(PARTY_LABEL[it.from]), t(PARTY_LABEL[it.to])])}
                    >
                      <span aria-hidden="true">{t('direction', [t(PARTY_SHORT[it.from]), t(PARTY_SHORT[it.to])])}</span>
                      <span class="sr-only">
                        {t('directionLabel', [t(PARTY_LABEL[it.from]), t(PARTY_LABEL[it.to])])}
                      </span>
                    </span>
                  ) : null}
                  <span class="timeline-kind muted">{t(KIND_LABEL[it.kind])}</span>
                  {it.context ? <span class="timeline-context muted">{t('timelineContext')}</span> : null}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {rest.length ? (
        <p class="timeline-focus">
          {all ? null : <span class="muted hint">{t('timelineFocusedHint')} </span>}
          <button type="button" class="small show-all" onClick={() => setAll(!all)}>
            {all ? t('timelineShowFocused') : t('timelineShowAll', [String(items.length + rest.length)])}
          </button>
        </p>
      ) : null}
    </>
  );
}
