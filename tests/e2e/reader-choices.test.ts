/**
 * The reader's choices end to end in Chromium and Firefox: "Not this" on a card removes the name's
 * highlight from the page at once and Undo brings it back; "Mute everywhere" on a card removes the
 * entry from every open page and the options page lists it, where Unmute brings it back live;
 * corrupt stored choices change nothing on the page and are reported on the options page.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openFirstCard, paintedMentions, type TestBrowser, type TestPage } from './browsers';
import { describeViolations, highlightCount, openDemo, openUi, reloadUi, runAxe } from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

/** Writes (or with undefined removes) the raw stored choices from an extension page. */
async function writeStoredChoices(extPage: TestPage, value: unknown): Promise<void> {
  await extPage.evaluate(async (v: unknown) => {
    type Area = { set(o: object): Promise<void>; remove(k: string): Promise<void> };
    const g = globalThis as unknown as {
      browser?: { storage: { local: Area } };
      chrome?: { storage: { local: Area } };
    };
    const local = (g.browser ?? g.chrome)!.storage.local;
    if (v === undefined) await local.remove('choices');
    else await local.set({ choices: v });
  }, value);
}

async function readStoredChoices(extPage: TestPage): Promise<unknown> {
  return extPage.evaluate(async () => {
    type Area = { get(k: string): Promise<Record<string, unknown>> };
    const g = globalThis as unknown as {
      browser?: { storage: { local: Area } };
      chrome?: { storage: { local: Area } };
    };
    return (await (g.browser ?? g.chrome)!.storage.local.get('choices')).choices ?? null;
  });
}

