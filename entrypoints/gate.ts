import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startGate } from '../utils/gate-main';

// The only script on every page: a tiny gate, declared in the manifest as a plain content script
// (see wxt.config.ts) so it carries no framework or polyfill. The analyser is injected only on
// likely articles.
export default defineUnlistedScript(() => {
  startGate();
});
