import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { OptionsApp, type OptionsAppProps } from '../../components/options-app';
import type { UiLang } from '../../core/i18n/strings';
import { kbMeta } from '../../core/kb/meta';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { makeEntry, renderWithI18n } from './helpers';

afterEach(cleanup);

const meta = kbMeta([makeEntry('a', { asOf: '2025-03-01' }), makeEntry('b', { asOf: '2025-04-01' })]);

function renderOptions(props: Partial<OptionsAppProps> = {}, lang: UiLang = 'en') {
  const onChange = vi.fn<(patch: Partial<Settings>) => void>();
  const onReset = vi.fn();
  renderWithI18n(
    <OptionsApp
      settings={DEFAULT_SETTINGS}
      recovered={[]}
      meta={meta}
      saved={false}
      onChange={onChange}
      onReset={onReset}
      {...props}
    />,
    lang,
  );
  return { onChange, onReset };
}

const siteInput = () => screen.getByRole('textbox', { name: 'Paused sites' });
const addSite = (value: string) => {
  fireEvent.input(siteInput(), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
};

describe('OptionsApp', () => {
  test.each<[string, Partial<Settings>, Partial<Settings>]>([
    ['Spyglass is on', {}, { enabled: false }],
    ['Show cards when hovering highlighted names', {}, { hoverCards: false }],
    ['Spyglass is on', { enabled: false }, { enabled: true }],
    ['Show cards when hovering highlighted names', { hoverCards: false }, { hoverCards: true }],
  ])('checkbox "%s" from %j calls onChange with %j', (label, current, patch) => {
    const { onChange } = renderOptions({ settings: { ...DEFAULT_SETTINGS, ...current } });
    fireEvent.click(screen.getByRole('checkbox', { name: label }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(patch);
  });

  test.each<[string, Partial<Settings>]>([
    ['Every mention', { mentions: 'all' }],
    ['Any article', { scope: 'any-article' }],
    ['No highlights (cards and popup only)', { highlightStyle: 'none' }],
    ['中文（简体）', { language: 'zh_CN' }],
    ['English', { language: 'en' }],
    ['Dark', { theme: 'dark' }],
    ['Light', { theme: 'light' }],
  ])('radio "%s" calls onChange with %j', (label, patch) => {
    const { onChange } = renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: label }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(patch);
  });

  test('radios reflect the current settings', () => {
    renderOptions({ settings: { ...DEFAULT_SETTINGS, mentions: 'all', theme: 'dark' } });
    expect((screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'First mention of each name' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
  });

  test.each<[string, number | undefined]>([
    ['800', 800],
    ['150', 150],
    ['3000', 3000],
    ['100', undefined],
    ['5000', undefined],
  ])('hover delay %s', (value, expected) => {
    const { onChange } = renderOptions();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Hover delay (milliseconds)' }), { target: { value } });
    if (expected === undefined) expect(onChange).not.toHaveBeenCalled();
    else expect(onChange).toHaveBeenCalledExactlyOnceWith({ hoverDelayMs: expected });
  });

  test('the sensitivity slider sends a number', () => {
    const { onChange } = renderOptions();
    fireEvent.input(screen.getByRole('slider'), { target: { value: '0.35' } });
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ threshold: 0.35 });
  });

  test('a kind colour change keeps the other colours', () => {
    const { onChange } = renderOptions();
    const input = screen.getByLabelText('Law') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '#123456' } });
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ colors: { ...DEFAULT_SETTINGS.colors, law: '#123456' } });
  });

  describe('paused sites', () => {
    test('an empty list says so', () => {
      renderOptions();
      expect(screen.getByText('No paused sites.')).toBeTruthy();
    });

    test.each([
      ['example.com', 'example.com'],
      ['  News.Example.COM ', 'news.example.com'],
      ['*://*.example.org/*', '*://*.example.org/*'],
    ])('adding %j appends %j', (typed, stored) => {
      const { onChange } = renderOptions({ settings: { ...DEFAULT_SETTINGS, pausedSites: ['old.test'] } });
      addSite(typed);
      expect(onChange).toHaveBeenCalledExactlyOnceWith({ pausedSites: ['old.test', stored] });
      expect(screen.queryByRole('alert')).toBeNull();
      expect((siteInput() as HTMLInputElement).value).toBe('');
    });

    test('adding a site already listed changes nothing', () => {
      const { onChange } = renderOptions({ settings: { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] } });
      addSite('Example.com');
      expect(onChange).not.toHaveBeenCalled();
    });

    test.each(['not a site', 'https://example.com', 'example.com/news', ''])(
      '%j shows an error and is not added',
      (typed) => {
        const { onChange } = renderOptions();
        addSite(typed);
        expect(onChange).not.toHaveBeenCalled();
        expect(screen.getByRole('alert').textContent).toBe(`Not a host name or match pattern: ${typed}`);
      },
    );

    test('the error clears once a valid site is added', () => {
      renderOptions();
      addSite('not a site');
      expect(screen.getByRole('alert')).toBeTruthy();
      addSite('example.com');
      expect(screen.queryByRole('alert')).toBeNull();
    });

    test('remove calls onChange without that site', () => {
      const { onChange } = renderOptions({
        settings: { ...DEFAULT_SETTINGS, pausedSites: ['a.test', 'b.test', 'c.test'] },
      });
      expect(screen.getByText('b.test').tagName).toBe('CODE');
      fireEvent.click(screen.getByRole('button', { name: 'Remove b.test' }));
      expect(onChange).toHaveBeenCalledExactlyOnceWith({ pausedSites: ['a.test', 'c.test'] });
    });
  });

  test('recovered settings are announced', () => {
    renderOptions({ recovered: ['colors', 'theme'] });
    expect(screen.getByRole('alert').textContent).toBe(
      'Some stored settings were unreadable and were reset to their defaults: “Underline colours”, “Theme”',
    );
  });

  test('a wholly unreadable value and unknown field names are reported too', () => {
    renderOptions({ recovered: ['(all settings)', 'mystery'] });
    expect(screen.getByRole('alert').textContent).toBe(
      'Some stored settings were unreadable and were reset to their defaults: “all settings”, mystery',
    );
  });

  test('no notice when nothing was recovered', () => {
    renderOptions();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('saved is announced politely', () => {
    renderOptions({ saved: true });
    expect(screen.getByText('Saved. Open tabs update at once.')).toBeTruthy();
  });

  test('About shows the knowledge-base figures and Reset calls onReset', () => {
    const { onReset } = renderOptions();
    expect(screen.getByText('2 entries, checked as of 2025-03-01.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reset all settings' }));
    expect(onReset).toHaveBeenCalledOnce();
  });

  test('zh_CN renders Chinese strings', () => {
    renderOptions({ recovered: ['theme'] }, 'zh_CN');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Spyglass 设置');
    expect(screen.getByRole('alert').textContent).toBe('部分已保存的设置无法读取，已恢复默认值：“主题”');
  });
});

describe('About: data licences', () => {
  test.each<[UiLang, string]>([
    ['en', 'Microsoft Threat Intelligence, licensed under CC BY 4.0'],
    ['zh_CN', 'Microsoft Threat Intelligence，采用 CC BY 4.0 许可'],
  ])('%s: the Microsoft attribution and MITRE’s notice, verbatim', (lang, microsoft) => {
    renderOptions({}, lang);
    expect(document.querySelector('.notice-microsoft')?.textContent).toContain(microsoft);
    expect(document.querySelector('.notice-mitre')?.textContent).toContain(
      '© 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.',
    );
    cleanup();
  });

  test('the side panel permission is explained', () => {
    renderOptions();
    expect(screen.getByText(/^sidePanel \(Chrome\): /)).toBeTruthy();
  });
});
