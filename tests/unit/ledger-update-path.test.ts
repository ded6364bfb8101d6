import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { disputeAction } from '../../src/ledger/disputes';
import { mainAccount, subAccounts } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';

/**
 * The update path from the released schema: tests/fixtures/db/ledger-v1.json is a real version-1
 * database (its stores as declared then, and every row), made once by the release that shipped
 * version 1 and never regenerated. Every later schema must open it with all data intact.
 * `WRITE_DB_FIXTURE=1` writes it when it is absent (once, at the release of a schema version).
 */
const FIXTURE = resolve(import.meta.dirname, '../fixtures/db/ledger-v1.json');
const TABLES = ['actions', 'totals', 'subAccounts', 'vouchers', 'settings', 'orderAliases'] as const;

interface DbFixture {
  version: number;
  stores: Record<string, string>;
  rows: Record<(typeof TABLES)[number], unknown[]>;
}

async function makeFixture(): Promise<DbFixture> {
  const db = new LedgerDb('fixture-source');
  const day = Date.UTC(2026, 10, 20, 10);
  const orders: [string, string, string[], string?][] = [
    ['ubereats', 'o-1', ['no-cutlery']],
    ['amazon', 'o-2', ['slow-shipping', 'consolidated-shipping']],
    ['jd', 'o-3', ['e-invoice']],
    ['vinted', 'o-4', ['second-hand'], 'clothing'],
    ['cainiao', 'o-5', ['packaging-return']],
  ];
  for (const [i, [platform, orderKey, kinds, detail]] of orders.entries()) {
    await recordOrder(db, {
      platform,
      orderKey,
      observations: kinds.map((kind) => ({ kind: kind as never, observedAt: day + i, ...(detail ? { detail } : {}) })),
      committedAt: day + i * 3_600_000,
    });
  }
  const first = await db.actions.orderBy('committedAt').first();
  await disputeAction(db, first!.id!, 'cutlery came anyway', day + 10);
  await db.subAccounts.put({ platform: 'ubereats', linkedAt: day, label: 'Work' });
  await db.settings.put({ key: 'dailyCap', value: 12 });
  await db.orderAliases.put({ refKey: 'ref-hash', orderKey: 'o-1' });
  const rows = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.table(t).toArray()]))) as DbFixture['rows'];
  const stores = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]));
  db.close();
  return { version: db.verno, stores, rows };
}

it('opens the released version-1 database with every action and total intact', async () => {
  if (process.env.WRITE_DB_FIXTURE && !existsSync(FIXTURE)) {
    writeFileSync(FIXTURE, JSON.stringify(await makeFixture(), null, 1) + '\n');
  }
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as DbFixture;

  // Lay the database down exactly as version 1 left it on a user's disk.
  const old = new Dexie('carbon-account-released-v1');
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const table of TABLES) await old.table(table).bulkAdd(fixture.rows[table]);
  old.close();

  const current = new LedgerDb('carbon-account-released-v1');
  await current.open();
  for (const table of TABLES) {
    expect(await current.table(table).toArray(), table).toEqual(fixture.rows[table]);
  }
  const actions = fixture.rows.actions as { status: string; grams: { central: number } }[];
  const active = actions.filter((a) => a.status === 'active');
  expect(await mainAccount(current)).toMatchObject({ count: active.length, grams: active.reduce((s, a) => s + a.grams.central, 0) });
  expect((await subAccounts(current)).length).toBe(5);
  // And it keeps working: a new order records on top of the old data.
  await recordOrder(current, {
    platform: 'ubereats',
    orderKey: 'after-update',
    observations: [{ kind: 'no-cutlery', observedAt: Date.UTC(2026, 10, 28) }],
    committedAt: Date.UTC(2026, 10, 28),
  });
  expect((await mainAccount(current)).count).toBe(active.length + 1);
  current.close();
});
