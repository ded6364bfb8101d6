import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerDb, type Total } from '../../src/ledger/db';
import { disputeAction, undoDispute } from '../../src/ledger/disputes';
import { mainAccount, points, subAccounts, weeklyByCategory } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';
import { debitPoints, InsufficientPoints } from '../../src/ledger/debits';
import { CATEGORIES, CHOICE_KINDS } from '../../src/core/kinds';
import { redeemReward } from '../../src/rewards/redeem';
import { platformTotalsAcross, pointsAcross, pointsElsewhere, totalAcross, weeksAcross } from '../../src/sync/account';
import { otherRecords, pushRecord, setSyncOn, type PushDeps } from '../../src/sync/engine';
import { MAX_RETRY_MS, WRITE_GAP_MS } from '../../src/sync/policy';
import { reward } from '../helpers/rewards';
import { MemoryArea, SyncCloud, type SyncReplica } from '../helpers/sync-area';

const NOON = new Date(2026, 10, 28, 12).getTime();
const DAY = 86_400_000;
const PLATFORMS = ['ubereats', 'amazon', 'vinted', 'custom:shop.example'] as const;

interface Installation {
  db: LedgerDb;
  sync: SyncReplica;
  deps: PushDeps;
}

/** `count` installations of the extension on one shopper's browsers, sharing one sync cloud and one clock. */
async function installations(count: number, clock: { now: number }): Promise<{ cloud: SyncCloud; all: Installation[] }> {
  const cloud = new SyncCloud();
  const all = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const db = new LedgerDb(`sync-prop-${i}-${Math.random()}`);
      const sync = cloud.replica();
      const deps: PushDeps = { db, stores: { sync, local: new MemoryArea() }, now: () => clock.now, defaultName: async () => `Browser ${i}` };
      await setSyncOn(deps.stores, true);
      return { db, sync, deps };
    }),
  );
  return { cloud, all };
}

const others = async (i: Installation) => (await otherRecords(i.deps.stores)).map((o) => o.record);

/** Every sync write lands, then every browser hears every other one. */
async function settle(all: Installation[], clock: { now: number }): Promise<void> {
  for (let round = 0; round < 3; round++) {
    clock.now += MAX_RETRY_MS + WRITE_GAP_MS;
    for (const i of all) await pushRecord(i.deps);
    for (const i of all) i.sync.up();
    for (const i of all) i.sync.down();
  }
}

const platformMap = async (db: LedgerDb) => new Map((await subAccounts(db)).map((r) => [r.key.slice('platform:'.length), r]));
const zeroLess = (m: Map<string, Total>) =>
  [...m].filter(([, t]) => t.count !== 0 || t.grams !== 0 || t.gramsLow !== 0 || t.gramsHigh !== 0 || t.points !== 0).sort(([a], [b]) => a.localeCompare(b));

/** What one installation shows: its ledger with the other browsers' records added. */
async function shown(i: Installation, now: number) {
  const rest = await others(i);
  const weeks = weeksAcross(await weeklyByCategory(i.db, 12, now), rest);
  return {
    total: totalAcross(await mainAccount(i.db), rest),
    points: pointsAcross(await points(i.db), rest),
    platforms: zeroLess(platformTotalsAcross(await platformMap(i.db), rest)),
    weeks: weeks.map((w) => [w.start, w.grams, ...CATEGORIES.map((c) => w.byCategory[c].grams)]),
  };
}

/** The sum of every installation's own ledger: what each must show once sync has settled. */
async function sumOfLedgers(all: Installation[], now: number) {
  const total = { key: 'all', count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 };
  let earned = 0;
  let redeemed = 0;
  const platforms = new Map<string, Total>();
  let weeks: (string | number)[][] | undefined;
  for (const { db } of all) {
    const t = await mainAccount(db);
    for (const k of ['count', 'grams', 'gramsLow', 'gramsHigh', 'points'] as const) total[k] += t[k];
    const p = await points(db);
    earned += p.earned;
    redeemed += p.redeemed;
    for (const [id, row] of await platformMap(db)) {
      const sum = platforms.get(id) ?? { key: `platform:${id}`, count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 };
      for (const k of ['count', 'grams', 'gramsLow', 'gramsHigh', 'points'] as const) sum[k] += row[k];
      platforms.set(id, sum);
    }
    const mine = (await weeklyByCategory(db, 12, now)).map((w) => [w.start, w.grams, ...CATEGORIES.map((c) => w.byCategory[c].grams)]);
    weeks = weeks ? weeks.map((w, i) => w.map((x, j) => (j === 0 ? x : (x as number) + (mine[i][j] as number)))) : mine;
  }
  return {
    total,
    points: { earned, redeemed, balance: Math.max(0, earned - redeemed), shortfall: Math.max(0, redeemed - earned) },
    platforms: zeroLess(platforms),
    weeks: weeks!,
  };
}

type Step =
  | { op: 'record'; at: number; platform: number; kinds: number[]; daysAgo: number }
  | { op: 'dispute' | 'undo'; at: number; pick: number }
  | { op: 'redeem'; at: number; amount: number }
  | { op: 'push' | 'up' | 'down'; at: number }
  | { op: 'refuse'; at: number; message: string }
  | { op: 'wait'; ms: number };

