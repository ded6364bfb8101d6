import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type FlowDeps, type SenderInfo } from '../../src/background/checkout-flow';
import { hashOrderRef } from '../../src/background/order-key';
import { detectCustomShop } from '../../src/detect/generic';
import { LedgerDb } from '../../src/ledger/db';
import { parseMessage } from '../../src/messaging/protocol';
import { loadPage, kindsOnly } from '../helpers/page';
import { packaged } from '../helpers/locales';

const SHOP = 'https://greenbowl.example';
const ID = 'custom:greenbowl.example';

describe('generic detector', () => {
  it('reads a custom shop’s checkout through the lexicon, as sub-account custom:<host>', () => {
    const { url, doc } = loadPage('custom-shop/checkout.html', `${SHOP}/checkout`);
    expect(kindsOnly(detectCustomShop(url, doc))).toEqual({ platform: ID, page: 'checkout', observations: [] });
    (doc.querySelector('input[name=cutlery]') as HTMLInputElement).checked = true;
    expect(kindsOnly(detectCustomShop(url, doc))).toEqual({ platform: ID, page: 'checkout', observations: [{ kind: 'no-cutlery' }] });
  });

  it('counts no control in a disabled fieldset, but one in the fieldset’s first legend', () => {
    const { url, doc } = loadPage('custom-shop/checkout.html', `${SHOP}/checkout`);
    const cutlery = doc.querySelector('input[name=cutlery]') as HTMLInputElement;
    cutlery.checked = true;
    const fieldset = doc.createElement('fieldset');
    fieldset.setAttribute('disabled', '');
    const label = cutlery.closest('label')!;
    label.replaceWith(fieldset);
    fieldset.append(label);
    expect(kindsOnly(detectCustomShop(url, doc))?.observations).toEqual([]);
    const legend = doc.createElement('legend');
    fieldset.prepend(legend);
    legend.append(label);
    expect(kindsOnly(detectCustomShop(url, doc))?.observations).toEqual([{ kind: 'no-cutlery' }]);
  });

  it('knows the confirmation by its heading, and reads nothing on a page with no place-order button', () => {
    const thanks = loadPage('custom-shop/confirmation.html', `${SHOP}/order/thanks`);
    expect(kindsOnly(detectCustomShop(thanks.url, thanks.doc))).toEqual({ platform: ID, page: 'confirmation', observations: [] });
    const product = loadPage('custom-shop/product.html', `${SHOP}/bowl`);
    (product.doc.querySelector('input') as HTMLInputElement).checked = true;
    expect(kindsOnly(detectCustomShop(product.url, product.doc))).toEqual({ platform: ID, page: 'other', observations: [] });
    expect(detectCustomShop(new URL('http://greenbowl.example/checkout'), product.doc)).toBeNull();
  });
});

describe('background and custom shops', () => {
  const EXT = 'ext';
  let db: LedgerDb;
  let deps: FlowDeps;
  const sender = (url: string): SenderInfo => ({ id: EXT, url, tabId: 3, frameId: 0 });
  const checkout = { type: 'page-read', reading: { platform: ID, page: 'checkout', observations: [{ kind: 'no-cutlery' }] }, documentAt: 1 };
  const confirmation = { type: 'page-read', reading: { platform: ID, page: 'confirmation', observations: [] }, documentAt: 2 };

  beforeEach(() => {
    fakeBrowser.reset();
    db = new LedgerDb(`custom-${Math.random()}`);
    let n = 0;
    deps = {
      db,
      session: fakeBrowser.storage.session,
      extensionId: EXT,
      now: () => Date.UTC(2026, 10, 28),
      orderKey: (platform, ref) => hashOrderRef('salt', platform, ref),
      newCheckoutId: () => `c${++n}`,
      log: vi.fn(),
      exclusive: (_name, task) => task(),
      messagesOf: packaged,
    };
  });

  it('records an order at a shop the user added, from that exact host', async () => {
    await db.subAccounts.add({ platform: ID, linkedAt: 1 });
    await handleMessage(checkout, sender(`${SHOP}/checkout`), deps);
    // A "Thank you for your order" heading alone records nothing: the shopper's press does.
    expect(await handleMessage(confirmation, sender(`${SHOP}/order/thanks`), deps)).toEqual({ ok: true, recorded: 0 });
    const again = { ...checkout, documentAt: 3 };
    await handleMessage(again, sender(`${SHOP}/checkout`), deps);
    await handleMessage({ ...again, type: 'order-placed' }, sender(`${SHOP}/checkout`), deps);
    expect(await handleMessage({ ...confirmation, documentAt: 4 }, sender(`${SHOP}/order/thanks`), deps)).toEqual({ ok: true, recorded: 1 });
    expect(await db.actions.toArray()).toMatchObject([{ platform: ID, kind: 'no-cutlery', points: 12 }]);
  });

  it('refuses a shop the user did not add, and another host speaking for it', async () => {
    expect(await handleMessage(checkout, sender(`${SHOP}/checkout`), deps)).toEqual({
      ok: false,
      reason: `${ID} is not a shop the user added`,
    });
    await db.subAccounts.add({ platform: ID, linkedAt: 1 });
    for (const url of ['https://evil.example/checkout', 'https://sub.greenbowl.example/checkout', 'http://greenbowl.example/checkout']) {
      expect(await handleMessage(checkout, sender(url), deps), url).toMatchObject({ ok: false });
    }
    expect(await db.actions.count()).toBe(0);
  });

  it('keeps the name a linked platform shows as "linked as", and nothing for an unlinked one', async () => {
    const seen = { type: 'identity-seen', platform: 'ubereats', linkedAs: 'Alex M.' };
    const uber = sender('https://www.ubereats.com/checkout');
    expect(await handleMessage(seen, uber, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await db.subAccounts.count()).toBe(0);
    await db.subAccounts.add({ platform: 'ubereats', linkedAt: 1 });
    await handleMessage(seen, uber, deps);
    expect((await db.subAccounts.get('ubereats'))?.linkedAs).toBe('Alex M.');
    expect(await handleMessage({ ...seen, linkedAs: 'Eve' }, sender('https://evil.example/'), deps)).toMatchObject({ ok: false });
    expect((await db.subAccounts.get('ubereats'))?.linkedAs).toBe('Alex M.');
  });

  it('the protocol refuses a linked-as that is empty, too long or has control characters', () => {
    for (const linkedAs of ['', '   ', 'x'.repeat(65), 'a\u0000b']) {
      expect(parseMessage({ type: 'identity-seen', platform: 'ubereats', linkedAs }).ok, JSON.stringify(linkedAs)).toBe(false);
    }
    expect(parseMessage({ type: 'page-read', reading: { platform: 'custom:UPPER.example', page: 'other', observations: [] }, documentAt: 1 }).ok).toBe(false);
  });
});
