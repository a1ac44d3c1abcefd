/** Small hand-made entries and an i18n wrapper shared by the component tests. */
import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { I18nContext, makeT } from '../../components/i18n';
import type { UiLang } from '../../core/i18n/strings';
import type { Entry } from '../../core/kb/schema';
import { buildSearchIndex, createSearcher, toSearchDocs, type Searcher } from '../../core/search/search';

export function makeEntry(id: string, over: Partial<Entry> = {}): Entry {
  return {
    id,
    kind: 'concept',
    name: `Name ${id}`,
    aliases: [],
    summary: `Summary of ${id}.`,
    details: [],
    dates: [],
    related: [],
    sources: [{ url: `https://example.org/${id}`, title: `Source for ${id}`, publisher: 'Example Publisher' }],
    asOf: '2025-05-01',
    chinaRelated: false,
    ...over,
  };
}

export function renderWithI18n(ui: ComponentChild, lang: UiLang = 'en') {
  return render(<I18nContext.Provider value={{ t: makeT(lang), lang }}>{ui}</I18nContext.Provider>);
}

export function searcherOver(entries: readonly Entry[]): Searcher {
  const docs = toSearchDocs(entries);
  return createSearcher(docs, buildSearchIndex(docs));
}
