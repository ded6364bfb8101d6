import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adoptGranted, syncRegistrations, type Exclusive } from '../../src/background/registration';
import { LedgerDb } from '../../src/ledger/db';
import { mainAccount } from '../../src/ledger/queries';
import { recordOrder } from '../../src/ledger/record';
import { deleteSubAccountHistory } from '../../src/ledger/sub-account';
import { deleteEverything, exportJson, importJson } from '../../src/ledger/transfer';
import { accountRows, afterImport, deleteAccount, link, parseShopAddress, setLabel, unlink, type LinkDeps } from '../../src/ui/options/linking';
import { originPatterns } from '../../src/platforms/hosts';
import { PLATFORMS, platformById } from '../../src/platforms/index';
import { backgroundLinks, fakeSiteAccess } from '../helpers/site-access';

const UBER = platformById('ubereats')!;
const UBER_ORIGINS = originPatterns(UBER);
const alone: Exclusive = (_name, task) => task();

let db: LedgerDb;
let access: ReturnType<typeof fakeSiteAccess>;
let deps: LinkDeps;

beforeEach(() => {
  fakeBrowser.reset();
  db = new LedgerDb(`link-${Math.random()}`);
  access = fakeSiteAccess();
  deps = { api: access.api, db, now: () => 1_700_000_000_000, linksChanged: backgroundLinks(access.api, db), deleteHistory: deleteSubAccountHistory };
});

async function recordNoCutlery(platform: string, order: string) {
  await recordOrder(db, { platform, orderKey: order, observations: [{ kind: 'no-cutlery', observedAt: 1 }], committedAt: Date.UTC(2026, 10, 1) });
}

describe('link', () => {
  it('asks for exactly the platform’s sites before anything else, and registers no script on them', async () => {
    const pending = link(deps, 'ubereats');
    // Synchronously, inside the click: the browser refuses a request made after an await.
    expect(access.api.permissions.request).toHaveBeenCalledWith({ origins: UBER_ORIGINS });
    expect(await pending).toEqual({ ok: true, id: 'ubereats' });
    // The background injects the checkout script at the platform's checkout addresses only (injection.test.ts).
    expect(access.scripts.size).toBe(0);
    expect(await db.subAccounts.get('ubereats')).toEqual({ platform: 'ubereats', linkedAt: 1_700_000_000_000 });
    const row = (await accountRows(access.api, db)).find((r) => r.id === 'ubereats');
    expect(row?.status).toBe('linked');
  });

  it('registers nothing and writes nothing when the person refuses the prompt', async () => {
    access.refuse();
    expect(await link(deps, 'ubereats')).toEqual({ ok: false, problem: 'refused' });
    expect(access.scripts.size).toBe(0);
    expect(await db.subAccounts.count()).toBe(0);
    expect((await accountRows(access.api, db)).every((r) => r.status === 'not-linked')).toBe(true);
  });

  it('reports a request the browser rejects, registering nothing', async () => {
    access.api.permissions.request = async () => {
      throw new Error('This function must be called during a user gesture');
    };
    const result = await link(deps, 'ubereats');
    expect(result).toMatchObject({ ok: false, problem: 'failed', detail: expect.stringContaining('user gesture') });
    expect(access.scripts.size).toBe(0);
  });

  it('refuses an id that is neither a platform nor a custom shop, without asking the browser', async () => {
    expect(await link(deps, 'not-a-platform')).toEqual({ ok: false, problem: 'unknown' });
    expect(access.api.permissions.request).not.toHaveBeenCalled();
  });

  it('linking twice keeps one link, one registration and the first link date', async () => {
    await link(deps, 'custom:shop.example');
    deps.now = () => 1_800_000_000_000;
    await link(deps, 'custom:shop.example');
    expect(access.scripts.size).toBe(1);
    expect(await db.subAccounts.count()).toBe(1);
    expect((await db.subAccounts.get('custom:shop.example'))?.linkedAt).toBe(1_700_000_000_000);
  });
});

describe('site access changed in the browser', () => {
  it('a revoked permission stops the script and the page says access was removed', async () => {
    await link(deps, 'ubereats');
    await link(deps, 'custom:shop.example');
    access.revoke(UBER_ORIGINS);
    access.revoke(['https://shop.example/*']);
    expect(await syncRegistrations(access.api, db.subAccounts)).toEqual([]);
    expect(access.scripts.size).toBe(0);
    const rows = await accountRows(access.api, db);
    expect(rows.find((r) => r.id === 'ubereats')?.status).toBe('access-removed');
    expect(rows.find((r) => r.id === 'custom:shop.example')?.status).toBe('access-removed');
    // Granting it again in the browser resumes it.
    access.granted.add('https://shop.example/*');
    expect(await syncRegistrations(access.api, db.subAccounts)).toEqual(['checkout-custom:shop.example']);
  });

  it('a platform granted outside the page is linked; an unrelated grant does not relink an unlinked one', async () => {
    UBER_ORIGINS.forEach((o) => access.granted.add(o));
    expect(await adoptGranted(access.api, db.subAccounts, 5, ['https://elsewhere.example/*'])).toEqual([]);
    expect(await adoptGranted(access.api, db.subAccounts, 5, UBER_ORIGINS)).toEqual(['ubereats']);
    expect((await db.subAccounts.get('ubereats'))?.linkedAt).toBe(5);
  });

  it('on install, every platform the build already grants is linked', async () => {
    const all = PLATFORMS.flatMap(originPatterns);
    access = fakeSiteAccess({ required: all });
    expect(await adoptGranted(access.api, db.subAccounts, 5)).toEqual(PLATFORMS.map((p) => p.id));
  });
});

