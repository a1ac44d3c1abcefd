/** "Take it away": copy the article's context as Markdown, save it as a STIX 2.1 bundle. */
import { useState } from 'preact/hooks';
import { useI18n } from './i18n';

export interface ExportActionsProps {
  /** Copies the Markdown; rejects with the reason. */
  onCopyMarkdown: () => Promise<void>;
  /** Saves the bundle; resolves with the file name. */
  onSaveStix: () => Promise<string>;
}

export function ExportActions({ onCopyMarkdown, onSaveStix }: ExportActionsProps) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const run = (action: () => Promise<string>) => {
    setStatus('');
    action().then(setStatus, (err: unknown) =>
      setStatus(t('exportFailed', [err instanceof Error ? err.message : String(err)])),
    );
  };
  return (
    <section class="panel export-actions" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <div class="button-row">
        <button type="button" class="copy-markdown" onClick={() => run(() => onCopyMarkdown().then(() => t('copied')))}>
          {t('copyMarkdown')}
        </button>
        <button type="button" class="save-stix" onClick={() => run(() => onSaveStix().then((f) => t('saved', [f])))}>
          {t('saveStix')}
        </button>
      </div>
      <p class="muted export-status" role="status">
        {status}
      </p>
    </section>
  );
}
