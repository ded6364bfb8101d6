import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTab, handleMessage, type FlowDeps, type SenderInfo } from '../../src/background/checkout-flow';
import { backgroundDoor } from '../helpers/router';
import { hashOrderRef } from '../../src/background/order-key';
import { LedgerDb } from '../../src/ledger/db';
import { mainAccount } from '../../src/ledger/queries';
import { packaged } from '../helpers/locales';

const EXT = 'carbon-account-test';
const checkoutSender: SenderInfo = { id: EXT, url: 'https://www.ubereats.com/checkout', tabId: 7, frameId: 0 };
const ORDER = '3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77';
const confirmationSender: SenderInfo = { ...checkoutSender, url: `https://www.ubereats.com/orders/${ORDER}` };

/** When the checkout and the confirmation documents were navigated to (performance.timeOrigin). */
const CHECKOUT_DOC = 1_000;
const CONFIRMATION_DOC = 2_000;
const checkoutRead = (observations: { kind: string }[], documentAt = CHECKOUT_DOC) => ({
  type: 'page-read',
  reading: { platform: 'ubereats', page: 'checkout', observations },
  documentAt,
});
const confirmationRead = {
  type: 'page-read',
  reading: { platform: 'ubereats', page: 'confirmation', observations: [], order: { ref: ORDER } },
  documentAt: CONFIRMATION_DOC,
};
const placeOrder = (documentAt = CHECKOUT_DOC) => ({
  type: 'order-placed',
  reading: { platform: 'ubereats', page: 'checkout', observations: [{ kind: 'no-cutlery' }] },
  documentAt,
});

/** One task at a time per name, like navigator.locks. */
function serialized(): FlowDeps['exclusive'] {
  const tails = new Map<string, Promise<unknown>>();
  return (name, task) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(task, task);
    tails.set(name, run.catch(() => undefined));
    return run;
  };
}

let db: LedgerDb;
let deps: FlowDeps;
let clock: number;
let log: ReturnType<typeof vi.fn<(reason: string) => void>>;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new LedgerDb(`test-${Math.random()}`);
  clock = Date.UTC(2026, 10, 28, 12);
  log = vi.fn<(reason: string) => void>();
  let n = 0;
  deps = {
    db,
    session: fakeBrowser.storage.session,
    extensionId: EXT,
    now: () => clock,
    orderKey: (platform, ref) => hashOrderRef('salt', platform, ref),
    newCheckoutId: () => `checkout-${++n}`,
    log,
    exclusive: serialized(),
    messagesOf: packaged,
  };
});

