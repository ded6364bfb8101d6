import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerDb } from '../../src/ledger/db';
import { recordOrder } from '../../src/ledger/record';
import type { ChoiceKind } from '../../src/core/kinds';
import { setLocaleOverride } from '../../src/core/i18n';
import { Popup } from '../../src/ui/Popup';
import { packaged } from '../helpers/locales';

const NOW = new Date(2026, 10, 28, 12).getTime();
const DAY = 86_400_000;

let db: LedgerDb;
let root: HTMLElement;
beforeEach(async () => {
  fakeBrowser.reset();
  await setLocaleOverride('en', packaged);
  db = new LedgerDb(`popup-${Math.random()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await setLocaleOverride(undefined);
});

/** Links these platforms (the sub-account row exists and the browser grants its sites). */
async function link(...platforms: string[]) {
  await db.subAccounts.bulkAdd(platforms.map((platform) => ({ platform, linkedAt: NOW - 30 * DAY })));
}

async function order(platform: string, kinds: ChoiceKind[], at: number, ref = `${platform}-${at}`) {
  return recordOrder(db, {
    platform,
    orderKey: ref,
    committedAt: at,
    observations: kinds.map((kind) => ({ kind, observedAt: at - 60_000 })),
  });
}

function show(granted: (id: string) => boolean = () => true, locale = 'en') {
  render(
    <Popup db={db} locale={locale} now={() => NOW} grants={async (ids) => new Map(ids.map((id) => [id, granted(id)]))} />,
    root,
  );
}

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => byTestId(id)?.textContent ?? '';
const rows = (id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"] > li`)];
const buttonNamed = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);

