/**
 * The options page's list of the reader's choices: entries muted everywhere, and names dismissed
 * on a page, grouped by site. Each can be taken back, and taking one back can be undone.
 */
import { useState } from 'preact/hooks';
import { siteOfPage, type ChoiceChange, type Dismissal, type ReaderChoices } from '../core/reader-choices';
import { useI18n } from './i18n';

export interface ReaderChoicesListProps {
  choices: ReaderChoices;
  /** The stored choices were unreadable (none apply). */
  recovered: boolean;
  onChange: (change: ChoiceChange) => void;
}

/** The page's path (and the site's, for the site's front page), as the list shows it. */
function pathOf(page: string): string {
  try {
    return new URL(page).pathname;
  } catch {
    return page;
  }
}

export function ReaderChoicesList({ choices, recovered, onChange }: ReaderChoicesListProps) {
  const { t } = useI18n();
  /** The choice just taken back, to offer Undo. */
  const [removed, setRemoved] = useState<{ name: string; redo: ChoiceChange } | undefined>(undefined);
  const take = (name: string, change: ChoiceChange, redo: ChoiceChange) => {
    setRemoved({ name, redo });
    onChange(change);
  };
  const bySite = new Map<string, Dismissal[]>();
  for (const d of choices.dismissed) {
    const site = siteOfPage(d.page);
    bySite.set(site, [...(bySite.get(site) ?? []), d]);
  }
  return (
    <section class="reader-choices" aria-labelledby="choices-heading">
      <h2 id="choices-heading">{t('optChoices')}</h2>
      <p class="muted">{t('optChoicesHelp')}</p>
      {recovered ? (
        <p class="notice" role="alert">
          {t('optChoicesRecovered')}
        </p>
      ) : null}
      <div role="status" class="choice-removed">
        {removed ? (
          <>
            {t('optChoiceRemoved', [removed.name])}{' '}
            <button
              type="button"
              class="small undo-choice"
              aria-label={t('undoLabel', [removed.name])}
              onClick={() => {
                onChange(removed.redo);
                setRemoved(undefined);
              }}
            >
              {t('undo')}
            </button>
          </>
        ) : null}
      </div>
      <h3>{t('optMuted')}</h3>
      {choices.muted.length === 0 ? (
        <p class="muted">{t('optMutedEmpty')}</p>
      ) : (
        <ul class="muted-entries">
          {choices.muted.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>{' '}
              <button
                type="button"
                class="small unmute-entry"
                aria-label={t('unmuteLabel', [m.name])}
                onClick={() => take(m.name, { op: 'unmute', id: m.id }, { op: 'mute', id: m.id, name: m.name })}
              >
                {t('unmute')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('optDismissed')}</h3>
      {bySite.size === 0 ? (
        <p class="muted">{t('optDismissedEmpty')}</p>
      ) : (
        [...bySite].map(([site, list]) => (
          <section key={site} class="dismissed-site" aria-label={site}>
            <h4>{site}</h4>
            <ul class="dismissed-names">
              {list.map((d) => (
                <li key={`${d.page} ${d.id}`}>
                  <span>“{d.name}”</span> <code>{pathOf(d.page)}</code>{' '}
                  <button
                    type="button"
                    class="small restore-name"
                    aria-label={t('optRestoreLabel', [d.name, `${site}${pathOf(d.page)}`])}
                    onClick={() =>
                      take(
                        d.name,
                        { op: 'restore', page: d.page, id: d.id },
                        { op: 'dismiss', page: d.page, id: d.id, name: d.name },
                      )
                    }
                  >
                    {t('optRestore')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