describe('observe, then commit', () => {
  it('records one no-cutlery action only when the confirmation follows a press', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    expect(await handleMessage(placeOrder(), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await db.actions.count()).toBe(0);
    const reply = await handleMessage(confirmationRead, confirmationSender, deps);
    expect(reply).toEqual({ ok: true, recorded: 1 });
    const [action] = await db.actions.toArray();
    expect(action).toMatchObject({ platform: 'ubereats', kind: 'no-cutlery', status: 'active', points: 12 });
    expect(action.grams).toEqual({ central: 15, low: 10, high: 40 });
    expect(action.orderKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.actions.toArray())).not.toContain(ORDER);
    expect(await mainAccount(db)).toMatchObject({ count: 1, grams: 15, points: 12 });
  });

  it('records nothing for toggling the switch many times', async () => {
    for (let i = 0; i < 20; i++) {
      await handleMessage(checkoutRead(i % 2 ? [] : [{ kind: 'no-cutlery' }]), checkoutSender, deps);
    }
    expect(await db.actions.count()).toBe(0);
  });

  it('records nothing when the switch was on at the moment of the order', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(checkoutRead([]), checkoutSender, deps);
    await handleMessage(confirmationRead, confirmationSender, deps);
    expect(await db.actions.count()).toBe(0);
  });

  it('records nothing on the press alone; its confirmation records once, and reloads add nothing', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    expect(await handleMessage(placeOrder(), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await handleMessage(placeOrder(), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await handleMessage(confirmationRead, confirmationSender, deps)).toEqual({ ok: true, recorded: 1 });
    for (let i = 0; i < 3; i++) await handleMessage(confirmationRead, confirmationSender, deps);
    expect(await db.actions.count()).toBe(1);
    expect(await mainAccount(db)).toMatchObject({ count: 1, points: 12 });
  });

  it('records once when the press and the confirmation arrive together, in either order', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await Promise.all([
      handleMessage(confirmationRead, confirmationSender, deps),
      handleMessage(placeOrder(), checkoutSender, deps),
    ]);
    expect(await db.actions.count()).toBe(1);
  });

  it('keeps one action when the confirmation is reloaded after the session is gone', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    await handleMessage(confirmationRead, confirmationSender, deps);
    await fakeBrowser.storage.session.clear();
    await handleMessage({ ...confirmationRead, reading: { ...confirmationRead.reading, observations: [{ kind: 'no-cutlery' }] } }, confirmationSender, deps);
    expect(await db.actions.count()).toBe(1);
  });

  it('records a second order in the same tab as its own', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    await handleMessage(confirmationRead, confirmationSender, deps);
    clock += 60 * 60 * 1000;
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }], CONFIRMATION_DOC + 1), checkoutSender, deps);
    await handleMessage(placeOrder(CONFIRMATION_DOC + 1), checkoutSender, deps);
    const second = { ...confirmationRead, reading: { ...confirmationRead.reading, order: { ref: 'second-order-0001' } } };
    await handleMessage(second, { ...checkoutSender, url: 'https://www.ubereats.com/orders/second-order-0001' }, deps);
    expect(await db.actions.count()).toBe(2);
  });

  // The checkout and its confirmation page may run in different renderer processes, so the
  // checkout's messages can reach the background after the confirmation's. Each page's own
  // messages stay in order: the checkout reads, re-reads and is pressed; the confirmation
  // is read and re-read (its DOM settling). Every interleaving of the two is tried.
  const interleavings = (a: string[], b: string[]): string[][] =>
    !a.length || !b.length
      ? [[...a, ...b]]
      : [...interleavings(a.slice(1), b).map((r) => [a[0], ...r]), ...interleavings(a, b.slice(1)).map((r) => [b[0], ...r])];
  it.each(interleavings(['read', 'read', 'press'], ['confirmation', 'confirmation']).map((order) => [order.join(', '), order]))(
    'records the order once whatever order its messages arrive in: %s',
    async (_name, arrivals) => {
      const message = { read: checkoutRead([{ kind: 'no-cutlery' }]), press: placeOrder(), confirmation: confirmationRead };
      for (const arrival of arrivals as (keyof typeof message)[]) {
        await handleMessage(message[arrival], arrival === 'confirmation' ? confirmationSender : checkoutSender, deps);
      }
      expect(await db.actions.count()).toBe(1);
      expect(await mainAccount(db)).toMatchObject({ count: 1, points: 12 });
    },
  );

  it('takes a checkout opened after the confirmation, in the same tab, to be a new order', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    await handleMessage(confirmationRead, confirmationSender, deps);
    clock += 5 * 60 * 1000;
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }], CONFIRMATION_DOC + 1), checkoutSender, deps);
    expect(await handleMessage(placeOrder(CONFIRMATION_DOC + 1), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    const second = { ...confirmationRead, documentAt: CONFIRMATION_DOC + 2, reading: { ...confirmationRead.reading, order: { ref: 'second-order-0002' } } };
    expect(await handleMessage(second, confirmationSender, deps)).toEqual({ ok: true, recorded: 1 });
    expect(await db.actions.count()).toBe(2);
  });

  // A test closing the tab just after the confirmation loaded once counted an Ele.me order twice:
  // the tab's placed order was forgotten while its confirmation was still being handled.
  it('records once when the tab closes while its confirmation is still on the way', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    const showsChoice = { ...confirmationRead, reading: { ...confirmationRead.reading, observations: [{ kind: 'no-cutlery' }] } };
    await Promise.all([handleMessage(confirmationRead, confirmationSender, deps), forgetTab(deps, checkoutSender.tabId!)]);
    await handleMessage(showsChoice, confirmationSender, deps);
    expect(await db.actions.count()).toBe(1);
    expect(await mainAccount(db)).toMatchObject({ count: 1, points: 12 });
  });

  it('records once when the confirmation arrives after its tab closed', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    await forgetTab(deps, checkoutSender.tabId!);
    const showsChoice = { ...confirmationRead, reading: { ...confirmationRead.reading, observations: [{ kind: 'no-cutlery' }] } };
    expect(await handleMessage(showsChoice, confirmationSender, deps)).toEqual({ ok: true, recorded: 1 });
    expect(await handleMessage(showsChoice, confirmationSender, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await db.actions.count()).toBe(1);
  });

  it('drops a closed tab’s unplaced checkout, keeps other tabs’ checkouts, and lets expired entries go', async () => {
    const otherTab: SenderInfo = { ...checkoutSender, tabId: 8 };
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), otherTab, deps);
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await forgetTab(deps, checkoutSender.tabId!);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['pending:8:ubereats']);

    await handleMessage(placeOrder(), otherTab, deps);
    await forgetTab(deps, otherTab.tabId!);
    // A pressed checkout outlives its tab for a while: its confirmation may still be on the way.
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['pending:8:ubereats']);
    clock += 3 * 60 * 60 * 1000;
    await forgetTab(deps, 9);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('survives a service-worker restart between checkout and confirmation (state is in storage.session)', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    const restarted: FlowDeps = { ...deps, db: new LedgerDb(db.name) };
    expect(await handleMessage(confirmationRead, confirmationSender, restarted)).toEqual({ ok: true, recorded: 1 });
  });
});

