import { CATEGORIES, type Category } from '../core/kinds';
import type { Action, LedgerDb, Total } from './db';
import { EMPTY_TOTAL, localDay, REDEEMED_KEY } from './totals';

export { EMPTY_TOTAL } from './totals';

/** The main account: every sub-account added up, read from the materialized totals. */
export async function mainAccount(db: LedgerDb): Promise<Total> {
  return (await db.totals.get('all')) ?? EMPTY_TOTAL('all');
}

/** One total per platform that has ever had an action counted ('platform:<id>' rows). */
export async function subAccounts(db: LedgerDb): Promise<Total[]> {
  return db.totals.where('key').startsWith('platform:').toArray();
}

/** The newest actions first (capped and disputed ones too), read through the committedAt index. */
export async function recentActions(db: LedgerDb, limit = 20): Promise<Action[]> {
  return db.actions.orderBy('committedAt').reverse().limit(limit).toArray();
}

export interface Points {
  /** points of the active actions */
  earned: number;
  /** points spent on vouchers */
  redeemed: number;
  /** earned − redeemed, never below 0 */
  balance: number;
  /** points spent that disputes later took away; new points pay this back before the balance grows */
  shortfall: number;
}

/** Earned, redeemed, balance and shortfall, from two totals rows. */
export async function points(db: LedgerDb): Promise<Points> {
  const [all, redeemedRow] = await db.totals.bulkGet(['all', REDEEMED_KEY]);
  const earned = all?.points ?? 0;
  const redeemed = redeemedRow?.points ?? 0;
  return { earned, redeemed, balance: Math.max(0, earned - redeemed), shortfall: Math.max(0, redeemed - earned) };
}

/** Points available to redeem: earned − redeemed, never negative. */
export async function balance(db: LedgerDb): Promise<number> {
  return (await points(db)).balance;
}

/** The raw 'daycat:<day>:<category>' totals from `fromDay` to `toDay` (YYYY-MM-DD, both included). */
export async function dayCategoryTotals(db: LedgerDb, fromDay: string, toDay: string): Promise<Total[]> {
  return db.totals.where('key').between(`daycat:${fromDay}:`, `daycat:${toDay}:\uffff`, true, true).toArray();
}

export interface WeekTotals {
  /** first and last local day of the week, YYYY-MM-DD */
  start: string;
  end: string;
  /** grams CO2e (central) and action count per platform category */
  byCategory: Record<Category, { grams: number; count: number }>;
  grams: number;
}

/** The local day `days` calendar days before `day` (noon arithmetic keeps daylight-saving shifts out). */
function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDay(new Date(y, m - 1, d - days, 12).getTime());
}

/**
 * `weeks` runs of 7 local days, oldest first, the last ending today (the day of `now`), with the
 * grams per category: one key-range read of the daycat totals, whatever the ledger's size.
 */
export async function weeklyByCategory(db: LedgerDb, weeks: number, now: number): Promise<WeekTotals[]> {
  const today = localDay(now);
  const result: WeekTotals[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { grams: 0, count: 0 }])) as WeekTotals['byCategory'];
    result.push({ start: daysBefore(today, 7 * w + 6), end: daysBefore(today, 7 * w), byCategory, grams: 0 });
  }
  if (result.length === 0) return result;
  for (const row of await dayCategoryTotals(db, result[0].start, today)) {
    const [, day, category] = row.key.split(':');
    const week = result.find((w) => w.start <= day && day <= w.end);
    if (!week || !(category in week.byCategory)) continue;
    week.byCategory[category as Category].grams += row.grams;
    week.byCategory[category as Category].count += row.count;
    week.grams += row.grams;
  }
  return result;
}
