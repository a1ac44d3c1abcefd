/**
 * The toolbar popup: verdict and why, the entities found, the timeline, search, and entry views
 * with back navigation. All data comes in as props; actions go out as callbacks.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry } from '../core/kb/schema';
import { buildTimeline } from '../core/kb/timeline';
import type { Searcher } from '../core/search/search';
import type { PageState } from '../core/page-state';
import { EntityList, type FoundEntity } from './entity-list';
import { EntryCard } from './entry-card';
import { displayName, useI18n } from './i18n';
import { SearchPanel } from './search-panel';
import { Timeline } from './timeline';
import { Verdict, type VerdictStatus } from './verdict';

export interface PopupAppProps {
  /** undefined while loading; "unreadable" for pages Spyglass cannot run in. */
  page: PageState | 'unreadable' | undefined;
  /** Overrides the page's own status (paused site, switched off). */
  override?: 'paused' | 'disabled';
  entries: ReadonlyMap<string, Entry>;
  search: Searcher;
  initialEntry?: string;
  initialQuery?: string;
  canPause: boolean;
  onTogglePause?: () => void;
  onOpenOptions?: () => void;
  onShowInPage?: (id: string) => void;
  /** Set when the popup could not start (shown instead of the page sections). */
  error?: string;
}

interface View {
  id: string;
  /** data-focus-key of the control that opened this view, to return focus to on Back. */
  from?: string;
}

export function PopupApp(props: PopupAppProps) {
  const { t, lang } = useI18n();
  const { page, entries, search } = props;
  const [stack, setStack] = useState<View[]>(props.initialEntry ? [{ id: props.initialEntry }] : []);
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const mainRef = useRef<HTMLElement>(null);
  /** Where focus goes after the next render: an entry heading, or back to the control that opened it. */
  const focusNext = useRef<string | undefined>(props.initialEntry ? 'heading' : 'search');

  const open = (id: string) => {
    const active = mainRef.current?.ownerDocument.activeElement as HTMLElement | null | undefined;
    focusNext.current = 'heading';
    setStack((s) => [...s, { id, from: active?.dataset.focusKey }]);
  };
  const back = () => {
    focusNext.current = stack[stack.length - 1]?.from ?? 'search';
    setStack((s) => s.slice(0, -1));
  };
  const current = stack[stack.length - 1]?.id;

  useLayoutEffect(() => {
    // Move focus with the view, so keyboard and screen-reader users follow along: to the entry's
    // heading when an entry opens, back to the control that opened it on Back.
    const target = focusNext.current;
    focusNext.current = undefined;
    const main = mainRef.current;
    if (!main || !target) return;
    const el =
      target === 'heading'
        ? main.querySelector<HTMLElement>('.entry-name')
        : (main.querySelector<HTMLElement>(`[data-focus-key="${target}"]`) ??
          main.querySelector<HTMLElement>('[data-focus-key="search"]'));
    el?.focus();
  }, [stack]);

  // Alt+Left, as in a browser, goes back from an entry wherever focus is. One listener for the
  // popup's lifetime (registered synchronously), reading the current view through a ref.
  const backRef = useRef<(() => void) | undefined>(undefined);
  backRef.current = current !== undefined ? back : undefined;
  useLayoutEffect(() => {
    const doc = mainRef.current?.ownerDocument;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowLeft' && e.altKey && !e.defaultPrevented && backRef.current) {
        e.preventDefault();
        backRef.current();
      }
    };
    doc?.addEventListener('keydown', onKey);
    return () => doc?.removeEventListener('keydown', onKey);
  }, []);

  const state = typeof page === 'object' ? page : undefined;
  const status: VerdictStatus = props.override ?? (page === 'unreadable' ? 'unreadable' : (state?.status ?? 'loading'));
  const found: FoundEntity[] = useMemo(
    () =>
      (state?.entities ?? [])
        .map(({ id, count }) => ({ entry: entries.get(id), count }))
        .filter((f): f is FoundEntity => f.entry !== undefined),
    [state, entries],
  );
  const timeline = useMemo(
    () =>
      found.length
        ? buildTimeline(
            found.map((f) => f.entry.id),
            entries,
          ).map((it) => {
            const e = entries.get(it.id);
            return e ? { ...it, name: displayName(e, lang) } : it;
          })
        : [],
    [found, entries, lang],
  );
  const nameOf = (id: string) => {
    const e = entries.get(id);
    return e ? displayName(e, lang) : id;
  };

  if (current !== undefined) {
    const entry = entries.get(current);
    return (
      <main class="popup popup-entry" ref={mainRef}>
        <h1 class="sr-only">{t('popupHeading')}</h1>
        <nav class="topbar" aria-label={t('back')}>
          <button type="button" class="back" onClick={back}>
            <span aria-hidden="true">← </span>
            {t('back')}
          </button>
        </nav>
        {entry ? (
          <EntryCard
            entry={entry}
            related={entry.related.map((r) => entries.get(r)).filter((e): e is Entry => e !== undefined)}
            variant="full"
            onOpen={open}
            headingId="entry-heading"
          />
        ) : (
          <p role="alert" class="empty">
            {t('notFound')}
          </p>
        )}
      </main>
    );
  }

  const showPageSections = !props.error && (status === 'espionage' || status === 'article');
  return (
    <main class="popup" ref={mainRef}>
      <h1 class="sr-only">{t('popupHeading')}</h1>
      <SearchPanel search={search} query={query} onQuery={setQuery} onOpen={open} />
      {query.trim() ? null : (
        <>
          {props.error ? (
            <p class="error" role="alert">
              {t('popupError', [props.error])}
            </p>
          ) : (
            <Verdict status={status} score={state?.score} signals={state?.signals} nameOf={nameOf} />
          )}
          {showPageSections ? (
            <>
              <section class="panel" aria-labelledby="entities-heading">
                <h2 id="entities-heading">{t('entitiesFound')}</h2>
                <EntityList found={found} onOpen={open} onShowInPage={props.onShowInPage} />
              </section>
              <section class="panel" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{t('timeline')}</h2>
                <Timeline items={timeline} onOpen={open} />
              </section>
            </>
          ) : null}
          <footer class="actions">
            {props.canPause ? (
              <button type="button" class="pause-toggle" onClick={props.onTogglePause}>
                {props.override === 'paused' ? t('resumeSite') : t('pauseSite')}
              </button>
            ) : null}
            <button type="button" class="open-options" onClick={props.onOpenOptions}>
              {t('openOptions')}
            </button>
          </footer>
        </>
      )}
    </main>
  );
}
