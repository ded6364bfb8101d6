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

export interface HistoryFilter {
  platform?: string;
  kind?: string;
  /** a local calendar month, YYYY-MM */
  month?: string;
}

/**
 * The newest `limit` actions matching the filter (every status). A month is a key range of the
 * committedAt index; shop and kind are checked on the way, and the walk stops at `limit`.
 */
export async function history(db: LedgerDb, filter: HistoryFilter, limit: number): Promise<Action[]> {
  let actions;
  if (filter.month) {
    const [y, m] = filter.month.split('-').map(Number);
    actions = db.actions.where('committedAt').between(new Date(y, m - 1, 1).getTime(), new Date(y, m, 1).getTime(), true, false);
  } else {
    actions = db.actions.orderBy('committedAt');
  }
  const { platform, kind } = filter;
  const matching = platform || kind ? actions.filter((a) => (!platform || a.platform === platform) && (!kind || a.kind === kind)) : actions;
  return matching.reverse().limit(limit).toArray();
}

/** What the history can be filtered by: months, shops and kinds that have counted actions, from the totals' keys. */
export async function historyChoices(db: LedgerDb): Promise<{ months: string[]; platforms: string[]; kinds: string[] }> {
  const keys = (await db.totals.toCollection().primaryKeys()) as string[];
  const after = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  return {
    months: [...new Set(after('day:').map((d) => d.slice(0, 7)))].sort().reverse(),
    platforms: after('platform:'),
    kinds: after('kind:'),
  };
}

/** Grams and actions counted in the last 7 local days, today included. */
export async function thisWeek(db: LedgerDb, now: number): Promise<{ grams: number; count: number }> {
  const [week] = await weeklyByCategory(db, 1, now);
  return { grams: week.grams, count: Object.values(week.byCategory).reduce((n, c) => n + c.count, 0) };
}
