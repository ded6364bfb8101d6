import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { disputeAction } from '../../src/ledger/disputes';
import { mainAccount, points } from '../../src/ledger/queries';
import { METHODOLOGY_VERSION } from '../../src/carbon/factors';
import { DEFAULT_DAILY_ORDERS, DEFAULT_DAILY_POINTS, localDay, recordOrder } from '../../src/ledger/record';
import { debitPoints } from '../../src/ledger/debits';
import { MAX_IMPORT_BYTES } from '../../src/ledger/export-format';
import { deleteEverything, exportCsv, exportJson, importJson, previewImport } from '../../src/ledger/transfer';
import { freshTotals, storedTotals } from '../helpers/ledger';

let db: LedgerDb;
const NOON = new Date(2026, 10, 28, 12).getTime();

async function seed(target: LedgerDb) {
  await recordOrder(target, { platform: 'ubereats', orderKey: 'a'.repeat(64), committedAt: NOON, observations: [{ kind: 'no-cutlery', observedAt: NOON - 5000 }] });
  const [phone] = await recordOrder(target, {
    platform: 'custom:xn--ehq1z.example',
    orderKey: 'b'.repeat(64),
    committedAt: NOON + 1000,
    observations: [{ kind: 'second-hand', detail: 'phone', observedAt: NOON }, { kind: 'e-invoice', observedAt: NOON, wasDefault: true }],
  });
  await disputeAction(target, phone.id!, '=HYPERLINK("x") 退货了, "returned"', NOON + 2000);
  await target.transaction('rw', target.totals, target.vouchers, async () => {
    await debitPoints(target, 20);
    await target.vouchers.add({ requestId: 'r-1', rewardId: 'tree', platform: 'ubereats', code: 'CODE-1', points: 20, issuedAt: NOON, expiresAt: NOON + 1e9, status: 'unused' });
  });
  await target.subAccounts.put({ platform: 'ubereats', linkedAt: NOON, label: '外卖' });
  await target.orderAliases.put({ refKey: 'c'.repeat(64), orderKey: 'a'.repeat(64) });
  await target.settings.put({ key: 'dailyCap', value: 12 });
}

async function snapshot(target: LedgerDb) {
  const strip = <T extends { id?: number }>(rows: T[]) => rows.map(({ id: _, ...r }) => r);
  return {
    actions: strip(await target.actions.orderBy('committedAt').toArray()),
    // rows that went back to zero after a dispute are not rebuilt by an import
    totals: (await target.totals.toArray()).filter((t) => t.count !== 0 || t.points !== 0),
    vouchers: strip(await target.vouchers.toArray()),
    subAccounts: await target.subAccounts.toArray(),
    orderAliases: await target.orderAliases.toArray(),
    settings: await target.settings.toArray(),
  };
}

beforeEach(async () => {
  db = new LedgerDb(`transfer-${Math.random()}`);
  await seed(db);
});

