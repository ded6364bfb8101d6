import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type FlowDeps, type SenderInfo } from '../../src/background/checkout-flow';
import { LedgerDb, type Voucher } from '../../src/ledger/db';
import type { PageReading } from '../../src/core/kinds';
import { parseMessage, send as sendRequest, type ChipVoucher, type Message, type Transport } from '../../src/messaging/protocol';
import { placeChip } from '../../src/content/chip';
import { fillPromoField, findPromoField } from '../../src/content/promo';
import { voucherReminder } from '../../src/content/reminder';
import { expireVouchers, listVouchers, markVoucherUsed, voucherStatus, vouchersForCheckout } from '../../src/rewards/vouchers';
import { LANGUAGE_SETTING } from '../../src/core/i18n';
import { packaged } from '../helpers/locales';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const DAY = 86_400_000;

const windows: Window[] = [];
function page(body: string, url = 'https://www.ubereats.com/checkout') {
  const window = new Window({ url, width: 1024, height: 768, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(`<!doctype html><html><head><title>Shop</title></head><body>${body}</body></html>`);
  windows.push(window);
  return window;
}
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

describe('promo-code field', () => {
  it.each([
    ['an English label', '<label for="p">Promo code</label><input id="p">'],
    ['a placeholder', '<input placeholder="Add a coupon">'],
    ['a Chinese label', '<label>优惠码 <input type="text"></label>'],
    ['a Japanese aria-label', '<input aria-label="クーポンコードを入力">'],
    ['a German label', '<label for="g">Gutschein einlösen</label><input id="g">'],
    ['a machine name only', '<input name="checkout[voucherCode]">'],
  ])('is found by %s', (_, html) => {
    const doc = page(`<input aria-label="Delivery note"><form>${html}</form>`).document;
    expect(findPromoField(doc as unknown as Document)).not.toBeNull();
  });

  it.each([
    ['no such field', '<label>Delivery note <input></label><input type="email" aria-label="Email">'],
    ['a hidden one', '<div hidden><label>Promo code <input></label></div>'],
    ['a disabled one', '<label>Promo code <input disabled></label>'],
    ['a checkbox named promo', '<label><input type="checkbox"> Send me promo emails</label>'],
  ])('is not found with %s', (_, html) => {
    expect(findPromoField(page(html).document as unknown as Document)).toBeNull();
  });

  it('is filled as typing would (input and change events), never submitted', () => {
    const doc = page('<form id="f"><label>Promo code <input id="p"></label><button>Place order</button></form>').document;
    const input = doc.getElementById('p') as unknown as HTMLInputElement;
    const events: string[] = [];
    input.addEventListener('input', () => events.push('input'));
    input.addEventListener('change', () => events.push('change'));
    const submitted = vi.fn();
    doc.getElementById('f')!.addEventListener('submit', submitted);
    fillPromoField(input, 'GREEN-3');
    expect(input.value).toBe('GREEN-3');
    expect(events).toEqual(['input', 'change']);
    expect(submitted).not.toHaveBeenCalled();
  });
});

describe('vouchers', () => {
  let db: LedgerDb;
  const v = (over: Partial<Voucher>): Voucher => ({ requestId: `r-${Math.random()}`, rewardId: 'w', platform: 'ubereats', code: 'CODE-1', points: 10, issuedAt: NOW - DAY, expiresAt: NOW + DAY, status: 'unused', ...over });
  beforeEach(() => {
    db = new LedgerDb(`vouchers-${Math.random()}`);
  });

  it('a checkout gets its platform’s and the any-shop unused, unexpired vouchers, soonest expiry first', async () => {
    await db.vouchers.bulkAdd([
      v({ code: 'LATER', expiresAt: NOW + 5 * DAY }),
      v({ code: 'ANY-1', platform: 'any' }),
      v({ code: 'OTHER', platform: 'eleme' }),
      v({ code: 'USED', status: 'used' }),
      v({ code: 'GONE', expiresAt: NOW - 1 }),
    ]);
    expect((await vouchersForCheckout(db, 'ubereats', NOW)).map((x) => x.code)).toEqual(['ANY-1', 'LATER']);
    expect(voucherStatus((await db.vouchers.filter((x) => x.code === 'GONE').first()) ?? v({}), NOW)).toBe('expired');
  });

  it('an order placed with a code uses the platform’s own voucher first, once; other codes change nothing', async () => {
    await db.vouchers.bulkAdd([v({ code: 'SAME', platform: 'any' }), v({ code: 'SAME' })]);
    expect(await markVoucherUsed(db, 'ubereats', ' same ', NOW)).toMatchObject({ platform: 'ubereats', status: 'used', usedAt: NOW });
    expect(await markVoucherUsed(db, 'ubereats', 'SAME', NOW)).toMatchObject({ platform: 'any' });
    expect(await markVoucherUsed(db, 'ubereats', 'SAME', NOW)).toBeUndefined();
    expect(await markVoucherUsed(db, 'ubereats', 'TYPED-ELSEWHERE', NOW)).toBeUndefined();
    expect(await db.vouchers.where('status').equals('used').count()).toBe(2);
  });

  it('expiry is stored, and the list shows unused first', async () => {
    await db.vouchers.bulkAdd([v({ code: 'OLD', expiresAt: NOW - 1, issuedAt: NOW - 9 * DAY }), v({ code: 'NEW' })]);
    expect((await listVouchers(db, NOW)).map((x) => x.code)).toEqual(['NEW', 'OLD']);
    expect(await expireVouchers(db, NOW)).toBe(1);
    expect((await db.vouchers.filter((x) => x.code === 'OLD').first())?.status).toBe('expired');
  });
});

describe('voucher messages', () => {
  const EXT = 'ext';
  const sender: SenderInfo = { id: EXT, url: 'https://www.ubereats.com/checkout', tabId: 3, frameId: 0 };
  let deps: FlowDeps;
  beforeEach(async () => {
    fakeBrowser.reset();
    const db = new LedgerDb(`messages-${Math.random()}`);
    deps = {
      db,
      session: fakeBrowser.storage.session,
      extensionId: EXT,
      now: () => NOW,
      orderKey: async (_, ref) => ref,
      newCheckoutId: () => 'c',
      log: () => undefined,
      exclusive: (_, task) => task(),
      messagesOf: packaged,
    };
    await db.vouchers.bulkAdd([
      { requestId: 'a', rewardId: 'w', platform: 'ubereats', code: 'UE-1', points: 10, issuedAt: NOW, expiresAt: NOW + DAY, status: 'unused', title: { en: 'Free delivery', zh_CN: '免配送费', ja: '配送料無料' } },
      { requestId: 'b', rewardId: 'w', platform: 'eleme', code: 'EL-1', points: 10, issuedAt: NOW, expiresAt: NOW + DAY, status: 'unused' },
    ]);
  });

  const checkoutRead = (platform: string) => ({ type: 'page-read', reading: { platform, page: 'checkout', observations: [] }, documentAt: NOW });

  it('are validated like every message', () => {
    expect(parseMessage({ type: 'vouchers-wanted', platform: 'ubereats' }).ok).toBe(false);
    expect(parseMessage({ type: 'voucher-used', platform: 'ubereats', code: 'UE-1' }).ok).toBe(true);
    expect(parseMessage({ type: 'voucher-used', platform: 'ubereats', code: '<img src=x>' })).toMatchObject({ ok: false, reason: expect.stringMatching(/code/) });
    expect(parseMessage({ type: 'voucher-used', platform: 'ubereats', code: 'UE-1', extra: 1 }).ok).toBe(false);
  });

  it('give a platform’s checkout its own vouchers only, in the answer to its reading', async () => {
    expect(await handleMessage(checkoutRead('ubereats'), sender, deps)).toEqual({
      ok: true,
      recorded: 0,
      vouchers: [{ code: 'UE-1', expiresAt: NOW + DAY, title: { en: 'Free delivery', zh_CN: '免配送费', ja: '配送料無料' } }],
    });
  });

  it('send the chip’s strings in the language chosen in Options, and only then', async () => {
    await deps.db.settings.put({ key: LANGUAGE_SETTING, value: 'ja' });
    const reply = await handleMessage(checkoutRead('ubereats'), sender, deps);
    const ja = await packaged('ja');
    expect(reply).toMatchObject({ ok: true, chipText: { locale: 'ja', messages: { chipHeading: ja.chipHeading, chipExpires: ja.chipExpires } } });
    const keys = Object.keys((reply as { chipText: { messages: object } }).chipText.messages);
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.every((k) => k.startsWith('chip'))).toBe(true);

    const unreadable: FlowDeps = { ...deps, messagesOf: () => Promise.reject(new Error('no such file')) };
    expect(await handleMessage(checkoutRead('ubereats'), sender, unreadable)).not.toHaveProperty('chipText');
    await deps.db.vouchers.clear();
    expect(await handleMessage(checkoutRead('ubereats'), sender, deps)).toEqual({ ok: true, recorded: 0, vouchers: [] });
  });

  it('refuse a page asking for another platform’s vouchers, and carry none off the checkout', async () => {
    expect(await handleMessage(checkoutRead('eleme'), sender, deps)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not belong/) });
    const confirmation = { type: 'page-read', reading: { platform: 'ubereats', page: 'confirmation', observations: [] }, documentAt: NOW };
    expect(await handleMessage(confirmation, sender, deps)).not.toHaveProperty('vouchers');
    expect(await handleMessage({ type: 'voucher-used', platform: 'eleme', code: 'EL-1' }, sender, deps)).toMatchObject({ ok: false });
    expect(await deps.db.vouchers.where('status').equals('used').count()).toBe(0);
  });

  it('mark the voucher used when the order was placed with its code', async () => {
    expect(await handleMessage({ type: 'voucher-used', platform: 'ubereats', code: 'ue-1' }, sender, deps)).toEqual({ ok: true, used: 1 });
    expect((await deps.db.vouchers.filter((x) => x.code === 'UE-1').first())?.status).toBe('used');
    expect(await handleMessage(checkoutRead('ubereats'), sender, deps)).toEqual({ ok: true, recorded: 0, vouchers: [] });
  });
});

