import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { orderSalt, saltOnce } from '../../src/background/salt';

beforeEach(() => fakeBrowser.reset());

describe('order salt', () => {
  it('is made once and kept', async () => {
    const first = await orderSalt(fakeBrowser.storage.local);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(await orderSalt(fakeBrowser.storage.local)).toBe(first);
  });

  it('is one salt when two tabs ask for it at the same moment', async () => {
    const salt = saltOnce(fakeBrowser.storage.local);
    const [a, b] = await Promise.all([salt(), salt()]);
    expect(a).toBe(b);
    expect(await fakeBrowser.storage.local.get('orderSalt')).toEqual({ orderSalt: a });
  });

  it('tries again after a storage error instead of keeping the failure', async () => {
    let fail = true;
    const store = {
      get: (key: string) => (fail ? Promise.reject(new Error('storage unavailable')) : fakeBrowser.storage.local.get(key)),
      set: (items: Record<string, unknown>) => fakeBrowser.storage.local.set(items),
    };
    const salt = saltOnce(store);
    await expect(salt()).rejects.toThrow('storage unavailable');
    fail = false;
    expect(await salt()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
