import type { LedgerDb } from '../ledger/db';
import { recordOrder } from '../ledger/record';
import type { Reply } from '../messaging/protocol';
import type { Observation } from '../core/kinds';
import {
  offerKey,
  pendingKey,
  PLACED_ORDER_TTL_MS,
  placedKey,
  readKey,
  type PendingObservation,
  type PlacedOrder,
  type SessionStore,
} from './checkout-state';

/** What committing needs of the flow's dependencies. */
export interface CommitDeps {
  db: LedgerDb;
  session: SessionStore;
  now(): number;
  /** salted hash of an order reference */
  orderKey(platform: string, ref: string): Promise<string>;
}

export async function recentPlacedOrder(deps: Pick<CommitDeps, 'session' | 'now'>, key: string): Promise<PlacedOrder | undefined> {
  const placed = await readKey<PlacedOrder>(deps.session, key);
  return placed && deps.now() - placed.at < PLACED_ORDER_TTL_MS ? placed : undefined;
}

/** The checkout's observations, plus kinds only a later reading shows (stamped now). */
export function merged(base: readonly PendingObservation[], seen: readonly Observation[], now: number): PendingObservation[] {
  const out = [...base];
  for (const o of seen) if (!out.some((p) => p.kind === o.kind)) out.push({ ...o, observedAt: now });
  return out;
}

export interface OrderEvidence {
  checkoutId: string;
  observations: PendingObservation[];
  /** the order number a confirmation showed */
  ref?: string;
  /** `documentAt` of the confirmation that ended the checkout */
  confirmedIn?: number;
}

/**
 * Records a placed order (a trusted press followed by its confirmation or by the page leaving
 * the checkout, or the shopper's yes in the popup) in one transaction, keyed by the order
 * number's salted hash when one was seen, and ends the tab's checkout: later confirmations and
 * reloads rejoin this order and record nothing more.
 */
export async function commitOrder(deps: CommitDeps, tabId: number, platform: string, order: OrderEvidence): Promise<Reply> {
  const refKey = order.ref ? await deps.orderKey(platform, order.ref) : undefined;
  const alias = refKey ? await deps.db.orderAliases.get(refKey) : undefined;
  const orderKey = alias?.orderKey ?? refKey ?? (await deps.orderKey(platform, `checkout:${order.checkoutId}`));
  const now = deps.now();
  const added = await recordOrder(deps.db, { platform, orderKey, observations: order.observations, committedAt: now });
  const placed: PlacedOrder = {
    orderKey,
    checkoutId: order.checkoutId,
    at: now,
    ...(order.confirmedIn !== undefined ? { confirmedIn: order.confirmedIn } : {}),
  };
  await deps.session.set({ [placedKey(tabId, platform)]: placed });
  await deps.session.remove([pendingKey(tabId, platform), offerKey(tabId, platform)]);
  return { ok: true, recorded: added.length };
}

/**
 * A reading that belongs to an order already recorded (its confirmation reloaded, or a late
 * message from the checkout that led to it): adds only kinds not recorded yet, under that
 * order's key, and remembers the order number's hash for reloads after the session is gone.
 */
export async function rejoinOrder(
  deps: CommitDeps,
  platform: string,
  placed: PlacedOrder,
  seen: { ref?: string; observations: readonly Observation[] },
): Promise<Reply> {
  const now = deps.now();
  if (seen.ref) {
    const refKey = await deps.orderKey(platform, seen.ref);
    if (refKey !== placed.orderKey) await deps.db.orderAliases.put({ refKey, orderKey: placed.orderKey });
  }
  const observations = seen.observations.map((o) => ({ ...o, observedAt: now }));
  if (!observations.length) return { ok: true, recorded: 0 };
  const added = await recordOrder(deps.db, { platform, orderKey: placed.orderKey, observations, committedAt: now });
  return { ok: true, recorded: added.length };
}
