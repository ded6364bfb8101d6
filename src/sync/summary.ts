import type { LedgerDb, Total } from '../ledger/db';
import { dayCategoryTotals } from '../ledger/queries';
import { localDay, REDEEMED_KEY } from '../ledger/totals';
import { CHART_DAYS, encodeDays, MAX_NAME_LENGTH, MAX_NAMED_SHOPS, OTHER_SHOPS, type DeviceRecord, type Sums } from './record';

const sumsOf = (t: Total): Sums => [t.count, t.grams, t.gramsLow, t.gramsHigh, t.points];
const isEmpty = (t: Total) => t.count === 0 && t.grams === 0 && t.gramsLow === 0 && t.gramsHigh === 0 && t.points === 0;
const addSums = (a: Sums, b: Sums): Sums => a.map((x, i) => x + b[i]) as Sums;

/** The local day `days` calendar days before `day` (noon arithmetic keeps daylight-saving shifts out). */
export function dayBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDay(new Date(y, m - 1, d - days, 12).getTime());
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * Sub-accounts by name; past MAX_NAMED_SHOPS the smallest shops added by address are summed
 * under OTHER_SHOPS, so no number of shops can push the record over its quota.
 */
function platformSums(rows: readonly Total[]): DeviceRecord['p'] {
  const counted = rows.filter((t) => !isEmpty(t)).map((t) => ({ id: t.key.slice('platform:'.length), sums: sumsOf(t) }));
  const custom = counted.filter((r) => r.id.startsWith('custom:')).sort((a, b) => b.sums[1] - a.sums[1] || a.id.localeCompare(b.id));
  const room = MAX_NAMED_SHOPS - (counted.length - custom.length);
  const folded = new Set(custom.slice(Math.max(0, room)).map((r) => r.id));
  const p: DeviceRecord['p'] = {};
  for (const { id, sums } of counted) {
    const key = folded.has(id) ? OTHER_SHOPS : id;
    p[key] = p[key] ? addSums(p[key], sums) : sums;
  }
  return p;
}

/**
 * This installation's record: what its ledger's materialized totals say, read without scanning
 * a single action (a few dozen rows and one 84-day range), so it costs the same for any ledger.
 */
export async function summarize(db: LedgerDb, name: string, now: number): Promise<DeviceRecord> {
  const today = localDay(now);
  const first = dayBefore(today, CHART_DAYS - 1);
  const [platforms, kinds, redeemed, days] = await Promise.all([
    db.totals.where('key').startsWith('platform:').toArray(),
    db.totals.where('key').startsWith('kind:').toArray(),
    db.totals.get(REDEEMED_KEY),
    dayCategoryTotals(db, first, today),
  ]);
  const k: DeviceRecord['k'] = {};
  for (const row of kinds) if (row.count !== 0) k[row.key.slice('kind:'.length)] = row.count;
  const byCategory: Partial<Record<string, number[]>> = {};
  const d: DeviceRecord['d'] = [first, {}];
  for (const row of days) {
    if (row.grams === 0) continue;
    const [, day, category] = row.key.split(':');
    const series = (byCategory[category] ??= []);
    const at = daysBetween(first, day);
    while (series.length < at) series.push(0);
    series[at] = (series[at] ?? 0) + row.grams;
  }
  for (const [category, series] of Object.entries(byCategory)) {
    const text = encodeDays(series!);
    if (text) d[1][category] = text;
  }
  return {
    v: 1,
    n: name.slice(0, MAX_NAME_LENGTH),
    u: now,
    p: platformSums(platforms),
    k,
    r: [redeemed?.count ?? 0, redeemed?.points ?? 0],
    d,
  };
}
