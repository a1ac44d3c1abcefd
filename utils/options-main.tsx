/** Wires the options page to typed storage; changes reach open tabs through storage events. */
import { render } from 'preact';
import { I18nContext, makeT } from '../components/i18n';
import { OptionsApp } from '../components/options-app';
import type { Settings } from '../core/settings';
import { KB_META } from './kb-meta';
import { applyTheme, uiLangFor } from './ui-prefs';
import { loadSettings, resetSettings, saveSettings, watchSettings } from './storage';

export async function startOptions(root: HTMLElement): Promise<void> {
  let { settings, recovered } = await loadSettings();
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
  watchSettings((next) => {
    settings = next.settings;
    recovered = next.recovered;
    draw();
  });
  draw();
}
