import { describe, expect, test } from 'vitest';
import {
  DEFAULT_COLORS,
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  isSitePaused,
  isValidSitePattern,
  parseSettings,
  siteOf,
  type Settings,
} from '../../core/settings';

describe('parseSettings', () => {
  test.each([undefined, null])('%s gives the defaults with nothing recovered', (stored) => {
    expect(parseSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, recovered: [] });
  });

  test('an empty object gives the defaults', () => {
    expect(parseSettings({ version: SETTINGS_VERSION })).toEqual({ settings: DEFAULT_SETTINGS, recovered: [] });
  });

  test('does not hand out the shared default object', () => {
    const { settings } = parseSettings(undefined);
    settings.pausedSites = ['example.com'];
    expect(DEFAULT_SETTINGS.pausedSites).toEqual([]);
  });

  test.each(['a string', 42, true, [], [{ enabled: false }]])('non-object %j falls back entirely', (stored) => {
    expect(parseSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, recovered: ['(all settings)'] });
  });

  const customColors = { ...DEFAULT_COLORS, 'threat-actor': '#000000' };
  test.each<[keyof Settings, unknown]>([
    ['enabled', false],
    ['hoverCards', false],
    ['hoverDelayMs', 150],
    ['hoverDelayMs', 3000],
    ['mentions', 'all'],
    ['scope', 'any-article'],
    ['highlightStyle', 'none'],
    ['colors', customColors],
    ['threshold', 0.2],
    ['threshold', 0.8],
    ['pausedSites', ['example.com', '*://*.example.org/*']],
    ['language', 'zh_CN'],
    ['theme', 'dark'],
  ])('keeps a valid %s (%j)', (key, value) => {
    const { settings, recovered } = parseSettings({ version: 2, [key]: value });
    expect(settings[key]).toEqual(value);
    expect(recovered).toEqual([]);
  });

  test.each<[keyof Settings, unknown]>([
    ['enabled', 'yes'],
    ['enabled', 1],
    ['hoverCards', null],
    ['hoverDelayMs', 149],
    ['hoverDelayMs', 3001],
    ['hoverDelayMs', '500'],
    ['hoverDelayMs', Number.NaN],
    ['mentions', 'some'],
    ['scope', ''],
    ['highlightStyle', 'bold'],
    ['colors', 'red'],
    ['colors', null],
    ['colors', { ...DEFAULT_COLORS, law: 'red' }],
    ['colors', { organization: '#ffffff' }],
    ['threshold', 0.1],
    ['threshold', Infinity],
    ['pausedSites', 'example.com'],
    ['pausedSites', ['example.com', 42]],
    ['pausedSites', ['not a site']],
    ['language', 'fr'],
    ['theme', 'blue'],
  ])('a corrupt %s (%j) falls back and is reported', (key, value) => {
    const { settings, recovered } = parseSettings({ version: 2, enabled: false, theme: 'dark', [key]: value });
    expect(recovered).toEqual([key]);
    expect(settings[key]).toEqual(DEFAULT_SETTINGS[key]);
    // The other fields are kept.
    if (key !== 'enabled') expect(settings.enabled).toBe(false);
    if (key !== 'theme') expect(settings.theme).toBe('dark');
  });

  test('several corrupt fields are all reported', () => {
    expect(parseSettings({ version: 2, enabled: 'x', theme: 3, threshold: 0.5 }).recovered).toEqual([
      'enabled',
      'theme',
    ]);
  });

  test('unknown fields are ignored', () => {
    expect(parseSettings({ version: 2, surprise: true })).toEqual({ settings: DEFAULT_SETTINGS, recovered: [] });
  });

  test('a newer version is read field by field', () => {
    const { settings, recovered } = parseSettings({ version: 99, enabled: false, newThing: 1 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, version: SETTINGS_VERSION });
    expect(recovered).toEqual([]);
  });

  describe('v1 → v2 migration', () => {
    test.each<[string, Record<string, unknown>, Partial<Settings>]>([
      ['paused → pausedSites', { paused: ['example.com'] }, { pausedSites: ['example.com'] }],
      ['allMentions true → all', { allMentions: true }, { mentions: 'all' }],
      ['allMentions false → first', { allMentions: false }, { mentions: 'first' }],
      ['other fields kept', { enabled: false, theme: 'light' }, { enabled: false, theme: 'light' }],
      [
        'both with an explicit version 1',
        { version: 1, paused: ['a.example'], allMentions: true },
        { pausedSites: ['a.example'], mentions: 'all' },
      ],
    ])('%s', (_name, stored, expected) => {
      const { settings, recovered } = parseSettings(stored);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...expected, version: SETTINGS_VERSION });
      expect(recovered).toEqual([]);
      expect(settings).not.toHaveProperty('paused');
      expect(settings).not.toHaveProperty('allMentions');
    });

    test('a corrupt v1 site list is reported under its new name', () => {
      expect(parseSettings({ paused: 'example.com' }).recovered).toEqual(['pausedSites']);
    });

    test('v2 fields named like v1 ones are not migrated again', () => {
      expect(parseSettings({ version: 2, paused: ['example.com'] }).settings.pausedSites).toEqual([]);
    });
  });
});

