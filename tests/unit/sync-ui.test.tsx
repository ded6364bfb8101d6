import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerDb } from '../../src/ledger/db';
import { recordOrder } from '../../src/ledger/record';
import { SyncOption } from '../../src/ui/options/SyncOption';
import { readSyncSettings, SYNC_LOCAL } from '../../src/sync/engine';
import { recordKey, type DeviceRecord } from '../../src/sync/record';
import { SYNC_ALARM } from '../../src/sync/schedule';
import { setLocaleOverride } from '../../src/core/i18n';
import { Popup } from '../../src/ui/Popup';
import { packaged } from '../helpers/locales';

const NOW = new Date(2026, 10, 28, 12).getTime();

let db: LedgerDb;
let root: HTMLElement;
beforeEach(async () => {
  fakeBrowser.reset();
  await setLocaleOverride('en', packaged);
  db = new LedgerDb(`sync-ui-${Math.random()}`);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  db.close();
  await setLocaleOverride(undefined);
});

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => byTestId(id)?.textContent ?? '';

/** Another browser's record: 2 Amazon actions (96 g, 96 points), 40 points spent, 3 days ago today. */
const desktop = (over: Partial<DeviceRecord> = {}): DeviceRecord => ({
  v: 1,
  n: 'Desktop',
  u: NOW - 3_600_000,
  p: { amazon: [2, 96, 0, 920, 96] },
  k: { 'consolidated-shipping': 2 },
  r: [1, 40],
  d: ['2026-09-06', { marketplace: `${','.repeat(83)}2o` }],
  ...over,
});

async function showPopup() {
  await db.subAccounts.add({ platform: 'ubereats', linkedAt: NOW });
  render(<Popup db={db} locale="en" now={() => NOW} grants={async (ids) => new Map(ids.map((id) => [id, true]))} />, root);
}

describe('popup across browsers', () => {
  it('with sync off (the default) shows this browser only, even with records in the sync area', async () => {
    await fakeBrowser.storage.sync.set({ [recordKey('desk')]: desktop() });
    await recordOrder(db, { platform: 'ubereats', orderKey: 'a', committedAt: NOW, observations: [{ kind: 'no-cutlery', observedAt: NOW }] });
    await showPopup();
    await expect.poll(() => text('total-grams')).toBe('15 g CO2e avoided');
    await new Promise((r) => setTimeout(r, 50));
    expect(text('total-grams')).toBe('15 g CO2e avoided');
    expect(byTestId('synced-browsers')).toBeNull();
  });

  it('with sync on adds the other browsers to the account, sub-accounts and chart, and lists them', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_LOCAL.on]: true, [SYNC_LOCAL.installId]: 'mine' });
    await recordOrder(db, { platform: 'ubereats', orderKey: 'a', committedAt: NOW, observations: [{ kind: 'no-cutlery', observedAt: NOW }] });
    await showPopup();
    await expect.poll(() => text('total-grams')).toBe('15 g CO2e avoided');
    expect(text('synced-browsers')).toContain('This browser');

    // a record delivered by the browser's sync shows at once (storage.onChanged)
    await fakeBrowser.storage.sync.set({ [recordKey('desk')]: desktop() });
    await expect.poll(() => text('total-grams')).toBe('111 g CO2e avoided');
    expect(text('points')).toBe('68 points');
    const others = [...root.querySelectorAll('[data-testid="other-browser"]')].map((li) => li.textContent);
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^Desktop96 gLast synced /);
    // Amazon is used only on the desktop: it still has a sub-account row, so they add up
    expect(root.querySelector('[data-testid="sub-accounts"] [data-platform="amazon"]')?.textContent).toContain('96 g');
    expect(text('chart')).toContain('Last 12 weeks: 111 g CO2e avoided.');

    // this browser's own record is never counted twice
    await fakeBrowser.storage.sync.set({ [recordKey('mine')]: desktop({ n: 'me' }) });
    await new Promise((r) => setTimeout(r, 50));
    expect(text('total-grams')).toBe('111 g CO2e avoided');
  });
});