describe('chip placement', () => {
  const host = (width: number, height: number) => {
    const el = page('').document.createElement('div') as unknown as HTMLElement;
    el.getBoundingClientRect = () => ({ width, height, left: 0, top: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) });
    return el;
  };
  const viewport = { width: 1000, height: 800 };

  it('takes the bottom-right corner when the place-order button is elsewhere', () => {
    const h = host(300, 120);
    expect(placeChip(h, { left: 20, top: 20, right: 200, bottom: 60 }, viewport)).toBe('bottom-right');
    expect([h.style.left, h.style.top]).toEqual(['684px', '664px']);
  });

  it('moves away from a place-order button in the bottom right, and never covers it', () => {
    const h = host(300, 120);
    const button = { left: 700, top: 700, right: 980, bottom: 760 };
    expect(placeChip(h, button, viewport)).toBe('bottom-left');
    expect(placeChip(h, { left: 0, top: 650, right: 1000, bottom: 800 }, viewport)).toBe('top-right');
  });

  it('stays invisible when no corner is clear', () => {
    const h = host(300, 120);
    expect(placeChip(h, { left: 0, top: 0, right: 1000, bottom: 800 }, viewport)).toBeNull();
    expect(h.style.visibility).toBe('hidden');
  });
});

describe('checkout reminder', () => {
  const VOUCHERS: ChipVoucher[] = [{ code: 'UE-1', expiresAt: NOW + DAY, title: { en: 'Free delivery', zh_CN: '免配送费', ja: '配送料無料' } }];
  const reading = (page: PageReading['page'] = 'checkout'): PageReading => ({ platform: 'ubereats', page, observations: [] });
  const text = (key: string, subs?: string | string[]) => (subs ? `${key}(${[subs].flat().join(',')})` : key);

  function setup(body: string, vouchers = VOUCHERS, extra: Record<string, unknown> = {}) {
    const window = page(body);
    const win = window as unknown as Window & typeof globalThis;
    const sent: Message[] = [];
    const send = vi.fn(async (m: Message) => {
      sent.push(m);
      return { ok: true, used: 1 };
    });
    const ctx = { addEventListener: (t: EventTarget, type: string, l: (e: Event) => void) => t.addEventListener(type, l) };
    const own = voucherReminder(win as never, { transport: send as Transport, text, language: 'en-US', ctx });
    // The watcher tells of a reading, then of the background's answer to it, checked against the
    // protocol's reply schema (a checkout's carries the vouchers).
    const reminder = {
      ...own,
      onReading(r: PageReading | null) {
        own.onReading(r);
        if (!r) return;
        const answer = async () => ({ ok: true, recorded: 0, ...(r.page === 'checkout' ? { vouchers, ...extra } : {}) });
        void sendRequest(answer, { type: 'page-read', reading: r, documentAt: NOW }).then((reply) => own.onAnswer(r, reply));
      },
    };
    const doc = window.document as unknown as Document;
    const chip = () => doc.querySelector<HTMLElement>('[data-carbon-account="voucher-chip"]')?.shadowRoot ?? null;
    return { reminder, sent, doc, chip };
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const CHECKOUT = '<label>Promo code <input id="promo"></label><button id="place">Place order</button>';

  it('shows the voucher with copy and fill on a checkout, fills without submitting, and reports the order placed with it', async () => {
    const { reminder, sent, doc, chip } = setup(CHECKOUT);
    reminder.onReading(reading());
    await flush();
    expect(sent).toEqual([]);
    expect(chip()?.textContent).toContain('Free delivery UE-1');
    const buttons = [...chip()!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(buttons).toEqual(['chipDismiss', 'chipCopyLabel(UE-1)', 'chipFillLabel(UE-1)']);
    // a second reading sends nothing of its own
    reminder.onReading(reading());
    await flush();
    expect(sent).toHaveLength(0);

    [...chip()!.querySelectorAll('button')][2].click();
    expect((doc.getElementById('promo') as HTMLInputElement).value).toBe('UE-1');
    expect(chip()!.querySelector('[role=status]')?.textContent).toBe('chipFilled');

    reminder.onOrderPlaced(reading());
    await flush();
    expect(sent).toEqual([{ type: 'voucher-used', platform: 'ubereats', code: 'UE-1' }]);
    expect(chip()).toBeNull();
  });

  it('offers copy only where no promo field is found, and Escape or × dismisses it', async () => {
    const { reminder, chip, doc } = setup('<button>Place order</button>');
    reminder.onReading(reading());
    await flush();
    expect([...chip()!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['×', 'chipCopy']);
    chip()!.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(chip()).toBeNull();
    reminder.onReading(reading());
    await flush();
    expect(doc.querySelector('[data-carbon-account]')).toBeNull();
  });

  it('speaks the language chosen in Options when the background sends its strings, and the browser’s otherwise', async () => {
    const ja = await packaged('ja');
    const chosen = setup(CHECKOUT, VOUCHERS, { chipText: { locale: 'ja', messages: { chipHeading: ja.chipHeading, chipExpires: ja.chipExpires } } });
    chosen.reminder.onReading(reading());
    await flush();
    const heading = chosen.chip()!.querySelector('[id=carbon-voucher-title]')!.textContent;
    expect(heading).toBe('このショップで使えるクーポンがあります');
    expect(chosen.chip()!.textContent).toContain('配送料無料');
    expect(chosen.chip()!.querySelector('.meta')!.textContent).toMatch(/^有効期限 \d{4}\/\d{1,2}\/\d{1,2}$/);
    // a key the answer lacks comes from the browser's strings
    expect(chosen.chip()!.querySelector('button')!.getAttribute('aria-label')).toBe('chipDismiss');

    const malformed = setup(CHECKOUT, VOUCHERS, { chipText: { locale: 'xx', messages: { chipHeading: ja.chipHeading } } });
    malformed.reminder.onReading(reading());
    await flush();
    expect(malformed.chip()!.querySelector('[id=carbon-voucher-title]')!.textContent).toBe('chipHeading');
  });

  it('shows nothing without vouchers, and nothing off the checkout', async () => {
    const none = setup(CHECKOUT, []);
    none.reminder.onReading(reading());
    await flush();
    expect(none.chip()).toBeNull();
    const other = setup(CHECKOUT);
    other.reminder.onReading(reading('confirmation'));
    other.reminder.onReading(null);
    await flush();
    expect(other.sent).toEqual([]);
    expect(other.chip()).toBeNull();
  });

  it('a code typed from elsewhere, or an empty field, reports nothing', async () => {
    const { reminder, sent, doc } = setup(CHECKOUT);
    reminder.onReading(reading());
    await flush();
    reminder.onOrderPlaced(reading());
    (doc.getElementById('promo') as HTMLInputElement).value = 'SOMETHING-ELSE';
    reminder.onOrderPlaced(reading());
    await flush();
    expect(sent).toEqual([]);
  });
});
