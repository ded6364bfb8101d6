import { expect, test, waitForLinked } from './extension';

test("a page's own scripts cannot create an action", async ({ context, serve, serviceWorker, openPopup }) => {
  await serve([[/^https:\/\/www\.ubereats\.com\/checkout/, 'hostile/ubereats-forged-checkout.html']]);
  await waitForLinked(serviceWorker, 'ubereats');
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  const done = shop.locator('#done');
  await expect(done).toBeVisible();
  await expect(done).toHaveAttribute('data-send-message', 'undefined');
  // Let the content script's debounced reading settle, then look at the account.
  await shop.waitForTimeout(500);
  const popup = await openPopup();
  await expect(popup.getByTestId('total-grams')).toHaveText(/^0\sg/);
  await expect(popup.getByTestId('actions').getByRole('listitem')).toHaveCount(0);
  const pending = await serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } };
    return chrome.storage.session.get(null);
  });
  // The content script read the visible switch, kept it pending, and saw no placed order.
  expect(Object.values(pending)).toEqual([
    expect.objectContaining({ observations: [expect.objectContaining({ kind: 'no-cutlery' })] }),
  ]);
  expect(Object.values(pending)[0]).not.toHaveProperty('placedAt');
});