/** Polls the stored choices (read in the extension page) until `ok` holds; returns them. */
async function waitStored<T>(extPage: TestPage, ok: (c: T | null) => boolean, timeoutMs = 15_000): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = (await readStoredChoices(extPage)) as T | null;
    if (ok(c)) return c;
    if (Date.now() > deadline) throw new Error(`stored choices never matched: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A real mouse click (a trusted event: the card ignores clicks a page script makes) on a button in our shadow root. */
async function clickInCard(page: TestPage, selector: string): Promise<void> {
  const box = await page.waitFor((s: string) => {
    const el = document.querySelector('spyglass-ui')?.shadowRoot?.querySelector<HTMLElement>(s);
    // A long card scrolls within itself: bring the button into its visible part.
    el?.scrollIntoView({ block: 'nearest' });
    const r = el?.getBoundingClientRect();
    return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, selector);
  const raw = page.raw as unknown as { mouse: { click(x: number, y: number): Promise<void> } };
  await raw.mouse.click(box!.x, box!.y);
}

/** axe-core finds nothing in the page (or in the element reached by `shadowPath`). */
async function expectAxeClean(page: TestPage, shadowPath?: string[]): Promise<void> {
  const violations = await runAxe(page, shadowPath);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The painted texts, in paint order. */
const paintedTexts = async (page: TestPage) => (await paintedMentions(page)).map((m) => m.text.replace(/\s+/g, ' '));

/** Waits until the painted texts satisfy `has` for `text` (true: painted; false: not painted). */
function waitPainted(page: TestPage, text: string, has: boolean): Promise<boolean> {
  return page.waitFor(
    ([t, want]: [string, boolean]) => {
      let found = false;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('spyglass-') || name === 'spyglass-active') continue;
        for (const r of h as unknown as Iterable<Range>) if (r.toString().replace(/\s+/g, ' ') === t) found = true;
      }
      return found === want;
    },
    [text, has] as [string, boolean],
    30_000,
  );
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  let ext: TestPage | undefined;
  useBrowserSuite(name, (_server, b) => (browser = b));

  afterEach(async () => {
    if (ext) {
      await writeStoredChoices(ext, undefined);
      await ext.close();
      ext = undefined;
    }
  });

  test('"Not this" removes the name from the page at once; Undo brings it back', async () => {
    const demo = await openDemo(browser);
    const before = await highlightCount(demo.page);
    const [first] = await paintedTexts(demo.page);
    expect(first).toBeTruthy();
    await openFirstCard(demo.page);

    // A click the page's own script makes on the button is ignored: the card stays open, nothing is hidden.
    const forged = await demo.page.evaluate(() => {
      const root = document.querySelector('spyglass-ui')?.shadowRoot;
      root?.querySelector<HTMLButtonElement>('.card .dismiss-name')?.click();
      return {
        button: root?.querySelector('.card .dismiss-name') !== null,
        open: root?.querySelector('.card .entry-name') !== null,
        notice: root?.querySelector('.choice-notice') !== null,
      };
    });
    expect(forged).toEqual({ button: true, open: true, notice: false });
    expect(await highlightCount(demo.page)).toBe(before);
    // The card with its two new buttons stays axe-clean.
    await expectAxeClean(demo.page, ['spyglass-ui', '.card']);

    await clickInCard(demo.page, '.card .dismiss-name');
    await waitPainted(demo.page, first!, false);
    expect(await highlightCount(demo.page)).toBe(before - 1);
    // The card closed, and a notice says what happened, with Undo.
    const notice = await demo.page.waitFor(
      () => document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.choice-notice')?.textContent ?? '',
    );
    expect(notice).toContain(`“${first}” is no longer highlighted on this page.`);
    await expectAxeClean(demo.page, ['spyglass-ui', '.choice-notice']);
    expect(
      await demo.page.evaluate(
        () => document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.card .entry-name') ?? null,
      ),
    ).toBeNull();

    // Stored for this page (address without query or fragment).
    ext = await openUi(browser, 'options.html');
    type Stored = { dismissed: { page: string; name: string }[] };
    const stored = await waitStored<Stored>(ext, (c) => (c?.dismissed.length ?? 0) > 0);
    expect(stored?.dismissed).toEqual([expect.objectContaining({ page: demo.url, name: first })]);

    await clickInCard(demo.page, '.choice-notice .undo-choice');
    await waitPainted(demo.page, first!, true);
    expect(await highlightCount(demo.page)).toBe(before);
    await waitStored<Stored>(ext, (c) => c?.dismissed.length === 0);
    await demo.page.close();
  });

  test('"Mute everywhere" on a card hides the entry in every open page; Unmute in options restores it live', async () => {
    const demo = await openDemo(browser);
    const other = await openDemo(browser);
    const before = await highlightCount(demo.page);
    await openFirstCard(demo.page);
    const [first] = await paintedTexts(demo.page);

    await clickInCard(demo.page, '.card .mute-entry');
    await waitPainted(demo.page, first!, false);
    // The other open tab with the same article loses it too, without a reload.
    await waitPainted(other.page, first!, false);
    expect(await highlightCount(other.page)).toBe(before - 1);
    expect(
      await demo.page.waitFor(
        () => document.querySelector('spyglass-ui')?.shadowRoot?.querySelector('.choice-notice')?.textContent ?? '',
      ),
    ).toContain('is muted everywhere');

    ext = await openUi(browser, 'options.html');
    const stored = await waitStored<{ muted: { name: string }[] }>(ext, (c) => (c?.muted.length ?? 0) > 0);
    const entryName = stored!.muted[0]!.name;

    // The popup for the tab no longer lists it as found.
    const popup = await openUi(browser, `popup.html?tabId=${other.tabId}`);
    const listed = await popup.waitFor(() =>
      document.querySelectorAll('.entity-row').length > 0
        ? [...document.querySelectorAll('.entity-open')].map((b) => b.textContent ?? '')
        : null,
    );
    expect(listed!.length).toBeGreaterThan(3);
    expect(listed).not.toContain(entryName);
    await popup.close();

    // The options page lists it.
    const row = await ext.waitFor(() => document.querySelector('.muted-entries li')?.textContent ?? '');
    expect(row).toContain(entryName);
    await expectAxeClean(ext);
    await ext.evaluate(() => document.querySelector<HTMLButtonElement>('.muted-entries .unmute-entry')?.click());
    await waitPainted(demo.page, first!, true);
    await waitPainted(other.page, first!, true);
    expect(await highlightCount(demo.page)).toBe(before);
    // Taking it back can be undone too; the list says what was shown again.
    expect(await ext.waitFor(() => document.querySelector('.choice-removed')?.textContent ?? '')).toContain(
      'is shown again',
    );
    expect(await ext.evaluate(() => document.querySelectorAll('.muted-entries li').length)).toBe(0);
    await other.page.close();
    await demo.page.close();
  });

  test('corrupt stored choices apply none, without error, and the options page says so', async () => {
    ext = await openUi(browser, 'options.html');
    const clean = await openDemo(browser);
    const expected = await highlightCount(clean.page);
    await clean.page.close();

    for (const corrupt of ['garbage', { version: 1, muted: 'volt-typhoon', dismissed: [42] }, [1, 2, 3]]) {
      await writeStoredChoices(ext, corrupt);
      const demo = await openDemo(browser);
      expect(await highlightCount(demo.page)).toBe(expected);
      expect(demo.page.errorLog.filter((e) => /spyglass|extension/i.test(e.where))).toEqual([]);
      await demo.page.close();
      await reloadUi(ext);
      expect(
        await ext.waitFor(() => document.querySelector('.reader-choices [role="alert"]')?.textContent ?? ''),
      ).toContain('could not be read');
      expect(await ext.evaluate(() => document.querySelectorAll('.muted-entries li, .dismissed-names li').length)).toBe(
        0,
      );
    }
    expect(ext.consoleErrors).toEqual([]);
  });
});
