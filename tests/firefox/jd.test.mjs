import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, launchFirefox, openExtensionPage, screenshot, serve } from './firefox.mjs';

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
  await eventually(async () => {
    await shop.goto(CHECKOUT);
    await new Promise((r) => setTimeout(r, 500));
    const popup = await openExtensionPage(browser, 'popup.html', () => document.querySelector('[data-testid="total-grams"]'));
    const pending = await popup.evaluate(async () => Object.values(await browser.storage.session.get(null)));
    await popup.close();
    return pending.some((p) => p?.observations?.length === 4);
  }, 30_000);
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
