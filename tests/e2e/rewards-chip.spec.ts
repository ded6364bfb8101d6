import type { Worker } from '@playwright/test';
import { chipElements, chipText, pressChipButton } from './closed-chip';
import { expect, screenshot, test, waitForLinked } from './extension';
import { storedVouchers } from './vouchers';

const ORDER_URL = 'https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77';
const UBER: [RegExp, string][] = [
  [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
  [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
];

/** Test setup only: stores a voucher as a redemption would have (the popup test redeems for real). */
const giveVoucher = (sw: Worker, voucher: Record<string, unknown>) =>
  sw.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('carbon-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('vouchers', 'readwrite');
          tx.objectStore('vouchers').add(v);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    voucher,
  );

test('the checkout chip: shown for an unused voucher, keyboard reachable, never over place order, fills the promo field without submitting; the order placed with it uses the voucher', async ({
  context,
  serve,
  serviceWorker,
}) => {
  await serve(UBER);
  await waitForLinked(serviceWorker, 'ubereats');
  const now = Date.now();
  const title = { en: 'Free delivery on one Uber Eats order', zh_CN: 'Uber Eats 免配送费一次', ja: 'Uber Eats 配送料 1 回無料' };
  await giveVoucher(serviceWorker, { requestId: 'r1', rewardId: 'sample-ubereats-delivery', platform: 'ubereats', code: 'UE-NOCUTLERY-0001', points: 150, issuedAt: now, expiresAt: now + 30 * 86_400_000, status: 'unused', title });
  await giveVoucher(serviceWorker, { requestId: 'r2', rewardId: 'sample-eleme-red-packet', platform: 'eleme', code: 'ELEME-GREEN-0001', points: 100, issuedAt: now, expiresAt: now + 30 * 86_400_000, status: 'unused' });

  const shop = await context.newPage();
  await shop.setViewportSize({ width: 1280, height: 720 });
  await shop.goto('https://www.ubereats.com/checkout');
  const chip = shop.locator('[data-carbon-account="voucher-chip"]');
  await expect.poll(() => chipText(shop)).toContain('Free delivery on one Uber Eats order UE-NOCUTLERY-0001');
  expect((await chipElements(shop, '[role=region]'))[0]).toBeTruthy();
  expect(await chipText(shop)).not.toContain('ELEME');

  // Never over the place-order button: the button is what is at its own centre.
  const button = shop.getByRole('button', { name: 'Place order' });
  const [chipBox, buttonBox] = [await chip.boundingBox(), await button.boundingBox()];
  expect(chipBox && buttonBox).toBeTruthy();
  const apart =
    chipBox!.x + chipBox!.width <= buttonBox!.x || buttonBox!.x + buttonBox!.width <= chipBox!.x || chipBox!.y + chipBox!.height <= buttonBox!.y || buttonBox!.y + buttonBox!.height <= chipBox!.y;
  expect(apart).toBe(true);
  expect(await button.evaluate((b) => { const r = b.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b; })).toBe(true);
  await screenshot(shop, 'rewards-chip');

  // Keyboard: Tab reaches the chip's buttons (×, Copy, Fill); Enter on "Fill" fills the promo field; nothing is submitted.
  await shop.getByLabel('Add promo code').focus();
  let presses = 0;
  const onChip = () => shop.evaluate(() => document.activeElement?.hasAttribute('data-carbon-account') ?? false);
  while (!(await onChip()) && presses < 10) {
    await shop.keyboard.press('Tab');
    presses++;
  }
  expect(await onChip()).toBe(true);
  await shop.keyboard.press('Tab');
  await shop.keyboard.press('Tab');
  await shop.keyboard.press('Enter');
  await expect(shop.getByLabel('Add promo code')).toHaveValue('UE-NOCUTLERY-0001');
  expect((await chipElements(shop, '[role=status]'))[0].text).toBe('Filled in. Apply it on the page before you place the order.');
  expect(shop.url()).toBe('https://www.ubereats.com/checkout');
  expect((await storedVouchers(serviceWorker)).find((v) => v.platform === 'ubereats')?.status).toBe('unused');

  await button.click();
  await shop.waitForURL(ORDER_URL);
  await expect.poll(async () => (await storedVouchers(serviceWorker)).map((v) => [v.code, v.status])).toEqual([
    ['UE-NOCUTLERY-0001', 'used'],
    ['ELEME-GREEN-0001', 'unused'],
  ]);
  // No chip on the confirmation, nor on the next checkout (the voucher is used).
  await expect(shop.locator('[data-carbon-account]')).toHaveCount(0);
  await shop.goto('https://www.ubereats.com/checkout');
  await shop.waitForTimeout(600);
  await expect(shop.locator('[data-carbon-account]')).toHaveCount(0);
});

test('the chip can be dismissed with Escape or ×, and copies the code', async ({ context, serve, serviceWorker }) => {
  await serve(UBER);
  await waitForLinked(serviceWorker, 'ubereats');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.ubereats.com' });
  const now = Date.now();
  await giveVoucher(serviceWorker, { requestId: 'r1', rewardId: 'x', platform: 'any', code: 'SAMPLE-THANKS5', points: 10, issuedAt: now, expiresAt: now + 86_400_000, status: 'unused' });
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await expect.poll(() => chipText(shop)).toContain('SAMPLE-THANKS5');
  await pressChipButton(shop, 'Copy code SAMPLE-THANKS5');
  await expect.poll(async () => (await chipElements(shop, '[role=status]'))[0]?.text).toBe('Copied SAMPLE-THANKS5.');
  expect(await shop.evaluate(() => navigator.clipboard.readText())).toBe('SAMPLE-THANKS5');
  await shop.keyboard.press('Escape');
  await expect(shop.locator('[data-carbon-account]')).toHaveCount(0);
  await shop.reload();
  await expect.poll(() => chipText(shop)).toContain('SAMPLE-THANKS5');
  await pressChipButton(shop, 'Hide the voucher reminder');
  await expect(shop.locator('[data-carbon-account]')).toHaveCount(0);
  // Placing the order without the code leaves the voucher unused.
  await shop.getByRole('button', { name: 'Place order' }).click();
  await shop.waitForURL(ORDER_URL);
  await shop.waitForTimeout(300);
  expect((await storedVouchers(serviceWorker))[0].status).toBe('unused');
});

test('the chip speaks the language chosen in Options, not only the browser’s', async ({ context, serve, serviceWorker, extensionId }) => {
  await serve(UBER);
  await waitForLinked(serviceWorker, 'ubereats');
  const now = Date.now();
  const title = { en: 'Free delivery on one Uber Eats order', zh_CN: 'Uber Eats 免配送费一次', ja: 'Uber Eats 配送料 1 回無料' };
  await giveVoucher(serviceWorker, { requestId: 'r1', rewardId: 'x', platform: 'ubereats', code: 'UE-NOCUTLERY-0001', points: 150, issuedAt: now, expiresAt: now + 86_400_000, status: 'unused', title });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(options.locator('html')).toHaveAttribute('lang', 'ja');

  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await expect.poll(() => chipText(shop)).toContain('このショップで使えるクーポンがあります');
  expect(await chipText(shop)).toContain('Uber Eats 配送料 1 回無料');
  expect((await chipElements(shop, 'button')).map((b) => b.label)).toContain('クーポンのお知らせを閉じる');
  await screenshot(shop, 'chip-ja-chosen');

  // Back to the browser's language: the next checkout shows the chip in English again.
  await options.getByRole('combobox', { name: '言語' }).selectOption('');
  await shop.reload();
  await expect.poll(() => chipText(shop)).toContain('Free delivery on one Uber Eats order');
});

// Issue 16, finding 5: with an open shadow root a shop's script read an unused code, and a
// synthetic click on Fill put it in the page's field.
test('the page’s scripts can neither read the chip’s codes nor press its buttons; the shopper’s Fill can', async ({ context, serve, serviceWorker }) => {
  await serve(UBER);
  await waitForLinked(serviceWorker, 'ubereats');
  const now = Date.now();
  await giveVoucher(serviceWorker, { requestId: 'r1', rewardId: 'x', platform: 'ubereats', code: 'UE-SECRET-0042', points: 10, issuedAt: now, expiresAt: now + 86_400_000, status: 'unused' });
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await expect.poll(() => chipText(shop)).toContain('UE-SECRET-0042');

  const seen = await shop.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-carbon-account]')!;
    const buttons = host.shadowRoot?.querySelectorAll('button') ?? [];
    for (const b of Array.from(buttons)) b.click();
    host.click();
    const r = host.getBoundingClientRect();
    const under = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    under?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return {
      shadowRoot: host.shadowRoot === null,
      html: document.documentElement.outerHTML,
      text: document.body.innerText + host.innerText,
      field: (document.querySelector('input[placeholder="Enter promo code"]') as HTMLInputElement | null)?.value ?? '',
    };
  });
  expect(seen.shadowRoot).toBe(true);
  expect(seen.html).not.toContain('UE-SECRET-0042');
  expect(seen.text).not.toContain('UE-SECRET-0042');
  expect(seen.field).toBe('');
  await expect(shop.getByLabel('Add promo code')).toHaveValue('');

  await pressChipButton(shop, 'Fill the promo-code field with UE-SECRET-0042');
  await expect(shop.getByLabel('Add promo code')).toHaveValue('UE-SECRET-0042');
});
