// The benchmark's bundle for an extension page: seeds and measures the product's own ledger
// (the bulk record path and import) in the extension's real IndexedDB.
import { LedgerDb, ledger } from '../src/ledger/db';
import { recordActions, scoreObservation } from '../src/ledger/record';
import { exportJson, importJson } from '../src/ledger/transfer';
import { PLATFORMS } from '../src/platforms/index';
import type { Action } from '../src/ledger/db';

const DAY = 86_400_000;
const SPAN_DAYS = 730;

/** `count` plausible actions, numbered from `from`: every platform and kind, spread over two years. */
function actions(from: number, count: number, now: number): Action[] {
  const out: Action[] = [];
  for (let i = from; i < from + count; i++) {
    const platform = PLATFORMS[i % PLATFORMS.length];
    const kind = platform.kinds[Math.floor(i / PLATFORMS.length) % platform.kinds.length];
    const committedAt = now - (i % SPAN_DAYS) * DAY - (i % 1000) * 1000;
    const order = { platform: platform.id, orderKey: `bench-${i}`, observations: [], committedAt };
    out.push(scoreObservation(order, { kind, observedAt: committedAt - 60_000, ...(kind === 'second-hand' ? { detail: 'clothing' } : {}) }));
  }
  return out;
}

const BATCH = 50_000;

/** Adds actions numbered [from, from + count) to the extension's ledger; returns ms taken. */
async function seed(from: number, count: number, now: number): Promise<number> {
  const started = performance.now();
  for (let start = from; start < from + count; start += BATCH) {
    await recordActions(ledger(), actions(start, Math.min(BATCH, from + count - start), now));
  }
  return performance.now() - started;
}

/** Actions per second through the bulk record path, into a scratch database. */
async function recordThroughput(count: number, now: number): Promise<number> {
  const db = new LedgerDb('carbon-account-bench-record');
  await db.open();
  const batch = actions(0, count, now);
  const started = performance.now();
  await recordActions(db, batch);
  const seconds = (performance.now() - started) / 1000;
  await db.delete();
  return count / seconds;
}

/** Seconds to import an export of `count` actions into an empty account (a scratch database). */
async function importSeconds(count: number, now: number): Promise<number> {
  const source = new LedgerDb('carbon-account-bench-export');
  await recordActions(source, actions(0, count, now));
  const text = await exportJson(source);
  await source.delete();
  const target = new LedgerDb('carbon-account-bench-import');
  await target.open();
  const started = performance.now();
  const result = await importJson(target, text);
  const seconds = (performance.now() - started) / 1000;
  const stored = await target.actions.count();
  await target.delete();
  if (!result.ok || stored !== count) throw new Error(`import failed: ${JSON.stringify(result)} (${stored} stored)`);
  return seconds;
}

(globalThis as unknown as { carbonBenchLedger: object }).carbonBenchLedger = { seed, recordThroughput, importSeconds };
