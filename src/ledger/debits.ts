import type { LedgerDb } from './db';
import { points } from './queries';
import { EMPTY_TOTAL, REDEEMED_KEY } from './totals';

export class InsufficientPoints extends Error {
  override name = 'InsufficientPoints';
  constructor(
    readonly needed: number,
    readonly available: number,
  ) {
    super(`needs ${needed} points, the balance is ${available}`);
  }
}

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`points must be a whole number above 0, not ${amount}`);
}

/** Points earned and redeemed in the shopper's other browsers (src/sync); none when sync is off. */
export interface PointsElsewhere {
  earned: number;
  redeemed: number;
}

export const NOTHING_ELSEWHERE: PointsElsewhere = { earned: 0, redeemed: 0 };

/** The balance across browsers: all earned − all redeemed, never below 0. */
export function balanceWith(local: { earned: number; redeemed: number }, elsewhere: PointsElsewhere): number {
  return Math.max(0, local.earned + elsewhere.earned - local.redeemed - elsewhere.redeemed);
}

/**
 * Spends `amount` points: checks the balance (with what `elsewhere` earned and spent) and adds them to the 'redeemed' total, or throws
 * InsufficientPoints and changes nothing. Call it inside the rw transaction that stores the
 * voucher (it must include db.totals), so the voucher and the debit land together or not at
 * all; called alone it runs in its own transaction. Returns the balance left.
 * The 'redeemed' total is the sum of the vouchers' points: debit when a voucher is stored,
 * credit when one is taken back (import relies on this).
 */
export async function debitPoints(db: LedgerDb, amount: number, elsewhere = NOTHING_ELSEWHERE): Promise<number> {
  checkAmount(amount);
  return db.transaction('rw', db.totals, async () => {
    const balance = balanceWith(await points(db), elsewhere);
    if (balance < amount) throw new InsufficientPoints(amount, balance);
    const row = (await db.totals.get(REDEEMED_KEY)) ?? EMPTY_TOTAL(REDEEMED_KEY);
    await db.totals.put({ ...row, count: row.count + 1, points: row.points + amount });
    return balance - amount;
  });
}
