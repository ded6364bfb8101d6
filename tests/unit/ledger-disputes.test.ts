import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { ActionNotFound, disputeAction, undoDispute } from '../../src/ledger/disputes';
import { balance, mainAccount, points } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';
import { debitPoints, InsufficientPoints } from '../../src/ledger/debits';
import { freshTotals, storedTotals } from '../helpers/ledger';

let db: LedgerDb;
beforeEach(() => {
  db = new LedgerDb(`disputes-${Math.random()}`);
});

const NOON = new Date(2026, 10, 28, 12).getTime();
let n = 0;
const record = (kind: 'no-cutlery' | 'e-invoice' | 'no-plastic-bag' = 'no-cutlery', platform = 'ubereats') =>
  recordOrder(db, { platform, orderKey: `o-${++n}`, committedAt: NOON, observations: [{ kind, observedAt: NOON }] }).then((a) => a[0]);

describe('disputes', () => {
  it('take an action out of every total and an undo puts it back', async () => {
    const a = await record();
    const b = await record('e-invoice', 'custom:shop.example');
    const disputed = await disputeAction(db, a.id!, '  cutlery came anyway ', NOON + 1);
    expect(disputed).toMatchObject({ status: 'disputed', disputeReason: 'cutlery came anyway', disputedAt: NOON + 1 });
    expect(await mainAccount(db)).toMatchObject({ count: 1, grams: 9, points: 9 });
    expect(await db.totals.get('platform:ubereats')).toMatchObject({ count: 0, grams: 0 });
    expect(await storedTotals(db)).toEqual(await freshTotals(db));

    // disputing twice changes nothing more
    await disputeAction(db, a.id!);
    expect(await mainAccount(db)).toMatchObject({ count: 1, grams: 9 });

    const back = await undoDispute(db, a.id!);
    expect(back.status).toBe('active');
    expect(back).not.toHaveProperty('disputeReason');
    expect(await mainAccount(db)).toMatchObject({ count: 2, grams: 24, points: 24 });
    await undoDispute(db, a.id!);
    await undoDispute(db, b.id!);
    expect(await storedTotals(db)).toEqual(await freshTotals(db));
    expect(await mainAccount(db)).toMatchObject({ count: 2 });
  });

  it('refuses an action that does not exist', async () => {
    await expect(disputeAction(db, 404)).rejects.toBeInstanceOf(ActionNotFound);
    await expect(undoDispute(db, 404)).rejects.toBeInstanceOf(ActionNotFound);
  });

  it('leave a capped action as it is', async () => {
    await db.settings.put({ key: 'dailyCap', value: 1 });
    await record();
    const capped = await record();
    expect(capped.status).toBe('capped');
    expect((await disputeAction(db, capped.id!)).status).toBe('capped');
    expect((await undoDispute(db, capped.id!)).status).toBe('capped');
    expect(await mainAccount(db)).toMatchObject({ count: 1 });
  });
});

describe('redemption', () => {
  it('debits the balance, refuses more than it holds', async () => {
    await record(); // 15
    await record('no-plastic-bag'); // 21
    expect(await debitPoints(db, 30)).toBe(6);
    await expect(debitPoints(db, 7)).rejects.toEqual(new InsufficientPoints(7, 6));
    expect(await points(db)).toEqual({ earned: 36, redeemed: 30, balance: 6, shortfall: 0 });
    await expect(debitPoints(db, 0)).rejects.toBeInstanceOf(RangeError);
    await expect(debitPoints(db, 1.5)).rejects.toBeInstanceOf(RangeError);
  });

  it('debits inside the caller’s transaction: a failure after the debit rolls both back', async () => {
    await record();
    await expect(
      db.transaction('rw', db.totals, db.vouchers, async () => {
        await debitPoints(db, 10);
        throw new Error('voucher could not be stored');
      }),
    ).rejects.toThrow('voucher could not be stored');
    expect(await balance(db)).toBe(15);
  });

  it('keeps the balance at 0 when a dispute takes away points already spent, and new points repay the shortfall first', async () => {
    const a = await record(); // 15
    await debitPoints(db, 15);
    await disputeAction(db, a.id!);
    expect(await points(db)).toEqual({ earned: 0, redeemed: 15, balance: 0, shortfall: 15 });
    await expect(debitPoints(db, 1)).rejects.toBeInstanceOf(InsufficientPoints);
    await record('no-plastic-bag'); // 21
    expect(await points(db)).toEqual({ earned: 21, redeemed: 15, balance: 6, shortfall: 0 });
    await undoDispute(db, a.id!);
    expect(await balance(db)).toBe(21);
  });
});
