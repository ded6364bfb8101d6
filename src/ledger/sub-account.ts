import type { LedgerDb } from './db';
import { applyToTotals } from './record';

/**
 * Deletes one sub-account's actions and takes their share out of every total, in one
 * transaction: the main account then reads as if that platform had never been linked.
 * Vouchers already redeemed stay (they were paid for). Returns how many actions went.
 */
export async function deleteSubAccountHistory(db: LedgerDb, platform: string): Promise<number> {
  return db.transaction('rw', db.actions, db.totals, async () => {
    const actions = await db.actions.where('platform').equals(platform).toArray();
    for (const action of actions) {
      // A disputed action was already taken out of the totals when it was disputed.
      if (action.status === 'active') await applyToTotals(db, action, -1);
    }
    await db.actions.bulkDelete(actions.map((a) => a.id!));
    await db.totals.delete(`platform:${platform}`);
    // Day and kind totals emptied by the deletion are dropped rather than kept at zero.
    const emptied = await db.totals.filter((t) => t.count === 0 && t.key !== 'all').primaryKeys();
    await db.totals.bulkDelete(emptied);
    return actions.length;
  });
}
