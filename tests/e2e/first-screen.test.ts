/**
 * The first screen on the founding story, end to end in Chromium and Firefox: on the CNCERT/CC
 * article without a date tag (its date only in the byline), the popup's first 600 px name
 * CNCERT/CC's December 2024 allegation, with the line saying why it was chosen; and the page
 * script scrolls to and marks a stretch of its text when asked (page/show-text, the brief's
 * "Show in page").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPageSteps } from '../../core/engine/page';
import { runSteps } from '../../core/engine/region';
import { loadKbForNode, parseHtmlDocument } from '../../core/engine/node-support';
import { waitForHighlights, type TestBrowser } from './browsers';
import { openUi } from './popup-helpers';
import { ARTICLE_DIR, type StaticServer } from './server';
import { BROWSERS, useBrowserSuite } from './suite';

const FILE = 'en-cncert-seed-byline.html';
const EVENT = 'cncert-two-intrusions-2024';
const eventName = loadKbForNode(process.cwd()).entries.find((e) => e.id === EVENT)?.name;

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  let server: StaticServer;
  useBrowserSuite(name, (s, b) => ((server = s), (browser = b)));

  test('the popup’s first 600 px name the article’s event, with why it was chosen', async () => {
    expect(eventName).toBeTruthy();
    const url = `${server.origin}/articles/${FILE}`;
    const page = await browser.newPage();
    await page.goto(url);
    await waitForHighlights(page, 30_000);
    // The fixture has no date tag: the date is only in the visible byline.
    expect(
      await page.evaluate(() => document.querySelector('meta[property="article:published_time"], time')),
    ).toBeNull();
    const tabId = await browser.tabIdOf(url);
    const popup = await openUi(browser, `popup.html?tabId=${tabId}`);
    await popup.setViewport(440, 600);
    const lead = await popup.waitFor(
      (id: string) => {
        const button = document.querySelector<HTMLElement>(`.article-lead [data-focus-key="lead:${id}"]`);
        const why = document.querySelector<HTMLElement>('.article-lead .lead-why');
        if (!button || !why) return null;
        const visible = (e: HTMLElement) => {
          const r = e.getBoundingClientRect();
          return r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
        };
        return {
          name: button.textContent,
          bottom: button.getBoundingClientRect().bottom,
          whyText: why.textContent,
          whyBottom: why.getBoundingClientRect().bottom,
          visible: visible(button) && visible(why),
          // The event comes before the entity list.
          beforeEntities:
            document.getElementById('entities-heading') !== null &&
            (button.compareDocumentPosition(document.getElementById('entities-heading')!) &
              Node.DOCUMENT_POSITION_FOLLOWING) !==
              0,
        };
      },
      EVENT,
      30_000,
    );
    if (!lead) throw new Error('no lead');
    expect(lead.name).toBe(eventName);
    expect(lead.visible).toBe(true);
    expect(lead.bottom).toBeLessThanOrEqual(600);
    expect(lead.whyBottom).toBeLessThanOrEqual(600);
    expect(lead.whyText).toMatch(/^Chosen because: /);
    expect(lead.whyText).toContain('CNCERT/CC');
    expect(lead.beforeEntities).toBe(true);
    // The timeline is focused: a Show all control brings back the rest.
    const timeline = await popup.evaluate(() => ({
      event: document.querySelector('.timeline .this-article') !== null,
      rows: document.querySelectorAll('.timeline-item').length,
      showAll: document.querySelector('.timeline-focus .show-all')?.textContent ?? '',
    }));
    expect(timeline.event).toBe(true);
    const total = Number(/\((\d+)\)/.exec(timeline.showAll)?.[1]);
    expect(total).toBeGreaterThan(timeline.rows);
    await popup.evaluate(() => document.querySelector<HTMLElement>('.timeline-focus .show-all')?.click());
    expect(await popup.waitFor((n: number) => document.querySelectorAll('.timeline-item').length === n, total)).toBe(
      true,
    );
    expect(popup.consoleErrors).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('page/show-text scrolls to a stretch of the read text and marks it', async () => {
    const url = `${server.origin}/articles/${FILE}`;
    const page = await browser.newPage();
    await page.goto(url);
    await waitForHighlights(page, 30_000);
    // The offsets a brief's quote carries: in the text the page script reads (read here the same way).
    const doc = parseHtmlDocument(readFileSync(join(ARTICLE_DIR, FILE), 'utf8'));
    const { region } = runSteps(readPageSteps(doc, true));
    const words = 'trade secrets';
    const start = region.text.lastIndexOf(words);
    expect(start).toBeGreaterThan(region.titleEnd);
    const answer = await browser.sendToTab(url, { type: 'page/show-text', start, end: start + words.length });
    expect(answer).toEqual({ ok: true });
    const marked = await page.waitFor(() => {
      const h = CSS.highlights.get('spyglass-active');
      const r = h ? ([...h][0] as Range | undefined) : undefined;
      return r ? r.toString() : null;
    });
    expect(marked?.toLowerCase()).toBe(words);
    // Offsets outside the text: refused, nothing thrown.
    expect(await browser.sendToTab(url, { type: 'page/show-text', start: 10_000_000 - 2, end: 10_000_000 })).toEqual({
      ok: false,
    });
    await page.close();
  });

  test('an article whose event the knowledge base lacks: the popup says who accuses whom, with the article’s words', async () => {
    // A government attributes a campaign to the GRU; no knowledge-base event fits it.
    const url = `${server.origin}/articles/sv/sv-regeringen-pekar-ut-gru.html`;
    const page = await browser.newPage();
    await page.goto(url);
    await waitForHighlights(page, 30_000);
    const tabId = await browser.tabIdOf(url);
    const popup = await openUi(browser, `popup.html?tabId=${tabId}`);
    await popup.setViewport(440, 600);
    const brief = await popup.waitFor(
      () => {
        const section = document.querySelector<HTMLElement>('.article-brief');
        const sentence = section?.querySelector<HTMLElement>('.brief-sentence');
        const quote = section?.querySelector<HTMLElement>('.brief-quote');
        if (!section || !sentence || !quote) return null;
        return {
          sentence: sentence.textContent ?? '',
          quote: quote.textContent ?? '',
          top: section.getBoundingClientRect().top,
          lead: document.querySelector('.article-lead [data-focus-key^="lead:"]') !== null,
        };
      },
      undefined,
      30_000,
    );
    if (!brief) throw new Error('no brief');
    expect(brief.lead).toBe(false);
    expect(brief.sentence).toContain('Regeringen');
    expect(brief.sentence).toContain('GRU');
    // The quote is the article's own sentence.
    expect(brief.quote).toContain('Regeringen tillskriver nu officiellt');
    expect(brief.top).toBeLessThan(600);
    expect(popup.consoleErrors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
