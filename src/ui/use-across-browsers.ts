import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LedgerDb } from '../ledger/db';
import { REDEEMED_KEY } from '../ledger/totals';
import { browserSyncStores } from '../sync/browser-stores';
import { otherRecords, readSyncSettings, SYNC_LOCAL, type SyncSettings, type SyncStores } from '../sync/engine';
import { RECORD_PREFIX, type DeviceRecord } from '../sync/record';
import { requestPush, type Alarms } from '../sync/schedule';

export interface AcrossBrowsers {
  self: SyncSettings;
  /** the other browsers' records, by install id (none while sync is off) */
  others: { id: string; record: DeviceRecord }[];
}

type ChangeListener = (changes: Record<string, unknown>, area: string) => void;
export interface ChangeEvents {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

const NONE: readonly DeviceRecord[] = [];

/** The other browsers' records to add to the account: none while sync is off or not read yet. */
export const othersOf = (across: AcrossBrowsers | undefined): readonly DeviceRecord[] => across?.others.map((o) => o.record) ?? NONE;

/**
 * The sync switch, this browser's sync state and the other browsers' records, kept current by
 * storage.onChanged: a record another browser's sync delivers shows as soon as it lands.
 */
export function useAcrossBrowsers(
  stores: SyncStores = browserSyncStores(),
  changes: ChangeEvents = browser.storage.onChanged as unknown as ChangeEvents,
): AcrossBrowsers | undefined {
  const [value, setValue] = useState<AcrossBrowsers | undefined>();
  useEffect(() => {
    let latest = 0;
    const load = () => {
      const mine = ++latest;
      void Promise.all([readSyncSettings(stores.local), otherRecords(stores)]).then(
        ([self, others]) => mine === latest && setValue({ self, others }),
        (error: unknown) => console.error('[carbon-account] sync read', error),
      );
    };
    const ours = new Set<string>(Object.values(SYNC_LOCAL));
    const listener: ChangeListener = (changed, area) => {
      const keys = Object.keys(changed);
      if (area === 'sync' ? keys.some((k) => k.startsWith(RECORD_PREFIX)) : area === 'local' && keys.some((k) => ours.has(k))) load();
    };
    load();
    changes.addListener(listener);
    return () => {
      latest = -1;
      changes.removeListener(listener);
    };
  }, []);
  return value;
}

/**
 * While sync is on, a change this page makes to the ledger (a dispute, a redemption, an
 * import) asks the background to write the record: the sums it is made of are watched live.
 */
export function usePushOnLedgerChange(db: LedgerDb, on: boolean, local = browserSyncStores().local, alarms: Alarms = browser.alarms): void {
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!on) return;
    const subscription = liveQuery(() => db.totals.bulkGet(['all', REDEEMED_KEY])).subscribe({
      next: (rows) => {
        const now = JSON.stringify(rows);
        if (seen.current !== undefined && seen.current !== now) void requestPush(alarms, local, Date.now());
        seen.current = now;
      },
      error: (error: unknown) => console.error('[carbon-account] sync watch', error),
    });
    return () => subscription.unsubscribe();
  }, [db, on]);
}
