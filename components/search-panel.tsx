/** Fuzzy search over the whole knowledge base: results as you type, arrows and Enter, Esc clears. */
import { useMemo, useState } from 'preact/hooks';
import type { Searcher } from '../core/search/search';
import { useI18n } from './i18n';
import { KIND_LABEL } from './kind';

export function SearchPanel({
  search,
  query,
  onQuery,
  onOpen,
}: {
  search: Searcher;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const [active, setActive] = useState(0);
  const hits = useMemo(() => search(query, 12), [search, query]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) onOpen(hit.doc.id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      onQuery('');
      setActive(0);
    }
  };
  const listId = 'search-results';
  return (
    <div class="search">
      <input
        type="search"
        class="search-input"
        role="combobox"
        aria-label={t('search')}
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `hit-${hits[active].doc.id}` : undefined}
        aria-autocomplete="list"
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => {
          onQuery((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {query.trim() ? (
        <>
          <p class="sr-only" aria-live="polite">
            {hits.length ? t('searchResults', [hits.length]) : t('searchNoResults')}
          </p>
          {hits.length === 0 ? <p class="muted">{t('searchNoResults')}</p> : null}
          <ul id={listId} role="listbox" class="search-results" aria-label={t('search')}>
            {hits.map((h, i) => (
              <li
                key={h.doc.id}
                id={`hit-${h.doc.id}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'hit active' : 'hit'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onOpen(h.doc.id)}
              >
                <span class="hit-name">{h.doc.name}</span>
                {h.doc.nameZh ? (
                  <span class="hit-zh" lang="zh-Hans">
                    {' '}
                    {h.doc.nameZh}
                  </span>
                ) : null}
                <span class={`hit-kind kind-${h.doc.kind}`}>{t(KIND_LABEL[h.doc.kind])}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
