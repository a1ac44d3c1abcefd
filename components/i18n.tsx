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

export function useI18n(): { t: T; lang: UiLang } {
  return useContext(I18nContext);
}
