/**
 * The reader's choices in the components: the hover card's "Not this" and "Mute everywhere", the
 * notice with Undo, the popup's entity list with Mute, search and entry view for a muted entry,
 * and the options page's list of choices with Show again / Unmute and Undo. Both UI languages.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ChoiceNotice } from '../../components/choice-notice';
import { HoverCard } from '../../components/hover-card';
import { OptionsApp } from '../../components/options-app';
import { PopupApp } from '../../components/popup-app';
import { ReaderChoicesList } from '../../components/reader-choices-list';
import type { UiLang } from '../../core/i18n/strings';
import { kbMeta } from '../../core/kb/meta';
import type { PageState } from '../../core/page-state';
import { emptyChoices, type ChoiceChange, type ReaderChoices } from '../../core/reader-choices';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { makeEntry, renderWithI18n, searcherOver } from './helpers';

afterEach(cleanup);

const volt = makeEntry('volt-typhoon', { kind: 'threat-actor', name: 'Volt Typhoon', nameZh: '伏特台风' });
const fbi = makeEntry('fbi', { kind: 'organization', name: 'FBI' });
const entries = new Map([volt, fbi].map((e) => [e.id, e]));
const search = searcherOver([volt, fbi]);

const LABELS: Record<UiLang, { notThis: string; mute: string; undo: string; muteShort: string }> = {
  en: {
    notThis: 'Not this: stop highlighting “Volt Typhoon” on this page',
    mute: 'Mute everywhere: never highlight or list “Volt Typhoon”',
    undo: 'Undo: show “Volt Typhoon” again',
    muteShort: 'Mute everywhere: never highlight or list “Volt Typhoon”',
  },
  zh_CN: {
    notThis: '不是这个：此页面不再高亮“Volt Typhoon”',
    mute: '全部隐藏：在所有页面不再高亮或列出“Volt Typhoon”',
    undo: '撤销：重新显示“Volt Typhoon”',
    muteShort: '全部隐藏：在所有页面不再高亮或列出“伏特台风”',
  },
};

describe('HoverCard: Not this and Mute', () => {
  test.each<UiLang>(['en', 'zh_CN'])('the buttons are labelled and call back (%s)', (lang) => {
    const onDismiss = vi.fn();
    const onMute = vi.fn();
    renderWithI18n(
      <HoverCard
        entry={volt}
        related={[]}
        matchedText="Volt Typhoon"
        onOpen={vi.fn()}
        onMore={vi.fn()}
        onClose={vi.fn()}
        onDismiss={onDismiss}
        onMute={onMute}
      />,
      lang,
    );
    fireEvent.click(screen.getByRole('button', { name: LABELS[lang].notThis }));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onMute).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: LABELS[lang].mute }));
    expect(onMute).toHaveBeenCalledOnce();
  });

  test('the dismissal names the text as the page wrote it', () => {
    renderWithI18n(
      <HoverCard
        entry={volt}
        related={[]}
        matchedText="VOLT TYPHOON"
        onOpen={vi.fn()}
        onMore={vi.fn()}
        onClose={vi.fn()}
        onDismiss={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('button', { name: 'Not this: stop highlighting “VOLT TYPHOON” on this page' }),
    ).toBeTruthy();
    // Without a mute callback there is no mute button.
    expect(screen.queryByRole('button', { name: /^Mute/ })).toBeNull();
  });

  test('without callbacks (a view that cannot store choices) the card has neither button', () => {
    renderWithI18n(<HoverCard entry={volt} related={[]} onOpen={vi.fn()} onMore={vi.fn()} onClose={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /^Not this/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Mute/ })).toBeNull();
  });
});

describe('ChoiceNotice', () => {
  test.each<[UiLang, 'dismissed' | 'muted', string]>([
    ['en', 'dismissed', '“Volt Typhoon” is no longer highlighted on this page.'],
    ['en', 'muted', '“Volt Typhoon” is muted everywhere.'],
    ['zh_CN', 'dismissed', '此页面不再高亮“Volt Typhoon”。'],
    ['zh_CN', 'muted', '已在所有页面隐藏“Volt Typhoon”。'],
  ])('%s %s: says so politely and offers Undo', (lang, done, text) => {
    const onUndo = vi.fn();
    const onClose = vi.fn();
    renderWithI18n(
      <ChoiceNotice variant="card" done={done} name="Volt Typhoon" onUndo={onUndo} onClose={onClose} />,
      lang,
    );
    expect(screen.getByRole('status').textContent).toContain(text);
    fireEvent.click(screen.getByRole('button', { name: LABELS[lang].undo }));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(onClose).not.toHaveBeenCalled();
  });
});

test('Escape on the notice closes it', () => {
  const onClose = vi.fn();
  renderWithI18n(<ChoiceNotice variant="card" done="muted" name="Volt Typhoon" onUndo={vi.fn()} onClose={onClose} />);
  fireEvent.keyDown(screen.getByRole('button', { name: 'Undo: show “Volt Typhoon” again' }), { key: 'Escape' });
  expect(onClose).toHaveBeenCalledOnce();
});

describe('PopupApp: muting from the entity list', () => {
  const page: PageState = {
    url: 'https://news.example/story',
    status: 'espionage',
    score: 0.9,
    lang: 'en',
    signals: [],
    entities: [
      { id: 'volt-typhoon', count: 3 },
      { id: 'fbi', count: 1 },
    ],
  };
  const rows = () => screen.queryAllByRole('listitem').map((li) => li.querySelector('.entity-open')?.textContent);

  test.each<UiLang>(['en', 'zh_CN'])('Mute calls back, offers Undo with focus, and Undo unmutes (%s)', (lang) => {
    const onMute = vi.fn();
    const onUnmute = vi.fn();
    const view = renderWithI18n(
      <PopupApp page={page} entries={entries} search={search} canPause={false} onMute={onMute} onUnmute={onUnmute} />,
      lang,
    );
    fireEvent.click(screen.getByRole('button', { name: LABELS[lang].muteShort }));
    expect(onMute).toHaveBeenCalledExactlyOnceWith('volt-typhoon');
    const notice = screen.getByRole('status');
    const undo = within(notice).getByRole('button', { name: lang === 'en' ? /^Undo/ : /^撤销/ });
    expect(view.container.ownerDocument.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(onUnmute).toHaveBeenCalledExactlyOnceWith('volt-typhoon');
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('a muted entry is not listed as found, and the others still are', () => {
    renderWithI18n(
      <PopupApp
        page={page}
        entries={entries}
        search={search}
        canPause={false}
        muted={new Set(['volt-typhoon'])}
        onMute={vi.fn()}
      />,
    );
    expect(rows()).toEqual(['FBI']);
  });

  test('a muted entry is still found by search, marked muted, and its view offers Unmute', () => {
    const onUnmute = vi.fn();
    renderWithI18n(
      <PopupApp
        page={page}
        entries={entries}
        search={search}
        canPause={false}
        muted={new Set(['volt-typhoon'])}
        onUnmute={onUnmute}
        initialQuery="Volt Typhoon"
      />,
    );
    const hit = screen.getByRole('option', { name: /Volt Typhoon/ });
    expect(hit.textContent).toContain('muted');
    fireEvent.click(hit);
    fireEvent.click(screen.getByRole('button', { name: 'Unmute: “Volt Typhoon”' }));
    expect(onUnmute).toHaveBeenCalledExactlyOnceWith('volt-typhoon');
  });

  test('without onMute (no storage) there is no Mute button', () => {
    renderWithI18n(<PopupApp page={page} entries={entries} search={search} canPause={false} />);
    expect(screen.queryByRole('button', { name: /^Mute/ })).toBeNull();
  });
});

describe('ReaderChoicesList (options)', () => {
  const choices: ReaderChoices = {
    ...emptyChoices(),
    muted: [{ id: 'volt-typhoon', name: 'Volt Typhoon', on: '2026-12-01' }],
    dismissed: [
      { page: 'https://news.example/a/story', id: 'fbi', name: 'FBI', on: '2026-12-02' },
      { page: 'https://news.example/b', id: 'nsa', name: 'NSA', on: '2026-12-03' },
      { page: 'https://other.example/', id: 'apt41', name: 'APT 41', on: '2026-12-04' },
    ],
  };

  test('lists muted entries and dismissed names grouped by site', () => {
    renderWithI18n(<ReaderChoicesList choices={choices} recovered={false} onChange={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Names you chose not to see' })).toBeTruthy();
    const sites = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(sites).toEqual(['news.example', 'other.example']);
    const newsSite = screen.getByRole('region', { name: 'news.example' });
    expect(
      within(newsSite)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['“FBI” /a/story Show again', '“NSA” /b Show again']);
  });

  test.each<[string, ChoiceChange, ChoiceChange, string]>([
    [
      'Unmute: “Volt Typhoon”',
      { op: 'unmute', id: 'volt-typhoon' },
      { op: 'mute', id: 'volt-typhoon', name: 'Volt Typhoon' },
      'Volt Typhoon',
    ],
    [
      'Show again: “FBI” on news.example/a/story',
      { op: 'restore', page: 'https://news.example/a/story', id: 'fbi' },
      { op: 'dismiss', page: 'https://news.example/a/story', id: 'fbi', name: 'FBI' },
      'FBI',
    ],
  ])('"%s" takes the choice back, and Undo makes it again', (label, change, redo, name) => {
    const onChange = vi.fn<(c: ChoiceChange) => void>();
    renderWithI18n(<ReaderChoicesList choices={choices} recovered={false} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: label }));
    expect(onChange).toHaveBeenLastCalledWith(change);
    expect(screen.getByRole('status').textContent).toContain(`“${name}” is shown again.`);
    fireEvent.click(screen.getByRole('button', { name: `Undo: show “${name}” again` }));
    expect(onChange).toHaveBeenLastCalledWith(redo);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test.each<[UiLang, string, string]>([
    ['en', 'No muted entries.', 'No dismissed names.'],
    ['zh_CN', '没有隐藏的条目。', '没有忽略的名称。'],
  ])('says when there is nothing (%s)', (lang, mutedEmpty, dismissedEmpty) => {
    renderWithI18n(<ReaderChoicesList choices={emptyChoices()} recovered={false} onChange={vi.fn()} />, lang);
    expect(screen.getByText(mutedEmpty)).toBeTruthy();
    expect(screen.getByText(dismissedEmpty)).toBeTruthy();
  });

  test('reports unreadable stored choices', () => {
    renderWithI18n(<ReaderChoicesList choices={emptyChoices()} recovered onChange={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toContain('could not be read');
  });
});

describe('OptionsApp with the reader’s choices', () => {
  const meta = kbMeta([volt, fbi]);
  const base = { settings: DEFAULT_SETTINGS, recovered: [], meta, saved: false, onChange: vi.fn(), onReset: vi.fn() };

  test('lists the choices when it can change them, and passes changes on', () => {
    const onChoice = vi.fn<(c: ChoiceChange) => void>();
    const choices = { ...emptyChoices(), muted: [{ id: 'fbi', name: 'FBI', on: '2026-12-01' }] };
    renderWithI18n(<OptionsApp {...base} choices={choices} onChoice={onChoice} />);
    fireEvent.click(screen.getByRole('button', { name: 'Unmute: “FBI”' }));
    expect(onChoice).toHaveBeenCalledExactlyOnceWith({ op: 'unmute', id: 'fbi' });
  });

  test('without a way to change them the section is not shown', () => {
    renderWithI18n(<OptionsApp {...base} />);
    expect(screen.queryByRole('heading', { name: 'Names you chose not to see' })).toBeNull();
  });
});
