import type { LedgerDb } from '../ledger/db';
import { afterFailure, afterSuccess, nextWriteAt, type SyncState } from './policy';
import { parseRecord, recordKey, RECORD_PREFIX, sameContent, type DeviceRecord } from './record';
import { summarize } from './summary';

/** The part of a browser.storage area this uses (the browser's, or a fake in tests). */
export interface Area {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** sync: the browser's synced area, shared by the shopper's browsers; local: this installation's own. */
export interface SyncStores {
  sync: Area;
  local: Area;
}

/** storage.local keys (per installation, never synced). */
export const SYNC_LOCAL = {
  /** the shopper's switch: true when on; absent or false is off */
  on: 'syncOn',
  /** this installation's id, made once */
  installId: 'syncInstallId',
  /** SyncState */
  state: 'syncState',
  /** the name the shopper typed for this browser; absent = the default */
  name: 'syncName',
} as const;

export interface SyncSettings {
  on: boolean;
  installId: string | undefined;
  state: SyncState;
  name: string | undefined;
}

function asState(value: unknown): SyncState {
  return typeof value === 'object' && value !== null ? (value as SyncState) : {};
}

export async function readSyncSettings(local: Area): Promise<SyncSettings> {
  const stored = await local.get([SYNC_LOCAL.on, SYNC_LOCAL.installId, SYNC_LOCAL.state, SYNC_LOCAL.name]);
  const id = stored[SYNC_LOCAL.installId];
  const name = stored[SYNC_LOCAL.name];
  return {
    on: stored[SYNC_LOCAL.on] === true,
    installId: typeof id === 'string' ? id : undefined,
    state: asState(stored[SYNC_LOCAL.state]),
    name: typeof name === 'string' && name.trim() ? name.trim() : undefined,
  };
}

/** This installation's id, made the first time it is asked for. */
export async function installId(local: Area, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  const { installId: id } = await readSyncSettings(local);
  if (id) return id;
  const made = newId();
  await local.set({ [SYNC_LOCAL.installId]: made });
  return made;
}

/**
 * The shopper's switch. On: the background writes the record (it hears the change). Off: this
 * installation's record leaves the sync area at once; the other browsers' records stay theirs.
 */
export async function setSyncOn(stores: SyncStores, on: boolean): Promise<void> {
  await stores.local.set({ [SYNC_LOCAL.on]: on });
  if (on) return;
  const { installId: id } = await readSyncSettings(stores.local);
  if (id) await stores.sync.remove(recordKey(id));
}

/** The other installations' records (none while the switch is off); damaged ones are skipped. */
export async function otherRecords(stores: SyncStores): Promise<{ id: string; record: DeviceRecord }[]> {
  const settings = await readSyncSettings(stores.local);
  if (!settings.on) return [];
  const all = await stores.sync.get(null);
  return Object.entries(all).flatMap(([key, value]) => {
    const id = key.slice(RECORD_PREFIX.length);
    if (!key.startsWith(RECORD_PREFIX) || id === settings.installId) return [];
    const record = parseRecord(value);
    return record ? [{ id, record }] : [];
  });
}

export interface PushDeps {
  db: LedgerDb;
  stores: SyncStores;
  now(): number;
  /** what this browser is called when the shopper typed no name */
  defaultName(): Promise<string>;
}

export type PushResult =
  | { status: 'off' | 'unchanged' | 'written' }
  /** too soon after the last write, or waiting to retry a refused one: try again at `at` */
  | { status: 'later' | 'failed'; at: number };

/**
 * Writes this installation's record when it differs from the one in the sync area, at most once
 * a minute. Call it whenever the ledger may have changed; it says when to call again.
 */
export async function pushRecord(deps: PushDeps): Promise<PushResult> {
  const { stores } = deps;
  const settings = await readSyncSettings(stores.local);
  if (!settings.on) return { status: 'off' };
  const id = await installId(stores.local);
  const now = deps.now();
  const record = await summarize(deps.db, settings.name ?? (await deps.defaultName()), now);
  const key = recordKey(id);
  const stored = parseRecord((await stores.sync.get(key))[key]);
  if (stored && sameContent(stored, record)) {
    // A refused write of what the sync area already holds is no longer a problem.
    if (settings.state.problem) await stores.local.set({ [SYNC_LOCAL.state]: { lastWriteAt: settings.state.lastWriteAt, syncedAt: stored.u } });
    return { status: 'unchanged' };
  }
  const at = nextWriteAt(now, settings.state);
  if (at > now) return { status: 'later', at };
  try {
    await stores.sync.set({ [key]: record });
  } catch (error) {
    const state = afterFailure(settings.state, error, now);
    await stores.local.set({ [SYNC_LOCAL.state]: state });
    return { status: 'failed', at: state.problem!.retryAt };
  }
  // The switch may have gone off while this ran: then the record must not stay behind.
  if (!(await readSyncSettings(stores.local)).on) {
    await stores.sync.remove(key);
    return { status: 'off' };
  }
  await stores.local.set({ [SYNC_LOCAL.state]: afterSuccess(now) });
  return { status: 'written' };
}
