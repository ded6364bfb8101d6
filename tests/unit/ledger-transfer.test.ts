import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { disputeAction } from '../../src/ledger/disputes';
import { mainAccount, points } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';
import { debitPoints } from '../../src/ledger/debits';
import { deleteEverything, exportCsv, exportJson, importJson, MAX_IMPORT_BYTES, previewImport } from '../../src/ledger/transfer';
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
    expect(lines[1]).toMatch(/^1,2026-11-28T\d\d:00:00\.000Z,2026-11-28,ubereats,Uber Eats,food-delivery,no-cutlery,,active,15,10,40,15,2026\.11-2,false,/);
    expect(lines[2]).toContain(`custom:xn--ehq1z.example,custom:xn--ehq1z.example,marketplace,second-hand,phone,disputed,50000,25000,77000,50000`);
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
