import type { Action, LedgerDb } from './db';
import { applyToTotals } from './totals';

/** Longest dispute reason kept; the user types it. */
export const MAX_REASON_LENGTH = 200;

export class ActionNotFound extends Error {
  override name = 'ActionNotFound';
  constructor(readonly id: number) {
    super(`no action ${id}`);
  }
}

/**
 * Disputes an active action ("cutlery came anyway", "I returned it"): it stays in the ledger,
 * marked disputed, and leaves every total in the same transaction. Disputing an action that is
 * already disputed or capped changes nothing. Points it earned that were already spent become
 * a shortfall (see points() in queries.ts); the balance never goes below 0.
 */
export async function disputeAction(db: LedgerDb, id: number, reason?: string, now = Date.now()): Promise<Action> {
  return db.transaction('rw', db.actions, db.totals, async () => {
    const action = await db.actions.get(id);
    if (!action) throw new ActionNotFound(id);
    if (action.status !== 'active') return action;
    const text = reason?.trim().slice(0, MAX_REASON_LENGTH);
    const disputed: Action = { ...action, status: 'disputed', disputedAt: now, ...(text ? { disputeReason: text } : {}) };
    await db.actions.put(disputed);
    await applyToTotals(db, action, -1);
    return disputed;
  });
}

/** Takes back a dispute: the action counts again in every total. Other statuses are left as they are. */
export async function undoDispute(db: LedgerDb, id: number): Promise<Action> {
  return db.transaction('rw', db.actions, db.totals, async () => {
    const action = await db.actions.get(id);
    if (!action) throw new ActionNotFound(id);
    if (action.status !== 'disputed') return action;
    const active: Action = { ...action, status: 'active' };
    delete active.disputedAt;
    delete active.disputeReason;
    await db.actions.put(active);
    await applyToTotals(db, active, 1);
    return active;
  });
}
