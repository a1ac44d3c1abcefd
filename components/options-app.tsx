/** The options page: every setting, the paused-sites list, and About. Props in, changes out. */
import { useState } from 'preact/hooks';
import type { KbMeta } from '../core/kb/meta';
import { KINDS } from '../core/kb/schema';
import {
  DEFAULT_COLORS,
  HOVER_DELAY_RANGE,
  THRESHOLD_RANGE,
  isValidSitePattern,
  type Settings,
} from '../core/settings';
import type { MessageKey } from '../core/i18n/strings';
import { NO_CHOICES, type ChoiceChange, type ReaderChoices } from '../core/reader-choices';
import { useI18n } from './i18n';
import { KIND_LABEL } from './kind';
import { ReaderChoicesList } from './reader-choices-list';

export interface OptionsAppProps {
  settings: Settings;
  recovered: string[];
  meta: KbMeta;
  saved: boolean;
  onChange: (patch: Partial<Settings>) => void;
  onReset: () => void;
  /** The reader's choices about names (dismissed on a page, muted everywhere). */
  choices?: ReaderChoices;
  choicesRecovered?: boolean;
  onChoice?: (change: ChoiceChange) => void;
}

/** The label a reader knows each stored field by, for the "reset to defaults" notice. */
const FIELD_LABEL: Record<string, MessageKey> = {
  enabled: 'optEnabled',
  hoverCards: 'optHoverCards',
  hoverDelayMs: 'optHoverDelay',
  mentions: 'optMentions',
  scope: 'optScope',
  highlightStyle: 'optStyle',
  colors: 'optColors',
  threshold: 'optThreshold',
  pausedSites: 'optPaused',
  language: 'optLanguage',
  theme: 'optTheme',
  '(all settings)': 'optRecoveredAll',
  '(storage unavailable)': 'optRecoveredStorage',
};

