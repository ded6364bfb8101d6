import type { SubAccount, Total } from '../ledger/db';
import type { Points, WeekTotals } from '../ledger/queries';
import type { Category } from '../core/kinds';
import { daysBetween } from './summary';
import { decodeDays, OTHER_SHOPS, type DeviceRecord, type Sums } from './record';

/**
 * The account across browsers is this browser's ledger plus every other browser's record,
 * added up: each part is written by one installation only, so the sum needs no conflict rule
 * and every browser that has seen the same records shows the same figures. The popup's queries
 * read this browser's ledger as before and pass their results through these functions.
 */

const ZERO: Sums = [0, 0, 0, 0, 0];
const add = (a: Sums, b: Sums): Sums => a.map((x, i) => x + b[i]) as Sums;
const toTotal = (key: string, s: Sums): Total => ({ key, count: s[0], grams: s[1], gramsLow: s[2], gramsHigh: s[3], points: s[4] });
const fromTotal = (t: Total): Sums => [t.count, t.grams, t.gramsLow, t.gramsHigh, t.points];

/** Everything a record's sub-accounts add up to. */
export function recordSums(record: DeviceRecord): Sums {
  return Object.values(record.p).reduce(add, ZERO);
}

/** The main account ('all' total) with the other browsers' added. */
export function totalAcross(local: Total, others: readonly DeviceRecord[]): Total {
  return toTotal(local.key, others.map(recordSums).reduce(add, fromTotal(local)));
}

/**
 * Points across browsers: all earned − all redeemed. Two browsers redeeming offline at once can
 * spend more than there was; the excess is a shortfall that new points repay first, as a
 * dispute's would be (src/ledger/queries.ts points()).
 */
export function pointsAcross(local: Pick<Points, 'earned' | 'redeemed'>, others: readonly DeviceRecord[]): Points {
  const earned = others.reduce((sum, r) => sum + recordSums(r)[4], local.earned);
  const redeemed = others.reduce((sum, r) => sum + r.r[1], local.redeemed);
  return { earned, redeemed, balance: Math.max(0, earned - redeemed), shortfall: Math.max(0, redeemed - earned) };
}

/** What the other browsers earned and spent, for a redemption's balance check. */
export function pointsElsewhere(others: readonly DeviceRecord[]): { earned: number; redeemed: number } {
  const { earned, redeemed } = pointsAcross({ earned: 0, redeemed: 0 }, others);
  return { earned, redeemed };
}

/** Sub-account totals by platform id, the other browsers' added. */
export function platformTotalsAcross(local: ReadonlyMap<string, Total>, others: readonly DeviceRecord[]): Map<string, Total> {
  const result = new Map(local);
  for (const record of others) {
    for (const [id, sums] of Object.entries(record.p)) {
      const key = `platform:${id}`;
      const mine = result.get(id);
      result.set(id, toTotal(key, mine ? add(fromTotal(mine), sums) : sums));
    }
  }
  return result;
}

/**
 * Sub-accounts used only in other browsers, listed after this browser's linked ones so the
 * sub-accounts add up to the main account (shops summed under OTHER_SHOPS have no row).
 */
export function subAccountsElsewhere(linked: readonly SubAccount[], others: readonly DeviceRecord[]): SubAccount[] {
  const here = new Set(linked.map((a) => a.platform));
  const ids = new Set(others.flatMap((r) => Object.keys(r.p)).filter((id) => id !== OTHER_SHOPS && !here.has(id)));
  return [...ids].sort().map((platform) => ({ platform, linkedAt: 0 }));
}

/** The chart's weeks with the other browsers' grams per day and category added (action counts stay this browser's). */
export function weeksAcross(weeks: readonly WeekTotals[], others: readonly DeviceRecord[]): WeekTotals[] {
  const result = weeks.map((w) => ({
    ...w,
    byCategory: Object.fromEntries(Object.entries(w.byCategory).map(([c, v]) => [c, { ...v }])) as WeekTotals['byCategory'],
  }));
  if (result.length === 0) return result;
  for (const record of others) {
    const [first, byCategory] = record.d;
    for (const [category, text] of Object.entries(byCategory)) {
      decodeDays(text ?? '').forEach((grams, i) => {
        if (grams === 0) return;
        const week = result.find((w) => daysBetween(first, w.start) <= i && i <= daysBetween(first, w.end));
        if (!week || !(category in week.byCategory)) return;
        week.byCategory[category as Category].grams += grams;
        week.grams += grams;
      });
    }
  }
  return result;
}
