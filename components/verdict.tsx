/** The one-line verdict for the page, with the signals and entities that led to it. */
import type { PageStatus } from '../core/page-state';
import type { Signal } from '../core/engine/types';
import type { MessageKey } from '../core/i18n/strings';
import { useI18n } from './i18n';

export type VerdictStatus = PageStatus | 'unreadable';

const LABEL: Record<VerdictStatus, MessageKey> = {
  espionage: 'verdictEspionage',
  article: 'verdictArticle',
  'not-article': 'verdictNotArticle',
  paused: 'verdictPaused',
  disabled: 'verdictDisabled',
  loading: 'verdictLoading',
  unreadable: 'verdictUnreadable',
};

const HINT: Partial<Record<VerdictStatus, MessageKey>> = {
  'not-article': 'hintNotArticle',
  paused: 'hintPaused',
  disabled: 'hintDisabled',
  unreadable: 'hintUnreadable',
};

export function Verdict({
  status,
  score,
  signals,
  nameOf,
}: {
  status: VerdictStatus;
  score?: number;
  signals?: Signal[];
  nameOf: (id: string) => string;
}) {
  const { t } = useI18n();
  const top = (signals ?? []).filter((s) => s.weight !== 0).slice(0, 6);
  const hint = HINT[status];
  return (
    <section class={`verdict verdict-${status}`} aria-live="polite">
      <p class="verdict-line" data-status={status}>
        <span class="dot" aria-hidden="true" />
        {t(LABEL[status])}
        {score !== undefined && (status === 'espionage' || status === 'article') ? (
          <span class="muted">
            {' '}
            · {t('score')} {score.toFixed(2)}
          </span>
        ) : null}
      </p>
      {hint ? <p class="muted hint">{t(hint)}</p> : null}
      {top.length > 0 ? (
        <p class="why">
          <span class="label">{t('why')}: </span>
          {top.map((s, i) => (
            <span key={s.term} class={`signal signal-${s.type}`}>
              {i > 0 ? ', ' : ''}
              {s.type === 'entity' ? nameOf(s.term) : s.term}
              <span class="muted">
                {' '}
                ({s.weight > 0 ? '+' : ''}
                {s.weight.toFixed(1)}
                {s.count > 1 ? ` ×${s.count}` : ''})
              </span>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
