import { factorFor, METHODOLOGY_VERSION } from '../carbon/factors';
import { actionPoints, POINTS_RULE } from '../carbon/points';
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

/**
 * What one platform may add to the account in one day: actions (the setting above), orders and
 * points. An action past any of them is kept as 'capped' (shown, not counted). The points limit
 * belongs with the points rule (src/carbon): whoever changes how many points an action earns
 * passes the matching limit here.
 */
export interface DailyCaps {
  actions: number;
  orders: number;
  /** an action alone on its day always fits, so one large purchase (a used wardrobe) still counts */
  points: number;
}
/** A shopper places a few orders a day on one platform; ten is generous. */
export const DEFAULT_DAILY_ORDERS = 10;
/** The points rule's daily bound (src/carbon/points.ts), applied per platform and local day. */
export const DEFAULT_DAILY_POINTS = POINTS_RULE.dailyCap;

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

/** The caps in force: the daily action cap from settings, orders and points as given (by default the defaults). */
export async function dailyCaps(db: LedgerDb, rule: Partial<Omit<DailyCaps, 'actions'>> = {}): Promise<DailyCaps> {
  return { actions: await dailyCap(db), orders: rule.orders ?? DEFAULT_DAILY_ORDERS, points: rule.points ?? DEFAULT_DAILY_POINTS };
}

interface DayUse {
  actions: number;
  points: number;
  orders: Set<string>;
  /** identities already stored or already counted: a repeat takes no place under the caps */
  seen: Set<string>;
}

/** What a platform's day has used: its active and disputed actions (disputed ones used their place when recorded). */
function dayUse(db: LedgerDb, platform: string, day: string): Promise<DayUse> {
  // One query over both statuses, returned as Dexie's own promise: it stays inside the caller's transaction.
  return db.actions
    .where('[platform+day+status]')
    .anyOf([platform, day, 'active'], [platform, day, 'disputed'])
    .toArray()
    .then((rows) => ({
      actions: rows.length,
      points: rows.reduce((sum, a) => sum + a.points, 0),
      orders: new Set(rows.map((a) => a.orderKey)),
      seen: new Set(rows.map(actionIdentity)),
    }));
}

/**
 * Marks as 'capped' the active actions that would take their platform past the day's caps on
 * actions, orders or points, in the order given. The rows a day already holds are read once
 * per platform and day (no more than the caps let in), never once per action.
 */
export async function applyDailyCap(db: LedgerDb, actions: Action[], caps?: DailyCaps): Promise<void> {
  const limits = caps ?? { actions: await dailyCap(db), orders: DEFAULT_DAILY_ORDERS, points: DEFAULT_DAILY_POINTS };
  const days = new Map<string, DayUse>();
  for (const action of actions) {
    // A disputed action (an import's) took its place when it was recorded, as it does in dayUse.
    if (action.status !== 'active' && action.status !== 'disputed') continue;
    const key = JSON.stringify([action.platform, action.day]);
    let use = days.get(key);
    if (!use) days.set(key, (use = await dayUse(db, action.platform, action.day)));
    const id = actionIdentity(action);
    if (use.seen.has(id)) continue;
    use.seen.add(id);
    const newOrder = !use.orders.has(action.orderKey);
    const over =
      use.actions >= limits.actions ||
      (newOrder && use.orders.size >= limits.orders) ||
      (use.points > 0 && use.points + action.points > limits.points);
    if (over) {
      if (action.status === 'active') action.status = 'capped';
      continue;
    }
    use.actions += 1;
    use.points += action.points;
    use.orders.add(action.orderKey);
  }
}

/** An action for one observation of a placed order, scored with the current methodology. */
export function scoreObservation(order: OrderToRecord, obs: OrderToRecord['observations'][number]): Action {
  const factor = factorFor(obs.kind, obs.detail);
  return {
    platform: order.platform,
    kind: obs.kind,
    ...(obs.detail ? { detail: obs.detail } : {}),
    ...(obs.label ? { label: obs.label } : {}),
    orderKey: order.orderKey,
    wasDefault: obs.wasDefault ?? false,
    observedAt: obs.observedAt,
    committedAt: order.committedAt,
    day: localDay(order.committedAt),
    grams: { ...factor.grams },
    points: actionPoints(factor.grams.central),
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
