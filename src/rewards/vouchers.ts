import type { LedgerDb, Voucher, VoucherStatus } from '../ledger/db';

/** A voucher's status as the user should read it at `now`: past its expiry an unused one is expired. */
export function voucherStatus(voucher: Voucher, now: number): VoucherStatus {
  if (voucher.status === 'unused' && voucher.expiresAt <= now) return 'expired';
  return voucher.status;
}

/** Every voucher, unused ones first (soonest expiry first), then the rest newest first. */
export async function listVouchers(db: LedgerDb, now: number): Promise<Voucher[]> {
  const all = await db.vouchers.toArray();
  const rank = (x: Voucher) => (voucherStatus(x, now) === 'unused' ? 0 : 1);
  return all.sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? a.expiresAt - b.expiresAt : b.issuedAt - a.issuedAt));
}

/** Stores 'expired' on unused vouchers past their expiry; returns how many changed. */
export async function expireVouchers(db: LedgerDb, now: number): Promise<number> {
  return db.vouchers
    .where('status')
    .equals('unused')
    .filter((x) => x.expiresAt <= now)
    .modify({ status: 'expired' });
}

/** The unused, unexpired vouchers a checkout on `platform` can take (its own and 'any' ones). */
export async function vouchersForCheckout(db: LedgerDb, platform: string, now: number): Promise<Voucher[]> {
  const unused = await db.vouchers.where('status').equals('unused').toArray();
  return unused
    .filter((x) => (x.platform === platform || x.platform === 'any') && x.expiresAt > now)
    .sort((a, b) => a.expiresAt - b.expiresAt);
}

/** Codes compare as shops compare them: case and surrounding spaces do not matter. */
export function sameCode(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/**
 * An order on `platform` was placed with `code` in its promo field: the unused voucher with that
 * code (the platform's own before an 'any' one) becomes used. Returns the voucher, or undefined
 * when the user holds no such voucher (a code typed from elsewhere changes nothing).
 */
export async function markVoucherUsed(db: LedgerDb, platform: string, code: string, now: number): Promise<Voucher | undefined> {
  return db.transaction('rw', db.vouchers, async () => {
    const candidates = (await vouchersForCheckout(db, platform, now)).filter((x) => sameCode(x.code, code));
    const voucher = candidates.find((x) => x.platform === platform) ?? candidates[0];
    if (!voucher) return undefined;
    await db.vouchers.update(voucher.id!, { status: 'used', usedAt: now });
    return { ...voucher, status: 'used' as const, usedAt: now };
  });
}
