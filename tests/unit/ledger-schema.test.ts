import { describe, expect, it } from 'vitest';
import { LedgerDb, SCHEMA, type SchemaVersion } from '../../src/ledger/db';
import { mainAccount, subAccounts } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';

/**
 * The pattern for the next upgrade: seed a database with the released SCHEMA, then open it with
 * SCHEMA plus the new version and its upgrade, and check nothing was lost. When version 2 is
 * real, it is appended to SCHEMA in src/ledger/db.ts and this test seeds version 1 by slicing.
 */
const NEXT: SchemaVersion = {
  version: SCHEMA[SCHEMA.length - 1].version + 1,
  stores: {
    // a new index and a new table; unchanged tables need not be repeated
    actions: '++id, &[platform+orderKey+kind], [platform+day+status], platform, committedAt, methodologyVersion',
    notes: '++id, actionId',
  },
  upgrade: async (tx) => {
    await tx
      .table('actions')
      .toCollection()
      .modify((a: { note?: string }) => {
        a.note = 'migrated';
      });
  },
};

describe('schema upgrades', () => {
  it('open an old-version database with every row and total intact', async () => {
    const name = `schema-${Math.random()}`;
    const old = new LedgerDb(name);
    const t = new Date(2026, 10, 28, 12).getTime();
    for (let i = 0; i < 50; i++) {
      await recordOrder(old, { platform: i % 2 ? 'ubereats' : 'custom:shop.example', orderKey: `k${i}`, committedAt: t + i * 86_400_000, observations: [{ kind: 'no-cutlery', observedAt: t }] });
    }
    await old.vouchers.add({ requestId: 'r', rewardId: 'w', platform: 'ubereats', code: 'C', points: 5, issuedAt: t, expiresAt: t, status: 'unused' });
    const before = { actions: await old.actions.toArray(), totals: await old.totals.toArray(), vouchers: await old.vouchers.toArray() };
    expect(old.verno).toBe(SCHEMA.length);
    old.close();

    const next = new LedgerDb(name, [...SCHEMA, NEXT]);
    await next.open();
    expect(next.verno).toBe(NEXT.version);
    const actions = await next.actions.toArray();
    expect(actions).toEqual(before.actions.map((a) => ({ ...a, note: 'migrated' })));
    expect(await next.totals.toArray()).toEqual(before.totals);
    expect(await next.vouchers.toArray()).toEqual(before.vouchers);
    expect(await mainAccount(next)).toMatchObject({ count: 50, grams: 750 });
    expect(await subAccounts(next)).toHaveLength(2);
    expect(await next.table('actions').where('methodologyVersion').equals(actions[0].methodologyVersion).count()).toBe(50);
    // recording still works after the upgrade, and still refuses duplicates
    expect(await recordOrder(next, { platform: 'ubereats', orderKey: 'k1', committedAt: t, observations: [{ kind: 'no-cutlery', observedAt: t }] })).toEqual([]);
    next.close();
  });

  it('declares every version in increasing order, the ledger opening at the last', async () => {
    expect(SCHEMA.map((s) => s.version)).toEqual(SCHEMA.map((_, i) => i + 1));
    const db = new LedgerDb(`schema-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA.length);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA[0].stores).sort());
  });
});
