/**
 * What the reader just chose ("not this", "mute"), said politely, with Undo: on the page it floats
 * in our shadow root where the card was; in the popup and the side panel it sits above the lists.
 */
import { useI18n } from './i18n';

export interface ChoiceNoticeProps {
  /** What happened, and to which name. */
  done: 'dismissed' | 'muted';
  name: string;
  /** Given the click, so the page glue can tell the reader's from a script's. */
  onUndo: (e: Event) => void;
  onClose: () => void;
  /** "card": floats on the page (the hover card's look); "panel": a section of the popup. */
  variant: 'card' | 'panel';
}

export function ChoiceNotice({ done, name, onUndo, onClose, variant }: ChoiceNoticeProps) {
  const { t } = useI18n();
  return (
    <div
      class={variant === 'card' ? 'card choice-notice' : 'panel choice-notice'}
      role="status"
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
      <p>{t(done === 'dismissed' ? 'dismissedNotice' : 'mutedNotice', [name])}</p>
      <button type="button" class="small undo-choice" aria-label={t('undoLabel', [name])} onClick={onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
