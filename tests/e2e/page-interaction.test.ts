/**
 * The keyboard path and hover timing, in real Chromium and real Firefox.
 *
 * Headless browsers do not deliver the manifest's shortcut keys (Alt+Shift+N / Alt+Shift+X) to
 * the extension, so the keyboard test sends the very messages the background sends for those
 * commands ({type:'page/show-mention'} / {type:'page/close-card'}) from an extension context.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { HIDE_MS } from '../../core/hover-timing';
import { cardText, paintedMentions, scrollToFirstMention, waitForHighlights, type TestBrowser } from './browsers';
import { type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

describe.each(BROWSERS)('%s', (name) => {
  let server: StaticServer;
  let browser: TestBrowser;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  test('next-mention walks every painted mention in order and cycles; close-card gives focus back', async () => {
    const url = `${server.origin}/fixtures/long-article.html`;
    const page = await browser.newPage();
    await page.goto(url);
    const n = await waitForHighlights(page);
    expect(n).toBeGreaterThanOrEqual(4);
    await page.evaluate(() => document.getElementById('start')!.focus());

    for (let i = 0; i <= n; i++) {
      const res = await browser.sendToTab(url, { type: 'page/show-mention' });
      expect(res).toEqual({ ok: true });
      // The card is open on the i-th painted mention in document order, scrolled into view (once
      // smooth scrolling ends).
      const seen = await page.waitFor(
        (want: number) => {
          const ranges: Range[] = [];
          for (const [name, h] of CSS.highlights)
            if (name.startsWith('spyglass-') && name !== 'spyglass-active')
              for (const x of h as unknown as Iterable<Range>) ranges.push(x);
          ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
          const active = CSS.highlights.get('spyglass-active') as unknown as Iterable<Range> | undefined;
          const [r] = active ? [...active] : [];
          if (!r) return false;
          const idx = ranges.findIndex(
            (x) =>
              x.compareBoundaryPoints(Range.START_TO_START, r) === 0 &&
              x.compareBoundaryPoints(Range.END_TO_END, r) === 0,
          );
          if (idx !== want) return false;
          const box = r.getBoundingClientRect();
          if (box.top < 0 || box.bottom > innerHeight) return false;
          return !!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed]');
        },
        i % n,
        30_000,
      );
      expect(seen).toBe(true);
      // Focus is inside the card: the host is the document's active element, the card holds the shadow's.
      const focus = await page.evaluate(() => {
        const host = document.querySelector('spyglass-ui');
        const inner = host?.shadowRoot?.activeElement ?? null;
        return {
          hostActive: document.activeElement === host,
          inCard: inner !== null && inner.closest('.card') !== null,
        };
      });
      expect(focus).toEqual({ hostActive: true, inCard: true });
    }

    // The card sits next to its mention once scrolling has ended (above or below it).
    const gap = await page.waitFor(() => {
      const active = CSS.highlights.get('spyglass-active') as unknown as Iterable<Range> | undefined;
      const [r] = active ? [...active] : [];
      const card = document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card');
      if (!r || !card) return null;
      const a = r.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      return { below: c.top - a.bottom, above: a.top - c.bottom };
    });
    expect(Math.min(Math.abs(gap!.below), Math.abs(gap!.above))).toBeLessThan(20);

    expect(await browser.sendToTab(url, { type: 'page/close-card' })).toEqual({ ok: true });
    await page.waitFor(() => !document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    expect(await page.evaluate(() => CSS.highlights.has('spyglass-active'))).toBe(false);
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('hover: the card waits for the delay, closes after leaving, and stays open while on it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixtures/demo-article.html`);
    await waitForHighlights(page);
    await scrollToFirstMention(page);
    // A recorder in the page: the first pointer move of each gesture (a move may arrive as several
    // events; the pointer can have crossed the mention's edge no earlier than the first), and every
    // time the card appears or goes.
    await page.evaluate(() => {
      const w = window as unknown as { __rec: { firstMove: number; events: { open: boolean; t: number }[] } };
      w.__rec = { firstMove: 0, events: [] };
      document.addEventListener('pointermove', () => (w.__rec.firstMove ||= performance.now()), { capture: true });
      let was = false;
      const tick = () => {
        const open = !!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card');
        if (open !== was) w.__rec.events.push({ open, t: performance.now() });
        was = open;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    type Rec = { firstMove: number; events: { open: boolean; t: number }[] };
    const rec = () => page.evaluate(() => (window as unknown as { __rec: Rec }).__rec);
    const newGesture = () => page.evaluate(() => void ((window as unknown as { __rec: Rec }).__rec.firstMove = 0));

    const mentions = await paintedMentions(page);
    const m = mentions.find((p) => p.y > 0 && p.y < 850)!;
    expect(m).toBeTruthy();
    // A blank spot left of the article, level with the mention.
    const blank = { x: 5, y: m.y };

    // 1. Hover: nothing before the delay, the card after it.
    await page.mouseMove(blank.x, blank.y);
    await newGesture();
    await page.mouseMove(m.x, m.y);
    const enteredAt = (await rec()).firstMove;
    await page.waitFor(() => (window as unknown as { __rec: Rec }).__rec.events.some((e) => e.open));
    let r = await rec();
    const openedAt = r.events.find((e) => e.open)!.t;
    expect(openedAt - enteredAt).toBeGreaterThanOrEqual(Math.max(150, DEFAULT_SETTINGS.hoverDelayMs - 50));

    // 2. Leave to a blank spot: the card goes after about HIDE_MS, not before.
    await newGesture();
    await page.mouseMove(blank.x, blank.y);
    const leftAt = (await rec()).firstMove;
    await page.waitFor(() => (window as unknown as { __rec: Rec }).__rec.events.some((e) => !e.open));
    r = await rec();
    const closedAt = r.events.find((e) => !e.open)!.t;
    expect(closedAt - leftAt).toBeGreaterThanOrEqual(HIDE_MS - 30);
    expect(closedAt - leftAt).toBeLessThan(HIDE_MS + 3000);

    // 3. Hover again, then move onto the card: it stays open well past HIDE_MS.
    await page.mouseMove(m.x, m.y);
    await page.waitFor(() => (window as unknown as { __rec: Rec }).__rec.events.filter((e) => e.open).length === 2);
    const box = await page.waitFor(() => {
      const c = document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed]');
      if (!c) return null;
      const b = c.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + Math.min(40, b.height / 2) };
    });
    await page.mouseMove(box!.x, box!.y);
    const onCardAt = await page.evaluate(() => performance.now());
    await page.waitFor(({ t, ms }) => performance.now() - t > ms * 3, { t: onCardAt, ms: HIDE_MS });
    r = await rec();
    expect(r.events.filter((e) => !e.open).length).toBe(1);
    expect(await page.evaluate(() => !!document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card'))).toBe(
      true,
    );

    // 4. Off the card to a blank spot: it closes.
    await page.mouseMove(blank.x, blank.y);
    await page.waitFor(() => (window as unknown as { __rec: Rec }).__rec.events.filter((e) => !e.open).length === 2);
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('a name that only fits a vendor pattern is painted quietly and its card says what the pattern means', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fixtures/pattern-article.html`);
    await waitForHighlights(page);
    const all = await paintedMentions(page);
    const quiet = all.filter((m) => m.kind === 'pattern');
    // Quietly, once (the default setting paints a name's first mention); no entry's highlight on it.
    expect(quiet.map((m) => m.text)).toEqual(['UNC9917']);
    expect(all.filter((m) => m.kind !== 'pattern' && m.text.includes('UNC9917'))).toEqual([]);
    expect(all.some((m) => m.kind === 'organization' && m.text === 'Mandiant')).toBe(true);

    await page.evaluate(() => {
      for (const r of CSS.highlights.get('spyglass-pattern') as unknown as Iterable<Range>) {
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        return;
      }
    });
    const target = (await paintedMentions(page)).find((m) => m.kind === 'pattern')!;
    await page.mouseMove(5, target.y);
    await page.mouseMove(target.x, target.y);
    const heading = await page.waitFor(
      () =>
        document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card[data-placed] .entry-name')
          ?.textContent ?? '',
    );
    expect(heading).toBe('UNC9917');
    const text = (await cardText(page)) ?? '';
    expect(text).toContain('Not in the knowledge base');
    expect(text).toContain('Mandiant (Google Threat Intelligence)');
    expect(text).toMatch(/not yet tied to a named group/);
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card'));
    expect(page.consoleErrors).toEqual([]);
    await page.close();
  });

  test('made no request beyond the local test server', () => {
    expect(browser.foreignRequests).toEqual([]);
  });
});
