import type { BrowserContext, Page, Worker } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, screenshot, test, waitForLinked, type ChromeGlobal } from './extension';

/** Two real checkouts on two platforms, served at the shops' addresses. */
const UBER_EATS = {
  platform: 'ubereats',
  sites: [
    [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
    [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
  ] as [RegExp, string][],
  async order(shop: Page) {
    await shop.goto('https://www.ubereats.com/checkout');
    await shop.getByRole('button', { name: 'Place order' }).click();
    await shop.waitForURL(/\/orders\//);
  },
};
const AMAZON = {
  platform: 'amazon',
  sites: [
    [/^https:\/\/www\.amazon\.com\/gp\/buy\/spc\//, 'amazon/checkout-us.html'],
    [/^https:\/\/www\.amazon\.com\/gp\/buy\/thankyou\//, 'amazon/confirmation.html'],
  ] as [RegExp, string][],
  async order(shop: Page) {
    await shop.goto('https://www.amazon.com/gp/buy/spc/handlers/display.html');
    await shop.getByRole('button', { name: 'Place your order' }).click();
    await shop.waitForURL(/\/thankyou\//);
  },
};
const ELEME = {
  platform: 'eleme',
  sites: [
    [/^https:\/\/h5\.ele\.me\/checkout/, 'eleme/checkout-tableware-1.html'],
    [/^https:\/\/h5\.ele\.me\/order\/detail/, 'eleme/confirmation.html'],
  ] as [RegExp, string][],
  async order(shop: Page) {
    await shop.goto('https://h5.ele.me/checkout');
    await shop.getByRole('radio', { name: '无需餐具' }).check();
    await shop.getByRole('button', { name: '提交订单' }).click();
    await shop.waitForURL(/\/order\/detail/);
  },
};
type Shop = typeof UBER_EATS;

async function placeOrders(context: BrowserContext, serve: (s: [RegExp, string][]) => Promise<void>, sw: Worker, shops: Shop[]) {
  await serve(shops.flatMap((s) => s.sites));
  const page = await context.newPage();
  for (const shop of shops) {
    await waitForLinked(sw, shop.platform);
    await shop.order(page);
  }
  await page.close();
}

const badgeText = (sw: Worker) =>
  sw.evaluate(() => (globalThis as unknown as ChromeGlobal & { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

async function popupAt(openPopup: () => Promise<Page>): Promise<Page> {
  const popup = await openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

test('orders on two platforms: both sub-accounts, the right totals, the chart; a dispute takes the grams out', async ({
  context,
  serve,
  serviceWorker,
  openPopup,
}) => {
  await placeOrders(context, serve, serviceWorker, [UBER_EATS, AMAZON]);
  // 15 (no cutlery) + 0 (no-rush, recorded unscored) + 96 (consolidated shipping) = 111 points.
  await expect.poll(() => badgeText(serviceWorker)).toBe('+111');

  const popup = await popupAt(openPopup);
  await expect(popup.getByTestId('total-grams')).toHaveText('111 g CO2e avoided');
  await expect.poll(() => badgeText(serviceWorker), 'opening the popup clears the badge').toBe('');
  await expect(popup.getByTestId('points')).toHaveText('111 points');
  await expect(popup.getByTestId('total-range')).toHaveText('Estimated range: 10 g – 794 g');
  await expect(popup.getByTestId('equivalents')).toContainText('0.51 km not driven in a petrol car');

  const subAccounts = popup.getByTestId('sub-accounts');
  // The e2e build grants every platform, so all are linked; those with actions come first.
  await expect(subAccounts.locator('li').nth(0)).toHaveText('Amazon96 g2 actions');
  await expect(subAccounts.locator('li').nth(1)).toHaveText('Uber Eats15 g1 action');
  await expect(subAccounts.locator('li[data-platform="eleme"]')).toHaveText('Ele.me0 g0 actions');

  const chart = popup.getByTestId('chart');
  const thisWeek = chart.locator('g[data-week]').last();
  await expect(thisWeek.locator('rect')).toHaveCount(2);
  await expect(thisWeek.locator('rect[data-category="food-delivery"]')).toHaveCount(1);
  await expect(thisWeek.locator('rect[data-category="marketplace"]')).toHaveCount(1);
  await expect(chart.locator('figcaption')).toContainText('Last 12 weeks: 111 g CO2e avoided.');
  await expect(chart.getByRole('img')).toHaveAccessibleName(/Last 12 weeks: 111 g CO2e avoided/);

  const actions = popup.getByTestId('actions').getByRole('listitem');
  await expect(actions).toHaveCount(3);
  await expect(popup.getByTestId('actions')).toContainText('Uber Eats · No cutlery · 15 g');
  // Every platform is linked here, so all sample rewards are offered: 111 points reach two.
  await expect(popup.getByTestId('rewards-ready').locator('li')).toHaveText([/5% off one order at a linked shop/, /¥3 off an Ele\.me order/]);
  await expect(popup.getByTestId('rewards-next').locator('li').first()).toContainText('111 of 150 points');
  expect(await seriousViolations(popup)).toEqual([]);
  await screenshot(popup, 'popup-en');

  // Keyboard only: Tab to the consolidated-shipping action's Dispute button and press Enter.
  const dispute = actions.filter({ hasText: 'Consolidated shipping' }).getByRole('button', { name: 'Dispute' });
  await expect(dispute).toHaveAccessibleDescription('Amazon · Consolidated shipping · 96 g');
  for (let i = 0; i < 60 && !(await dispute.evaluate((b) => b === document.activeElement)); i++) await popup.keyboard.press('Tab');
  await expect(dispute).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('total-grams')).toHaveText('15 g CO2e avoided');
  await expect(popup.getByTestId('points')).toHaveText('15 points');
  await expect(subAccounts.locator('li[data-platform="amazon"]')).toHaveText('Amazon0 g1 action');
  await expect(actions.filter({ hasText: 'Consolidated shipping' })).toContainText('Disputed, not counted');
  await expect(thisWeek.locator('rect')).toHaveCount(1);
  // The same button, still focused, now takes the dispute back.
  const undo = actions.filter({ hasText: 'Consolidated shipping' }).getByRole('button', { name: 'Undo dispute' });
  await expect(undo).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('total-grams')).toHaveText('111 g CO2e avoided');

  await popup.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  expect(await seriousViolations(popup)).toEqual([]);
  expect(await popup.locator('rect.bar').first().evaluate((r) => getComputedStyle(r).transitionDuration)).toBe('0s');
  await screenshot(popup, 'popup-en-dark');
});

test('an action landing while the popup is open shows at once, and a later one lights the badge again', async ({
  context,
  serve,
  serviceWorker,
  openPopup,
}) => {
  const popup = await popupAt(openPopup);
  await expect(popup.getByTestId('total-grams')).toHaveText('0 g CO2e avoided');
  await placeOrders(context, serve, serviceWorker, [UBER_EATS]);
  await expect(popup.getByTestId('total-grams')).toHaveText('15 g CO2e avoided');
  await expect(popup.getByTestId('chart').locator('rect')).toHaveCount(1);
  await expect.poll(() => badgeText(serviceWorker)).toBe('+15');
});

for (const [lang, folder, title, points] of [
  ['zh-CN', 'zh_CN', '碳账户', '30 积分'],
  ['ja', 'ja', 'カーボンアカウント', '30 ポイント'],
] as const) {
  test.describe(`in ${folder}`, () => {
    test.use({ lang });
    test(`the popup reads in ${folder} (chrome.i18n from Chromium's UI language)`, async ({ context, serve, serviceWorker, openPopup }) => {
      await placeOrders(context, serve, serviceWorker, [UBER_EATS, ELEME]);
      const popup = await popupAt(openPopup);
      await expect(popup.locator('h1')).toHaveText(title);
      await expect(popup.getByTestId('points')).toHaveText(points);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect(popup.getByTestId('sub-accounts').locator('li').nth(0)).toContainText('Ele.me');
      expect(await seriousViolations(popup)).toEqual([]);
      await screenshot(popup, `popup-${folder}`);
    });
  });
}
