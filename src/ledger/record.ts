import { factorFor, METHODOLOGY_VERSION, pointsFor } from '../carbon/factors';
import type { Observation } from '../core/kinds';
import { Dexie } from 'dexie';
import type { Action, LedgerDb } from './db';
import { actionIdentity, withoutId } from './rows';
import { DEFAULT_DAILY_CAP, SETTING } from './settings';
import { localDay, TotalsDelta } from './totals';

export { applyToTotals, localDay, totalKeys } from './totals';

export interface OrderToRecord {
  platform: string;
  orderKey: string;
  observations: readonly (Observation & { observedAt: number })[];
  committedAt: number;
}

/** The per-platform daily cap in actions: the stored setting when it is a positive whole number, else the default. */
export async function dailyCap(db: LedgerDb): Promise<number> {
  const value = (await db.settings.get(SETTING.dailyCap))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_DAILY_CAP;
}

/**
 * For each action, whether one with its platform + order + kind is stored, by one point lookup
 * per action (anyOf() walks a cursor, quadratic in fake-indexeddb).
 */
export function storedIdentities(db: LedgerDb, actions: readonly Pick<Action, 'platform' | 'orderKey' | 'kind'>[]): Promise<boolean[]> {
  const index = db.actions.where('[platform+orderKey+kind]');
  return Promise.all(actions.map((a) => index.equals([a.platform, a.orderKey, a.kind]).count().then((n) => n > 0)));
}

/**
 * Adds the actions not stored yet (by platform + order + kind; repeats within `actions` count
 * once) and their share of the totals, inside the caller's rw transaction on actions, totals and
 * settings. With `cap`, actions beyond the platform's daily cap are stored as 'capped' (kept,
 * not counted); without it each action keeps the status it comes with (import, seeding).
 * Returns the actions added, with their ids.
 */
export async function insertActions(db: LedgerDb, actions: readonly Action[], cap: boolean): Promise<Action[]> {
  let rows: Action[] = actions.map(withoutId);
  if (cap) {
    // The cap must know which actions are new before any is added (a handful per order).
    const stored = await storedIdentities(db, rows);
    const seen = new Set<string>();
    rows = rows.filter((row, i) => {
      const id = actionIdentity(row);
      if (stored[i] || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    await applyDailyCap(db, rows);
  }
  if (rows.length === 0) return rows;
  const added = await addSkippingStored(db, rows);
  const delta = new TotalsDelta();
  for (const action of added) if (action.status === 'active') delta.add(action, 1);
  await delta.apply(db);
  return added;
}

/**
 * Adds rows, letting the unique [platform+orderKey+kind] index refuse those already stored (or
 * repeated in `rows`): no lookup per row, which keeps the bulk path fast. Returns the rows added;
 * their ids are set only when none was refused (the bulk path does not need them).
 */
async function addSkippingStored(db: LedgerDb, rows: Action[]): Promise<Action[]> {
  try {
    const ids = await db.actions.bulkAdd(rows, { allKeys: true });
    rows.forEach((row, i) => (row.id = ids[i]));
    return rows;
  } catch (error) {
    // Caught inside the transaction, the refused rows do not abort it.
    if (!(error instanceof Dexie.BulkError)) throw error;
    const refused = error.failuresByPos;
    if (Object.values(refused).some((e) => e.name !== 'ConstraintError')) throw error;
    return rows.filter((_, i) => !(i in refused));
  }
}

/** Marks as 'capped' the active actions that would take their platform past the day's cap. */
async function applyDailyCap(db: LedgerDb, actions: Action[]): Promise<void> {
  const limit = await dailyCap(db);
  const used = new Map<string, number>();
  for (const action of actions) {
    if (action.status !== 'active') continue;
    const key = JSON.stringify([action.platform, action.day]);
    let count = used.get(key);
    if (count === undefined) {
      // Disputed actions used their place under the cap when they were recorded.
      const index = db.actions.where('[platform+day+status]');
      const [active, disputed] = await Promise.all([
        index.equals([action.platform, action.day, 'active']).count(),
        index.equals([action.platform, action.day, 'disputed']).count(),
      ]);
      count = active + disputed;
    }
    if (count >= limit) action.status = 'capped';
    else count += 1;
    used.set(key, count);
  }
}

/** An action for one observation of a placed order, scored with the current methodology. */
export function scoreObservation(order: OrderToRecord, obs: OrderToRecord['observations'][number]): Action {
  const factor = factorFor(obs.kind, obs.detail);
  return {
    platform: order.platform,
    kind: obs.kind,
    ...(obs.detail ? { detail: obs.detail } : {}),
    orderKey: order.orderKey,
    wasDefault: obs.wasDefault ?? false,
    observedAt: obs.observedAt,
    committedAt: order.committedAt,
    day: localDay(order.committedAt),
    grams: { ...factor.grams },
    points: pointsFor(factor.grams.central),
    methodologyVersion: METHODOLOGY_VERSION,
    status: 'active',
  };
}

/**
 * Records an order's observations as actions, once per platform + order + kind, and updates
 * the totals in the same transaction. Every observed kind becomes an action, at 0 g when the
 * methodology does not score it, so the user sees it. Returns the actions newly added
 * (capped ones included, with status 'capped').
 */
export async function recordOrder(db: LedgerDb, order: OrderToRecord): Promise<Action[]> {
  const actions = order.observations.map((obs) => scoreObservation(order, obs));
  return db.transaction('rw', db.actions, db.totals, db.settings, () => insertActions(db, actions, true));
}

/**
 * The bulk record path (import, seeding a large ledger): stores ready-made actions with the
 * status they carry, skipping those already stored, in transactions of `batch` actions, each of
 * which also updates the totals. Returns how many were added. Large batches spread the cost of
 * the totals rows each batch touches.
 */
export async function recordActions(db: LedgerDb, actions: readonly Action[], batch = 50_000): Promise<number> {
  let added = 0;
  for (let start = 0; start < actions.length; start += batch) {
    const slice = actions.slice(start, start + batch);
    added += (await db.transaction('rw', db.actions, db.totals, () => insertActions(db, slice, false))).length;
  }
  return added;
}