describe('export and import', () => {
  it('round-trips the whole account into an empty ledger, totals and balance included', async () => {
    const text = await exportJson(db, NOON);
    expect(JSON.parse(text)).toMatchObject({ format: 'carbon-account', version: 1, exportedAt: new Date(NOON).toISOString() });
    const other = new LedgerDb(`transfer-${Math.random()}`);
    expect(await previewImport(other, text)).toEqual({
      ok: true,
      adds: { actions: 3, vouchers: 1, subAccounts: 1, orderAliases: 1, settings: 1 },
      alreadyStored: { actions: 0, vouchers: 0, subAccounts: 0, orderAliases: 0, settings: 0 },
    });
    expect(await other.actions.count()).toBe(0); // preview writes nothing
    expect(await importJson(other, text)).toMatchObject({ ok: true, added: { actions: 3, vouchers: 1 } });
    expect(await snapshot(other)).toEqual(await snapshot(db));
    expect(await points(other)).toEqual(await points(db));
  });

  it('changes nothing when the same export is imported twice', async () => {
    const text = await exportJson(db);
    const before = await snapshot(db);
    expect(await importJson(db, text)).toEqual({ ok: true, added: { actions: 0, vouchers: 0, subAccounts: 0, orderAliases: 0, settings: 0 } });
    expect(await importJson(db, text)).toMatchObject({ ok: true });
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges another device’s export: adds only what is new', async () => {
    const other = new LedgerDb(`transfer-${Math.random()}`);
    await recordOrder(other, { platform: 'ubereats', orderKey: 'a'.repeat(64), committedAt: NOON, observations: [{ kind: 'no-cutlery', observedAt: NOON }] });
    await recordOrder(other, { platform: 'ubereats', orderKey: 'd'.repeat(64), committedAt: NOON, observations: [{ kind: 'no-cutlery', observedAt: NOON }] });
    expect(await previewImport(db, await exportJson(other))).toMatchObject({ ok: true, adds: { actions: 1 }, alreadyStored: { actions: 1 } });
    await importJson(db, await exportJson(other));
    expect(await mainAccount(db)).toMatchObject({ count: 3, grams: 15 + 9 + 15 });
    expect(await storedTotals(db)).toEqual(await freshTotals(db));
  });

  const bad = async (mutate: (data: Record<string, unknown> & { actions: Record<string, unknown>[] }) => unknown) => {
    const data = JSON.parse(await exportJson(db));
    return JSON.stringify(mutate(data) ?? data);
  };

  it.each([
    ['not JSON', async () => '{"format": "carbon-account", ', /not JSON/],
    ['not an export', async () => '{"hello": 1}', /not a Carbon Account export/],
    ['another version', () => bad((d) => ({ ...d, version: 2 })), /export version 2; this version of Carbon Account reads version 1/],
    ['a corrupt row', () => bad((d) => void (d.actions[2].grams = { central: 'lots', low: 0, high: 1 })), /actions row 3 \(actions\[2\]\.grams\.central\)/],
    ['an unknown kind', () => bad((d) => void (d.actions[1].kind = 'plant-a-tree')), /actions row 2 \(actions\[1\]\.kind\)/],
    ['a range upside down', () => bad((d) => void (d.actions[0].grams = { central: 5, low: 9, high: 10 })), /actions row 1 .*low ≤ central ≤ high/],
    ['an unexpected field', () => bad((d) => void (d.actions[0].points = -5)), /actions row 1 \(actions\[0\]\.points\)/],
    ['a missing table', () => bad((d) => void delete d.vouchers), /vouchers/],
  ])('refuses %s as a whole, says where, and changes nothing', async (_name, file, message) => {
    const text = await file();
    const before = await snapshot(db);
    const other = new LedgerDb(`transfer-${Math.random()}`);
    const preview = await previewImport(other, text);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.error).toMatch(message);
    const result = await importJson(db, text);
    expect(!result.ok && result.error).toMatch(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a huge file before reading it', async () => {
    const huge = `{"format":"carbon-account","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(await importJson(db, huge)).toEqual({ ok: false, error: 'The file is 65 MB; the largest file that can be imported is 64 MB.' });
  });
});

describe('CSV', () => {
  it('opens in a spreadsheet: BOM, header, one quoted-as-needed row per action, formulas defused', async () => {
    const csv = await exportCsv(db);
    expect(csv.startsWith('\uFEFFid,committed,day,platform,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1); // header, 3 actions, final empty line
    expect(lines[1]).toMatch(/^1,2026-11-28T\d\d:00:00\.000Z,2026-11-28,ubereats,Uber Eats,food-delivery,no-cutlery,,active,15,10,40,12,2026\.11-3,false,/);
    expect(lines[2]).toContain(`custom:xn--ehq1z.example,custom:xn--ehq1z.example,marketplace,second-hand,phone,disputed,50000,25000,77000,50`);
    expect(lines[2].endsWith(`,"'=HYPERLINK(""x"") 退货了, ""returned"""`)).toBe(true);
  });
});

describe('delete everything', () => {
  it('empties every table: the account reads zero', async () => {
    await deleteEverything(db);
    expect(await mainAccount(db)).toMatchObject({ count: 0, grams: 0, points: 0 });
    expect(await points(db)).toEqual({ earned: 0, redeemed: 0, balance: 0, shortfall: 0 });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});

// Issue 16, finding 4: an edited export with one 15 g action worth 10,000,000 points imported
// and redeemed; 1,000 active actions on one platform and day imported past the cap.
describe('import restores, never mints', () => {
  const fileWith = (actions: object[]) =>
    JSON.stringify({
      format: 'carbon-account',
      version: 1,
      exportedAt: new Date(NOON).toISOString(),
      methodologyVersion: '2026.11-2',
      actions,
      vouchers: [],
      subAccounts: [],
      orderAliases: [],
      settings: [],
    });
  const action = (i: number, extra: object = {}) => ({
    platform: 'ubereats',
    kind: 'no-cutlery',
    orderKey: `forged-${i}`,
    wasDefault: false,
    observedAt: NOON,
    committedAt: NOON + i,
    day: localDay(NOON),
    grams: { central: 15, low: 10, high: 40 },
    points: 15,
    methodologyVersion: '2026.11-2',
    status: 'active',
    ...extra,
  });

  it('re-scores every imported action from the methodology: the file’s points and grams count for nothing', async () => {
    const db = new LedgerDb(`mint-${Math.random()}`);
    const inflated = action(0, { grams: { central: 1e7, low: 1e7, high: 1e7 }, points: 10_000_000, methodologyVersion: 'made-up' });
    expect(await importJson(db, fileWith([inflated]))).toMatchObject({ ok: true });
    const [stored] = await db.actions.toArray();
    expect(stored).toMatchObject({ points: 12, grams: { central: 15, low: 10, high: 40 }, methodologyVersion: METHODOLOGY_VERSION });
    expect(await points(db)).toMatchObject({ balance: 12 });
  });

  it('passes the daily caps: 1,000 actions on one platform and day count no more than recording would', async () => {
    const db = new LedgerDb(`mint-${Math.random()}`);
    const file = fileWith(Array.from({ length: 1000 }, (_, i) => action(i)));
    expect(await importJson(db, file)).toMatchObject({ ok: true, added: { actions: 1000 } });
    // 12 points an order: the day's 100 points on one platform stop it at 8 orders, before the 10 orders.
    const counted = Math.min(DEFAULT_DAILY_ORDERS, Math.floor(DEFAULT_DAILY_POINTS / 12));
    expect(await mainAccount(db)).toMatchObject({ count: counted, points: 12 * counted });
    expect(await db.actions.where('[platform+day+status]').equals(['ubereats', localDay(NOON), 'capped']).count()).toBe(1000 - counted);
  });
});
