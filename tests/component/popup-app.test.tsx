import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PopupApp, type PopupAppProps } from '../../components/popup-app';
import type { UiLang } from '../../core/i18n/strings';
import type { Claim, Entry } from '../../core/kb/schema';
import type { PageState } from '../../core/page-state';
import { makeEntry, renderWithI18n, searcherOver } from './helpers';

afterEach(cleanup);

const claim = (date: string, byParty: Claim['byParty'], againstParty: Claim['againstParty']): Claim => ({
  by: 'Someone',
  byParty,
  against: 'Someone else',
  againstParty,
  date,
  claim: 'A claim.',
  response: 'No public response found',
});

const zhAlias = (text: string) => ({
  text,
  lang: 'zh-Hans' as const,
  caseSensitive: false,
  requiresContext: false,
  primary: true,
});

const ENTRIES: Entry[] = [
  makeEntry('volt-typhoon', {
    kind: 'threat-actor',
    name: 'Volt Typhoon',
    nameZh: '伏特台风',
    aliases: [zhAlias('伏特台风')],
    summary: 'A group that US agencies attribute to China.',
    summaryZh: '美国机构归因于中国的组织。',
    related: ['kv-botnet-takedown', 'cverc-report'],
    chinaRelated: true,
  }),
  makeEntry('apt41', { kind: 'threat-actor', name: 'APT41', related: ['apt41-indictment'] }),
  makeEntry('fbi', { kind: 'organization', name: 'FBI' }),
  makeEntry('kv-botnet-takedown', {
    kind: 'action',
    name: 'KV botnet takedown',
    claim: claim('2024-01-31', 'US', 'CN'),
    related: ['volt-typhoon'],
  }),
  makeEntry('cverc-report', {
    kind: 'allegation',
    name: 'CVERC Volt Typhoon report',
    claim: claim('2024-04-15', 'CN', 'US'),
    related: ['volt-typhoon'],
  }),
  makeEntry('apt41-indictment', { kind: 'action', name: 'APT41 indictment', claim: claim('2020-09-16', 'US', 'CN') }),
  makeEntry('entity-list', { kind: 'policy', name: 'Entity List', dates: [{ label: 'created', start: '1997-02-01' }] }),
];
const entries = new Map(ENTRIES.map((e) => [e.id, e]));
const search = searcherOver(ENTRIES);

const page: PageState = {
  url: 'https://news.example/story',
  status: 'espionage',
  score: 0.87,
  lang: 'en',
  signals: [
    { term: 'espionage', type: 'term', weight: 1.5, count: 3 },
    { term: 'volt-typhoon', type: 'entity', weight: 2, count: 1 },
  ],
  entities: [
    { id: 'volt-typhoon', count: 4 },
    { id: 'fbi', count: 2 },
    { id: 'apt41', count: 1 },
    { id: 'entity-list', count: 1 },
    { id: 'not-in-kb', count: 9 },
  ],
};

function renderPopup(props: Partial<PopupAppProps> = {}, lang: UiLang = 'en') {
  return renderWithI18n(<PopupApp page={page} entries={entries} search={search} canPause {...props} />, lang);
}

const searchBox = () => screen.getByRole('combobox', { name: 'Search' });

describe('PopupApp states', () => {
  test.each<[string, Partial<PopupAppProps>, string]>([
    ['loading', { page: undefined }, 'Reading the page…'],
    ['unreadable', { page: 'unreadable' }, 'Spyglass can’t read this page'],
    ['not an article', { page: { ...page, status: 'not-article', entities: [], signals: [] } }, 'Not an article'],
    ['switched off', { override: 'disabled' }, 'Spyglass is switched off'],
  ])('%s shows its verdict and no page sections', (_name, props, verdict) => {
    renderPopup(props);
    expect(screen.getByText(verdict)).toBeTruthy();
    expect(screen.queryByText('Entities in this article')).toBeNull();
    expect(screen.queryByText('Timeline')).toBeNull();
  });

  test('espionage: verdict, score, why, entities grouped by kind with counts', () => {
    const { container } = renderPopup();
    expect(screen.getByText('Cyber-espionage article')).toBeTruthy();
    expect(container.querySelector('.verdict-line')?.textContent).toContain('0.87');
    expect(container.querySelector('.why')?.textContent).toContain('Volt Typhoon');

    const groups = [...container.querySelectorAll('.entity-group')];
    // Groups follow the order of KINDS; entities not in the KB are left out.
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual([
      'Organization',
      'Threat actor',
      'Policy or export control',
    ]);
    const actors = screen.getByRole('region', { name: 'Threat actor' });
    expect(
      within(actors)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Volt Typhoon 4 mentions', 'APT41 1 mention']);
    expect(within(screen.getByRole('region', { name: 'Organization' })).getByText('2 mentions')).toBeTruthy();
    expect(screen.getByText('This article mentions 4 known entities.')).toBeTruthy();
  });

  test('timeline: related allegations and actions newest first with direction', () => {
    const { container } = renderPopup();
    const items = [...container.querySelectorAll('.timeline-item')];
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2024-04-15',
      '2024-01-31',
      '2020-09-16',
      '1997-02-01',
    ]);
    expect(items.map((li) => li.querySelector('button')?.textContent)).toEqual([
      'CVERC Volt Typhoon report',
      'KV botnet takedown',
      'APT41 indictment',
      'Entity List',
    ]);
    expect(items[1]?.querySelector('.direction [aria-hidden]')?.textContent).toBe('US → CN');
    expect(items[0]?.querySelector('.direction [aria-hidden]')?.textContent).toBe('CN → US');
    // Screen readers hear the parties in full, not letters and an arrow.
    expect(items[0]?.querySelector('.direction .sr-only')?.textContent).toBe('Direction: China against the US');
    // Items without a claim name their kind instead.
    expect(items[3]?.querySelector('.direction')).toBeNull();
    expect(items[3]?.querySelector('.timeline-kind')?.textContent).toBe('Policy or export control');
  });

  test('an article with no known entities says so', () => {
    renderPopup({ page: { ...page, status: 'article', entities: [] } });
    expect(screen.getByText('No known entities found.')).toBeTruthy();
    expect(screen.getByText('No dated allegations or policy moves linked to this article.')).toBeTruthy();
  });

  test('show in page calls back with the id', () => {
    const onShowInPage = vi.fn();
    renderPopup({ onShowInPage });
    fireEvent.click(screen.getByRole('button', { name: 'Show in page: FBI' }));
    expect(onShowInPage).toHaveBeenCalledExactlyOnceWith('fbi');
  });
});