describe('the background accepts only the protocol, from the platform’s own pages', () => {
  const cases: [string, unknown, SenderInfo, RegExp][] = [
    ['a message of unknown type', { type: 'grant-points', points: 1e9 }, checkoutSender, /malformed message/],
    ['a malformed observation', checkoutRead([{ kind: 'plant-a-tree' }]), checkoutSender, /malformed message at reading\.observations/],
    ['extra fields', { ...placeOrder(), points: 1000 }, checkoutSender, /malformed message/],
    ['not an object', 'order-placed', checkoutSender, /malformed message/],
    ['another extension', placeOrder(), { ...checkoutSender, id: 'someone-else' }, /not this extension/],
    ['a page outside the platform', placeOrder(), { ...checkoutSender, url: 'https://evil.example/checkout' }, /does not belong to ubereats/],
    ['a look-alike host', placeOrder(), { ...checkoutSender, url: 'https://ubereats.com.evil.example/' }, /does not belong/],
    ['plain http', placeOrder(), { ...checkoutSender, url: 'http://www.ubereats.com/checkout' }, /not https/],
    ['an extension page, not a tab', placeOrder(), { id: EXT, url: 'https://www.ubereats.com/checkout' }, /not a content script/],
    ['a sub-frame', placeOrder(), { ...checkoutSender, frameId: 3 }, /top-level frame/],
    ['an unknown platform', { ...placeOrder(), reading: { ...placeOrder().reading, platform: 'nosuchshop' } }, checkoutSender, /unknown platform/],
  ];
  it.each(cases)('rejects %s with a logged reason and writes nothing', async (_name, message, sender, reason) => {
    const reply = await handleMessage(message, sender, deps);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.reason).toMatch(reason);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(reason));
    expect(await db.actions.count()).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('a full disk', () => {
  it('leaves no partial state, keeps the checkout pending, tells the popup, and records on retry', async () => {
    // The quota runs out after the action row is written but before the totals are: the
    // whole transaction must roll back. (Installed before the checkout's reading opens the
    // database: its answer reads the vouchers.)
    let full = false;
    db.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) =>
              full && name === 'totals'
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(req),
          };
        },
      }),
    });
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    full = true;
    const reply = await handleMessage(confirmationRead, confirmationSender, deps);
    expect(reply).toEqual({ ok: false, reason: 'storage-full' });
    expect(await db.actions.count()).toBe(0);
    expect(await db.totals.count()).toBe(0);
    expect(await fakeBrowser.storage.session.get('storageProblem')).toEqual({
      storageProblem: { at: clock, platform: 'ubereats' },
    });
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toContain('pending:7:ubereats');

    full = false;
    expect(await handleMessage(confirmationRead, confirmationSender, deps)).toEqual({ ok: true, recorded: 1 });
    expect(await mainAccount(db)).toMatchObject({ count: 1, grams: 15 });
    expect(await fakeBrowser.storage.session.get('storageProblem')).toEqual({});
  });
});

