import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { expect, test, waitForLinked } from './extension';

const STORE = 'https://www.ubereats.com/store/tonys-pizza';
const CHECKOUT = 'https://www.ubereats.com/checkout';
const ORDER_URL = 'https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77';

/** The pending checkout's kinds the background holds for a tab, or null before any reading. */
const pendingKinds = (sw: Worker) =>
  sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } };
    const entry = Object.entries(await chrome.storage.session.get(null)).find(([key]) => key.startsWith('pending:'));
    return entry ? (entry[1] as { observations: { kind: string }[] }).observations.map((o) => o.kind) : null;
  });

/**
 * Watches a page through the DevTools protocol: every script of the extension it parses (in any
 * world), and every timer or frame callback any script of the extension asks for. The
 * instrumentation breakpoints pause on setTimeout, setInterval, requestAnimationFrame and
 * requestIdleCallback wherever they are called; the pause's stack says whose call it was.
 */
async function watchPage(context: BrowserContext, page: Page) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const parsed: string[] = [];
  const timers: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://')) parsed.push(new URL(e.url).pathname);
  });
  cdp.on('Debugger.paused', (e) => {
    const ours = e.callFrames.find((f) => f.url.startsWith('chrome-extension://'));
    if (ours) timers.push(`${(e.data as { eventName?: string } | undefined)?.eventName ?? e.reason} from ${new URL(ours.url).pathname}:${ours.location.lineNumber}`);
    void cdp.send('Debugger.resume').catch(() => undefined);
  });
  await cdp.send('Debugger.enable');
  for (const eventName of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback']) {
    await cdp.send('EventBreakpoints.setInstrumentationBreakpoint', { eventName });
  }
  return { parsed, timers };
}

test.beforeEach(async ({ serve, serviceWorker }) => {
  await serve([
    [/^https:\/\/www\.ubereats\.com\/store\//, 'ubereats/store-single-page.html'],
    [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
    [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
  ]);
  await waitForLinked(serviceWorker, 'ubereats');
});

test('a store page runs nothing of ours; a single-page move to checkout gets the script once, and no timer ever runs', async ({
  context,
  serviceWorker,
}) => {
  const shop = await context.newPage();
  const seen = await watchPage(context, shop);
  await shop.goto(STORE);
  await shop.getByRole('button', { name: 'Go to checkout' }).click();
  // The store page's own load, and the move: still nothing of ours until the address is a checkout's.
  await expect(shop).toHaveURL(CHECKOUT);
  await expect.poll(() => pendingKinds(serviceWorker), 'the checkout is read after the in-page move').toEqual(['no-cutlery']);
  expect(seen.parsed).toEqual(['/content-scripts/checkout.js']);

  const toggle = shop.getByRole('switch', { name: 'Request utensils, straws, etc.' });
  await toggle.click();
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual([]);
  await toggle.click();
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual(['no-cutlery']);
  // Back to the store and forward to the checkout inside the page: the script watching it follows, none is added.
  await shop.goBack();
  await expect(shop).toHaveURL(STORE);
  await shop.goForward();
  await expect(shop).toHaveURL(CHECKOUT);
  await shop.getByRole('button', { name: 'Place order' }).click();
  await shop.waitForURL(ORDER_URL);
  await expect(shop.getByRole('heading', { name: 'Thanks for your order' })).toBeVisible();
  await expect.poll(() => seen.parsed, 'the confirmation (a new page) gets the script too').toEqual([
    '/content-scripts/checkout.js',
    '/content-scripts/checkout.js',
  ]);
  expect(seen.timers).toEqual([]);
});

test('a store page loaded directly runs nothing of ours', async ({ context }) => {
  const shop = await context.newPage();
  const seen = await watchPage(context, shop);
  await shop.goto(STORE);
  await shop.reload();
  // Long enough for an injection the background would make after the load.
  await shop.waitForTimeout(1000);
  expect(seen.parsed).toEqual([]);
});

test('a checkout is read on a direct load, after a reload, and again after back and forward between pages', async ({
  context,
  serviceWorker,
}) => {
  const shop = await context.newPage();
  const seen = await watchPage(context, shop);
  await shop.goto(CHECKOUT);
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual(['no-cutlery']);
  const toggle = shop.getByRole('switch', { name: 'Request utensils, straws, etc.' });
  await toggle.click();
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual([]);

  // A reload shows the switch as served (off): read again from the new page.
  await shop.reload();
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual(['no-cutlery']);
  await toggle.click();
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual([]);

  await shop.goto(STORE);
  await shop.goBack();
  await expect(shop).toHaveURL(CHECKOUT);
  await expect.poll(() => pendingKinds(serviceWorker), 'back at the checkout, its page is read again').toEqual(['no-cutlery']);
  await shop.goForward();
  await expect(shop).toHaveURL(STORE);
  await shop.goBack();
  await toggle.click();
  await expect.poll(() => pendingKinds(serviceWorker)).toEqual([]);
  // Direct load, reload, back, back again: four checkout pages, the store page none.
  expect(seen.parsed).toEqual(Array(4).fill('/content-scripts/checkout.js'));
  expect(seen.timers).toEqual([]);
});
