import { browser } from 'wxt/browser';
import { WATCHING_FLAG, type Request } from '../src/messaging/protocol';
import { answerReadingRequests } from '../src/content/reading-wanted';
import { watchCheckout } from '../src/content/watch';
import { voucherReminder } from '../src/content/reminder';
import { t } from '../src/core/i18n';

export default defineContentScript({
  // Injected by the background at a linked platform's checkout and confirmation addresses, and
  // registered on every page of a shop added by address (see src/background/injection.ts, registration.ts).
  registration: 'runtime',
  matches: [],
  main(ctx) {
    const flags = globalThis as unknown as Record<string, boolean>;
    flags[WATCHING_FLAG] = true;
    ctx.onInvalidated(() => delete flags[WATCHING_FLAG]);
    const send = (message: Request): Promise<unknown> => browser.runtime.sendMessage(message);
    const reminder = voucherReminder(window, { transport: send, text: t, language: browser.i18n.getUILanguage(), ctx });
    ctx.onInvalidated(() => reminder.stop());
    const readings = answerReadingRequests(window, browser.runtime, (stop) => ctx.onInvalidated(stop));
    watchCheckout(window, ctx, {
      send,
      onReading: reminder.onReading,
      onAnswer: reminder.onAnswer,
      onOrderPlaced: (reading) => {
        reminder.onOrderPlaced(reading);
        readings.pressed();
      },
    });
  },
});
