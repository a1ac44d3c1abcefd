import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/background-main';

export default defineBackground(() => {
  startBackground();
});
