import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asStorageProblem } from '../../src/messaging/storage-problem';
import { badgeText, markPopupSeen, pointsSinceSeen, POPUP_SEEN_KEY, refreshBadge } from '../../src/background/badge';
import { LedgerDb } from '../../src/ledger/db';
import { recordOrder } from '../../src/ledger/record';
import { disputeAction } from '../../src/ledger/disputes';
import { platformById } from '../../src/platforms/index';
import { rewardOutlook, rewardsFor, SAMPLE_CATALOG } from '../../src/rewards/catalog';
import { LOCALES } from '../../src/core/i18n';
import { niceMax } from '../../src/ui/WeeklyChart';

let db: LedgerDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LedgerDb(`badge-${Math.random()}`);
});

const order = (ref: string, at: number) =>
  recordOrder(db, { platform: 'ubereats', orderKey: ref, committedAt: at, observations: [{ kind: 'no-cutlery', observedAt: at }] });

function fakeAction() {
  const calls: string[] = [];
  return {
    calls,
    api: {
      setBadgeText: async ({ text }: { text: string }) => void calls.push(`text:${text}`),
      setBadgeBackgroundColor: async ({ color }: { color: string }) => void calls.push(`color:${color}`),
    },
  };
}

describe('toolbar badge', () => {
  it('shows the points earned since the popup was last opened, and clears when it opens', async () => {
    const { calls, api } = fakeAction();
    await order('a', 1_000);
    await order('b', 2_000);
    expect(await refreshBadge(db, api, 'en')).toBe('+30');
    await markPopupSeen(db, api, 2_500);
    expect(calls.at(-1)).toBe('text:');
    expect((await db.settings.get(POPUP_SEEN_KEY))?.value).toBe(2_500);
    expect(await refreshBadge(db, api, 'en')).toBe('');
    const [late] = await order('c', 3_000);
    expect(await refreshBadge(db, api, 'en')).toBe('+15');
    // A disputed action no longer counts toward the badge.
    await disputeAction(db, late.id!);
    expect(await pointsSinceSeen(db)).toBe(0);
  });

  it('fits large numbers in a badge and shows nothing for none', () => {
    expect(badgeText(0, 'en')).toBe('');
    expect(badgeText(-5, 'en')).toBe('');
    expect(badgeText(999, 'en')).toBe('+999');
    expect(badgeText(1_234, 'en')).toBe('+1.2K');
    expect(badgeText(12_000, 'zh-CN')).toBe('+1.2万');
  });

  it('reads a malformed storage notice as none', () => {
    expect(asStorageProblem({ at: 1, platform: 'jd' })).toEqual({ at: 1, platform: 'jd' });
    for (const bad of [undefined, null, 'full', { at: '1', platform: 'jd' }, { at: 1 }]) expect(asStorageProblem(bad)).toBeUndefined();
  });
});

describe('sample reward catalog', () => {
  it('has unique ids, known platforms, whole positive costs and a title in every language', () => {
    expect(new Set(SAMPLE_CATALOG.map((r) => r.id)).size).toBe(SAMPLE_CATALOG.length);
    for (const r of SAMPLE_CATALOG) {
      expect(r.platform === 'any' || platformById(r.platform), r.id).toBeTruthy();
      expect(Number.isInteger(r.cost) && r.cost > 0, r.id).toBe(true);
      for (const locale of LOCALES) expect(r.title[locale].trim(), `${r.id} ${locale}`).not.toBe('');
    }
  });

  it('offers linked platforms’ rewards and the any-shop ones, split by what the balance reaches', () => {
    const offered = rewardsFor(SAMPLE_CATALOG, ['ubereats']);
    expect(offered.map((r) => r.id).sort()).toEqual(['sample-cutlery-set', 'sample-thanks-card', 'sample-ubereats-delivery']);
    const { ready, next } = rewardOutlook(offered, 150);
    expect(ready.map((r) => r.id)).toEqual(['sample-thanks-card', 'sample-ubereats-delivery']);
    expect(next.map((r) => r.id)).toEqual(['sample-cutlery-set']);
    expect(rewardOutlook(offered, 0).ready).toEqual([]);
  });
});

describe('weekly chart helpers', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1, 3, 15, 20, 21, 480, 5_001].map(niceMax)).toEqual([10, 1, 5, 20, 20, 50, 500, 10_000]);
  });
});