describe('plurals, hints and errors', () => {
  test('one mention and one entity are singular', () => {
    renderPopup({ page: { ...page, entities: [{ id: 'fbi', count: 1 }] } });
    expect(screen.getByText('1 mention')).toBeTruthy();
    expect(screen.getByText('This article mentions 1 known entity.')).toBeTruthy();
    cleanup();
    renderPopup({ page: { ...page, entities: [{ id: 'fbi', count: 1 }] } }, 'zh_CN');
    expect(screen.getByText('1 处提及')).toBeTruthy();
  });

  test('show-in-page buttons sit next to name and count in each row', () => {
    renderPopup({ onShowInPage: vi.fn() });
    const row = screen.getByRole('button', { name: 'Show in page: Volt Typhoon' }).closest('li')!;
    expect(row.querySelector('.entity-main')?.textContent).toBe('Volt Typhoon 4 mentions');
  });

  test.each<[string, Partial<PopupAppProps>, RegExp]>([
    ['unreadable', { page: 'unreadable' }, /can still search/],
    ['not an article', { page: { ...page, status: 'not-article', entities: [], signals: [] } }, /news articles only/],
    ['paused', { override: 'paused' }, /until you resume/],
    ['switched off', { override: 'disabled' }, /Turn Spyglass on in Options/],
  ])('%s explains itself', (_name, props, hint) => {
    const { container } = renderPopup(props);
    expect(container.querySelector('.hint')?.textContent).toMatch(hint);
  });

  test('an error is shown as an alert, and search still works', () => {
    renderPopup({ page: 'unreadable', error: 'tabs.query failed' });
    expect(screen.getByRole('alert').textContent).toBe('Spyglass could not open: tabs.query failed');
    fireEvent.input(searchBox(), { target: { value: 'FBI' } });
    expect(screen.getByRole('listbox').textContent).toContain('FBI');
  });

  test('search announces one result in the singular', () => {
    renderPopup();
    fireEvent.input(searchBox(), { target: { value: 'KV botnet takedown' } });
    const live = document.querySelector('[aria-live="polite"].sr-only');
    expect(live?.textContent).toMatch(/^\d+ results?$/);
    const n = screen.getAllByRole('option').length;
    expect(live?.textContent).toBe(n === 1 ? '1 result' : `${n} results`);
  });

  test('the popup has one level-one heading', () => {
    renderPopup();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Spyglass']);
  });
});

