import type { LedgerDb } from '../ledger/db';
import type { CheckoutReply, ChipText, ChipVoucher, Message, VoucherReply } from '../messaging/protocol';
import { isLocale, LANGUAGE_SETTING, type Locale, type Messages } from '../core/i18n';
import { markVoucherUsed, vouchersForCheckout } from '../rewards/vouchers';

export type VoucherMessage = Extract<Message, { type: 'voucher-used' }>;

export function isVoucherMessage(message: Message): message is VoucherMessage {
  return message.type === 'voucher-used';
}

/** The chip's strings in the language chosen in Options; none when the browser's is used or they cannot be read. */
async function chipText(db: LedgerDb, messagesOf: (locale: Locale) => Promise<Messages>): Promise<ChipText | undefined> {
  const chosen = (await db.settings.get(LANGUAGE_SETTING))?.value;
  if (!isLocale(chosen)) return undefined;
  try {
    const chip = Object.entries(await messagesOf(chosen)).filter(([key]) => key.startsWith('chip'));
    return { locale: chosen, messages: Object.fromEntries(chip) };
  } catch {
    return undefined;
  }
}

/**
 * What the background adds to its answer to a checkout's reading (sender already checked): the
 * unused vouchers for its platform (codes only go to that platform's own pages), with the
 * chip's strings in the chosen language.
 */
export async function checkoutVouchers(
  db: LedgerDb,
  platform: string,
  now: number,
  messagesOf: (locale: Locale) => Promise<Messages>,
): Promise<Pick<CheckoutReply, 'vouchers' | 'chipText'>> {
  const vouchers = await vouchersForCheckout(db, platform, now);
  const text = vouchers.length ? await chipText(db, messagesOf) : undefined;
  return {
    vouchers: vouchers.map((x): ChipVoucher => ({ code: x.code, expiresAt: x.expiresAt, ...(x.title ? { title: x.title } : {}) })),
    ...(text ? { chipText: text } : {}),
  };
}

/** The background's answer to 'voucher-used' (sender already checked): how many vouchers became used. */
export async function handleVoucherMessage(db: LedgerDb, message: VoucherMessage, now: number): Promise<VoucherReply> {
  const used = await markVoucherUsed(db, message.platform, message.code, now);
  return { ok: true, used: used ? 1 : 0 };
}
