/**
 * The popup's own views, end to end in Chromium and Firefox: search by keyboard, entry
 * navigation with Back, the context-menu (?q=) and "More" (?entry=) targets, the Chinese
 * interface, keyboard-only use, and the 800 x 600 size limit of a toolbar popup.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TestBrowser, type TestPage } from './browsers';
import { clickSelector, openDemo, openUi, pressWith, tabTo, typeText, writeStoredSettings } from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

const heading = (p: TestPage) =>
  p.waitFor(() => document.querySelector('.entry-full .entry-name')?.textContent ?? '', undefined, 20_000);
const focused = (p: TestPage) =>
  p.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return { cls: a?.className ?? '', text: a?.textContent ?? '', tag: a?.tagName ?? '' };
  });

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  let demo: { page: TestPage; url: string; tabId: number };

  useBrowserSuite(name, (_server, b) => (browser = b));

  beforeAll(async () => {
    demo = await openDemo(browser);
  });

  test('search: "volt typhoon" finds it; ArrowDown and Enter open the chosen entry', async () => {
    const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
    // The search box has focus as soon as the popup opens.
    await popup.waitFor(() => document.activeElement?.classList.contains('search-input') ?? false);
    await typeText(popup, 'volt typhoon');
    const names = await popup.waitFor(() => {
      const o = [...document.querySelectorAll('[role="option"] .hit-name')].map((e) => e.firstChild?.textContent);
      return o.length > 1 ? o : null;
    });
    if (!names) throw new Error('no results');
    expect(names[0]).toBe('Volt Typhoon');
    // The page sections give way to the results.
    expect(await popup.evaluate(() => document.querySelector('.verdict'))).toBeNull();
    await popup.press('ArrowDown');
    const selected = await popup.waitFor(() => {
      const input = document.querySelector('.search-input')!;
      const sel = document.querySelector('[role="option"][aria-selected="true"]');
      return sel && input.getAttribute('aria-activedescendant') === sel.id ? sel.id : '';
    });
    expect(selected).toBe(await popup.evaluate(() => document.querySelectorAll('[role="option"]')[1]?.id));
    await popup.press('Enter');
    expect(await heading(popup)).toContain(names[1]!);
    // Focus follows the view to the entry's heading.
    expect((await focused(popup)).cls).toContain('entry-name');
    // Back returns to the results, the query kept and focus in the search box.
    await clickSelector(popup, 'button.back');
    await popup.waitFor(() => document.activeElement?.classList.contains('search-input') ?? false);
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')?.value)).toBe(
      'volt typhoon',
    );
    // Esc clears the query and brings the page back.
    await popup.press('Escape');
    await popup.waitFor(
      () =>
        document.getElementById('app')?.dataset.ready === 'ready' &&
        document.querySelector('.verdict-line[data-status="espionage"]') !== null,
    );
    expect(popup.consoleErrors).toEqual([]);
    await popup.close();
  });

  test('entry navigation: a related entry opens on top, Back returns one view at a time', async () => {
    const popup = await openUi(browser, 'popup.html?entry=volt-typhoon');
    expect(await heading(popup)).toContain('Volt Typhoon');
    const related = await popup.evaluate(() => document.querySelector('.entry-related button')?.textContent ?? '');
    expect(related).not.toBe('');
    await clickSelector(popup, '.entry-related button');
    await popup.waitFor(
      (r: string) => document.querySelector('.entry-full .entry-name')?.textContent?.includes(r),
      related,
    );
    await clickSelector(popup, 'button.back');
    expect(
      await popup.waitFor(() => {
        const h = document.querySelector('.entry-full .entry-name')?.textContent ?? '';
        return h.includes('Volt Typhoon') ? h : '';
      }),
    ).toContain('Volt Typhoon');
    // And focus is back on the related link that was used.
    await popup.waitFor((r: string) => document.activeElement?.textContent === r, related);
    await popup.close();
  });

  test('the context-menu target popup.html?q= opens with the search filled in', async () => {
    const popup = await openUi(browser, `popup.html?q=${encodeURIComponent('伏特台风')}`);
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-input')?.value)).toBe(
      '伏特台风',
    );
    const first = await popup.waitFor(
      () => document.querySelector('[role="option"] .hit-name')?.firstChild?.textContent ?? '',
    );
    expect(first).toBe('Volt Typhoon');
    // Opened in a tab of its own, it uses the room of a page.
    expect(await popup.evaluate(() => document.body.classList.contains('page-tab'))).toBe(true);
    await popup.close();
  });

  test('popup.html?entry=<id> shows that entry', async () => {
    const popup = await openUi(browser, 'popup.html?entry=apt41');
    expect(await heading(popup)).toContain('APT41');
    expect(
      await popup.evaluate(() => document.querySelector('.entry-full .entry-sources a')?.getAttribute('href')),
    ).toMatch(/^https:\/\//);
    await popup.close();
    const missing = await openUi(browser, 'popup.html?entry=no-such-entry');
    expect(await missing.waitFor(() => document.querySelector('[role="alert"]')?.textContent ?? '')).toBe(
      'Entry not found.',
    );
    await missing.close();
  });

  describe('Chinese interface', () => {
    let control: TestPage;
    beforeAll(async () => {
      control = await openUi(browser, 'options.html');
      await writeStoredSettings(control, { version: 2, language: 'zh_CN' });
    });
    afterAll(async () => {
      await writeStoredSettings(control, undefined);
      await control.close();
    });

    test('with the language set to zh_CN the popup speaks Chinese and still fits', async () => {
      const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
      const verdict = await popup.waitFor(() =>
        document.getElementById('app')?.dataset.ready === 'ready'
          ? (document.querySelector('.verdict-line[data-status="espionage"]')?.textContent ?? '')
          : '',
      );
      expect(verdict).toContain('网络间谍相关文章');
      const ui = await popup.evaluate(() => ({
        lang: document.documentElement.lang,
        placeholder: document.querySelector<HTMLInputElement>('.search-input')?.placeholder,
        headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
        names: [...document.querySelectorAll('.entity-open')].map((b) => b.textContent),
        buttons: [...document.querySelectorAll('.actions button')].map((b) => b.textContent),
      }));
      expect(ui.lang).toBe('zh-CN');
      expect(ui.placeholder).toContain('搜索');
      // The article's event leads; then the entities, the timeline and the export actions.
      expect(ui.headings[0]).toMatch(/^本文报道：/);
      expect(ui.headings).toEqual(expect.arrayContaining(['本文提到的条目', '时间线', '导出']));
      expect(ui.names).toContain('伏特台风');
      expect(ui.buttons).toEqual(['在此网站暂停', '在侧边栏中打开', '设置']);
      // Narrow as a toolbar popup: nothing sticks out sideways, long Chinese text wraps.
      await popup.setViewport(440, 600);
      const fit = await popup.evaluate(() => {
        const main = document.querySelector<HTMLElement>('.popup')!;
        const r = main.getBoundingClientRect();
        const wide = [...main.querySelectorAll<HTMLElement>('*')].filter(
          (e) => e.getBoundingClientRect().right > r.right + 0.5,
        );
        return { w: r.width, h: r.height, overflowX: main.scrollWidth - main.clientWidth, wide: wide.length };
      });
      expect(fit.w).toBeLessThanOrEqual(800);
      expect(fit.h).toBeLessThanOrEqual(600);
      expect(fit.overflowX).toBe(0);
      expect(fit.wide).toBe(0);
      await popup.close();
    });
  });

  describe('keyboard only', () => {
    test('open an entity, read it, go back, reach the page actions, all without a mouse', async () => {
      const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
      await popup.waitFor(() => document.activeElement?.classList.contains('search-input') ?? false);
      // Tab from the search box reaches the first entity (after the article's event and references).
      await tabTo(popup, '.entity-open');
      const first = await focused(popup);
      expect(first.cls).toContain('entity-open');
      // A focus ring is visible on it.
      expect(
        await popup.evaluate(() => {
          const s = getComputedStyle(document.activeElement!);
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
        }),
      ).toBe(true);
      await popup.press('Enter');
      expect(await heading(popup)).toContain(first.text);
      // Shift+Tab from the heading reaches Back; Enter goes back with focus on the same entity.
      await pressWith(popup, ['Shift'], 'Tab');
      expect((await focused(popup)).cls).toContain('back');
      await popup.press('Enter');
      await popup.waitFor((t: string) => document.activeElement?.textContent === t, first.text);
      // Alt+ArrowLeft also goes back from an entry.
      await popup.press('Enter');
      await popup.waitFor(() => document.activeElement?.classList.contains('entry-name') ?? false);
      await pressWith(popup, ['Alt'], 'ArrowLeft');
      await popup.waitFor((t: string) => document.activeElement?.textContent === t, first.text);
      // "Show in page" for the same entity is the next stop.
      await popup.press('Tab');
      expect((await focused(popup)).cls).toContain('show-in-page');
      // The page actions at the end are reachable too.
      // (A radio group is one Tab stop, so count stops by pressing Tab, not by listing controls.)
      await tabTo(popup, '.pause-toggle', 200);
      expect((await focused(popup)).cls).toContain('pause-toggle');
      await popup.close();
    });
  });
});
