/** The hover card: a labelled, non-modal dialog around a compact EntryCard (or a pattern name's card). */
import type { Entry } from '../core/kb/schema';
import { EntryCard } from './entry-card';
import { useI18n } from './i18n';
import { PatternCardBody, type PatternNameItem } from './pattern-names';

interface Common {
  onClose: () => void;
}

export type HoverCardProps = Common &
  (
    | {
        entry: Entry;
        related: Entry[];
        onOpen: (id: string) => void;
        onMore: (id: string) => void;
        /** The mention's text on the page, to say which alias matched. */
        matchedText?: string;
        /** "Not this": stop highlighting this name on this page (given the click, to tell a real one). */
        onDismiss?: (e: Event) => void;
        /** Never highlight or list this entry, on any page. */
        onMute?: (e: Event) => void;
        pattern?: undefined;
      }
    | { pattern: PatternNameItem; entry?: undefined }
  );

export function HoverCard(props: HoverCardProps) {
  const { t } = useI18n();
  const label = props.entry ? t('cardLabel', [props.entry.name]) : t('patternCardLabel', [props.pattern.text]);
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <button type="button" class="card-close" aria-label={t('close')} onClick={props.onClose}>
        ×
      </button>
      {props.entry ? (
        <EntryCard
          entry={props.entry}
          related={props.related}
          variant="card"
          onOpen={props.onOpen}
          onMore={props.onMore}
          matchedText={props.matchedText}
        />
      ) : (
        <PatternCardBody item={props.pattern} />
      )}
      {props.entry && (props.onDismiss || props.onMute) ? (
        <p class="card-choices">
          {props.onDismiss ? (
            <button
              type="button"
              class="small dismiss-name"
              aria-label={t('notThisLabel', [props.matchedText ?? props.entry.name])}
              onClick={props.onDismiss}
            >
              {t('notThis')}
            </button>
          ) : null}{' '}
          {props.onMute ? (
            <button
              type="button"
              class="small mute-entry"
              aria-label={t('muteLabel', [props.entry.name])}
              onClick={props.onMute}
            >
              {t('mute')}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
