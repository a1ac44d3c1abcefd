/**
 * The toolbar popup: verdict and why, the entities found, the timeline, search, and entry views
 * with back navigation. All data comes in as props; actions go out as callbacks.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { articleContext, type ArticleContext, type PatternInfo } from '../core/export/context';
import type { Entry } from '../core/kb/schema';
import { focusedArticleTimeline, type ArticleTimelineItem } from '../core/kb/timeline';
import type { Searcher } from '../core/search/search';
import type { ArticleQuote, PageState } from '../core/page-state';
import { ArticleBriefView } from './article-brief';
import { ArticleLead, ArticleReferences } from './article-lead';
import { ChoiceNotice } from './choice-notice';
import { EntityList, type FoundEntity } from './entity-list';
import { ExportActions } from './export-actions';
import { PatternNames } from './pattern-names';
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
  /** Asks the page to scroll to and flash a stretch of its text (a brief's quote). */
  onShowText?: (quote: ArticleQuote) => void;
  /** Set when the popup could not start (shown instead of the page sections). */
  error?: string;
  /** "panel": the side panel (stays open; an entity's name also scrolls the page to it). */
  variant?: 'popup' | 'panel';
  /** What each vendor naming pattern means (assets/naming/patterns.json), by pattern id. */
  patterns?: ReadonlyMap<string, PatternInfo>;
  onCopyMarkdown?: (ctx: ArticleContext) => Promise<void>;
  /** Resolves with the saved file's name. */
  onSaveStix?: (ctx: ArticleContext) => Promise<string>;
  /** Offered on pages the gates skipped. */
  onAnalyse?: () => void;
  onOpenSidePanel?: () => void;
  /** The side panel's tab, in words (title or address). */
  following?: string;
  /** Entries the reader muted everywhere: never listed as found; marked in search and on their view. */
  muted?: ReadonlySet<string>;
  onMute?: (id: string) => void;
  onUnmute?: (id: string) => void;
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
  /** The entry just muted from the list, offered for Undo. */
  const [justMuted, setJustMuted] = useState<{ id: string; name: string } | undefined>(undefined);
  const muted = props.muted;
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
        .filter(({ id }) => !muted?.has(id))
        .map(({ id, count }) => ({ entry: entries.get(id), count }))
        .filter((f): f is FoundEntity => f.entry !== undefined),
    [state, entries, muted],
  );
  const references = useMemo(
    () =>
      (state?.references ?? []).flatMap(({ id, words }) => {
        const entry = entries.get(id);
        // The article's own event leads the popup; it is not listed again as a reference.
        return entry && id !== state?.event?.id && !muted?.has(id) ? [{ entry, words }] : [];
      }),
    [state, entries, muted],
  );
  const event = state?.event && !muted?.has(state.event.id) ? entries.get(state.event.id) : undefined;
  const timeline = useMemo(() => {
    if (!found.length && !references.length && !event) return { shown: [], rest: [] };
    const named = (items: ArticleTimelineItem[]) =>
      items.map((it) => {
        const e = entries.get(it.id);
        return e ? { ...it, name: displayName(e, lang) } : it;
      });
    const { shown, focused, rest } = focusedArticleTimeline({
      found: found.map((f) => f.entry.id),
      references: references.map((r) => r.entry.id),
      ...(event ? { eventId: event.id } : {}),
      ...(state?.published ? { published: state.published } : {}),
      entries,
    });
    // With nothing in focus every item is shown already: there is nothing more to show.
    return { shown: named(shown), rest: focused.length ? named(rest) : [] };
  }, [found, references, event, state?.published, entries, lang]);
  const patternNames = (state?.patternNames ?? []).map((n) => {
    if (n.introduced) return { text: n.text, introduced: n.introduced };
    const info = n.pattern ? props.patterns?.get(n.pattern) : undefined;
    return info ? { text: n.text, info } : { text: n.text };
  });
  const exportContext = () => (state ? articleContext(state, entries, timeline.shown, props.patterns) : undefined);
  const panel = props.variant === 'panel';
  const openEntity = (id: string) => {
    if (panel) props.onShowInPage?.(id);
    open(id);
  };
  const nameOf = (id: string) => {
    const e = entries.get(id);
    return e ? displayName(e, lang) : id;
  };
  const mute = props.onMute
    ? (id: string) => {
        setJustMuted({ id, name: nameOf(id) });
        props.onMute!(id);
      }
    : undefined;

  // The row just muted is gone: focus moves to the notice's Undo, so the keyboard keeps its place.
  useLayoutEffect(() => {
    if (justMuted) mainRef.current?.querySelector<HTMLElement>('.undo-choice')?.focus();
  }, [justMuted]);

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
          {entry && muted?.has(entry.id) && props.onUnmute ? (
            <>
              {' '}
              <span class="muted muted-mark">{t('mutedMark')}</span>{' '}
              <button
                type="button"
                class="small unmute-entry"
                aria-label={t('unmuteLabel', [displayName(entry, lang)])}
                onClick={() => props.onUnmute!(entry.id)}
              >
                {t('unmute')}
              </button>
            </>
          ) : null}
        </nav>
        {entry ? (
          <EntryCard
            entry={entry}
            related={entry.related.map((r) => entries.get(r)).filter((e): e is Entry => e !== undefined)}
            variant="full"
            onOpen={open}
            headingId="entry-heading"
            resolve={(id) => entries.get(id)}
            matchedText={state?.entities.find((f) => f.id === entry.id)?.matched}
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
  const canAnalyse =
    !props.error && !props.override && (status === 'not-article' || state?.skipped === true) && props.onAnalyse;
  return (
    <main class={panel ? 'popup panel-view' : 'popup'} ref={mainRef}>
      <h1 class="sr-only">{panel ? t('sidePanelHeading') : t('popupHeading')}</h1>
      {panel ? (
        <p class="following muted" aria-live="polite">
          {props.following ? t('following', [props.following]) : t('noTab')}
        </p>
      ) : null}
      <SearchPanel search={search} query={query} onQuery={setQuery} onOpen={open} muted={muted} />
      {query.trim() ? null : (
        <>
          {props.error ? (
            <p class="error" role="alert">
              {t('popupError', [props.error])}
            </p>
          ) : (
            <Verdict status={status} score={state?.score} signals={state?.signals} nameOf={nameOf} />
          )}
          {canAnalyse ? (
            <section class="panel analyse" aria-label={t('analysePage')}>
              <p class="muted hint">{t('analyseHint')}</p>
              <button type="button" class="analyse-page" onClick={props.onAnalyse}>
                {t('analysePage')}
              </button>
            </section>
          ) : null}
          {showPageSections ? (
            <>
              {event && state?.event ? (
                <ArticleLead
                  event={event}
                  via={state.event.via}
                  why={state.event.why}
                  tiedWith={(state.event.tiedWith ?? []).filter((id) => entries.has(id) && !muted?.has(id))}
                  nameOf={nameOf}
                  onOpen={open}
                />
              ) : null}
              {state?.brief ? <ArticleBriefView brief={state.brief} onShowQuote={props.onShowText} /> : null}
              <ArticleReferences items={references} onOpen={open} />
              {justMuted && props.onUnmute ? (
                <ChoiceNotice
                  variant="panel"
                  done="muted"
                  name={justMuted.name}
                  onUndo={() => {
                    props.onUnmute!(justMuted.id);
                    setJustMuted(undefined);
                  }}
                  onClose={() => setJustMuted(undefined)}
                />
              ) : null}
              <section class="panel" aria-labelledby="entities-heading">
                <h2 id="entities-heading">{t('entitiesFound')}</h2>
                <EntityList found={found} onOpen={openEntity} onShowInPage={props.onShowInPage} onMute={mute} />
              </section>
              <PatternNames items={patternNames} />
              <section class="panel" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{t('timeline')}</h2>
                <Timeline items={timeline.shown} rest={timeline.rest} onOpen={open} />
              </section>
              {props.onCopyMarkdown && props.onSaveStix ? (
                <ExportActions
                  onCopyMarkdown={() => {
                    const ctx = exportContext();
                    return ctx ? props.onCopyMarkdown!(ctx) : Promise.reject(new Error('no page'));
                  }}
                  onSaveStix={() => {
                    const ctx = exportContext();
                    return ctx ? props.onSaveStix!(ctx) : Promise.reject(new Error('no page'));
                  }}
                />
              ) : null}
            </>
          ) : null}
          <footer class="actions">
            {props.canPause ? (
              <button type="button" class="pause-toggle" onClick={props.onTogglePause}>
                {props.override === 'paused' ? t('resumeSite') : t('pauseSite')}
              </button>
            ) : null}
            {props.onOpenSidePanel ? (
              <button type="button" class="open-side-panel" onClick={props.onOpenSidePanel}>
                {t('openSidePanel')}
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
