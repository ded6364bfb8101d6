/** The slice of `navigator.storage` that persistence needs. */
export interface PersistableStorage {
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

/**
 * Asks the browser to keep the extension's storage under pressure instead of evicting it, so
 * the account cannot vanish when the disk fills. `persist()` exists on extension pages (not in
 * service workers), so the popup and options page ask when they open. Returns whether it is.
 */
export async function askPersistentStorage(storage: PersistableStorage | undefined): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}
