import { factorFor, METHODOLOGY_VERSION, pointsFor } from '../carbon/factors';
import type { Observation } from '../platforms/types';
import type { Action, LedgerDb, Total } from './db';

export interface OrderToRecord {
  platform: string;
  orderKey: string;
  observations: readonly (Observation & { observedAt: number })[];
  committedAt: number;
}

export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The totals an action contributes to. */
export function totalKeys(action: Pick<Action, 'platform' | 'kind' | 'committedAt'>): string[] {
  return ['all', `platform:${action.platform}`, `kind:${action.kind}`, `day:${dayOf(action.committedAt)}`];
}

/** Adds (sign 1) or removes (sign -1) an action's share of every total it belongs to. */
export async function applyToTotals(db: LedgerDb, action: Action, sign: 1 | -1): Promise<void> {
  const keys = totalKeys(action);
  const rows = await db.totals.bulkGet(keys);
  const next: Total[] = keys.map((key, i) => {
    const t = rows[i] ?? { key, count: 0, grams: 0, gramsLow: 0, gramsHigh: 0, points: 0 };
    return {
      key,
      count: t.count + sign,
      grams: t.grams + sign * action.grams.central,
      gramsLow: t.gramsLow + sign * action.grams.low,
      gramsHigh: t.gramsHigh + sign * action.grams.high,
      points: t.points + sign * action.points,
    };
  });
  await db.totals.bulkPut(next);
}

/**
 * Records an order's observations as actions, once per platform + order + kind, and updates
 * the totals in the same transaction. Returns the actions newly added.
 */
export async function recordOrder(db: LedgerDb, order: OrderToRecord): Promise<Action[]> {
  return db.transaction('rw', db.actions, db.totals, async () => {
    const added: Action[] = [];
    for (const obs of order.observations) {
      const factor = factorFor(obs.kind, obs.detail);
      if (!factor) continue;
      const exists = await db.actions
        .where('[platform+orderKey+kind]')
        .equals([order.platform, order.orderKey, obs.kind])
        .count();
      if (exists) continue;
      const action: Action = {
        platform: order.platform,
        kind: obs.kind,
        ...(obs.detail ? { detail: obs.detail } : {}),
        orderKey: order.orderKey,
        wasDefault: obs.wasDefault ?? false,
        observedAt: obs.observedAt,
        committedAt: order.committedAt,
        grams: { ...factor.grams },
        points: pointsFor(factor.grams.central),
        methodologyVersion: METHODOLOGY_VERSION,
        status: 'active',
      };
      action.id = await db.actions.add(action);
      await applyToTotals(db, action, 1);
      added.push(action);
    }
    return added;
  });
}
