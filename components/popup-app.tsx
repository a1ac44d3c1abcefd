/**
 * The toolbar popup: verdict and why, the entities found, the timeline, search, and entry views
 * with back navigation. All data comes in as props; actions go out as callbacks.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entry } from '../core/kb/schema';
import { buildTimeline } from '../core/kb/timeline';
import type { Searcher } from '../core/search/search';
import type { PageState } from '../utils/messages';
import { EntityList, type FoundEntity } from './entity-list';
import { EntryCard } from './entry-card';
import { useI18n } from './i18n';
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
}

export function PopupApp(props: PopupAppProps) {
  const { t } = useI18n();
  const { page, entries, search } = props;
  const [stack, setStack] = useState<string[]>(props.initialEntry ? [props.initialEntry] : []);
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const mainRef = useRef<HTMLElement>(null);

  const open = (id: string) => setStack((s) => [...s, id]);
  const back = () => setStack((s) => s.slice(0, -1));
  const current = stack[stack.length - 1];

  useEffect(() => {
    // Move focus to the new view's heading so keyboard and screen-reader users follow along.
    mainRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [current]);

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
          )
        : [],
    [found, entries],
  );
  const nameOf = (id: string) => entries.get(id)?.name ?? id;

  if (current !== undefined) {
    const entry = entries.get(current);
    return (
      <main class="popup" ref={mainRef}>
        <nav class="topbar">
          <button type="button" class="back" onClick={back}>
            ← {t('back')}
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
          <p role="alert">{t('notFound')}</p>
        )}
      </main>
    );
  }

  const showPageSections = status === 'espionage' || status === 'article';
  return (
    <main class="popup" ref={mainRef}>
      <SearchPanel search={search} query={query} onQuery={setQuery} onOpen={open} />
      {query.trim() ? null : (
        <>
          <Verdict status={status} score={state?.score} signals={state?.signals} nameOf={nameOf} />
          {showPageSections ? (
            <>
              <section class="panel">
                <h2 tabIndex={-1}>{t('entitiesFound')}</h2>
                <EntityList found={found} onOpen={open} onShowInPage={props.onShowInPage} />
              </section>
              <section class="panel">
                <h2 tabIndex={-1}>{t('timeline')}</h2>
                <Timeline items={timeline} onOpen={open} />
              </section>
            </>
          ) : null}
          <footer class="actions">
            {props.canPause ? (
              <button type="button" onClick={props.onTogglePause}>
                {props.override === 'paused' ? t('resumeSite') : t('pauseSite')}
              </button>
            ) : null}
            <button type="button" onClick={props.onOpenOptions}>
              {t('openOptions')}
            </button>
          </footer>
        </>
      )}
    </main>
  );
}
