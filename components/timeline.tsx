/** Dated allegations, actions and policy moves around the article, marked by direction. */
import type { TimelineItem } from '../core/kb/timeline';
import { useI18n } from './i18n';
import { KIND_LABEL, PARTY_LABEL, PARTY_SHORT } from './kind';

export function Timeline({ items, onOpen }: { items: TimelineItem[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  if (items.length === 0) return <p class="muted empty">{t('timelineEmpty')}</p>;
  return (
    <ol class="timeline">
      {items.map((it) => (
        <li key={it.id} class={`timeline-item kind-${it.kind}`}>
          <time dateTime={it.date}>{it.date}</time>
          <span class="timeline-what">
            <button type="button" class="link" data-focus-key={`timeline:${it.id}`} onClick={() => onOpen(it.id)}>
              {it.name}
            </button>
            <span class="timeline-meta">
              {it.from && it.to ? (
                <span
                  class={`direction dir-${it.from}-${it.to}`}
                  title={t('directionLabel', [t(PARTY_LABEL[it.from]), t(PARTY_LABEL[it.to])])}
                >
                  <span aria-hidden="true">{t('direction', [t(PARTY_SHORT[it.from]), t(PARTY_SHORT[it.to])])}</span>
                  <span class="sr-only">{t('directionLabel', [t(PARTY_LABEL[it.from]), t(PARTY_LABEL[it.to])])}</span>
                </span>
              ) : null}
              <span class="timeline-kind muted">{t(KIND_LABEL[it.kind])}</span>
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