describe('unlink', () => {
  it('stops the script, gives the access back and keeps the history when asked to', async () => {
    await link(deps, 'ubereats');
    await recordNoCutlery('ubereats', 'a');
    expect(await unlink(deps, 'ubereats', { deleteHistory: false })).toEqual({ accessKept: false, deletedHistory: false });
    expect(access.scripts.size).toBe(0);
    expect(await access.api.permissions.contains({ origins: UBER_ORIGINS })).toBe(false);
    expect(await db.subAccounts.count()).toBe(0);
    expect(await db.actions.count()).toBe(1);
    expect(await mainAccount(db)).toMatchObject({ count: 1, grams: 15 });
  });

  it('deletes that sub-account’s actions and their share of every total, and nothing else', async () => {
    await link(deps, 'ubereats');
    await recordNoCutlery('ubereats', 'a');
    await recordNoCutlery('ubereats', 'b');
    await recordNoCutlery('custom:shop.example', 'c');
    await unlink(deps, 'ubereats', { deleteHistory: true });
    expect((await db.actions.toArray()).map((a) => a.platform)).toEqual(['custom:shop.example']);
    expect(await mainAccount(db)).toMatchObject({ count: 1, grams: 15, points: 15 });
    expect(await db.totals.get('platform:ubereats')).toBeUndefined();
    expect(await db.totals.get('kind:no-cutlery')).toMatchObject({ count: 1, grams: 15 });
  });

  it('in a build whose hosts are required, unlinking still stops the script and says the access stayed', async () => {
    access = fakeSiteAccess({ required: UBER_ORIGINS });
    deps.api = access.api;
    await adoptGranted(access.api, db.subAccounts, 5);
    expect(await db.subAccounts.get('ubereats')).toBeDefined();
    expect(await unlink(deps, 'ubereats', { deleteHistory: false })).toMatchObject({ accessKept: true });
    // No row, no injection: the background injects only for linked platforms.
    expect(await db.subAccounts.get('ubereats')).toBeUndefined();
    // A later sync (browser restart) does not bring it back: the user unlinked it.
    expect(await syncRegistrations(access.api, db.subAccounts)).toEqual([]);
    expect((await accountRows(access.api, db)).find((r) => r.id === 'ubereats')?.status).toBe('not-linked');
  });
});

describe('custom shops', () => {
  it('reads a typed address as a host, and sends a supported platform’s address to that platform', () => {
    expect(parseShopAddress('https://Shop.Example/cart?x=1')).toEqual({ ok: true, host: 'shop.example', id: 'custom:shop.example' });
    expect(parseShopAddress('  www.green-store.co.uk ')).toMatchObject({ ok: true, host: 'www.green-store.co.uk' });
    expect(parseShopAddress('https://www.ubereats.com/checkout')).toEqual({ ok: false, problem: 'platform', platform: 'ubereats' });
    for (const bad of ['', 'localhost', 'not a shop', 'ftp://shop.example', '192.168.1.1', 'https://-bad-.example']) {
      expect(parseShopAddress(bad), bad).toMatchObject({ ok: false, problem: 'invalid' });
    }
  });

  it('links exactly the one host, lists it with its label, and removes it again', async () => {
    expect(await link(deps, 'custom:shop.example')).toEqual({ ok: true, id: 'custom:shop.example' });
    expect(access.api.permissions.request).toHaveBeenCalledWith({ origins: ['https://shop.example/*'] });
    expect(access.scripts.get('checkout-custom:shop.example')?.matches).toEqual(['https://shop.example/*']);
    await setLabel(db, 'custom:shop.example', '  My corner shop  ');
    const row = (await accountRows(access.api, db)).at(-1);
    expect(row).toMatchObject({ id: 'custom:shop.example', name: 'shop.example', category: 'custom', status: 'linked' });
    expect(row?.sub?.label).toBe('My corner shop');
    await unlink(deps, 'custom:shop.example', { deleteHistory: false });
    expect((await accountRows(access.api, db)).some((r) => r.id === 'custom:shop.example')).toBe(false);
    expect(access.granted.has('https://shop.example/*')).toBe(false);
  });
});

describe('the whole account', () => {
  it('deleting everything stops every script and gives back every site access', async () => {
    await link(deps, 'ubereats');
    await link(deps, 'custom:shop.example');
    await recordNoCutlery('ubereats', 'a');
    await deleteAccount(deps, deleteEverything);
    expect(access.scripts.size).toBe(0);
    expect(access.granted.size).toBe(0);
    expect(await db.actions.count()).toBe(0);
    expect(await mainAccount(db)).toMatchObject({ count: 0, grams: 0 });
  });

  it('an imported link runs again only where the browser grants its sites', async () => {
    await link(deps, 'ubereats');
    await link(deps, 'custom:shop.example');
    const file = await exportJson(db);
    await deleteAccount(deps, deleteEverything);
    UBER_ORIGINS.forEach((o) => access.granted.add(o));
    expect(await importJson(db, file)).toMatchObject({ ok: true, added: { subAccounts: 2 } });
    expect(await afterImport(deps)).toEqual([]);
    const rows = await accountRows(access.api, db);
    expect(rows.find((r) => r.id === 'ubereats')?.status).toBe('linked');
    expect(rows.find((r) => r.id === 'custom:shop.example')?.status).toBe('access-removed');
  });
});
