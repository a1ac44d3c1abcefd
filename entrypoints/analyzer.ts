import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAnalyzer } from '../utils/analyzer-main';

// Injected by the background (scripting.executeScript) only into pages the gate found article-like.
export default defineUnlistedScript(() => {
  startAnalyzer();
});
