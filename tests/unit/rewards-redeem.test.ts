import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { points } from '../../src/ledger/queries';
import { REDEEMED_KEY } from '../../src/ledger/totals';
import type { Reward } from '../../src/rewards/format';
import type { IssueResult } from '../../src/rewards/provider';
import { redeemReward, type RedeemDeps } from '../../src/rewards/redeem';
import { earn, reward } from '../helpers/rewards';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const DAY = 86_400_000;
let db: LedgerDb;
beforeEach(() => {
  db = new LedgerDb(`redeem-${Math.random()}`);
});

const deps = (issue?: (url: string, body: { rewardId: string; requestId: string }) => Promise<IssueResult>): RedeemDeps & { issueCode: ReturnType<typeof vi.fn> } => ({
  now: () => NOW,
  issueCode: vi.fn(issue ?? (async () => ({ ok: true as const, code: 'PROVIDED-1' }))),
});

/** The ledger's invariants after any redemptions: redeemed = sum of voucher points, balance never negative, one voucher per request. */
async function invariants(database: LedgerDb) {
  const vouchers = await database.vouchers.toArray();
  const redeemed = (await database.totals.get(REDEEMED_KEY)) ?? { points: 0, count: 0 };
  expect(redeemed.points).toBe(vouchers.reduce((s, x) => s + x.points, 0));
  expect(redeemed.count).toBe(vouchers.length);
  const p = await points(database);
  expect(p.balance).toBeGreaterThanOrEqual(0);
  expect(p.earned - p.redeemed).toBeGreaterThanOrEqual(0);
  expect(new Set(vouchers.map((x) => x.requestId)).size).toBe(vouchers.length);
}

