/** npm run test:e2e needs both browsers: fail loudly, naming the package, instead of skipping. */
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, FIREFOX_PATH } from './browsers';

const missing: string[] = [];
if (!existsSync(CHROMIUM_PATH))
  missing.push(
    `Chromium not found at ${CHROMIUM_PATH}: install the Debian package "chromium" (apt-get install -y chromium) or set SPYGLASS_CHROMIUM.`,
  );
if (!existsSync(FIREFOX_PATH))
  missing.push(
    `Firefox not found at ${FIREFOX_PATH}: install the Debian package "firefox-esr" (apt-get install -y firefox-esr) or set SPYGLASS_FIREFOX.`,
  );
if (!existsSync('.output/chrome-mv3/manifest.json') || !existsSync('.output/firefox-mv3/manifest.json'))
  missing.push('The extension is not built: run "npm run build" first.');
if (missing.length) {
  for (const m of missing) console.error(`✗ ${m}`);
  process.exit(1);
}
console.log('browsers and builds present');
