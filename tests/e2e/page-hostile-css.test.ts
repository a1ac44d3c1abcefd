/**
 * A page whose CSS tries to reach or hide our card (`* { all: unset !important }`, giant fonts,
 * overlays at the highest z-index, `spyglass-ui { display: none !important }`): the card still
 * shows, on top, with its own size and type, as on our demo article. The overlays cover the
 * mentions, so the card is opened from the keyboard path (the message the shortcut sends).
 */
import { describe, expect, test } from 'vitest';
import { waitForHighlights, type TestBrowser } from './browsers';
import { type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  /** Opens the first mention's card from the keyboard path and measures it. */
  async function measureCard(file: string) {
    const url = `${server.origin}/fixtures/${file}`;
    const page = await browser.newPage();
    await page.goto(url);
    await waitForHighlights(page, 30_000);
    expect(await browser.sendToTab(url, { type: 'page/show-mention' })).toEqual({ ok: true });
    const m = await page.waitFor(
      () => {
        const host = document.querySelector('spyglass-ui');
        const card = host?.shadowRoot?.querySelector<HTMLElement>('.card[data-placed]');
        const nameEl = card?.querySelector('.entry-name');
        if (!host || !card || !nameEl) return null;
        // Wait for the (smooth) scroll to the mention to end: the mention in view, the card beside it.
        const active = CSS.highlights.get('spyglass-active') as unknown as Iterable<Range> | undefined;
        const [r] = active ? [...active] : [];
        const a = r?.getBoundingClientRect();
        if (!a || a.top < 0 || a.bottom > innerHeight) return null;
        const b = card.getBoundingClientRect();
        if (Math.min(Math.abs(b.top - a.bottom), Math.abs(a.top - b.bottom)) > 20) return null;
        const cs = getComputedStyle(card);
        const ns = getComputedStyle(nameEl);
        // What is on top at the card's centre: our host (events from inside are retargeted to it).
        const top = document.elementFromPoint(b.left + b.width / 2, b.top + Math.min(30, b.height / 2));
        return {
          width: Math.round(b.width),
          minHeight: b.height > 80,
          fontSize: cs.fontSize,
          fontFamily: cs.fontFamily,
          letterSpacing: cs.letterSpacing,
          nameFontSize: ns.fontSize,
          visible: cs.visibility === 'visible' && cs.display !== 'none' && Number(cs.opacity) === 1,
          onTop: top === host,
          text: (nameEl.textContent ?? '').trim(),
        };
      },
      undefined,
      30_000,
    );
    const errors = page.consoleErrors;
    await page.close();
    return { m: m!, errors };
  }

  test('the card keeps its own size, type and place on top against hostile page CSS', async () => {
    const demo = await measureCard('demo-article.html');
    const hostile = await measureCard('hostile-css.html');
    expect(demo.m.visible).toBe(true);
    expect(demo.m.onTop).toBe(true);
    expect(hostile.m).toEqual({ ...demo.m, minHeight: hostile.m.minHeight, text: hostile.m.text });
    expect(hostile.m.minHeight).toBe(true);
    expect(hostile.m.text).not.toBe('');
    expect(hostile.errors).toEqual([]);
  });

  test('made no request beyond the local test server', () => {
    expect(browser.foreignRequests).toEqual([]);
  });
});
