import type { LedgerDb } from '../../src/ledger/db';
import type { Reward, RewardCatalog } from '../../src/rewards/format';

/** Gives the account `points` earned points (the 'all' total the balance is read from). */
export async function earn(db: LedgerDb, points: number): Promise<void> {
  const row = (await db.totals.get('all')) ?? { key: 'all', count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 };
  await db.totals.put({ ...row, count: row.count + 1, grams: row.grams + points, gramsLow: row.gramsLow, gramsHigh: row.gramsHigh + points, points: row.points + points });
}

const text = (s: string) => ({ en: s, zh_CN: `${s}（中文）`, ja: `${s}（日本語）` });

/** A valid reward; `over` replaces fields. */
export function reward(over: Partial<Reward> = {}): Reward {
  return {
    id: 'test-reward',
    platform: 'ubereats',
    title: text('$3 off'),
    terms: text('Orders of $15 or more.'),
    cost: 100,
    discount: { type: 'amount', amount: 3, currency: 'USD', minOrder: { amount: 15, currency: 'USD' } },
    voucherDays: 30,
    codes: { type: 'fixed', code: 'GREEN-3' },
    ...over,
  };
}

/** A valid catalog of `rewards`. */
export function catalog(rewards: Reward[], sample = false): RewardCatalog {
  return { format: 'carbon-account-rewards', version: 1, programme: { name: text('Test programme'), ...(sample ? { sample } : {}) }, rewards };
}
