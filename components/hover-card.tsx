/** The hover card: a labelled, non-modal dialog around a compact EntryCard. */
import type { Entry } from '../core/kb/schema';
import { EntryCard } from './entry-card';
import { useI18n } from './i18n';

export interface HoverCardProps {
  entry: Entry;
  related: Entry[];
  onClose: () => void;
  onOpen: (id: string) => void;
  onMore: (id: string) => void;
}

export function HoverCard({ entry, related, onClose, onOpen, onMore }: HoverCardProps) {
  const { t } = useI18n();
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-label={t('cardLabel', [entry.name])}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" class="card-close" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
      <EntryCard entry={entry} related={related} variant="card" onOpen={onOpen} onMore={onMore} />
    </div>
  );
}