const step = (count: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('record' as const),
        at: fc.nat(count - 1),
        platform: fc.nat(PLATFORMS.length - 1),
        kinds: fc.uniqueArray(fc.nat(CHOICE_KINDS.length - 1), { minLength: 1, maxLength: 3 }),
        // some fall outside the chart's 12 weeks, so its edges are exercised too
        daysAgo: fc.oneof(fc.nat(3), fc.integer({ min: 80, max: 90 })),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('dispute' as const, 'undo' as const), at: fc.nat(count - 1), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('redeem' as const), at: fc.nat(count - 1), amount: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('push' as const, 'up' as const, 'down' as const), at: fc.nat(count - 1) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('refuse' as const),
        at: fc.nat(count - 1),
        message: fc.constantFrom('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', 'QUOTA_BYTES quota exceeded', 'offline'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 1_000, max: 3 * 60_000 }) }) },
  );

let orders = 0;
async function run(s: Step, all: Installation[], clock: { now: number }): Promise<void> {
  if (s.op === 'wait') {
    clock.now += s.ms;
    return;
  }
  const i = all[s.at];
  switch (s.op) {
    case 'record': {
      const at = clock.now - s.daysAgo * DAY;
      await recordOrder(i.db, {
        platform: PLATFORMS[s.platform],
        orderKey: `o-${++orders}`,
        committedAt: at,
        observations: s.kinds.map((k) => ({ kind: CHOICE_KINDS[k], ...(CHOICE_KINDS[k] === 'second-hand' ? { detail: 'phone' } : {}), observedAt: at })),
      });
      return;
    }
    case 'dispute':
    case 'undo': {
      const ids = (await i.db.actions.toCollection().primaryKeys()) as number[];
      if (ids.length === 0) return;
      const id = ids[s.pick % ids.length];
      await (s.op === 'dispute' ? disputeAction(i.db, id) : undoDispute(i.db, id));
      return;
    }
    case 'redeem':
      // as the popup does: this browser's ledger with what the others earned and spent, as last heard
      try {
        await debitPoints(i.db, s.amount, pointsElsewhere(await others(i)));
      } catch (error) {
        if (!(error instanceof InsufficientPoints)) throw error;
      }
      return;
    case 'push':
      await pushRecord(i.deps);
      return;
    case 'up':
      i.sync.up();
      return;
    case 'down':
      i.sync.down();
      return;
    case 'refuse':
      i.sync.refuseNext = s.message;
      return;
  }
}

describe('one account across browsers', () => {
  it('any interleaving of records, disputes, undos, redemptions and sync deliveries shows every browser the same totals: the sum of their ledgers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }).chain((count) => fc.tuple(fc.constant(count), fc.array(step(count), { maxLength: 40 }))), async ([count, steps]) => {
        const clock = { now: NOON };
        const { all } = await installations(count, clock);
        for (const s of steps) await run(s, all, clock);
        await settle(all, clock);
        const expected = await sumOfLedgers(all, clock.now);
        for (const i of all) expect(await shown(i, clock.now)).toEqual(expected);
        await Promise.all(all.map((i) => i.db.delete()));
      }),
      { numRuns: 40 },
    );
  });

  it('two browsers redeeming offline at once may overspend; new points repay it before the balance grows', async () => {
    const clock = { now: NOON };
    const { all } = await installations(2, clock);
    const [laptop, desktop] = all;
    // reusable packaging: 120 g, 120 points
    await recordOrder(laptop.db, { platform: 'doordash', orderKey: 'a', committedAt: NOON, observations: [{ kind: 'reusable-packaging', observedAt: NOON }] });
    await settle(all, clock);
    for (const i of all) expect((await shown(i, clock.now)).points).toMatchObject({ earned: 120, balance: 120 });

    // both offline: each sees 120 points and spends 100
    const voucher = reward({ cost: 100 });
    for (const [n, i] of all.entries()) {
      const result = await redeemReward(i.db, voucher, `press-${n}`, {
        now: () => clock.now,
        issueCode: () => Promise.reject(new Error('no provider')),
        elsewhere: async () => pointsElsewhere(await others(i)),
      });
      expect(result.ok, `browser ${n}`).toBe(true);
    }
    // a third press on the desktop is refused: it already knows its own spending
    const refused = await redeemReward(desktop.db, voucher, 'press-3', {
      now: () => clock.now,
      issueCode: () => Promise.reject(new Error('no provider')),
      elsewhere: async () => pointsElsewhere(await others(desktop)),
    });
    expect(refused).toMatchObject({ ok: false, reason: 'insufficient' });

    await settle(all, clock);
    for (const i of all) expect((await shown(i, clock.now)).points).toEqual({ earned: 120, redeemed: 200, balance: 0, shortfall: 80 });

    // new points repay the 80 first
    await recordOrder(desktop.db, { platform: 'doordash', orderKey: 'b', committedAt: clock.now, observations: [{ kind: 'reusable-packaging', observedAt: clock.now }] });
    await settle(all, clock);
    for (const i of all) expect((await shown(i, clock.now)).points).toEqual({ earned: 240, redeemed: 200, balance: 40, shortfall: 0 });
  });
});
