import { placeOrderButton } from '../detect/place-order';
import type { PageReading } from '../core/kinds';
import { send, type ChipText, type ChipVoucher, type Transport } from '../messaging/protocol';
import { formatMessage } from '../core/i18n';
import { createChip, placeChip, type Chip, type Text } from './chip';
import { fillPromoField, findPromoField } from './promo';

export interface ReminderOptions {
  /** hands a message to the background and resolves with its answer */
  transport: Transport;
  /** strings and language of the browser, used unless the background sends the ones chosen in Options */
  text: Text;
  language: string;
  /** the part of WXT's content-script context used: listeners removed when the script is invalidated */
  ctx: { addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void };
}

export interface Reminder {
  /** called with every reading the checkout watcher makes (after the DOM settles) */
  onReading(reading: PageReading | null): void;
  /** called when the shopper presses place-order on a checkout */
  onOrderPlaced(reading: PageReading): void;
  stop(): void;
}

const BUTTONS = 'button, [role=button], input[type=submit], input[type=button]';

/** Looks a key up in the chosen language's strings, else in the browser's. */
const textIn =
  (chosen: ChipText, fallback: Text): Text =>
  (key, substitutions) => {
    const entry = chosen.messages[key];
    return entry ? formatMessage(entry, substitutions) : fallback(key, substitutions);
  };

/**
 * The checkout reminder: on a checkout page it asks the background once which unused vouchers
 * the user holds for the platform; if any, it shows the chip (copy code, fill the promo field
 * when one is found). It never submits. When place-order is pressed with one of those codes in
 * the promo field, it tells the background, which marks the voucher used. Work happens only on
 * the watcher's readings and on scroll/resize while the chip is shown: no timers of its own.
 */
export function voucherReminder(win: Window & typeof globalThis, options: ReminderOptions): Reminder {
  const doc = win.document;
  let asked: string | undefined;
  let vouchers: ChipVoucher[] = [];
  let chipText: ChipText | undefined;
  let chip: Chip | undefined;
  let shownKey = '';
  let dismissed = false;
  let frame: number | undefined;

  const placeOrder = (): Element | null => {
    for (const b of Array.from(doc.querySelectorAll(BUTTONS))) if (placeOrderButton(b)) return b;
    return null;
  };

  const place = () => {
    frame = undefined;
    if (!chip) return;
    const button = placeOrder();
    placeChip(chip.host, button ? button.getBoundingClientRect() : null, { width: win.innerWidth, height: win.innerHeight });
  };
  const schedulePlace = () => {
    if (chip && frame === undefined) frame = win.requestAnimationFrame(place);
  };
  options.ctx.addEventListener(win, 'scroll', schedulePlace, { passive: true, capture: true });
  options.ctx.addEventListener(win, 'resize', schedulePlace, { passive: true });

  const hide = () => {
    chip?.remove();
    chip = undefined;
    shownKey = '';
  };

  const render = () => {
    if (dismissed || vouchers.length === 0) return hide();
    const canFill = findPromoField(doc) !== null;
    const key = JSON.stringify([vouchers.map((x) => x.code), canFill]);
    chip ??= createChip(doc, {
      text: chipText ? textIn(chipText, options.text) : options.text,
      language: chipText ? chipText.locale.replace('_', '-') : options.language,
      onCopy: async (voucher) => {
        try {
          await win.navigator.clipboard.writeText(voucher.code);
          return true;
        } catch {
          return false;
        }
      },
      onFill: (voucher) => {
        const field = findPromoField(doc);
        if (!field) return false;
        fillPromoField(field, voucher.code);
        return true;
      },
      onDismiss: () => {
        dismissed = true;
        hide();
      },
    });
    if (key !== shownKey) {
      shownKey = key;
      chip.update(vouchers, canFill);
    }
    place();
  };

  const ask = (id: string) => {
    asked = id;
    void send(options.transport, { type: 'vouchers-wanted', platform: id })
      .then((reply) => {
        if (asked !== id || !reply.ok) return;
        const text = reply.chipText;
        // A language chosen since the chip was built: build it again in that language.
        if (text?.locale !== chipText?.locale) hide();
        chipText = text;
        vouchers = reply.vouchers;
        render();
      })
      .catch(() => undefined);
  };

  return {
    onReading(reading) {
      if (!reading || reading.page !== 'checkout') {
        // Coming back to a checkout asks again: a voucher may have been redeemed or used meanwhile.
        asked = undefined;
        return hide();
      }
      if (asked !== reading.platform) return ask(reading.platform);
      render();
    },
    onOrderPlaced(reading) {
      const typed = findPromoField(doc)?.value.trim();
      if (!typed) return;
      const voucher = vouchers.find((x) => x.code.toUpperCase() === typed.toUpperCase());
      if (!voucher) return;
      vouchers = vouchers.filter((x) => x !== voucher);
      void send(options.transport, { type: 'voucher-used', platform: reading.platform, code: voucher.code }).catch(() => undefined);
      render();
    },
    stop() {
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      hide();
    },
  };
}
