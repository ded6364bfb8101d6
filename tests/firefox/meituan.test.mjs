import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, openCheckoutUntilRead, openExtensionPage, screenshot, serve } from './firefox.mjs';

let browser;
before(async () => {
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
});

const CHECKOUT = 'https://h5.waimai.meituan.com/waimai/order/confirm';

test('Firefox: Meituan Waimai, 无需餐具 picked from the 餐具数量 list, shows in the popup once', async () => {
  const shop = await browser.newPage();
  await serve(shop, [
    [/^https:\/\/h5\.waimai\.meituan\.com\/waimai\/order\/confirm/, 'meituan/checkout-tableware-by-portion.html'],
    [/^https:\/\/h5\.waimai\.meituan\.com\/waimai\/order\/detail/, 'meituan/confirmation.html'],
  ]);
  await openCheckoutUntilRead(browser, shop, CHECKOUT);
  await shop.select('#tableware', '0');
  await screenshot(shop, 'firefox-meituan-checkout');
  await Promise.all([shop.waitForNavigation(), shop.click('[data-testid="place-order"]')]);
  assert.match(shop.url(), /orderViewId=2301847756120983415$/);
  await shop.reload();

  const popup = await openExtensionPage(browser, 'popup.html', () => document.querySelector('[data-testid="actions"] li'));
  const items = await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="actions"] li'), (li) => li.textContent));
  assert.equal(items.length, 1);
  assert.match(items[0], /Meituan Waimai/);
  assert.match(items[0], /No cutlery/);
  await screenshot(popup, 'firefox-meituan-popup');
});
