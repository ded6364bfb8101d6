/**
 * When this installation may write its record. storage.sync allows 120 writes a minute and
 * 1,800 an hour per extension; one write a minute at most keeps far inside both, whatever the
 * shopper does, and a refused write is tried again later (the ledger stays the truth, so a
 * write that failed loses nothing: the next one carries everything).
 */

/** Least time between two writes of the record. */
export const WRITE_GAP_MS = 60_000;
/** Longest wait before trying a refused write again. */
export const MAX_RETRY_MS = 60 * 60_000;

/** rate: too many writes; quota: the sync area or the record is too big; other: anything else (offline, sync turned off in the browser…) */
export type SyncProblemKind = 'rate' | 'quota' | 'other';

export interface SyncProblem {
  kind: SyncProblemKind;
  /** the browser's own words, for the curious */
  message: string;
  at: number;
  /** refused writes in a row */
  attempts: number;
  retryAt: number;
}

/** What this installation remembers of its writes (storage.local, never synced). */
export interface SyncState {
  lastWriteAt?: number;
  /** when the record was last written successfully */
  syncedAt?: number;
  problem?: SyncProblem;
}

/** The earliest time the record may be written. */
export function nextWriteAt(now: number, state: SyncState): number {
  return Math.max(now, (state.lastWriteAt ?? -Infinity) + WRITE_GAP_MS, state.problem?.retryAt ?? -Infinity);
}

/** Chrome names the quota in its message (MAX_WRITE_OPERATIONS_PER_MINUTE, QUOTA_BYTES_PER_ITEM…); Firefox says "quota". */
export function problemKind(error: unknown): SyncProblemKind {
  const text = String(error instanceof Error ? error.message : error);
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED/i.test(text)) return 'rate';
  if (/QUOTA|MAX_ITEMS/i.test(text)) return 'quota';
  return 'other';
}

/** The state after a refused write: tried again after 1, 2, 4… minutes, at most an hour apart. */
export function afterFailure(state: SyncState, error: unknown, now: number): SyncState {
  const attempts = (state.problem?.attempts ?? 0) + 1;
  const wait = Math.min(MAX_RETRY_MS, WRITE_GAP_MS * 2 ** (attempts - 1));
  const message = String(error instanceof Error ? error.message : error).slice(0, 200);
  return { ...state, lastWriteAt: now, problem: { kind: problemKind(error), message, at: now, attempts, retryAt: now + wait } };
}

export function afterSuccess(now: number): SyncState {
  return { lastWriteAt: now, syncedAt: now };
}
