import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGate } from '../utils/gate-main';

// The only script on every page: a tiny gate. The analyser is injected only on likely articles.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    startGate();
  },
});
