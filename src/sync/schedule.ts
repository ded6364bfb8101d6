import { nextWriteAt } from './policy';
import { readSyncSettings, type Area, type PushResult } from './engine';

/** The one-shot alarm of the next write (a later one replaces it: at most one is pending). */
export const SYNC_ALARM = 'sync-write';
/**
 * A slow check while sync is on: picks up a ledger change no page reported (a popup closed in
 * the same instant) and a new day moving the chart's window. It writes only when the record differs.
 */
export const SYNC_CHECK_ALARM = 'sync-check';
export const CHECK_EVERY_MINUTES = 30;

/** The part of browser.alarms this uses. */
export interface Alarms {
  create(name: string, info: { when?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
}

/**
 * After pushRecord: come back when it says (alarms, not timers: the background may be stopped
 * in between), keep the slow check while on, and clear both when off.
 */
export async function followUp(alarms: Alarms, result: PushResult): Promise<void> {
  if (result.status === 'off') {
    await Promise.all([alarms.clear(SYNC_ALARM), alarms.clear(SYNC_CHECK_ALARM)]);
    return;
  }
  if (result.status === 'later' || result.status === 'failed') await alarms.create(SYNC_ALARM, { when: result.at });
  await alarms.create(SYNC_CHECK_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES });
}

/**
 * A page changed the ledger (a dispute, a redemption, an import): ask the background to write
 * the record at the earliest time the write policy allows. Does nothing while sync is off.
 */
export async function requestPush(alarms: Alarms, local: Area, now: number): Promise<void> {
  const settings = await readSyncSettings(local);
  if (settings.on) await alarms.create(SYNC_ALARM, { when: nextWriteAt(now, settings.state) });
}

export const isSyncAlarm = (name: string) => name === SYNC_ALARM || name === SYNC_CHECK_ALARM;