function Radio<V extends string>({
  name,
  value,
  options,
  onChange,
  legend,
}: {
  name: string;
  value: V;
  options: [V, MessageKey][];
  onChange: (v: V) => void;
  legend: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label class="row" key={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
}

export function OptionsApp({
  settings,
  recovered,
  meta,
  saved,
  onChange,
  onReset,
  choices = NO_CHOICES,
  choicesRecovered = false,
  onChoice,
}: OptionsAppProps) {
  const { t } = useI18n();
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const addSite = (e: Event) => {
    e.preventDefault();
    const s = site.trim().toLowerCase();
    if (!isValidSitePattern(s)) {
      setSiteError(t('optPausedInvalid', [site]));
      return;
    }
    setSiteError('');
    setSite('');
    if (!settings.pausedSites.includes(s)) onChange({ pausedSites: [...settings.pausedSites, s] });
  };
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {recovered.length > 0 ? (
        <p class="notice" role="alert">
          {t('optRecovered', [
            recovered.map((k) => (FIELD_LABEL[k] ? `“${t(FIELD_LABEL[k])}”` : k)).join(t('listSeparator')),
          ])}
        </p>
      ) : null}
      <p class="sr-only" aria-live="polite">
        {saved ? t('optSaved') : ''}
      </p>
      <fieldset>
        <legend>Spyglass</legend>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          />
          {t('optEnabled')}
        </label>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.hoverCards}
            onChange={(e) => onChange({ hoverCards: e.currentTarget.checked })}
          />
          {t('optHoverCards')}
        </label>
        <label class="row">
          {t('optHoverDelay')}
          <input
            type="number"
            min={HOVER_DELAY_RANGE[0]}
            max={HOVER_DELAY_RANGE[1]}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              if (v >= HOVER_DELAY_RANGE[0] && v <= HOVER_DELAY_RANGE[1]) onChange({ hoverDelayMs: v });
            }}
          />
        </label>
        <label class="row">
          {t('optThreshold')}
          <input
            type="range"
            min={THRESHOLD_RANGE[0]}
            max={THRESHOLD_RANGE[1]}
            step={0.05}
            value={settings.threshold}
            onInput={(e) => onChange({ threshold: Number(e.currentTarget.value) })}
          />
          <output>{settings.threshold.toFixed(2)}</output>
        </label>
      </fieldset>
      <Radio
        name="mentions"
        legend={t('optMentions')}
        value={settings.mentions}
        options={[
          ['first', 'optMentionsFirst'],
          ['all', 'optMentionsAll'],
        ]}
        onChange={(mentions) => onChange({ mentions })}
      />
      <Radio
        name="scope"
        legend={t('optScope')}
        value={settings.scope}
        options={[
          ['espionage', 'optScopeEspionage'],
          ['any-article', 'optScopeAny'],
        ]}
        onChange={(scope) => onChange({ scope })}
      />
      <Radio
        name="style"
        legend={t('optStyle')}
        value={settings.highlightStyle}
        options={[
          ['underline', 'optStyleUnderline'],
          ['none', 'optStyleNone'],
        ]}
        onChange={(highlightStyle) => onChange({ highlightStyle })}
      />
      <fieldset>
        <legend>{t('optColors')}</legend>
        {KINDS.map((k) => (
          <label class="row" key={k}>
            <input
              type="color"
              value={settings.colors[k] ?? DEFAULT_COLORS[k]}
              onChange={(e) => onChange({ colors: { ...settings.colors, [k]: e.currentTarget.value } })}
            />
            {t(KIND_LABEL[k])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optPaused')}</legend>
        <p class="muted" id="paused-help">
          {t('optPausedHelp')}
        </p>
        {settings.pausedSites.length === 0 ? <p class="muted">{t('optPausedEmpty')}</p> : null}
        <ul class="sites">
          {settings.pausedSites.map((s) => (
            <li key={s}>
              <code>{s}</code>
              <button
                type="button"
                class="small"
                aria-label={t('optPausedRemove', [s])}
                onClick={() => onChange({ pausedSites: settings.pausedSites.filter((p) => p !== s) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form class="row" onSubmit={addSite}>
          <input
            type="text"
            aria-label={t('optPaused')}
            aria-describedby="paused-help"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
          <button type="submit" class="small">
            {t('optPausedAdd')}
          </button>
        </form>
        {siteError ? (
          <p class="error" role="alert">
            {siteError}
          </p>
        ) : null}
      </fieldset>
      <Radio
        name="language"
        legend={t('optLanguage')}
        value={settings.language}
        options={[
          ['auto', 'optLanguageAuto'],
          ['en', 'optLanguageEn'],
          ['zh_CN', 'optLanguageZh'],
        ]}
        onChange={(language) => onChange({ language })}
      />
      <Radio
        name="theme"
        legend={t('optTheme')}
        value={settings.theme}
        options={[
          ['system', 'optThemeSystem'],
          ['light', 'optThemeLight'],
          ['dark', 'optThemeDark'],
        ]}
        onChange={(theme) => onChange({ theme })}
      />
      {onChoice ? <ReaderChoicesList choices={choices} recovered={choicesRecovered} onChange={onChoice} /> : null}
      <section>
        <h2>{t('about')}</h2>
        <p>{t('aboutKb', [meta.count, meta.asOf])}</p>
        <p>{t('privacy')}</p>
        <h3>{t('permissions')}</h3>
        <ul>
          <li>{t('permStorage')}</li>
          <li>{t('permContextMenus')}</li>
          <li>{t('permScripting')}</li>
          <li>{t('permSidePanel')}</li>
          <li>{t('permHosts')}</li>
        </ul>
        <h3>{t('dataLicences')}</h3>
        <p class="notice-microsoft">{t('aboutMicrosoft')}</p>
        <p class="notice-mitre">{t('aboutMitre')}</p>
        <button type="button" class="small" onClick={onReset}>
          {t('optReset')}
        </button>
      </section>
    </main>
  );
}
