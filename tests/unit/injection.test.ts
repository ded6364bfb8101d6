import { describe, expect, it } from 'vitest';
import { checkoutInjector, checkoutWorkAt, injectionMoment, watchingProbe } from '../../src/background/injection';
import { WATCHING_FLAG } from '../../src/messaging/protocol';

/** A tab's page as the injector sees it: whether the script watches it, and what was injected. */
function fakeTabs(linked: string[]) {
  const watching = new Set<number>();
  const injected: number[] = [];
  const api = {
    watching: async (tabId: number) => watching.has(tabId),
    inject: async (tabId: number) => {
      injected.push(tabId);
      watching.add(tabId);
    },
  };
  const links = { get: async (id: string) => (linked.includes(id) ? { platform: id, linkedAt: 0 } : undefined) };
  const logged: string[] = [];
  return { api, links, injected, watching, logged, inject: checkoutInjector(api, links, (m) => logged.push(m)) };
}

describe('where the checkout script is injected', () => {
  it('is a supported platform’s checkout or confirmation address, and nowhere else', () => {
    expect(checkoutWorkAt('https://www.ubereats.com/checkout')).toBe('ubereats');
    expect(checkoutWorkAt('https://www.ubereats.com/orders/3f2a9c1e-7d4b-4e8a-9b61-2c5d8e0f1a77')).toBe('ubereats');
    expect(checkoutWorkAt('https://www.amazon.com/gp/buy/spc/handlers/display.html')).toBe('amazon');
    expect(checkoutWorkAt('https://www.ubereats.com/store/tonys-pizza')).toBeUndefined();
    expect(checkoutWorkAt('https://www.amazon.com/s?k=kettle')).toBeUndefined();
    expect(checkoutWorkAt('http://www.ubereats.com/checkout')).toBeUndefined();
    expect(checkoutWorkAt('https://www.example.com/checkout')).toBeUndefined();
    expect(checkoutWorkAt(undefined)).toBeUndefined();
    expect(checkoutWorkAt('not a url')).toBeUndefined();
  });

  it('waits for a loading page to finish, and follows a loaded page’s address changes', () => {
    expect(injectionMoment({ status: 'loading', url: 'https://www.ubereats.com/checkout' }, 'loading')).toBe(false);
    expect(injectionMoment({ status: 'complete' }, 'complete')).toBe(true);
    expect(injectionMoment({ url: 'https://www.ubereats.com/checkout' }, 'complete')).toBe(true);
    expect(injectionMoment({ title: 'x' } as never, 'complete')).toBe(false);
  });

  it('injects once into a linked platform’s checkout, however many events the load and moves give', async () => {
    const tabs = fakeTabs(['ubereats']);
    const checkout = { url: 'https://www.ubereats.com/checkout', status: 'complete' };
    await Promise.all([tabs.inject(7, { url: checkout.url }, checkout), tabs.inject(7, { status: 'complete' }, checkout)]);
    await tabs.inject(7, { url: 'https://www.ubereats.com/orders/3f2a9c1e-7d4b' }, { ...checkout, url: 'https://www.ubereats.com/orders/3f2a9c1e-7d4b' });
    expect(tabs.injected).toEqual([7]);
  });

  it('injects nothing on a store page, on a platform that is not linked, or into a loading page', async () => {
    const tabs = fakeTabs(['ubereats']);
    await tabs.inject(1, { status: 'complete' }, { url: 'https://www.ubereats.com/store/tonys-pizza', status: 'complete' });
    await tabs.inject(2, { status: 'complete' }, { url: 'https://www.doordash.com/consumer/checkout', status: 'complete' });
    await tabs.inject(3, { url: 'https://www.ubereats.com/checkout', status: 'loading' }, { url: 'https://www.ubereats.com/checkout', status: 'loading' });
    await tabs.inject(4, { status: 'complete' }, { status: 'complete' });
    expect(tabs.injected).toEqual([]);
  });

  it('logs a refused injection (a tab that closed meanwhile) and keeps going', async () => {
    const tabs = fakeTabs(['ubereats']);
    tabs.api.inject = async () => Promise.reject(new Error('No tab with id: 9'));
    const checkout = { url: 'https://www.ubereats.com/checkout', status: 'complete' };
    await tabs.inject(9, { status: 'complete' }, checkout);
    expect(tabs.logged).toEqual(['checkout script not injected: Error: No tab with id: 9']);
  });

  it('probes the flag the checkout script sets', () => {
    const flags = globalThis as unknown as Record<string, boolean>;
    expect(watchingProbe()).toBe(false);
    flags[WATCHING_FLAG] = true;
    expect(watchingProbe()).toBe(true);
    delete flags[WATCHING_FLAG];
  });
});
