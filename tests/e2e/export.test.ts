/**
 * "Take it away", end to end in Chromium and Firefox, from the popup and the side panel: copy the
 * article's context as Markdown (a trusted click; no clipboard permission) and save the STIX 2.1
 * bundle (a blob download link; no downloads permission). The test wraps the two browser calls
 * to record what they were given, and lets them run for real.
 */
import { describe, expect, test } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { type TestBrowser, type TestPage } from './browsers';
import { clickSelector, openDemo, openUi } from './popup-helpers';
import { BROWSERS, useBrowserSuite } from './suite';

/** Records clipboard writes and object URLs' blobs, passing every call through to the real API. */
function instrument(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __copied: string[]; __blobs: Blob[]; __downloads: string[] };
    w.__copied = [];
    w.__blobs = [];
    w.__downloads = [];
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      w.__copied.push(text);
      return write(text);
    };
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) w.__blobs.push(obj);
      return create(obj);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__downloads.push(`${this.download} ${this.href}`);
      click.call(this);
    };
  });
}

const statusText = (page: TestPage, expected: string) =>
  page.waitFor(
    (e: string) => {
      const s = document.querySelector('.export-status')?.textContent ?? '';
      return s.startsWith(e) || s.startsWith('Could not') ? s : '';
    },
    expected,
    15_000,
  );

async function bringToFront(page: TestPage): Promise<void> {
  await (page.raw as unknown as { bringToFront(): Promise<void> }).bringToFront();
}

async function checkExports(browser: TestBrowser, page: TestPage): Promise<void> {
  await bringToFront(page);
  await instrument(page);

  await clickSelector(page, 'button.copy-markdown');
  expect(await statusText(page, 'Copied')).toBe('Copied to the clipboard.');
  const [md] = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
  expect(md).toMatch(/^# China's CNCERT\/CC accuses US intelligence/);
  expect(md).toContain('## Entities');
  expect(md).toMatch(/- \*\*CNCERT\/CC\*\* \(organization, \d+ mentions?\): /);
  expect(md).toContain('## Timeline (newest first)');
  expect(md).toMatch(/Sources: \[[^\]]+\]\(https:\/\//);

  const download =
    browser.name === 'chromium' ? (page.raw as PwPage).waitForEvent('download', { timeout: 15_000 }) : undefined;
  await clickSelector(page, 'button.save-stix');
  const saved = await statusText(page, 'Saved');
  expect(saved).toMatch(/^Saved spyglass-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.stix\.json\.$/);
  const [bundleText, link] = await page.evaluate(async () => {
    const w = window as unknown as { __blobs: Blob[]; __downloads: string[] };
    return [await w.__blobs[0]!.text(), w.__downloads[0] ?? ''] as const;
  });
  expect(link).toMatch(/^spyglass-127\.0\.0\.1-.*\.stix\.json blob:/);
  const bundle = JSON.parse(bundleText) as { type: string; objects: { type: string; id: string; name?: string }[] };
  expect(bundle.type).toBe('bundle');
  const report = bundle.objects.find((o) => o.type === 'report');
  expect(report?.name).toMatch(/^China's CNCERT\/CC accuses US intelligence/);
  expect(bundle.objects.find((o) => o.name === 'CNCERT/CC')?.type).toBe('identity');
  for (const o of bundle.objects) expect(o.id.startsWith(`${o.type}--`)).toBe(true);
  if (download) {
    // Chromium hands the file to its download manager: the bytes on disk are the bundle.
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.stix\.json$/);
    const path = await d.path();
    expect(readFileSync(path, 'utf8')).toBe(bundleText);
  }
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: TestBrowser;
  useBrowserSuite(name, (_server, b) => (browser = b));

  test('popup: copy as Markdown and save as STIX 2.1, without clipboard or downloads permissions', async () => {
    const demo = await openDemo(browser);
    const popup = await openUi(browser, `popup.html?tabId=${demo.tabId}`);
    await checkExports(browser, popup);
    expect(popup.consoleErrors).toEqual([]);
    await popup.close();
    await demo.page.close();
  });

  test('side panel: the same actions', async () => {
    const demo = await openDemo(browser);
    const panel = await browser.openExtensionPage('sidepanel.html');
    await browser.extEval(async (id: number) => {
      type Api = {
        tabs: { update(id: number, p: object): Promise<{ windowId: number }> };
        windows: { update(id: number, p: object): Promise<unknown> };
      };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      const tab = await api.tabs.update(id, { active: true });
      await api.windows.update(tab.windowId, { focused: true });
    }, demo.tabId);
    // The panel now follows the article; bring it back to the front to use it, as a side panel is.
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      const ok = await panel.evaluate(
        (id: string) =>
          document.getElementById('app')?.dataset.tabId === id &&
          document.querySelector('button.copy-markdown') !== null,
        String(demo.tabId),
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await checkExports(browser, panel);
    expect(panel.consoleErrors).toEqual([]);
    await panel.close();
    await demo.page.close();
  });
});
