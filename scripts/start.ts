/**
 * The main job: build Spyglass and open it in Chromium (or SPYGLASS_BROWSER=firefox) on our demo
 * article. With a display it leaves the browser open for you; without one it runs headless,
 * saves screenshots (article with highlights, an open hover card, the popup, and the popup on the
 * founding story: the CNCERT/CC article dated only in its byline) and exits. SPYGLASS_NO_BUILD=1
 * uses the build already in .output/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, openFirstCard, waitForHighlights, type BrowserName } from '../tests/e2e/browsers';
import { startServer } from '../tests/e2e/server';

const name = (process.env.SPYGLASS_BROWSER ?? 'chromium') as BrowserName;
if (name !== 'chromium' && name !== 'firefox') {
  console.error(`SPYGLASS_BROWSER must be "chromium" or "firefox", not "${String(name)}"`);
  process.exit(2);
}
const outDir = resolve(process.env.SPYGLASS_SCREENSHOTS ?? 'screenshots');

if (process.env.SPYGLASS_NO_BUILD !== '1') execSync('npm run build', { stdio: 'inherit' });
const server = await startServer();
process.env.SPYGLASS_E2E_ORIGIN = server.origin;
const url = `${server.origin}/fixtures/demo-article.html`;
/** The founding story: the CNCERT/CC article, its date only in the byline (docs/screenshot-popup.png). */
const seedUrl = `${server.origin}/articles/en-cncert-seed-byline.html`;

if (process.env.DISPLAY && !process.env.CI && name === 'chromium') {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_PATH, CHROME_EXT } = await import('../tests/e2e/browsers');
  const ctx = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: [`--disable-extensions-except=${CHROME_EXT}`, `--load-extension=${CHROME_EXT}`, '--no-first-run'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url);
  console.log(`Spyglass is loaded in Chromium on ${url}. Close the browser to stop.`);
  await new Promise<void>((r) => ctx.on('close', () => r()));
  await server.close();
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const browser = await launch(name);
try {
  const page = await browser.newPage();
  await page.setViewport(1200, 900);
  await page.goto(url);
  const n = await waitForHighlights(page);
  const shots: string[] = [];
  const shot = async (p: { screenshot(path: string): Promise<void> }, file: string) => {
    const path = resolve(outDir, file);
    await p.screenshot(path);
    shots.push(path);
  };
  await shot(page, `${name}-1-article-highlights.png`);
  const heading = await openFirstCard(page);
  await shot(page, `${name}-2-hover-card.png`);
  const tabId = await browser.tabIdOf(url);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.setViewport(440, 600);
  await popup.waitFor(
    () =>
      document.querySelector('#app')?.getAttribute('data-ready') === 'ready' &&
      document.querySelector('.verdict-line[data-status="espionage"]'),
  );
  await shot(popup, `${name}-3-popup.png`);
  const seed = await browser.newPage();
  await seed.goto(seedUrl);
  await waitForHighlights(seed);
  const seedPopup = await browser.openExtensionPage(`popup.html?tabId=${await browser.tabIdOf(seedUrl)}`);
  await seedPopup.setViewport(440, 600);
  await seedPopup.waitFor(
    () =>
      document.querySelector('#app')?.getAttribute('data-ready') === 'ready' &&
      document.querySelector('.article-lead .lead-why'),
  );
  await shot(seedPopup, `${name}-4-popup-founding-story.png`);
  console.log(`Spyglass ran in ${name}: ${n} highlighted mentions; hover card for "${heading}".`);
  console.log(`Screenshots saved in ${outDir}:`);
  for (const s of shots) console.log(`  ${s}`);
} finally {
  await browser.close();
  await server.close();
}
