/** The slice of `storage.local` the salt needs. */
export interface LocalStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const SALT_KEY = 'orderSalt';

/** A random per-install salt for order hashes, made once: order numbers cannot be guessed back. */
export async function orderSalt(store: LocalStore): Promise<string> {
  const existing = (await store.get(SALT_KEY))[SALT_KEY];
  if (typeof existing === 'string') return existing;
  const salt = crypto.randomUUID();
  await store.set({ [SALT_KEY]: salt });
  return salt;
}
