import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../src/ledger/db';
import { balance, dayCategoryTotals, mainAccount, recentActions, subAccounts, weeklyByCategory } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';
import { DEFAULT_DAILY_CAP, SETTING } from '../../src/ledger/settings';
import { localDay } from '../../src/ledger/totals';
import type { ChoiceKind } from '../../src/core/kinds';

let db: LedgerDb;
beforeEach(() => {
  db = new LedgerDb(`record-${Math.random()}`);
});

const NOON = new Date(2026, 10, 28, 12).getTime();
const DAY = 24 * 60 * 60 * 1000;
let n = 0;
const order = (platform: string, kinds: (ChoiceKind | [ChoiceKind, string])[], committedAt = NOON, orderKey = `order-${++n}`) => ({
  platform,
  orderKey,
  committedAt,
  observations: kinds.map((k) => (Array.isArray(k) ? { kind: k[0], detail: k[1], observedAt: committedAt } : { kind: k, observedAt: committedAt })),
});

describe('recording', () => {
  it('keeps every totals key in step: all, platform, kind, day and day × category', async () => {
    await recordOrder(db, order('ubereats', ['no-cutlery']));
    await recordOrder(db, order('custom:shop.example', ['e-invoice']));
    const day = localDay(NOON);
    const keys = (await db.totals.toCollection().primaryKeys()).sort();
    expect(keys).toEqual(
      [
        'all',
        'platform:ubereats',
        'platform:custom:shop.example',
        'kind:no-cutlery',
        'kind:e-invoice',
        `day:${day}`,
        `daycat:${day}:food-delivery`,
        `daycat:${day}:marketplace`,
      ].sort(),
    );
    expect(await mainAccount(db)).toMatchObject({ count: 2, grams: 24, gramsLow: 15, gramsHigh: 60, points: 24 });
    expect(await db.totals.get(`daycat:${day}:marketplace`)).toMatchObject({ count: 1, grams: 9 });
    expect((await subAccounts(db)).map((t) => [t.key, t.points]).sort()).toEqual([
      ['platform:custom:shop.example', 9],
      ['platform:ubereats', 15],
    ]);
    expect(await balance(db)).toBe(24);
  });

  it('records a kind scored 0 g as an action the user sees, earning nothing', async () => {
    const added = await recordOrder(db, order('ubereats', ['slow-shipping', 'pickup-point']));
    expect(added.map((a) => [a.kind, a.grams.central, a.points, a.status])).toEqual([
      ['slow-shipping', 0, 0, 'active'],
      ['pickup-point', 0, 0, 'active'],
    ]);
    expect(await mainAccount(db)).toMatchObject({ count: 2, grams: 0, gramsLow: -640, gramsHigh: 644, points: 0 });
    expect((await recentActions(db)).length).toBe(2);
  });

  it('scores second-hand by product category', async () => {
    const [phone, sofa] = await recordOrder(db, order('ubereats', [['second-hand', 'phone']]))
      .then(async (a) => [...a, ...(await recordOrder(db, order('ubereats', [['second-hand', 'furniture']])))]);
    expect(phone).toMatchObject({ detail: 'phone', points: 50_000 });
    expect(sofa).toMatchObject({ detail: 'furniture', points: 7_254 });
  });

  it('is idempotent by platform + order + kind, also within one call', async () => {
    const o = order('ubereats', ['no-cutlery', 'no-cutlery', 'e-invoice']);
    expect(await recordOrder(db, o)).toHaveLength(2);
    expect(await recordOrder(db, o)).toHaveLength(0);
    expect(await mainAccount(db)).toMatchObject({ count: 2, grams: 24 });
  });

  it('keeps actions over the daily cap as capped, out of the totals, per platform and per day', async () => {
    for (let i = 0; i < DEFAULT_DAILY_CAP + 3; i++) await recordOrder(db, order('ubereats', ['no-cutlery']));
    await recordOrder(db, order('custom:shop.example', ['no-cutlery']));
    await recordOrder(db, order('ubereats', ['no-cutlery'], NOON + DAY));
    expect(await db.actions.filter((a) => a.status === 'capped').count()).toBe(3);
    expect(await db.totals.get('platform:ubereats')).toMatchObject({ count: DEFAULT_DAILY_CAP + 1 });
    expect(await mainAccount(db)).toMatchObject({ count: DEFAULT_DAILY_CAP + 2 });

    await db.settings.put({ key: SETTING.dailyCap, value: 2 });
    const [a, b] = await recordOrder(db, order('custom:shop.example', ['e-invoice', 'no-plastic-bag']));
    expect([a.status, b.status]).toEqual(['active', 'capped']);
  });

  it('draws weeks by category from the daycat rows with one range read', async () => {
    await recordOrder(db, order('ubereats', ['no-cutlery'], NOON));
    await recordOrder(db, order('ubereats', ['no-cutlery'], NOON - 6 * DAY));
    await recordOrder(db, order('custom:shop.example', ['e-invoice'], NOON - 7 * DAY));
    await recordOrder(db, order('ubereats', ['no-cutlery'], NOON - 12 * 7 * DAY));
    const weeks = await weeklyByCategory(db, 12, NOON);
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toMatchObject({ start: localDay(NOON - 6 * DAY), end: localDay(NOON), grams: 30 });
    expect(weeks[11].byCategory['food-delivery']).toEqual({ grams: 30, count: 2 });
    expect(weeks[10].byCategory.marketplace).toEqual({ grams: 9, count: 1 });
    expect(weeks.reduce((s, w) => s + w.grams, 0)).toBe(39);
    expect(await dayCategoryTotals(db, localDay(NOON - 7 * DAY), localDay(NOON - 7 * DAY))).toHaveLength(1);
  });
});