// Issue 16, findings 1 and 2: a page's scripts can change the URL and headings at will; only
// the shopper's trusted press (or their answer in the popup) places an order.
describe('nothing counted that did not happen', () => {
  const answer = (message: unknown, sender: SenderInfo) => backgroundDoor(deps, 'chrome-extension://carbon-account-test/')(message, sender);
  const offers = async () => {
    const reply = await answer({ type: 'order-offers-wanted' }, popupSender);
    return reply.ok && 'offers' in reply ? reply.offers : [];
  };
  const popupSender: SenderInfo = { id: EXT, url: 'chrome-extension://carbon-account-test/popup.html' };
  const confirmationOf = (ref: string, documentAt = CHECKOUT_DOC) => ({
    ...confirmationRead,
    documentAt,
    reading: { ...confirmationRead.reading, order: { ref } },
  });

  it('a script alternating the URL between checkout and made-up order pages records nothing', async () => {
    for (let i = 0; i < 25; i++) {
      await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
      await handleMessage(confirmationOf(`made-up-${i}`), confirmationSender, deps);
    }
    expect(await db.actions.count()).toBe(0);
    expect(await mainAccount(db)).toMatchObject({ count: 0, points: 0 });
    // One checkout to ask about, not 25.
    expect(await offers()).toHaveLength(1);
  });

  it('one press places one order, however many confirmations follow', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    for (let i = 0; i < 10; i++) {
      await handleMessage(confirmationOf(`made-up-${i}`), confirmationSender, deps);
      await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    }
    expect(await db.actions.count()).toBe(1);
  });

  it('an abandoned checkout followed by another order page records nothing; the popup asks, and yes records it once', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    expect(await handleMessage(confirmationOf('another-order', CONFIRMATION_DOC), confirmationSender, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await db.actions.count()).toBe(0);
    const [offer] = await offers();
    expect(offer).toMatchObject({ platform: 'ubereats', at: clock, choices: [{ kind: 'no-cutlery' }] });
    expect(await answer({ type: 'order-offer-answered', offerId: offer.id, placed: true }, popupSender)).toEqual({ ok: true, recorded: 1 });
    expect(await answer({ type: 'order-offer-answered', offerId: offer.id, placed: true }, popupSender)).toMatchObject({ ok: false });
    expect(await offers()).toEqual([]);
    // Its confirmation reloaded: still one order.
    await handleMessage(confirmationOf('another-order', CONFIRMATION_DOC + 5), confirmationSender, deps);
    expect(await db.actions.count()).toBe(1);
    expect(await mainAccount(db)).toMatchObject({ count: 1, points: 12 });
  });

  it('no forgets the checkout, and a page cannot answer for the shopper', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(confirmationOf('x', CONFIRMATION_DOC), confirmationSender, deps);
    const [offer] = await offers();
    const forged = { type: 'order-offer-answered', offerId: offer.id, placed: true };
    expect(await answer(forged, checkoutSender)).toMatchObject({ ok: false });
    expect(await answer({ type: 'order-offers-wanted' }, checkoutSender)).toMatchObject({ ok: false });
    expect(await answer({ ...forged, placed: false }, popupSender)).toEqual({ ok: true, recorded: 0 });
    expect(await offers()).toEqual([]);
    expect(await db.actions.count()).toBe(0);
  });

  it('a press followed by the page leaving the checkout places the order; leaving with no press, or from another page, does not', async () => {
    const left = (documentAt: number) => ({ type: 'checkout-left', platform: 'ubereats', documentAt });
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    expect(await handleMessage(left(CHECKOUT_DOC), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    await handleMessage(placeOrder(), checkoutSender, deps);
    expect(await handleMessage(left(CHECKOUT_DOC + 1), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    expect(await handleMessage(left(CHECKOUT_DOC), checkoutSender, deps)).toEqual({ ok: true, recorded: 1 });
    expect(await handleMessage(left(CHECKOUT_DOC), checkoutSender, deps)).toEqual({ ok: true, recorded: 0 });
    // The confirmation that follows joins that order.
    await handleMessage(confirmationRead, confirmationSender, deps);
    expect(await db.actions.count()).toBe(1);
  });

  it('an unpressed checkout expires: a confirmation hours later has nothing to offer', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    clock += 3 * 60 * 60 * 1000;
    await handleMessage(confirmationOf('late', CONFIRMATION_DOC), confirmationSender, deps);
    expect(await offers()).toEqual([]);
    expect(await db.actions.count()).toBe(0);
  });

  it('a press expires too: half an hour after it, a confirmation is no longer its proof', async () => {
    await handleMessage(checkoutRead([{ kind: 'no-cutlery' }]), checkoutSender, deps);
    await handleMessage(placeOrder(), checkoutSender, deps);
    clock += 31 * 60 * 1000;
    expect(await handleMessage(confirmationOf('late', CONFIRMATION_DOC), confirmationSender, deps)).toEqual({ ok: true, recorded: 0 });
  });
});