describe('isValidSitePattern', () => {
  test.each([
    'example.com',
    'news.example.co.uk',
    'localhost',
    '127.0.0.1',
    'xn--fiqs8s.example',
    'EXAMPLE.COM',
    '  example.com  ',
    '*://*.example.com/*',
    'https://example.com/*',
    'http://example.com/news/*',
    '*://*/*',
    'file:///home/*',
  ])('accepts %j', (s) => expect(isValidSitePattern(s)).toBe(true));

  test.each([
    '',
    '   ',
    'not a site',
    'example..com',
    '-example.com',
    'example.com/path',
    'https://example.com',
    'ftp://example.com/*',
    '*.example.com',
    'javascript:alert(1)',
    `${'a'.repeat(300)}.com`,
  ])('rejects %j', (s) => expect(isValidSitePattern(s)).toBe(false));
});

describe('isSitePaused', () => {
  test.each<[string, string[], boolean]>([
    ['https://example.com/a', ['example.com'], true],
    ['https://news.example.com/a', ['example.com'], true],
    ['https://deep.news.example.com/', ['example.com'], true],
    ['https://notexample.com/', ['example.com'], false],
    ['https://example.com.evil.test/', ['example.com'], false],
    ['https://example.org/', ['example.com'], false],
    ['https://EXAMPLE.com/', ['Example.COM'], true],
    ['http://localhost:8080/x', ['localhost'], true],
    ['https://example.com/', [], false],
    ['https://example.com/', ['other.test', 'example.com'], true],
    // Match patterns: scheme, host wildcard, path.
    ['https://example.com/', ['*://*.example.com/*'], true],
    ['https://www.example.com/x', ['*://*.example.com/*'], true],
    ['https://badexample.com/', ['*://*.example.com/*'], false],
    ['ftp://example.com/', ['*://example.com/*'], false],
    ['http://example.com/', ['https://example.com/*'], false],
    ['https://example.com/', ['https://example.com/*'], true],
    ['https://sub.example.com/', ['https://example.com/*'], false],
    ['https://example.com/news/today', ['*://example.com/news/*'], true],
    ['https://example.com/sport/today', ['*://example.com/news/*'], false],
    ['https://example.com/news?id=1', ['*://example.com/news?id=*'], true],
    ['https://anything.test/x', ['*://*/*'], true],
    ['file:///home/me/a.html', ['file:///home/*'], true],
    // Not URLs.
    ['not a url', ['example.com'], false],
    ['', ['example.com'], false],
  ])('%s with %j → %s', (url, sites, expected) => {
    expect(isSitePaused(url, sites)).toBe(expected);
  });
});

describe('siteOf', () => {
  test.each<[string, string | undefined]>([
    ['https://www.Example.com/a?b#c', 'www.example.com'],
    ['http://localhost:3000/', 'localhost'],
    ['https://127.0.0.1/', '127.0.0.1'],
    ['file:///home/me/a.html', undefined],
    ['chrome://extensions/', undefined],
    ['about:blank', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => expect(siteOf(url)).toBe(expected));

  test('what it returns is a valid paused-site entry that pauses that URL', () => {
    const url = 'https://news.example.com/story';
    const site = siteOf(url)!;
    expect(isValidSitePattern(site)).toBe(true);
    expect(isSitePaused(url, [site])).toBe(true);
  });
});
