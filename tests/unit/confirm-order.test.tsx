import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type FlowDeps, type SenderInfo } from '../../src/background/checkout-flow';
import { backgroundDoor } from '../helpers/router';
import { hashOrderRef } from '../../src/background/order-key';
import { LedgerDb } from '../../src/ledger/db';
import { mainAccount } from '../../src/ledger/queries';
import type { Request } from '../../src/messaging/protocol';
import { ConfirmOrder } from '../../src/ui/ConfirmOrder';
import { setLocaleOverride } from '../../src/core/i18n';
import { packaged } from '../helpers/locales';

const EXT = 'ext';
const POPUP: SenderInfo = { id: EXT, url: 'chrome-extension://ext/popup.html' };
const SHOP: SenderInfo = { id: EXT, url: 'https://www.ubereats.com/checkout', tabId: 4, frameId: 0 };
let db: LedgerDb;
let deps: FlowDeps;
let root: HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  await setLocaleOverride('en', packaged);
  db = new LedgerDb(`confirm-${Math.random()}`);
  let n = 0;
  deps = {
    db,
    session: fakeBrowser.storage.session,
    extensionId: EXT,
    now: () => Date.UTC(2026, 10, 28, 12),
    orderKey: (platform, ref) => hashOrderRef('salt', platform, ref),
    newCheckoutId: () => `c${++n}`,
    log: vi.fn(),
    exclusive: (_name, task) => task(),
    messagesOf: packaged,
  };
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await setLocaleOverride(undefined);
  render(null, root);
  root.remove();
});

/** A checkout with no cutlery, then an order page with no press seen. */
async function unpressedOrder(ref: string) {
  await handleMessage({ type: 'page-read', reading: { platform: 'ubereats', page: 'checkout', observations: [{ kind: 'no-cutlery' }] }, documentAt: 1 }, SHOP, deps);
  await handleMessage({ type: 'page-read', reading: { platform: 'ubereats', page: 'confirmation', observations: [], order: { ref } }, documentAt: 2 }, SHOP, deps);
}

describe('"Did you place this order?" in the popup', () => {
  const send = (message: Request) => backgroundDoor(deps, 'chrome-extension://ext/')(message, POPUP);

  it('shows nothing when every order had its press', async () => {
    const spy = vi.fn(send);
    render(<ConfirmOrder locale="en-US" send={spy} />, root);
    await vi.waitFor(() => expect(spy).toHaveBeenCalled());
    expect(root.textContent).toBe('');
  });

  it('asks about a confirmation seen with no press; yes records it once', async () => {
    await unpressedOrder('o-1');
    render(<ConfirmOrder locale="en-US" send={send} />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Did you place this order?'));
    expect(root.textContent).toContain('Uber Eats');
    expect(root.textContent).toContain('No cutlery');
    expect(await db.actions.count()).toBe(0);
    const yes = Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Yes, I placed it')!;
    yes.click();
    yes.click();
    await vi.waitFor(() => expect(root.textContent).toBe(''));
    await new Promise((r) => setTimeout(r, 50));
    expect(root.textContent).toBe('');
    expect(await mainAccount(db)).toMatchObject({ count: 1, points: 12 });
  });

  it('no forgets it and records nothing', async () => {
    await unpressedOrder('o-2');
    render(<ConfirmOrder locale="en-US" send={send} />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('button')).toHaveLength(2));
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'No, forget it')!.click();
    await vi.waitFor(() => expect(root.textContent).toBe(''));
    expect(await db.actions.count()).toBe(0);
    expect(await send({ type: 'order-offers-wanted' })).toEqual({ ok: true, offers: [] });
  });
});
