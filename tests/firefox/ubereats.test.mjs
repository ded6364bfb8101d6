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

const text = (page, testId) =>
  page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);

test('Firefox: a placed Uber Eats order with utensils left off shows in the popup', async () => {
  const shop = await browser.newPage();
  await serve(shop, [
    [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
    [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
  ]);
  await openCheckoutUntilRead(browser, shop, 'https://www.ubereats.com/checkout');
  for (let i = 0; i < 4; i++) await shop.click('[data-testid="utensils-toggle"]');
  await Promise.all([shop.waitForNavigation(), shop.click('[data-testid="place-order"]')]);
  await shop.reload();

  const popup = await openExtensionPage(browser, 'popup.html', () =>
    document.querySelector('[data-testid="actions"] li'),
  );
  assert.equal(await text(popup, 'total-grams'), '15 g CO2e avoided');
  assert.equal(await text(popup, 'points'), '12 points');
  assert.match(await text(popup, 'actions'), /Uber Eats · No cutlery · 15 g/);
  assert.equal(await popup.evaluate(() => document.querySelectorAll('[data-testid="actions"] li').length), 1);
  await screenshot(popup, 'firefox-ubereats-popup');
});
