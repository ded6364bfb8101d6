import { describe, expect, it, vi } from 'vitest';
import { askPersistentStorage } from '../../src/ui/persist';

describe('persistent storage', () => {
  it('asks once when storage is not yet persistent', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    expect(await askPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when it already is', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    expect(await askPersistentStorage(storage)).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal or a missing API as not persistent, without throwing', async () => {
    expect(await askPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe(false);
    expect(await askPersistentStorage({ persisted: () => Promise.reject(new Error('no')), persist: async () => true })).toBe(false);
    expect(await askPersistentStorage(undefined)).toBe(false);
  });
});
