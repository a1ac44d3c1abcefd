import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installCard } from '../utils/card-ui';

// The hover card's UI (Preact, floating-ui, its styles), injected by the background into a frame
// the first time a card opens there. Pages where nobody opens a card never load it.
export default defineUnlistedScript(() => {
  installCard();
});
