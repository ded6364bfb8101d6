import type { LedgerDb } from '../ledger/db';
import type { ChipVoucher, Message, VoucherReply } from '../messaging/protocol';
import { markVoucherUsed, vouchersForCheckout } from './vouchers';

export type VoucherMessage = Extract<Message, { type: 'vouchers-wanted' | 'voucher-used' }>;

export function isVoucherMessage(message: Message): message is VoucherMessage {
  return message.type === 'vouchers-wanted' || message.type === 'voucher-used';
}

/**
 * The background's answer to a checkout page's voucher messages (sender already checked):
 * the unused vouchers for its platform (codes only go to that platform's own pages), or the
 * voucher a placed order used.
 */
export async function handleVoucherMessage(db: LedgerDb, message: VoucherMessage, now: number): Promise<VoucherReply> {
  if (message.type === 'voucher-used') {
    const used = await markVoucherUsed(db, message.platform, message.code, now);
    return { ok: true, used: used ? 1 : 0 };
  }
  const vouchers = await vouchersForCheckout(db, message.platform, now);
  return {
    ok: true,
    vouchers: vouchers.map((x): ChipVoucher => ({ code: x.code, expiresAt: x.expiresAt, ...(x.title ? { title: x.title } : {}) })),
  };
}
