/** The entities found in the article, grouped by kind, with counts and "show in page". */
import { KINDS, type Entry } from '../core/kb/schema';
import { displayName, useI18n } from './i18n';
import { KIND_LABEL } from './kind';

export interface FoundEntity {
  entry: Entry;
  count: number;
}

export function EntityList({
  found,
  onOpen,
  onShowInPage,
  onMute,
}: {
  found: FoundEntity[];
  onOpen: (id: string) => void;
  onShowInPage?: (id: string) => void;
  /** Never highlight or list this entry again (the reader can undo). */
  onMute?: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  if (found.length === 0) return <p class="muted empty">{t('noEntities')}</p>;
  return (
    <div class="entity-groups">
      <p class="sr-only">
        {found.length === 1 ? t('summaryForScreenReadersOne') : t('summaryForScreenReaders', [found.length])}
      </p>
      {KINDS.map((kind) => {
        const group = found.filter((f) => f.entry.kind === kind);
        if (group.length === 0) return null;
        const headingId = `kind-heading-${kind}`;
        return (
          <section key={kind} class="entity-group" aria-labelledby={headingId}>
            <h3 id={headingId} class={`kind-heading kind-${kind}`}>
              {t(KIND_LABEL[kind])}
            </h3>
            <ul>
              {group.map(({ entry, count }) => (
                <li key={entry.id} class="entity-row">
                  <span class="entity-main">
                    <button
                      type="button"
                      class="link entity-open"
                      data-focus-key={`entity:${entry.id}`}
                      lang={lang === 'zh_CN' && entry.nameZh ? 'zh-Hans' : undefined}
                      onClick={() => onOpen(entry.id)}
                    >
                      {displayName(entry, lang)}
                    </button>{' '}
                    <span class="muted count">{count === 1 ? t('mentionCountOne') : t('mentionCount', [count])}</span>
                  </span>
                  {onShowInPage ? (
                    <button
                      type="button"
                      class="small show-in-page"
                      aria-label={`${t('showInPage')}: ${displayName(entry, lang)}`}
                      onClick={() => onShowInPage(entry.id)}
                    >
                      {t('showInPage')}
                    </button>
                  ) : null}
                  {onMute ? (
                    <button
                      type="button"
                      class="small mute-entry"
                      aria-label={t('muteLabel', [displayName(entry, lang)])}
                      onClick={() => onMute(entry.id)}
                    >
                      {t('muteShort')}
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
