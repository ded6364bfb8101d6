import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, launchFirefox, openExtensionPage, serve } from './firefox.mjs';

const STORE = 'https://www.ubereats.com/store/tonys-pizza';
const CHECKOUT = 'https://www.ubereats.com/checkout';
const SITES = [
  [/^https:\/\/www\.ubereats\.com\/store\//, 'ubereats/store-single-page.html'],
  [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
  [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
];

let browser;
let popup;
before(async () => {
  browser = await launchFirefox();
  popup = await openExtensionPage(browser, 'popup.html', () => document.querySelector('[data-testid="total-grams"]'));
});
after(async () => {
  await browser?.close();
});

/** The kinds of the open (not placed) checkouts the background holds, one entry per tab; [] before any reading. */
const pending = () =>
  popup.evaluate(async () =>
    Object.entries(await browser.storage.session.get(null)).flatMap(([key, value]) =>
      key.startsWith('pending:') && value.placedAt === undefined ? [value.observations.map((o) => o.kind).join(',')] : [],
    ),
  );
/** Waits until the background holds `kinds` (comma-separated) as the one pending checkout. */
const pendingIs = (kinds) => eventually(async () => JSON.stringify(await pending()) === JSON.stringify([kinds]), 20_000);
/** Back (-1) or forward (1) in the tab's history, until the tab shows `url`. */
async function moveInHistory(shop, delta, url) {
  await shop.evaluate((d) => history.go(d), delta);
  await eventually(async () => (await shop.evaluate(() => document.readyState === 'complete' && location.href)) === url);
}

/** Whether the page shows the utensils switch on. */
const utensilsRequested = (shop) => shop.evaluate(() => document.querySelector('[role="switch"]').getAttribute('aria-checked') === 'true');

/** A trusted click on the utensils switch (the shopper's own). */
const toggleUtensils = (shop) => shop.click('[role="switch"]');

test('Firefox: a single-page move from the store to checkout, back and forward, and the confirmation', async () => {
  const shop = await browser.newPage();
  await serve(shop, SITES);
  // The store page loads first; the background links Uber Eats at install, so try until it reads.
  await eventually(async () => {
    await shop.goto(STORE);
    await shop.click('#go-to-checkout');
    await new Promise((r) => setTimeout(r, 500));
    return (await pending()).length === 1;
  }, 30_000);
  await pendingIs('no-cutlery');
  await toggleUtensils(shop);
  await pendingIs('');
  await toggleUtensils(shop);
  await pendingIs('no-cutlery');

  await shop.goBack();
  assert.equal(shop.url(), STORE);
  await shop.goForward();
  assert.equal(shop.url(), CHECKOUT);
  await toggleUtensils(shop);
  await pendingIs('');
  await toggleUtensils(shop);
  await pendingIs('no-cutlery');

  await Promise.all([shop.waitForNavigation(), shop.click('#place-order')]);
  await eventually(async () => (await popup.evaluate(() => document.querySelector('[data-testid="total-grams"]')?.textContent)) === '15 g CO2e avoided', 20_000);
  await shop.close();
});

test('Firefox: a checkout is read on a direct load, after a reload, and after back and forward between pages', async () => {
  const shop = await browser.newPage();
  await serve(shop, SITES);
  await shop.goto(CHECKOUT);
  await pendingIs('no-cutlery');
  await toggleUtensils(shop);
  await pendingIs('');

  await shop.reload();
  await pendingIs('no-cutlery');
  await toggleUtensils(shop);
  await pendingIs('');

  await shop.goto(STORE);
  // Firefox may restore these pages from its back-forward cache, with no load event to wait for.
  // Back at the checkout (reloaded, or restored as the shopper left it), it is read as it shows,
  // and a toggle there is read too.
  for (const delta of [-1, 1, -1]) {
    await moveInHistory(shop, delta, delta < 0 ? CHECKOUT : STORE);
    if (delta > 0) continue;
    await pendingIs((await utensilsRequested(shop)) ? '' : 'no-cutlery');
    await toggleUtensils(shop);
    await pendingIs((await utensilsRequested(shop)) ? '' : 'no-cutlery');
  }
  await shop.close();
});
