import { placeOrderButton } from '../detect/place-order';
import type { PageReading } from '../core/kinds';
import { send, type ChipText, type ChipVoucher, type ReplyTo, type Transport } from '../messaging/protocol';
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
  /** called with every reading the checkout watcher makes */
  onReading(reading: PageReading | null): void;
  /** called with the background's answer to a reading: a checkout's carries the unused vouchers */
  onAnswer(reading: PageReading, answer: ReplyTo<'page-read'>): void;
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
 * The checkout reminder: the background answers a checkout's reading with the unused vouchers
 * the user holds for the platform (no message of its own); if any, it shows the chip (copy
 * code, fill the promo field when one is found). It never submits. When place-order is pressed
 * with one of those codes in the promo field, it tells the background, which marks the voucher
 * used. Work happens only on the watcher's readings and on scroll/resize while the chip is
 * shown: no timers.
 */
export function voucherReminder(win: Window & typeof globalThis, options: ReminderOptions): Reminder {
  const doc = win.document;
  let vouchers: ChipVoucher[] = [];
  let chipText: ChipText | undefined;
  let chip: Chip | undefined;
  let shownKey = '';
  let dismissed = false;

  const placeOrder = (): Element | null => {
    for (const b of Array.from(doc.querySelectorAll(BUTTONS))) if (placeOrderButton(b)) return b;
    return null;
  };

  const place = () => {
    if (!chip) return;
    const button = placeOrder();
    placeChip(chip.host, button ? button.getBoundingClientRect() : null, { width: win.innerWidth, height: win.innerHeight });
  };
  // Scroll and resize events come at most once a frame already: placing there needs no timer.
  options.ctx.addEventListener(win, 'scroll', place, { passive: true, capture: true });
  options.ctx.addEventListener(win, 'resize', place, { passive: true });

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

  return {
    onReading(reading) {
      if (reading?.page === 'checkout') return render();
      // Coming back to a checkout waits for its answer: a voucher may have been redeemed or used meanwhile.
      vouchers = [];
      hide();
    },
    onAnswer(reading, answer) {
      if (reading.page !== 'checkout' || !answer.ok) return;
      const text = answer.chipText;
      // A language chosen since the chip was built: build it again in that language.
      if (text?.locale !== chipText?.locale) hide();
      chipText = text;
      vouchers = answer.vouchers ?? [];
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
      hide();
    },
  };
}