describe('pause and options', () => {
  test('paused override shows the paused verdict and a Resume button that calls onTogglePause', () => {
    const onTogglePause = vi.fn();
    renderPopup({ override: 'paused', onTogglePause });
    expect(screen.getByText('Paused on this site')).toBeTruthy();
    expect(screen.queryByText('Entities in this article')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume on this site' }));
    expect(onTogglePause).toHaveBeenCalledOnce();
  });

  test('not paused shows Pause', () => {
    const onTogglePause = vi.fn();
    renderPopup({ onTogglePause });
    fireEvent.click(screen.getByRole('button', { name: 'Pause on this site' }));
    expect(onTogglePause).toHaveBeenCalledOnce();
  });

  test('no pause button where pausing is impossible', () => {
    renderPopup({ canPause: false });
    expect(screen.queryByRole('button', { name: /on this site/ })).toBeNull();
  });

  test('Options calls onOpenOptions', () => {
    const onOpenOptions = vi.fn();
    renderPopup({ onOpenOptions });
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('search and entry views', () => {
  test('typing shows results and hides the page sections', () => {
    renderPopup();
    fireEvent.input(searchBox(), { target: { value: 'typhoon' } });
    const results = screen.getByRole('listbox');
    expect(within(results).getAllByRole('option')[0]?.textContent).toContain('Volt Typhoon');
    expect(screen.queryByText('Entities in this article')).toBeNull();
    expect(searchBox().getAttribute('aria-expanded')).toBe('true');
  });

  test('a query with no match says so', () => {
    renderPopup();
    fireEvent.input(searchBox(), { target: { value: 'zzzzqqqq' } });
    expect(screen.getAllByText('No matches.').length).toBeGreaterThan(0);
  });

  test('ArrowDown then Enter opens the second hit; Back returns to the results', () => {
    renderPopup();
    fireEvent.input(searchBox(), { target: { value: 'apt41' } });
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThanOrEqual(2);
    const second = options[1]!.querySelector('.hit-name')!.textContent!;
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(second);

    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(searchBox()).toBeTruthy();
    expect((searchBox() as HTMLInputElement).value).toBe('apt41');
  });

  test('Enter opens the top hit, related entries open on top, Back walks back one view at a time', () => {
    renderPopup();
    fireEvent.input(searchBox(), { target: { value: 'Volt Typhoon' } });
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Volt Typhoon');

    fireEvent.click(screen.getByRole('button', { name: 'KV botnet takedown' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('KV botnet takedown');

    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Volt Typhoon');
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  test('Back returns focus to the control that opened the entry', () => {
    renderPopup();
    const fbi = screen.getByRole('button', { name: 'FBI' });
    fbi.focus();
    fireEvent.click(fbi);
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(document.activeElement?.textContent).toBe('FBI');
    // From search: Enter, then Back, lands in the search box with the query kept.
    fireEvent.input(searchBox(), { target: { value: 'apt41' } });
    searchBox().focus();
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(document.activeElement).toBe(searchBox());
  });

  test('Alt+ArrowLeft goes back from an entry', () => {
    renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'FBI' }));
    fireEvent.keyDown(screen.getByRole('button', { name: /Back/ }), { key: 'ArrowLeft', altKey: true });
    expect(screen.getByText('Entities in this article')).toBeTruthy();
  });

  test('opening an entry moves focus to its heading', () => {
    renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'FBI' }));
    const heading = screen.getByRole('heading', { level: 2, name: 'FBI' });
    // Real browsers focus a heading only when it has a tabindex (happy-dom does not check).
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(heading);
  });

  test('Esc clears the search and brings the page back', () => {
    renderPopup();
    fireEvent.input(searchBox(), { target: { value: 'typhoon' } });
    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect((searchBox() as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('Entities in this article')).toBeTruthy();
  });

  test('clicking an entity opens its full view', () => {
    renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Volt Typhoon' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('Volt Typhoon');
    expect(screen.getByText('A group that US agencies attribute to China.')).toBeTruthy();
  });

  test('initialEntry and initialQuery open straight into that view', () => {
    renderPopup({ initialEntry: 'apt41' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('APT41');
    cleanup();
    renderPopup({ initialQuery: 'entity' });
    expect(screen.getByRole('listbox').textContent).toContain('Entity List');
  });

  test('an unknown entry id shows "not found"', () => {
    renderPopup({ initialEntry: 'missing' });
    expect(screen.getByRole('alert').textContent).toBe('Entry not found.');
  });
});

describe('zh_CN', () => {
  test('shows Chinese names where an entry has one, in the list, the timeline and related entries', () => {
    renderPopup({ onShowInPage: vi.fn() }, 'zh_CN');
    expect(screen.getByRole('button', { name: '伏特台风' }).getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByRole('button', { name: 'FBI' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '在页面中显示: 伏特台风' }).closest('li')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '伏特台风' }));
    expect(screen.getByRole('button', { name: 'KV botnet takedown' })).toBeTruthy();
  });

  test('renders Chinese interface strings and Chinese summaries', () => {
    renderPopup({}, 'zh_CN');
    expect(screen.getByText('网络间谍相关文章')).toBeTruthy();
    expect(screen.getByText('本文提到的条目')).toBeTruthy();
    expect(screen.getByText('时间线')).toBeTruthy();
    expect(screen.getByText('4 处提及')).toBeTruthy();
    expect(screen.getByRole('button', { name: '在此网站暂停' })).toBeTruthy();
    fireEvent.input(screen.getByRole('combobox', { name: '搜索' }), { target: { value: '伏特台风' } });
    fireEvent.keyDown(screen.getByRole('combobox', { name: '搜索' }), { key: 'Enter' });
    expect(screen.getByText('美国机构归因于中国的组织。')).toBeTruthy();
    expect(screen.getByRole('button', { name: /返回/ })).toBeTruthy();
  });
});
