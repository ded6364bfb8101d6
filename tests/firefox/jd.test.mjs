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

const CHECKOUT = 'https://trade.jd.com/shopping/order/getOrderInfo.action';

test('Firefox: JD, pickup point, recyclable packaging, one delivery and e-invoice, confirmed on payc.jd.com', async () => {
  const shop = await browser.newPage();
  await serve(shop, [
    [/^https:\/\/trade\.jd\.com\/shopping\/order\/getOrderInfo/, 'jd/checkout.html'],
    [/^https:\/\/payc\.jd\.com\/cashier\/index\.action/, 'jd/confirmation.html'],
  ]);
  await openCheckoutUntilRead(browser, shop, CHECKOUT, 4);
  await screenshot(shop, 'firefox-jd-checkout');
  await Promise.all([shop.waitForNavigation(), shop.click('[data-testid="place-order"]')]);
  assert.match(shop.url(), /^https:\/\/payc\.jd\.com\/cashier\/index\.action\?orderId=289034571260/);
  await shop.reload();

  const popup = await openExtensionPage(browser, 'popup.html', () => document.querySelectorAll('[data-testid="actions"] li').length >= 4);
  const items = await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="actions"] li'), (li) => li.textContent));
  assert.equal(items.length, 4);
  for (const kind of ['E-invoice', 'Pickup point', 'Consolidated shipping', 'Reusable packaging']) {
    assert.equal(items.filter((t) => t.includes('JD') && t.includes(kind)).length, 1, kind);
  }
  await screenshot(popup, 'firefox-jd-popup');
});
