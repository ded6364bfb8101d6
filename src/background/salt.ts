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

/**
 * The salt, read once per service-worker life. Two tabs' first orders hash at the same moment;
 * without this they could each make a salt, and one order would then hash under the other's.
 */
export function saltOnce(store: LocalStore): () => Promise<string> {
  let salt: Promise<string> | undefined;
  return () =>
    (salt ??= orderSalt(store).catch((error: unknown) => {
      salt = undefined;
      throw error;
    }));
}
