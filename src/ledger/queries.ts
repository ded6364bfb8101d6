import type { Action, LedgerDb, Total } from './db';

export const EMPTY_TOTAL = (key: string): Total => ({ key, count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 });

/** The main account: every sub-account added up, read from the materialized totals. */
export async function mainAccount(db: LedgerDb): Promise<Total> {
  return (await db.totals.get('all')) ?? EMPTY_TOTAL('all');
}

/** One total per platform that has any action. */
export async function subAccounts(db: LedgerDb): Promise<Total[]> {
  return db.totals.where('key').startsWith('platform:').toArray();
}

/** The newest actions first, read through the committedAt index. */
export async function recentActions(db: LedgerDb, limit = 20): Promise<Action[]> {
  return db.actions.orderBy('committedAt').reverse().limit(limit).toArray();
}
