/** The translation function, provided to every component through context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translate, type MessageKey, type UiLang } from '../core/i18n/strings';

export type T = (key: MessageKey, subs?: readonly (string | number)[]) => string;

export const makeT =
  (lang: UiLang): T =>
  (key, subs) =>
    translate(lang, key, subs);

export const I18nContext = createContext<{ t: T; lang: UiLang }>({ t: makeT('en'), lang: 'en' });

/** The name to show for an entry: its Chinese name in the Chinese interface, where it has one. */
export function displayName(entry: { name: string; nameZh?: string }, lang: UiLang): string {
  return lang === 'zh_CN' && entry.nameZh ? entry.nameZh : entry.name;
}

export function useI18n(): { t: T; lang: UiLang } {
  return useContext(I18nContext);
}
