/** Theme and interface language, shared by the popup and the options page. */
import { browser } from 'wxt/browser';
import { pickUiLang } from '../core/i18n/strings';
import type { Settings } from '../core/settings';

export function applyTheme(settings: Settings): void {
  const root = document.documentElement;
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
}

export function uiLangFor(settings: Settings): 'en' | 'zh_CN' {
  return settings.language === 'auto' ? pickUiLang(browser.i18n.getUILanguage()) : settings.language;
}