describe('options: one account across browsers', () => {
  it('is off by default; on asks for the record, off removes this browser’s record only', async () => {
    await fakeBrowser.storage.sync.set({ [recordKey('desk')]: desktop() });
    await db.open();
    render(<SyncOption db={db} locale="en" />, root);
    await expect.poll(() => byTestId('sync-switch')).not.toBeNull();
    const toggle = byTestId('sync-switch') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(root.textContent).toContain('Show one account across my browsers');
    expect(root.textContent).toContain('no order numbers, no page contents, no history');

    toggle.click();
    await expect.poll(async () => (await readSyncSettings(fakeBrowser.storage.local)).on).toBe(true);
    await expect.poll(() => text('sync-status')).toBe('Not synced yet');
    await expect.poll(() => text('sync-others')).toContain('Desktop');

    // the background writes the record; the page shows when
    const id = 'mine';
    await fakeBrowser.storage.local.set({ [SYNC_LOCAL.installId]: id, [SYNC_LOCAL.state]: { lastWriteAt: NOW, syncedAt: NOW } });
    await fakeBrowser.storage.sync.set({ [recordKey(id)]: desktop({ n: 'Laptop' }) });
    await expect.poll(() => text('sync-status')).toMatch(/^Last synced /);

    // a change to the ledger made on this page asks the background for a write (once the page
    // has read the ledger: a change before that is the background's own, which it writes itself)
    await new Promise((r) => setTimeout(r, 300));
    await recordOrder(db, { platform: 'ubereats', orderKey: 'a', committedAt: NOW, observations: [{ kind: 'no-cutlery', observedAt: NOW }] });
    await expect.poll(async () => (await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime ?? 0).toBeGreaterThanOrEqual(NOW + 60_000);

    (byTestId('sync-switch') as HTMLInputElement).click();
    await expect.poll(async () => Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([recordKey('desk')]);
    expect((await readSyncSettings(fakeBrowser.storage.local)).on).toBe(false);
  });

  it('saves this browser’s name and forgets a browser no longer used', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_LOCAL.on]: true, [SYNC_LOCAL.installId]: 'mine' });
    await fakeBrowser.storage.sync.set({ [recordKey('desk')]: desktop(), [recordKey('mine')]: desktop({ n: 'Laptop' }) });
    render(<SyncOption db={db} locale="en" />, root);
    await expect.poll(() => text('sync-others')).toContain('Desktop');
    expect(text('sync-others')).not.toContain('Laptop');

    const input = root.querySelector<HTMLInputElement>('#sync-name')!;
    input.value = '  Kitchen laptop ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await expect.poll(() => input.value).toBe('  Kitchen laptop ');
    [...root.querySelectorAll<HTMLButtonElement>('#sync button')].find((b) => b.textContent === 'Save')!.click();
    await expect.poll(async () => (await readSyncSettings(fakeBrowser.storage.local)).name).toBe('Kitchen laptop');

    root.querySelector<HTMLButtonElement>('button[aria-label="Forget Desktop (a browser you no longer use)"]')!.click();
    await expect.poll(async () => Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([recordKey('mine')]);
    await expect.poll(() => byTestId('sync-others')).toBeNull();
  });

  it('shows a refused write and when it is tried again', async () => {
    await fakeBrowser.storage.local.set({
      [SYNC_LOCAL.on]: true,
      [SYNC_LOCAL.state]: { lastWriteAt: NOW, problem: { kind: 'quota', message: 'QUOTA_BYTES quota exceeded', at: NOW, attempts: 1, retryAt: NOW + 60_000 } },
    });
    render(<SyncOption db={db} locale="en" />, root);
    await expect.poll(() => text('sync-status')).toMatch(/^Your browser’s sync storage is full.*Nothing is lost/);
  });
});
