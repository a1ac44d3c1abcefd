/** Why the article's event was chosen, in one short line, and the events it tied with (as links). */
import type { ArticleEvent, EventReason } from '../core/page-state';
import type { MessageKey } from '../core/i18n/strings';
import { useI18n } from './i18n';

/** At most this many names or words per reason, so the line stays short. */
const MAX_WHAT = 4;

const REASON_KEY: Record<Exclude<EventReason['kind'], 'named'>, MessageKey> = {
  parties: 'whyParties',
  targets: 'whyTargets',
  terms: 'whyTerms',
  date: 'whyDate',
};

export function EventWhy({
  why,
  via,
  nameOf,
}: {
  why: readonly EventReason[];
  via: ArticleEvent['via'];
  /** An entry's name in the interface language (ids of entries; anything else is shown as given). */
  nameOf: (idOrWord: string) => string;
}) {
  const { t } = useI18n();
  if (why.length === 0) return null;
  // A key word that is only a named party's name again ("cncert" after CNCERT/CC) says nothing new.
  const partyNames = why
    .filter((r) => r.kind === 'parties')
    .flatMap((r) => r.what.map((id) => nameOf(id).toLowerCase()));
  const repeatsParty = (w: string) => partyNames.some((n) => n.startsWith(w.toLowerCase()));
  const parts = why.flatMap((r) => {
    if (r.kind === 'named') return [t(via === 'cues' ? 'whyDescribed' : 'whyNamed')];
    // Parties are entry ids; targets may be; the article's words and dates are shown as given.
    const what = (r.kind === 'terms' ? r.what.filter((w) => !repeatsParty(w)) : r.what)
      .slice(0, MAX_WHAT)
      .map((w) => (r.kind === 'parties' || r.kind === 'targets' ? nameOf(w) : w));
    return what.length ? [t(REASON_KEY[r.kind], [what.join(t('listSeparator'))])] : [];
  });
  return <p class="muted lead-why">{t('whyChosen', [parts.join(t('whySeparator'))])}</p>;
}

export function EventTie({
  tiedWith,
  nameOf,
  onOpen,
}: {
  tiedWith: readonly string[];
  nameOf: (id: string) => string;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  if (tiedWith.length === 0) return null;
  return (
    <p class="lead-tie">
      {t('tiedWith')}{' '}
      {tiedWith.map((id, i) => (
        <span key={id}>
          {i > 0 ? t('listSeparator') : null}
          <button type="button" class="link" data-focus-key={`tie:${id}`} onClick={() => onOpen(id)}>
            {nameOf(id)}
          </button>
        </span>
      ))}
    </p>
  );
}
