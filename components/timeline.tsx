/** Dated allegations, actions and policy moves around the article, marked by direction. */
import type { TimelineItem } from '../core/kb/timeline';
import { useI18n } from './i18n';
import { KIND_LABEL } from './kind';

export function Timeline({ items, onOpen }: { items: TimelineItem[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  if (items.length === 0) return <p class="muted">{t('timelineEmpty')}</p>;
  return (
    <ol class="timeline">
      {items.map((it) => (
        <li key={it.id} class={`timeline-item kind-${it.kind}`}>
          <time dateTime={it.date}>{it.date}</time>
          {it.from && it.to ? (
            <span class={`direction dir-${it.from}-${it.to}`} title={t(KIND_LABEL[it.kind])}>
              {t('direction', [it.from, it.to])}
            </span>
          ) : (
            <span class="direction muted">{t(KIND_LABEL[it.kind])}</span>
          )}
          <button type="button" class="link" onClick={() => onOpen(it.id)}>
            {it.name}
          </button>
        </li>
      ))}
    </ol>
  );
}
