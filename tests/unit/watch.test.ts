import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchCheckout, type WatchContext } from '../../src/content/watch';
import type { Request } from '../../src/messaging/protocol';

/** A content-script context like WXT's: listeners go when it is invalidated. */
function fakeContext() {
  const removers: (() => void)[] = [];
  const onInvalid: (() => void)[] = [];
  const ctx: WatchContext = {
    addEventListener(target, type, listener, options) {
      target.addEventListener(type, listener, options);
      removers.push(() => target.removeEventListener(type, listener, options));
    },
    onInvalidated: (cb) => void onInvalid.push(cb),
  };
  const invalidate = () => [...removers, ...onInvalid].forEach((f) => f());
  return { ctx, invalidate };
}

const windows: Window[] = [];
function shop(url: string, body = '', onReading?: () => void) {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(`<!doctype html><html><head><title>Shop</title></head><body>${body}</body></html>`);
  windows.push(window);
  const win = window as unknown as Window & typeof globalThis;
  const sent: Request[] = [];
  const { ctx, invalidate } = fakeContext();
  const send = async (m: Request) => {
    sent.push(m);
    return { ok: true, recorded: 0 };
  };
  const stop = watchCheckout(win as never, ctx, { send, onReading });
  return { window, doc: window.document, sent, invalidate, stop };
}
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

const settle = () => new Promise((r) => setTimeout(r, 60));
const SWITCH_OFF =
  '<span id="l">Request utensils, straws, etc.</span><button role="switch" aria-checked="false" aria-labelledby="l"></button>';

describe('checkout watcher', () => {
  it('reads options that render after load, once the DOM settles', async () => {
    const { window, doc, sent } = shop('https://www.ubereats.com/checkout', '<main>Loading…</main>');
    expect(sent).toEqual([{ type: 'page-read', reading: { platform: 'ubereats', page: 'checkout', observations: [] }, documentAt: window.performance.timeOrigin }]);
    doc.querySelector('main')!.innerHTML = SWITCH_OFF;
    await settle();
    expect(sent.at(-1)).toEqual({
      type: 'page-read',
      reading: { platform: 'ubereats', page: 'checkout', observations: [{ kind: 'no-cutlery', wasDefault: true }] },
      documentAt: window.performance.timeOrigin,
    });
  });

  it('notices single-page navigation from a store to checkout to confirmation (history API)', async () => {
    const { window, doc, sent } = shop('https://www.ubereats.com/store/tonys', '<main>Menu</main>');
    expect(sent).toEqual([]);
    doc.querySelector('main')!.textContent = 'More menu';
    await settle();
    expect(sent).toEqual([]);
    window.history.pushState({}, '', '/checkout');
    doc.querySelector('main')!.innerHTML = SWITCH_OFF;
    await settle();
    expect(sent.map((m) => (m.type === 'page-read' ? m.reading.page : m.type))).toEqual(['checkout']);
    window.history.pushState({}, '', '/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77');
    doc.querySelector('main')!.innerHTML = '<h1>Thanks for your order</h1>';
    await settle();
    expect(sent.at(-1)).toEqual({
      type: 'page-read',
      reading: { platform: 'ubereats', page: 'confirmation', observations: [], order: { ref: '3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77' } },
      documentAt: window.performance.timeOrigin,
    });
  });

  it('re-reads on back/forward even when the DOM does not change', async () => {
    const { window, sent } = shop('https://www.ubereats.com/checkout', SWITCH_OFF);
    expect(sent).toHaveLength(1);
    window.happyDOM.setURL('https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await settle();
    expect(sent.at(-1)).toMatchObject({ type: 'page-read', reading: { page: 'confirmation' } });
  });

  it('sends nothing more once its context is invalidated, and stops observing', async () => {
    const { doc, sent, invalidate } = shop('https://www.ubereats.com/checkout', '<main></main>');
    invalidate();
    doc.querySelector('main')!.innerHTML = SWITCH_OFF;
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('does nothing on a platform page that is not checkout, however much it changes', async () => {
    const { doc, sent } = shop('https://www.amazon.com/s?k=kettle', '<ul></ul>');
    for (let i = 0; i < 50; i++) doc.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li><input type="checkbox" checked> No-Rush</li>');
    await settle();
    expect(sent).toEqual([]);
  });

  it('asks for no timer, interval or frame callback, however the page changes', async () => {
    // Each timer function of the test's global and of the page, wrapped to note calls made from the watcher's code.
    const fromWatcher: string[] = [];
    const wrap = (target: object) =>
      ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback']
        .filter((name) => typeof (target as Record<string, unknown>)[name] === 'function')
        .map((name) => {
          const original = (target as Record<string, (...args: unknown[]) => unknown>)[name];
          const spy = vi.spyOn(target as Record<string, (...args: unknown[]) => unknown>, name);
          return spy.mockImplementation((...args: unknown[]) => {
            if (new Error().stack?.includes('src/content/watch')) fromWatcher.push(name);
            return original.apply(target, args);
          });
        });
    const spies = wrap(globalThis);
    const { window, doc, sent } = shop('https://www.ubereats.com/checkout', '<main>Loading…</main>');
    spies.push(...wrap(window));
    doc.querySelector('main')!.innerHTML = SWITCH_OFF;
    await settle();
    doc.body.insertAdjacentHTML('beforeend', '<input type="checkbox" id="gift">');
    (doc.getElementById('gift') as unknown as HTMLElement).click();
    window.history.pushState({}, '', '/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    doc.querySelector('main')!.innerHTML = '<h1>Thanks for your order</h1>';
    await settle();
    spies.forEach((spy) => spy.mockRestore());
    expect(sent.map((m) => (m.type === 'page-read' ? m.reading.page : m.type))).toEqual(['checkout', 'checkout', 'confirmation']);
    expect(fromWatcher).toEqual([]);
  });

  it('does not read again for a spinner’s animation or for our own chip, and sends nothing when the reading is the same', async () => {
    const onReading = vi.fn();
    const { doc, sent } = shop('https://www.ubereats.com/checkout', `<main>${SWITCH_OFF}<i class="spin"></i></main><div data-carbon-account="voucher-chip"></div>`, onReading);
    expect(onReading).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      doc.querySelector('.spin')!.setAttribute('style', `transform: rotate(${i * 10}deg)`);
      doc.querySelector('[data-carbon-account]')!.setAttribute('style', `left: ${i}px`);
      await settle();
    }
    expect(onReading).toHaveBeenCalledTimes(1);
    // A change the reading can see is read, and an unchanged reading is not sent again.
    doc.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Your order</p>');
    await settle();
    expect(onReading).toHaveBeenCalledTimes(2);
    expect(sent).toHaveLength(1);
  });
});