describe('popup', () => {
  it('empty: zero account, how to link a shop, an empty chart, no actions, the rewards ahead', async () => {
    show();
    await expect.poll(() => text('total-grams')).toBe('0 g CO2e avoided');
    expect(text('points')).toBe('0 points');
    expect(text('total-range')).toBe('Estimated range: 0 g – 0 g');
    expect(byTestId('equivalents')).toBeNull();
    await expect.poll(() => text('no-sub-accounts')).toContain('No shop is linked yet');
    expect(root.querySelector('[data-testid="no-sub-accounts"] a')?.getAttribute('href')).toBe('/options.html#accounts');
    await expect.poll(() => root.querySelector('#chart-summary')?.textContent).toBe('Nothing recorded in the last 12 weeks.');
    expect(root.querySelectorAll('.chart rect')).toHaveLength(0);
    expect(root.textContent).toContain('No actions yet.');
    // Nothing linked: only the rewards for any shop, none affordable yet.
    await expect.poll(() => rows('rewards-next').map((li) => li.dataset.reward)).toEqual(['sample-thanks-card', 'sample-cutlery-set']);
    expect(byTestId('rewards-ready')).toBeNull();
    expect(rows('rewards-next')[0].textContent).toContain('0 of 10 points');
  });

  it('one action: totals, range, equivalents, its sub-account, the chart, a reward ready; dispute and undo', async () => {
    await link('ubereats');
    await order('ubereats', ['no-cutlery'], NOW - 2 * 3_600_000);
    show();
    await expect.poll(() => text('total-grams')).toBe('15 g CO2e avoided');
    expect(text('points')).toBe('15 points');
    expect(text('total-range')).toBe('Estimated range: 10 g – 40 g');
    // 15 / 218 g per km, 15 / 33 g per bag, with their sources beside them.
    expect(text('equivalents')).toContain('0.069 km not driven in a petrol car');
    expect(text('equivalents')).toContain('218 g CO2e per km (source E6)');
    expect(text('equivalents')).toContain('0.45 plastic bags not made');
    await expect.poll(() => rows('sub-accounts').map((li) => li.textContent)).toEqual(['Uber Eats15 g1 action']);

    await expect.poll(() => root.querySelectorAll('.chart rect[data-category="food-delivery"]').length).toBe(1);
    const bars = [...root.querySelectorAll('.chart g[data-week]')];
    expect(bars).toHaveLength(12);
    expect(bars[11].querySelector('rect')).not.toBeNull();
    expect(root.querySelector('#chart-summary')?.textContent).toBe('Last 12 weeks: 15 g CO2e avoided. The best week began Nov 22, with 15 g.');
    expect(root.querySelector('[data-testid="chart-table"] tbody tr:last-child')?.textContent).toBe('Nov 2215 g15 g');

    expect(rows('actions')).toHaveLength(1);
    expect(rows('actions')[0].textContent).toContain('Uber Eats · No cutlery · 15 g');
    expect(rows('rewards-ready').map((li) => li.dataset.reward)).toEqual(['sample-thanks-card']);
    expect(rows('rewards-next')[0].dataset.reward).toBe('sample-ubereats-delivery');
    expect(rows('rewards-next')[0].textContent).toContain('15 of 150 points');
    expect(rows('rewards-next')[0].querySelector('progress')?.getAttribute('aria-label')).toBe('Progress toward Free delivery on one Uber Eats order');

    buttonNamed('Dispute')!.click();
    await expect.poll(() => text('total-grams')).toBe('0 g CO2e avoided');
    expect(text('points')).toBe('0 points');
    await expect.poll(() => rows('actions')[0].dataset.status).toBe('disputed');
    expect(rows('actions')[0].textContent).toContain('Disputed, not counted');
    await expect.poll(() => rows('sub-accounts')[0]?.textContent).toBe('Uber Eats0 g0 actions');
    await expect.poll(() => root.querySelectorAll('.chart rect').length).toBe(0);

    buttonNamed('Undo dispute')!.click();
    await expect.poll(() => text('total-grams')).toBe('15 g CO2e avoided');
    await expect.poll(() => rows('actions')[0].dataset.status).toBe('active');
    expect(buttonNamed('Dispute')).toBeDefined();
  });

  it('many platforms: one row per linked, granted platform, biggest first; categories stacked; the main account adds them up', async () => {
    await link('ubereats', 'eleme', 'amazon', 'vinted', 'cainiao', 'instacart', 'jd');
    await order('ubereats', ['no-cutlery'], NOW - DAY);
    await order('eleme', ['no-cutlery'], NOW - 9 * DAY);
    await order('amazon', ['consolidated-shipping'], NOW - 3 * DAY);
    await order('cainiao', ['packaging-return'], NOW - 20 * DAY);
    await order('instacart', ['no-plastic-bag'], NOW - 2 * DAY);
    // JD's sites are no longer granted: it is not a linked platform, though its actions still count.
    await order('jd', ['consolidated-shipping'], NOW - 40 * DAY);
    show((id) => id !== 'jd');
    const total = 15 + 15 + 96 + 130 + 21 + 96;
    await expect.poll(() => text('total-grams')).toBe(`${total} g CO2e avoided`);
    await expect
      .poll(() => rows('sub-accounts').map((li) => li.dataset.platform))
      .toEqual(['cainiao', 'amazon', 'instacart', 'eleme', 'ubereats', 'vinted']);
    expect(rows('sub-accounts').find((li) => li.dataset.platform === 'vinted')?.textContent).toBe('Vinted0 g0 actions');
    expect(rows('sub-accounts').find((li) => li.dataset.platform === 'amazon')?.textContent).toBe('Amazon96 g1 action');

    await expect.poll(() => root.querySelectorAll('.chart rect').length).toBe(6);
    // This week stacks three categories in one bar.
    const lastWeek = [...root.querySelectorAll('.chart g[data-week]')][11];
    expect([...lastWeek.querySelectorAll('rect')].map((r) => r.getAttribute('data-category'))).toEqual(['food-delivery', 'marketplace', 'grocery']);
    expect([...root.querySelectorAll('.legend li')].map((li) => li.textContent)).toEqual(['Food delivery', 'Marketplaces', 'Parcels and logistics', 'Groceries']);
    // Linked platforms' rewards join the 'any' ones; 373 points redeem three of them.
    expect(rows('rewards-ready').map((li) => li.dataset.reward)).toEqual([
      'sample-thanks-card',
      'sample-eleme-red-packet',
      'sample-ubereats-delivery',
      'sample-amazon-no-rush',
    ]);
  });

  it('reads in Chinese and Japanese, numbers and dates through Intl', async () => {
    await link('ubereats');
    await order('ubereats', ['no-cutlery'], NOW - 3_600_000);
    await setLocaleOverride('zh_CN', packaged);
    show(undefined, 'zh-CN');
    await expect.poll(() => root.querySelector('h1')?.textContent).toBe('碳账户');
    await expect.poll(() => text('points')).toBe('15 积分');
    expect(text('total-grams')).toBe('已减排 15 g CO2e');
    expect(rows('rewards-ready')[0].textContent).toContain('任一已关联商店订单 95 折一次');
    expect(rows('actions')[0].textContent).toContain('Uber Eats · 无需餐具');
    await expect.poll(() => root.querySelector('#chart-summary')?.textContent ?? '').toContain('11月22日');
    render(null, root);

    await setLocaleOverride('ja', packaged);
    show(undefined, 'ja');
    await expect.poll(() => root.querySelector('h1')?.textContent).toBe('カーボンアカウント');
    await expect.poll(() => text('points')).toBe('15 ポイント');
    expect(rows('actions')[0].querySelector('button')?.textContent).toBe('異議を申し立てる');
  });

  it('shows the storage-full notice with the shop’s name', async () => {
    render(<Popup db={db} locale="en" grants={async () => new Map()} storageProblem={{ at: NOW, platform: 'amazon' }} />, root);
    await expect.poll(() => text('storage-problem')).toContain('an order on Amazon is waiting to be recorded');
  });
});
