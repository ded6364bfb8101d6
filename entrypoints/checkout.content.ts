import { browser } from 'wxt/browser';
import { watchCheckout } from '../src/content/watch';

export default defineContentScript({
  // Registered at run time for linked platforms only (see src/background/registration.ts).
  registration: 'runtime',
  matches: [],
  main(ctx) {
    watchCheckout(window, ctx, { send: (message) => browser.runtime.sendMessage(message) });
  },
});
