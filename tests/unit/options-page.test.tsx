import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerDb } from '../../src/ledger/db';
import { deleteSubAccountHistory } from '../../src/ledger/sub-account';
import type { PermissionEvents } from '../../src/ui/options/Accounts';
import { Options } from '../../src/ui/options/Options';
import { originPatterns } from '../../src/platforms/hosts';
import { platformById } from '../../src/platforms/index';
import { setLocaleOverride } from '../../src/core/i18n';
import { backgroundLinks, fakeSiteAccess } from '../helpers/site-access';
import { packaged } from '../helpers/locales';

const noEvents: PermissionEvents = {
  onAdded: { addListener() {}, removeListener() {} },
  onRemoved: { addListener() {}, removeListener() {} },
};

let db: LedgerDb;
let access: ReturnType<typeof fakeSiteAccess>;
let root: HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  await setLocaleOverride('en', packaged);
  db = new LedgerDb(`page-${Math.random()}`);
  access = fakeSiteAccess();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await setLocaleOverride(undefined);
});

async function show(welcome = false) {
  await act(() => {
    render(
      <Options
        deps={{ api: access.api, db, now: () => 1, linksChanged: backgroundLinks(access.api, db), deleteHistory: deleteSubAccountHistory }}
        events={noEvents}
        locale="en"
        welcome={welcome}
        onLanguage={() => undefined}
      />,
      root,
    );
  });
}

const settle = async (check: () => void) => {
  for (let i = 0; i < 50; i++) {
    try {
      check();
      return;
    } catch {
      await act(() => new Promise((r) => setTimeout(r, 10)));
    }
  }
  check();
};

const row = (id: string) => root.querySelector(`[data-testid="account-${id}"]`) as HTMLElement;

describe('Options page', () => {
  it('shows the welcome on first install, then every platform by category with its status', async () => {
    await show(true);
    expect(root.querySelector('[data-testid="welcome"]')?.textContent).toContain('no network requests, no tracking, no affiliate links');
    await settle(() => expect(row('ubereats')?.querySelector('[data-testid="status"]')?.textContent).toBe('Not linked'));
    expect(root.querySelector('#group-food-delivery')?.textContent).toBe('Food delivery');
  });

  it('asks the browser inside the click itself, before anything awaits', async () => {
    await show();
    await settle(() => expect(row('ubereats')).toBeTruthy());
    const button = row('ubereats').querySelector('button[aria-label="Link Uber Eats"]') as HTMLButtonElement;
    button.click();
    // Synchronously after the click: Chrome refuses a request made after an await.
    expect(access.api.permissions.request).toHaveBeenCalledWith({ origins: originPatterns(platformById('ubereats')!) });
    await settle(() => expect(row('ubereats').querySelector('[data-testid="status"]')?.textContent).toBe('Linked'));
    expect(root.querySelector('[data-testid="notice"]')?.textContent).toBe('Uber Eats is linked. Its checkout pages are read from now on.');
  });

  it('a refused prompt says so and leaves the platform unlinked', async () => {
    access.refuse();
    await show();
    await settle(() => expect(row('ubereats')).toBeTruthy());
    (row('ubereats').querySelector('button[aria-label="Link Uber Eats"]') as HTMLButtonElement).click();
    await settle(() =>
      expect(root.querySelector('[data-testid="notice"]')?.textContent).toBe(
        'Site access for Uber Eats was not granted, so nothing was linked and nothing runs there.',
      ),
    );
    expect(row('ubereats').querySelector('[data-testid="status"]')?.textContent).toBe('Not linked');
    expect(access.scripts.size).toBe(0);
  });

  it('shows "linked as" from the platform page and the label the user typed', async () => {
    await db.subAccounts.add({ platform: 'ubereats', linkedAt: 1, linkedAs: 'Alex M.', label: 'Work lunches' });
    await show();
    await settle(() => expect(row('ubereats')?.textContent).toContain('Linked as Alex M.'));
    expect((row('ubereats').querySelector('input') as HTMLInputElement).value).toBe('Work lunches');
    // Linked in the ledger but the browser does not grant the sites: access was removed.
    expect(row('ubereats').querySelector('[data-testid="status"]')?.textContent).toBe(
      'Site access was removed in the browser. Link again to resume.',
    );
  });
});
