import type { LedgerDb } from '../ledger/db';
import type { ChipText, ChipVoucher, Message, VoucherReply } from '../messaging/protocol';
import { isLocale, LANGUAGE_SETTING, type Locale, type Messages } from '../core/i18n';
import { markVoucherUsed, vouchersForCheckout } from '../rewards/vouchers';

export type VoucherMessage = Extract<Message, { type: 'vouchers-wanted' | 'voucher-used' }>;

export function isVoucherMessage(message: Message): message is VoucherMessage {
  return message.type === 'vouchers-wanted' || message.type === 'voucher-used';
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
 * The background's answer to a checkout page's voucher messages (sender already checked):
 * the unused vouchers for its platform (codes only go to that platform's own pages) with the
 * chip's strings in the chosen language, or the voucher a placed order used.
 */
export async function handleVoucherMessage(
  db: LedgerDb,
  message: VoucherMessage,
  now: number,
  messagesOf: (locale: Locale) => Promise<Messages>,
): Promise<VoucherReply> {
  if (message.type === 'voucher-used') {
    const used = await markVoucherUsed(db, message.platform, message.code, now);
    return { ok: true, used: used ? 1 : 0 };
  }
  const vouchers = await vouchersForCheckout(db, message.platform, now);
  const text = vouchers.length ? await chipText(db, messagesOf) : undefined;
  return {
    ok: true,
    vouchers: vouchers.map((x): ChipVoucher => ({ code: x.code, expiresAt: x.expiresAt, ...(x.title ? { title: x.title } : {}) })),
    ...(text ? { chipText: text } : {}),
  };
}
