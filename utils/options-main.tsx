/**
 * Wires the options page to typed storage (settings, and the reader's choices); changes reach open
 * tabs through storage events.
 */
import { render } from 'preact';
import { I18nContext, makeT } from '../components/i18n';
import { OptionsApp } from '../components/options-app';
import type { Settings } from '../core/settings';
import { KB_META } from './kb-meta';
import { applyTheme, uiLangFor } from './ui-prefs';
import {
  changeChoices,
  loadChoices,
  loadSettings,
  resetSettings,
  saveSettings,
  watchChoices,
  watchSettings,
} from './storage';

export async function startOptions(root: HTMLElement): Promise<void> {
  let [{ settings, recovered }, { choices, recovered: choicesRecovered }] = await Promise.all([
    loadSettings(),
    loadChoices(),
  ]);
  let saved = false;
  const draw = () => {
    applyTheme(settings);
    const lang = uiLangFor(settings);
    document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
    render(
      <I18nContext.Provider value={{ t: makeT(lang), lang }}>
        <OptionsApp
          settings={settings}
          recovered={recovered}
          meta={KB_META}
          saved={saved}
          onChange={async (patch: Partial<Settings>) => {
            settings = await saveSettings(patch);
            // Every field was just written back in a readable form.
            recovered = [];
            saved = true;
            draw();
          }}
          choices={choices}
          choicesRecovered={choicesRecovered}
          onChoice={async (change) => {
            choices = await changeChoices(change);
            // What is stored now is readable again.
            choicesRecovered = false;
            draw();
          }}
          onReset={async () => {
            await resetSettings();
            ({ settings, recovered } = await loadSettings());
            draw();
          }}
        />
      </I18nContext.Provider>,
      root,
    );
    root.dataset.ready = 'ready';
  };
  watchChoices((next) => {
    choices = next.choices;
    choicesRecovered = next.recovered;
    draw();
  });
  watchSettings((next) => {
    settings = next.settings;
    recovered = next.recovered;
    draw();
  });
  draw();
}
