/** The setup every end-to-end file shares: a local server and one browser with the extension, per browser. */
import { afterAll, beforeAll } from 'vitest';
import { launch, type BrowserName, type TestBrowser } from './browsers';
import { startServer, type StaticServer } from './server';

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** Starts the server and the browser before the suite's tests, hands them over, and closes both after. */
export function useBrowserSuite(name: BrowserName, ready: (server: StaticServer, browser: TestBrowser) => void): void {
  let server: StaticServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startServer();
    process.env.SPYGLASS_E2E_ORIGIN = server.origin;
    browser = await launch(name);
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
