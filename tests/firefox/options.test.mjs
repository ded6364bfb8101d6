import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, launchFirefox, openExtensionPage, screenshot } from './firefox.mjs';

let browser;
before(async () => {
  // Firefox's own switch for automation: an optional-permission request is granted without the
  // prompt a person would answer (a refused prompt is covered by the unit tests).
  browser = await launchFirefox({ 'extensions.webextOptionalPermissionPrompts': false });
});
after(async () => {
  await browser?.close();
});

const status = (page) => page.evaluate(() => document.querySelector('[data-testid="account-ubereats"] [data-testid="status"]')?.textContent);
/** The linked sub-accounts (the ledger's subAccounts rows): the background injects the checkout script for these. */
const linked = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('carbon-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('subAccounts').objectStore('subAccounts').getAllKeys();
          keys.onsuccess = () => resolve(keys.result);
          open.result.close();
        };
      }),
  );
const notice = (page) => page.evaluate(() => document.querySelector('[data-testid="notice"]')?.textContent ?? '');

test('Firefox: Options unlinks and links Uber Eats, the link follows, and access revoked elsewhere shows', async () => {
  const options = await openExtensionPage(browser, 'options.html', () =>
    document.querySelector('[data-testid="account-ubereats"] [data-testid="status"]'),
  );
  // The e2e build grants every platform's sites: each is linked at install.
  await eventually(async () => (await status(options)) === 'Linked');
  await eventually(async () => (await linked(options)).includes('ubereats'));

  await options.click('[data-testid="account-ubereats"] button[aria-label="Unlink Uber Eats"]');
  await options.waitForSelector('dialog[open]');
  await screenshot(options, 'firefox-options-unlink-dialog');
  await options.click('dialog[open] button.primary');
  await eventually(async () => (await notice(options)).startsWith('Uber Eats is unlinked.'));
  assert.equal(await status(options), 'Not linked');
  // Firefox gives the site access back even in this build (its MV3 host access is revocable).
  const origins = ['https://ubereats.com/*', 'https://*.ubereats.com/*'];
  assert.equal(await options.evaluate((o) => browser.permissions.contains({ origins: o }), origins), false);
  assert.ok(!(await linked(options)).includes('ubereats'));

  await options.click('[data-testid="account-ubereats"] button[aria-label="Link Uber Eats"]');
  await eventually(async () => (await notice(options)) === 'Uber Eats is linked. Its checkout pages are read from now on.');
  assert.equal(await status(options), 'Linked');
  assert.ok((await linked(options)).includes('ubereats'));
  assert.equal(await options.evaluate((o) => browser.permissions.contains({ origins: o }), origins), true);
  await screenshot(options, 'firefox-options');

  // Site access taken away elsewhere (another extension page, as the browser's settings would):
  // the open Options page says so, and the background no longer hears the shop's addresses.
  const elsewhere = await openExtensionPage(browser, 'popup.html', () => document.querySelector('[data-testid="total-grams"]'));
  await elsewhere.evaluate((o) => browser.permissions.remove({ origins: o }), origins);
  await eventually(async () => (await status(options)) === 'Site access was removed in the browser. Link again to resume.');
  assert.equal(await options.evaluate((o) => browser.permissions.contains({ origins: o }), origins), false);
});
