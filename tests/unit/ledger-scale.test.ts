import { describe, expect, it } from 'vitest';
import { METHODOLOGY_VERSION } from '../../src/carbon/factors';
import { type Action, LedgerDb } from '../../src/ledger/db';
import { balance, mainAccount, subAccounts, weeklyByCategory } from '../../src/ledger/queries';
import { recordActions } from '../../src/ledger/record';
import { localDay } from '../../src/ledger/totals';
import { PLATFORMS } from '../../src/platforms/index';
import { freshTotals, storedTotals } from '../helpers/ledger';

const NOW = new Date(2026, 10, 28, 12).getTime();
const DAY = 86_400_000;
const platformIds = [...PLATFORMS.map((p) => p.id), 'custom:shop.example'];

/** `count` active no-cutlery actions spread over platforms and the last year. */
function actions(count: number): Action[] {
  return Array.from({ length: count }, (_, i) => {
    const committedAt = NOW - (i % 365) * DAY;
    return {
      platform: platformIds[i % platformIds.length],
      kind: 'no-cutlery',
      orderKey: `order-${i}`,
      wasDefault: false,
      observedAt: committedAt,
      committedAt,
      day: localDay(committedAt),
      grams: { central: 15, low: 10, high: 40 },
      points: 15,
      methodologyVersion: METHODOLOGY_VERSION,
      status: 'active',
    };
  });
}

/** Median milliseconds of reading what the popup shows. */
async function readTime(db: LedgerDb): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    await Promise.all([mainAccount(db), subAccounts(db), balance(db), weeklyByCategory(db, 12, NOW)]);
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[12];
}

describe('a ledger of 100,000 actions', () => {
  it('is read as fast as one of 10, and the bulk record path keeps its totals exact', async () => {
    const small = new LedgerDb(`scale-small-${Math.random()}`);
    await recordActions(small, actions(10));
    const large = new LedgerDb(`scale-large-${Math.random()}`);
    const all = actions(100_000);
    const started = performance.now();
    expect(await recordActions(large, all)).toBe(100_000);
    const seconds = (performance.now() - started) / 1000;
    // re-recording the same actions adds nothing
    expect(await recordActions(large, all.slice(0, 20_000))).toBe(0);

    await readTime(small); // warm up
    const [smallMs, largeMs] = [await readTime(small), await readTime(large)];
    const scanStarted = performance.now();
    const scanned = (await large.actions.toArray()).reduce((sum, a) => sum + a.grams.central, 0);
    const scanMs = performance.now() - scanStarted;
    expect(scanned).toBe(1_500_000);
    console.log(
      `[ledger scale] bulk record ${Math.round(100_000 / seconds)} actions/s (100,000 in ${seconds.toFixed(1)} s, fake-indexeddb); ` +
        `popup reads (main account, sub-accounts, balance, 12 weeks): ${smallMs.toFixed(2)} ms with 10 actions, ${largeMs.toFixed(2)} ms with 100,000; summing the actions instead would take ${scanMs.toFixed(0)} ms`,
    );
    expect(await mainAccount(large)).toMatchObject({ count: 100_000, grams: 1_500_000 });
    expect(await subAccounts(large)).toHaveLength(platformIds.length);
    // The reads touch totals rows only: more days with data means a few more daycat rows, never
    // more actions. The bound is loose because the machine is shared; a scan is 100× beyond it.
    expect(largeMs).toBeLessThan(smallMs * 10 + 10);
    expect(largeMs * 20).toBeLessThan(scanMs);
    expect(await storedTotals(large)).toEqual(await freshTotals(large));
  }, 120_000);
});
