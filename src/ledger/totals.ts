import { platformById } from '../platforms/index';
import type { Category } from '../core/kinds';
import type { Action, LedgerDb, Total } from './db';

export const EMPTY_TOTAL = (key: string): Total => ({ key, count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 });

/** Totals key of the points spent on vouchers. */
export const REDEEMED_KEY = 'redeemed';

/** The local calendar day of `time` as YYYY-MM-DD (the browser's time zone, as the user reads dates). */
export function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A platform's category; custom shops ('custom:<host>') and unknown ids count as marketplaces. */
export function categoryOfPlatform(platform: string): Category {
  return platformById(platform)?.category ?? 'marketplace';
}

/** The totals an active action counts in. */
export function totalKeys(action: Pick<Action, 'platform' | 'kind' | 'day'>): string[] {
  return [
    'all',
    `platform:${action.platform}`,
    `kind:${action.kind}`,
    `day:${action.day}`,
    `daycat:${action.day}:${categoryOfPlatform(action.platform)}`,
  ];
}

/** Changes to totals gathered in memory, written with one read and one write per key. */
export class TotalsDelta {
  private readonly rows = new Map<string, Total>();

  add(action: Action, sign: 1 | -1): void {
    for (const key of totalKeys(action)) {
      const t = this.rows.get(key) ?? EMPTY_TOTAL(key);
      t.count += sign;
      t.grams += sign * action.grams.central;
      t.gramsLow += sign * action.grams.low;
      t.gramsHigh += sign * action.grams.high;
      t.points += sign * action.points;
      this.rows.set(key, t);
    }
  }

  /** Adds the gathered changes to the stored totals; call inside a rw transaction on totals. */
  async apply(db: LedgerDb): Promise<void> {
    if (this.rows.size === 0) return;
    const keys = [...this.rows.keys()];
    const stored = await db.totals.bulkGet(keys);
    await db.totals.bulkPut(
      keys.map((key, i) => {
        const t = stored[i] ?? EMPTY_TOTAL(key);
        const d = this.rows.get(key)!;
        return {
          key,
          count: t.count + d.count,
          grams: t.grams + d.grams,
          gramsLow: t.gramsLow + d.gramsLow,
          gramsHigh: t.gramsHigh + d.gramsHigh,
          points: t.points + d.points,
        };
      }),
    );
    this.rows.clear();
  }
}

/** Adds (sign 1) or removes (sign -1) an action's share of every total it belongs to. */
export async function applyToTotals(db: LedgerDb, action: Action, sign: 1 | -1): Promise<void> {
  const delta = new TotalsDelta();
  delta.add(action, sign);
  await delta.apply(db);
}
