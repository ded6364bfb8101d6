import { browser } from 'wxt/browser';
import { pointsElsewhere } from './account';
import { otherRecords, type SyncStores } from './engine';

/** The browser's own storage areas: `sync` is the one its sync engine carries between the shopper's browsers. */
export const browserSyncStores = (): SyncStores => ({ sync: browser.storage.sync, local: browser.storage.local });

/** What the other browsers earned and spent (nothing while sync is off), for a redemption's balance check. */
export async function browserPointsElsewhere() {
  return pointsElsewhere((await otherRecords(browserSyncStores())).map((o) => o.record));
}