describe('redeem', () => {
  it('debits the cost and stores an unused voucher with the reward’s code, title and expiry', async () => {
    await earn(db, 250);
    const result = await redeemReward(db, reward(), 'press-1', deps());
    expect(result).toMatchObject({ ok: true, repeated: false, voucher: { code: 'GREEN-3', rewardId: 'test-reward', platform: 'ubereats', points: 100, status: 'unused', issuedAt: NOW, expiresAt: NOW + 30 * DAY } });
    expect(result.ok && result.voucher.title?.ja).toBe('$3 off（日本語）');
    expect(await points(db)).toMatchObject({ earned: 250, redeemed: 100, balance: 150 });
    await invariants(db);
  });

  it('refuses when the balance is short, and changes nothing', async () => {
    await earn(db, 99);
    expect(await redeemReward(db, reward(), 'press-1', deps())).toMatchObject({ ok: false, reason: 'insufficient' });
    expect(await db.vouchers.count()).toBe(0);
    expect(await points(db)).toMatchObject({ balance: 99, redeemed: 0 });
  });

  it('refuses a reward outside its window', async () => {
    await earn(db, 500);
    const r = reward({ validUntil: '2026-11-01T00:00:00Z' });
    expect(await redeemReward(db, r, 'press-1', deps())).toMatchObject({ ok: false, reason: 'not-offered' });
    expect(await points(db)).toMatchObject({ balance: 500 });
  });

  it('one press is one voucher: a repeat, a double click and a retry yield the same voucher', async () => {
    await earn(db, 1000);
    const d = deps();
    const [a, b] = await Promise.all([redeemReward(db, reward(), 'press-1', d), redeemReward(db, reward(), 'press-1', d)]);
    const c = await redeemReward(db, reward(), 'press-1', d);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(b.voucher.id).toBe(a.voucher.id);
      expect(c).toMatchObject({ repeated: true, voucher: { id: a.voucher.id } });
    }
    expect(await db.vouchers.count()).toBe(1);
    expect(await points(db)).toMatchObject({ balance: 900 });
  });

  it('the same press from a second popup (another connection) still yields one voucher', async () => {
    const name = `two-popups-${Math.random()}`;
    const one = new LedgerDb(name);
    const two = new LedgerDb(name);
    await earn(one, 1000);
    const endpoint = reward({ codes: { type: 'endpoint', url: 'https://rewards.example/issue' } });
    const results = await Promise.all([redeemReward(one, endpoint, 'press-1', deps()), redeemReward(two, endpoint, 'press-1', deps())]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await one.vouchers.count()).toBe(1);
    expect(await points(one)).toMatchObject({ balance: 900 });
    await invariants(one);
  });

  it('two popups pressing at once with points for one: exactly one voucher, never a negative balance', async () => {
    const name = `race-${Math.random()}`;
    const one = new LedgerDb(name);
    const two = new LedgerDb(name);
    await earn(one, 150);
    const results = await Promise.all([redeemReward(one, reward(), 'press-a', deps()), redeemReward(two, reward(), 'press-b', deps())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'insufficient', detail: expect.any(String) }]);
    expect(await points(one)).toMatchObject({ balance: 50, redeemed: 100 });
    await invariants(one);
  });

  it('hands out each pool code once, and says when the pool is empty', async () => {
    await earn(db, 1000);
    const pool = reward({ codes: { type: 'pool', codes: ['POOL-1', 'POOL-2'] } });
    const codes = [];
    for (const id of ['p1', 'p2', 'p3']) {
      const r = await redeemReward(db, pool, id, deps());
      codes.push(r.ok ? r.voucher.code : r.reason);
    }
    expect(codes).toEqual(['POOL-1', 'POOL-2', 'pool-empty']);
    expect(await points(db)).toMatchObject({ balance: 800 });
    await invariants(db);
  });

  describe('with a provider endpoint', () => {
    const endpoint = reward({ codes: { type: 'endpoint', url: 'https://rewards.example/issue' } });

    it('asks the provider before writing, with the reward and the press, and keeps the provider’s earlier expiry', async () => {
      await earn(db, 300);
      const d = deps(async () => ({ ok: true, code: 'PROV-42', expiresAt: NOW + DAY }));
      const result = await redeemReward(db, endpoint, 'press-9', d);
      expect(d.issueCode).toHaveBeenCalledWith('https://rewards.example/issue', { rewardId: 'test-reward', requestId: 'press-9' });
      expect(result).toMatchObject({ ok: true, voucher: { code: 'PROV-42', expiresAt: NOW + DAY } });
      expect(await points(db)).toMatchObject({ balance: 200 });
    });

    it.each(['provider-timeout', 'provider-unreachable', 'provider-refused', 'provider-garbage'] as const)('%s leaves the points and stores no voucher', async (reason) => {
      await earn(db, 300);
      const result = await redeemReward(db, endpoint, 'press-1', deps(async () => ({ ok: false, reason, detail: 'x' })));
      expect(result).toEqual({ ok: false, reason, detail: 'x' });
      expect(await db.vouchers.count()).toBe(0);
      expect(await points(db)).toMatchObject({ balance: 300, redeemed: 0 });
    });

    it('is not asked when the balance cannot pay', async () => {
      await earn(db, 10);
      const d = deps();
      expect(await redeemReward(db, endpoint, 'press-1', d)).toMatchObject({ ok: false, reason: 'insufficient' });
      expect(d.issueCode).not.toHaveBeenCalled();
    });

    it('a double click asks the provider once', async () => {
      await earn(db, 300);
      const d = deps();
      await Promise.all([redeemReward(db, endpoint, 'press-1', d), redeemReward(db, endpoint, 'press-1', d)]);
      expect(d.issueCode).toHaveBeenCalledTimes(1);
      expect(await db.vouchers.count()).toBe(1);
    });
  });

  it('property: any mix of presses, repeats, failures and pools keeps the ledger consistent', async () => {
    const rewards: Reward[] = [
      reward({ id: 'fixed', cost: 30 }),
      reward({ id: 'pool', cost: 50, codes: { type: 'pool', codes: ['P-01', 'P-02', 'P-03'] } }),
      reward({ id: 'ep', cost: 70, codes: { type: 'endpoint', url: 'https://rewards.example/issue' } }),
    ];
    const step = fc.record({
      earn: fc.integer({ min: 0, max: 80 }),
      reward: fc.integer({ min: 0, max: 2 }),
      press: fc.integer({ min: 0, max: 12 }),
      provider: fc.constantFrom('ok', 'provider-timeout', 'provider-garbage'),
      together: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const database = new LedgerDb(`prop-${Math.random()}`);
        const pressedWith = new Map<string, string>();
        let n = 0;
        for (const s of steps) {
          if (s.earn) await earn(database, s.earn);
          const r = rewards[s.reward];
          // A press id belongs to one reward, as a button's press does.
          const press = `${r.id}-${s.press}`;
          const before = await points(database);
          const had = await database.vouchers.where('requestId').equals(press).first();
          const d = deps(async () => (s.provider === 'ok' ? { ok: true, code: `EP-${++n}` } : { ok: false, reason: s.provider as 'provider-timeout', detail: '' }));
          const runs = s.together ? [redeemReward(database, r, press, d), redeemReward(database, r, press, d)] : [redeemReward(database, r, press, d)];
          const results = await Promise.all(runs);
          const after = await points(database);
          for (const result of results) {
            if (result.ok) {
              expect(result.voucher.rewardId).toBe(r.id);
              if (had) expect(result.voucher.id).toBe(had.id);
              pressedWith.set(press, result.voucher.code);
            }
          }
          const spent = after.redeemed - before.redeemed;
          expect(spent === 0 || (spent === r.cost && !had)).toBe(true);
          if (!results[0].ok) expect(spent).toBe(0);
          await invariants(database);
        }
        // Pool codes are never held twice.
        const poolCodes = (await database.vouchers.where('rewardId').equals('pool').toArray()).map((x) => x.code);
        expect(new Set(poolCodes).size).toBe(poolCodes.length);
        database.close();
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
