import { browser } from 'wxt/browser';
import type { Request } from '../src/messaging/protocol';
import { watchCheckout } from '../src/content/watch';
import { voucherReminder } from '../src/content/reminder';
import { t } from '../src/core/i18n';

export default defineContentScript({
  // Registered at run time for linked platforms only (see src/background/registration.ts).
  registration: 'runtime',
  matches: [],
  main(ctx) {
    const send = (message: Request): Promise<unknown> => browser.runtime.sendMessage(message);
    const reminder = voucherReminder(window, { transport: send, text: t, language: browser.i18n.getUILanguage(), ctx });
    ctx.onInvalidated(() => reminder.stop());
    watchCheckout(window, ctx, { send, onReading: reminder.onReading, onOrderPlaced: reminder.onOrderPlaced });
  },
});
