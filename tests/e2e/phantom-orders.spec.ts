import type { Page, Worker } from '@playwright/test';
import { expect, test, waitForLinked, type Site } from './extension';

/**
 * Issue 16, findings 1–3, against the built extension: a shop page's scripts can change the
 * URL, the headings and the controls, and click anything untrusted. None of that places an
 * order; only the shopper's press does, or their yes in the popup.
 */

const UBEREATS: Site[] = [
  [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
  [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
];
const INSTACART: Site[] = [[/^https:\/\/www\.instacart\.com\/store\//, 'instacart/checkout.html']];

/** How many actions the ledger holds, read in the service worker. */
const actionCount = (sw: Worker) =>
  sw.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('carbon-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('actions').objectStore('actions').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );

/** Waits until the content script's reading of the checkout reached the background. */
const checkoutSeen = (sw: Worker) =>
  expect
    .poll(() => sw.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }).chrome.storage.session.get(null))))
    .toContainEqual(expect.stringMatching(/^pending:/));

/** Each step of a page's script waits this long, so the watcher's debounce fires between steps. */
const STEP_MS = 400;

test('finding 1: a script alternating the URL between /checkout and made-up order pages records nothing', async ({ context, serve, serviceWorker }) => {
  await serve(UBEREATS);
  await waitForLinked(serviceWorker, 'ubereats');
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await checkoutSeen(serviceWorker);
  await shop.evaluate(async (stepMs) => {
    for (let i = 0; i < 24; i++) {
      history.pushState({}, '', i % 2 ? '/checkout' : `/orders/${crypto.randomUUID()}`);
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }, STEP_MS);
  await shop.waitForTimeout(500);
  expect(await actionCount(serviceWorker)).toBe(0);
});

test('finding 1: Instacart’s heading swapped between "Checkout" and "Order placed" records nothing; the shopper’s press records one', async ({ context, serve, serviceWorker }) => {
  await serve(INSTACART);
  await waitForLinked(serviceWorker, 'instacart');
  const shop = await context.newPage();
  await shop.goto('https://www.instacart.com/store/checkout');
  await checkoutSeen(serviceWorker);
  await shop.evaluate(async (stepMs) => {
    for (let i = 0; i < 12; i++) {
      document.querySelector('h1')!.textContent = i % 2 ? 'Checkout' : 'Order placed';
      await new Promise((r) => setTimeout(r, stepMs));
    }
  }, STEP_MS);
  await shop.waitForTimeout(500);
  expect(await actionCount(serviceWorker)).toBe(0);
  // Untrusted clicks on the real button do nothing either.
  await shop.evaluate(() => (document.querySelector('[data-testid=place-order]') as HTMLElement).click());
  await shop.waitForTimeout(500);
  expect(await actionCount(serviceWorker)).toBe(0);
});

test('finding 2: an abandoned checkout followed by another order page records nothing; the popup asks, and yes records it', async ({ context, serve, serviceWorker, extensionId }) => {
  await serve(UBEREATS);
  await waitForLinked(serviceWorker, 'ubereats');
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await checkoutSeen(serviceWorker);
  await shop.goto('https://www.ubereats.com/orders/0b9d1c55-5a43-4f7e-9d0c-6f1f1e0a2b3c');
  await shop.waitForTimeout(800);
  expect(await actionCount(serviceWorker)).toBe(0);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const ask = popup.getByTestId('confirm-order');
  await expect(ask.getByRole('heading', { name: 'Did you place this order?' })).toBeVisible();
  await expect(ask).toContainText('Uber Eats');
  await ask.getByRole('button', { name: 'Yes, I placed it' }).click();
  await expect(ask).toHaveCount(0);
  await expect.poll(() => actionCount(serviceWorker)).toBe(1);
  await expect(popup.getByTestId('total-grams')).toHaveText(/15\sg/);
});

test('finding 3: a trusted click on a "Buy now, pay later" link, and an FAQ heading quoting "Order placed", record nothing', async ({ context, serve, serviceWorker }) => {
  await serve([...UBEREATS, ...INSTACART]);
  await waitForLinked(serviceWorker, 'ubereats');
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await checkoutSeen(serviceWorker);
  await shop.evaluate(() => {
    for (const name of ['Learn more about Buy now, pay later', 'Add taxpayer ID', 'Don’t place order yet — save cart', 'Can I cancel after I place order?']) {
      const link = document.createElement('a');
      link.href = '#help';
      link.textContent = name;
      link.style.display = 'block';
      document.querySelector('main')!.prepend(link);
    }
  });
  for (const name of ['Learn more about Buy now, pay later', 'Add taxpayer ID', 'Don’t place order yet — save cart', 'Can I cancel after I place order?']) {
    await shop.getByRole('link', { name }).click();
  }
  await shop.goto('https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77');
  await shop.waitForTimeout(800);
  expect(await actionCount(serviceWorker)).toBe(0);

  await waitForLinked(serviceWorker, 'instacart');
  const grocery = await context.newPage();
  await grocery.goto('https://www.instacart.com/store/checkout');
  await grocery.evaluate(() => {
    const faq = document.createElement('h2');
    faq.textContent = 'What happens after “Order placed”?';
    document.querySelector('main')!.append(faq);
  });
  await grocery.waitForTimeout(800);
  await grocery.getByRole('button', { name: 'Place order' }).click();
  await grocery.waitForURL(/\/store\/orders\/58290017731$/);
  // The shopper's own press, then the real confirmation: one order.
  await expect.poll(() => actionCount(serviceWorker)).toBeGreaterThan(0);
  const afterPress = await actionCount(serviceWorker);
  await grocery.reload();
  await grocery.waitForTimeout(600);
  expect(await actionCount(serviceWorker)).toBe(afterPress);
});
