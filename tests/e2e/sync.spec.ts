import type { Worker } from '@playwright/test';
import { expect, screenshot, test } from './extension';

/** The bit of the `chrome` global these tests read and write inside the service worker. */
interface SyncGlobal {
  chrome: {
    storage: {
      sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
      local: { get(key: string): Promise<Record<string, unknown>> };
    };
  };
}

/** The records in the browser's sync area, by key. */
const syncArea = (sw: Worker) => sw.evaluate(() => (globalThis as unknown as SyncGlobal).chrome.storage.sync.get(null));
const installId = (sw: Worker) =>
  sw.evaluate(async () => (await (globalThis as unknown as SyncGlobal).chrome.storage.local.get('syncInstallId')).syncInstallId as string | undefined);

/** What another browser of the shopper's wrote: 3 Amazon actions (288 g, 288 points), today's grams in the chart. */
function otherBrowser(now: number) {
  const today = new Date(now);
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 83, 12);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    v: 1,
    n: 'Office desktop',
    u: now,
    p: { amazon: [3, 288, 0, 1380, 288] },
    k: { 'consolidated-shipping': 3 },
    r: [0, 0],
    d: [`${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(first.getDate())}`, { marketplace: `${','.repeat(83)}${(288).toString(36)}` }],
  };
}

test('with sync on, another browser’s record shows in the open popup at once; turning sync off removes this browser’s record', async ({
  context,
  extensionId,
  serviceWorker,
  openPopup,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#sync`);
  const toggle = options.getByRole('checkbox', { name: 'Show one account across my browsers' });
  await expect(toggle).not.toBeChecked();
  await expect(options.getByText('no order numbers, no page contents, no history')).toBeVisible();
  await toggle.check();

  // the background writes this browser's record at once
  await expect.poll(async () => installId(serviceWorker)).toBeTruthy();
  const mine = `device:${await installId(serviceWorker)}`;
  await expect.poll(async () => Object.keys(await syncArea(serviceWorker))).toEqual([mine]);
  expect((await syncArea(serviceWorker))[mine]).toMatchObject({ v: 1, n: 'Chrome · Linux', p: {}, r: [0, 0] });
  await expect(options.getByTestId('sync-status')).toHaveText(/^Last synced /);

  const popup = await openPopup();
  await expect(popup.getByTestId('total-grams')).toHaveText('0 g CO2e avoided');
  await expect(popup.getByTestId('this-browser')).toContainText('This browser');

  // "another browser": its record lands in the sync area as the browser's sync would deliver it
  const written = Date.now();
  await serviceWorker.evaluate((record) => (globalThis as unknown as SyncGlobal).chrome.storage.sync.set({ 'device:office': record }), otherBrowser(written));
  await expect(popup.getByTestId('total-grams')).toHaveText('288 g CO2e avoided', { timeout: 1_000 });
  expect(Date.now() - written).toBeLessThan(1_000);
  await expect(popup.getByTestId('points')).toHaveText('288 points');
  await expect(popup.getByTestId('other-browser')).toContainText('Office desktop');
  await expect(popup.getByTestId('sub-accounts').locator('[data-platform="amazon"]')).toContainText('288 g');
  await expect(popup.getByTestId('chart')).toContainText('Last 12 weeks: 288 g CO2e avoided.');
  await screenshot(popup, 'sync-popup');
  await expect(options.getByTestId('sync-others')).toContainText('Office desktop');
  await screenshot(options, 'sync-options');

  await toggle.uncheck();
  await expect.poll(async () => Object.keys(await syncArea(serviceWorker))).toEqual(['device:office']);
  // and this browser shows its own account again
  await expect(popup.getByTestId('total-grams')).toHaveText('0 g CO2e avoided');
  await expect(popup.getByTestId('synced-browsers')).toHaveCount(0);
});
