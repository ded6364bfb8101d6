import { describe, expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { disputeAction } from '../../src/ledger/disputes';
import { mainAccount, points } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';
import { debitPoints, InsufficientPoints } from '../../src/ledger/debits';
import { REDEEMED_KEY } from '../../src/ledger/totals';
import { freshTotals, storedTotals } from '../helpers/ledger';

describe('two writers at once', () => {
  it('the background recording while the popup redeems and disputes lose nothing', async () => {
    const name = `concurrent-${Math.random()}`;
    // two connections, as the service worker and the popup each open the database
    const background = new LedgerDb(name);
    const popup = new LedgerDb(name);
    const t = new Date(2026, 10, 28, 12).getTime();
    await background.settings.put({ key: 'dailyCap', value: 1000 });
    const first = await recordOrder(background, { platform: 'ubereats', orderKey: 'seed', committedAt: t, observations: [{ kind: 'no-plastic-bag', observedAt: t }] });

    const records = Array.from({ length: 150 }, (_, i) =>
      recordOrder(background, {
        platform: i % 3 ? 'ubereats' : 'custom:shop.example',
        orderKey: `order-${i % 120}`, // 30 of them repeat an order already sent
        committedAt: t + i,
        observations: [{ kind: 'no-cutlery', observedAt: t }, { kind: 'e-invoice', observedAt: t }],
      }),
    );
    let redeemed = 0;
    let refused = 0;
    const redeems = Array.from({ length: 60 }, (_, i) =>
      popup
        .transaction('rw', popup.totals, popup.vouchers, async () => {
          await debitPoints(popup, 40);
          await popup.vouchers.add({ requestId: `r-${i}`, rewardId: 'w', platform: 'ubereats', code: `C${i}`, points: 40, issuedAt: t, expiresAt: t, status: 'unused' });
        })
        .then(
          () => void (redeemed += 1),
          (error: unknown) => {
            expect(error).toBeInstanceOf(InsufficientPoints);
            refused += 1;
          },
        ),
    );
    const dispute = disputeAction(popup, first[0].id!, 'bag was charged anyway');
    await Promise.all([...records, ...redeems, dispute]);

    expect(await background.actions.count()).toBe(1 + 120 * 2);
    expect(await mainAccount(popup)).toMatchObject({ count: 240, grams: 240 * 12, points: 240 * 12 });
    expect(redeemed + refused).toBe(60);
    expect(redeemed).toBeGreaterThan(0);
    expect(await background.vouchers.count()).toBe(redeemed);
    expect((await background.totals.get(REDEEMED_KEY))?.points).toBe(redeemed * 40);
    const p = await points(background);
    expect(p).toEqual({ earned: 2880, redeemed: redeemed * 40, balance: Math.max(0, 2880 - redeemed * 40), shortfall: Math.max(0, redeemed * 40 - 2880) });
    expect(await storedTotals(background)).toEqual(await freshTotals(background));
  });
});
