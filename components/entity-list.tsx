/** The entities found in the article, grouped by kind, with counts and "show in page". */
import { KINDS, type Entry } from '../core/kb/schema';
import { useI18n } from './i18n';
import { KIND_LABEL } from './kind';

export interface FoundEntity {
  entry: Entry;
  count: number;
}

export function EntityList({
  found,
  onOpen,
  onShowInPage,
}: {
  found: FoundEntity[];
  onOpen: (id: string) => void;
  onShowInPage?: (id: string) => void;
}) {
  const { t } = useI18n();
  if (found.length === 0) return <p class="muted">{t('noEntities')}</p>;
  return (
    <div class="entity-groups">
      <p class="sr-only">{t('summaryForScreenReaders', [found.length])}</p>
      {KINDS.map((kind) => {
        const group = found.filter((f) => f.entry.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} class="entity-group" aria-label={t(KIND_LABEL[kind])}>
            <h3 class={`kind-heading kind-${kind}`}>{t(KIND_LABEL[kind])}</h3>
            <ul>
              {group.map(({ entry, count }) => (
                <li key={entry.id} class="entity-row">
                  <button type="button" class="link entity-open" onClick={() => onOpen(entry.id)}>
                    {entry.name}
                  </button>
                  <span class="muted count">{t('mentionCount', [count])}</span>
                  {onShowInPage ? (
                    <button
                      type="button"
                      class="small"
                      aria-label={`${t('showInPage')}: ${entry.name}`}
                      onClick={() => onShowInPage(entry.id)}
                    >
                      {t('showInPage')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
