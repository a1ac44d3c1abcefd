/** Fuzzy search over the whole knowledge base: results as you type, arrows and Enter, Esc clears. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Searcher } from '../core/search/search';
import { useI18n } from './i18n';
import { KIND_LABEL } from './kind';

export function SearchPanel({
  search,
  query,
  onQuery,
  onOpen,
  muted,
}: {
  search: Searcher;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string) => void;
  /** Entries the reader muted: still found, and marked. */
  muted?: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const hits = useMemo(() => (query.trim() ? search(query, 12) : []), [search, query]);
  const current = Math.min(active, Math.max(hits.length - 1, 0));
  useEffect(() => {
    // Keep the active option visible when the list scrolls.
    const el = listRef.current?.children[current] as HTMLElement | undefined;
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current, hits]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(current + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Home' && hits.length && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && hits.length && e.ctrlKey) {
      e.preventDefault();
      setActive(hits.length - 1);
    } else if (e.key === 'Enter') {
      const hit = hits[current];
      if (hit) {
        e.preventDefault();
        onOpen(hit.doc.id);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      e.stopPropagation();
      onQuery('');
      setActive(0);
    }
  };
  const listId = 'search-results';
  const hasQuery = query.trim() !== '';
  return (
    <div class="search" role="search">
      <input
        type="search"
        class="search-input"
        role="combobox"
        aria-label={t('search')}
        aria-describedby="search-hint"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[current] ? `hit-${hits[current].doc.id}` : undefined}
        aria-autocomplete="list"
        autocomplete="off"
        spellcheck={false}
        data-focus-key="search"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => {
          onQuery((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="search-hint" class="sr-only">
        {t('searchHint')}
      </p>
      {/* Always present, so screen readers announce changes to it. */}
      <p class="sr-only" aria-live="polite">
        {hasQuery
          ? hits.length === 0
            ? t('searchNoResults')
            : hits.length === 1
              ? t('searchResultsOne')
              : t('searchResults', [hits.length])
          : ''}
      </p>
      {hasQuery && hits.length === 0 ? <p class="muted empty search-empty">{t('searchNoResults')}</p> : null}
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        class="search-results"
        aria-label={t('search')}
        hidden={hits.length === 0}
      >
        {hits.map((h, i) => (
          <li
            key={h.doc.id}
            id={`hit-${h.doc.id}`}
            role="option"
            aria-selected={i === current}
            class={i === current ? 'hit active' : 'hit'}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => onOpen(h.doc.id)}
          >
            <span class="hit-name">
              {h.doc.name}
              {h.doc.nameZh ? (
                <span class="hit-zh" lang="zh-Hans">
                  {' '}
                  {h.doc.nameZh}
                </span>
              ) : null}
            </span>
            <span class={`hit-kind kind-${h.doc.kind}`}>
              {t(KIND_LABEL[h.doc.kind])}
              {muted?.has(h.doc.id) ? <span class="muted muted-mark"> · {t('mutedMark')}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
