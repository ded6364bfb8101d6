import type { LedgerDb, Total } from '../../src/ledger/db';
import { EMPTY_TOTAL, REDEEMED_KEY, totalKeys } from '../../src/ledger/totals';

const isZero = (t: Total) => t.count === 0 && t.grams === 0 && t.gramsLow === 0 && t.gramsHigh === 0 && t.points === 0;

/** Every total recomputed from scratch over the active actions (zero rows left out). */
export async function freshTotals(db: LedgerDb): Promise<Map<string, Total>> {
  const sums = new Map<string, Total>();
  for (const a of await db.actions.filter((a) => a.status === 'active').toArray()) {
    for (const key of totalKeys(a)) {
      const t = sums.get(key) ?? EMPTY_TOTAL(key);
      t.count += 1;
      t.grams += a.grams.central;
      t.gramsLow += a.grams.low;
      t.gramsHigh += a.grams.high;
      t.points += a.points;
      sums.set(key, t);
    }
  }
  return sums;
}

/** The stored totals, without 'redeemed' and zero rows, keyed for comparison with freshTotals. */
export async function storedTotals(db: LedgerDb): Promise<Map<string, Total>> {
  const rows = (await db.totals.toArray()).filter((t) => t.key !== REDEEMED_KEY && !isZero(t));
  return new Map(rows.map((t) => [t.key, t]));
}
