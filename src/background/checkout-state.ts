import type { Observation } from '../core/kinds';

/**
 * What the checkout state machine keeps per tab and platform in `storage.session` (it survives
 * a service-worker restart): the checkout being filled in, the order it became, and a
 * confirmation seen with no place-order press, which only the shopper can turn into an order.
 */

/** The slice of `storage.session` the flow needs. */
export interface SessionStore {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

export type PendingObservation = Observation & { observedAt: number };

/** Observations seen on one tab's checkout, waiting for the order to be placed. */
export interface PendingCheckout {
  checkoutId: string;
  observations: PendingObservation[];
  /** last reading; an unpressed checkout not read for CHECKOUT_TTL_MS is forgotten */
  seenAt: number;
  /** when a trusted place-order press was reported, and by which document (its timeOrigin) */
  pressedAt?: number;
  pressedIn?: number;
}

/** Remembers that a tab's order was recorded, so reloads and late confirmations reuse its key. */
export interface PlacedOrder {
  orderKey: string;
  checkoutId?: string;
  at: number;
  /** `documentAt` of the confirmation page that ended the checkout */
  confirmedIn?: number;
}

/**
 * A confirmation that came with no press: nothing is recorded; the popup asks the shopper. A
 * press from an older document (its message may arrive late) still joins it.
 */
export interface UnpressedConfirmation {
  id: string;
  platform: string;
  tabId: number;
  observations: PendingObservation[];
  ref?: string;
  confirmedIn: number;
  at: number;
}

/** How long a recorded order's key is reused for the same tab and platform. */
export const PLACED_ORDER_TTL_MS = 2 * 60 * 60 * 1000;
/** After this long, a pressed checkout with no confirmation is taken to be a new one. */
export const PRESSED_TTL_MS = 30 * 60 * 1000;
/** An unpressed checkout not read for this long is forgotten. */
export const CHECKOUT_TTL_MS = 2 * 60 * 60 * 1000;
/** How long the popup may offer a confirmation that came with no press. */
export const OFFER_TTL_MS = 2 * 60 * 60 * 1000;

export const pendingKey = (tabId: number, platform: string) => `pending:${tabId}:${platform}`;
export const placedKey = (tabId: number, platform: string) => `placed:${tabId}:${platform}`;
export const offerKey = (tabId: number, platform: string) => `offer:${tabId}:${platform}`;

export async function readKey<T>(session: SessionStore, key: string): Promise<T | undefined> {
  return (await session.get(key))[key] as T | undefined;
}

/** A checkout that is still live: read recently, and if pressed, pressed recently. */
export function isLive(pending: PendingCheckout | undefined, now: number): pending is PendingCheckout {
  if (!pending) return false;
  if (pending.pressedAt !== undefined) return now - pending.pressedAt <= PRESSED_TTL_MS;
  return now - pending.seenAt <= CHECKOUT_TTL_MS;
}

export const isPressed = (pending: PendingCheckout | undefined, now: number): boolean =>
  isLive(pending, now) && pending.pressedAt !== undefined;

/** Whether a stored entry has expired (so any tab's tidy-up may remove it). */
export function expired(key: string, value: unknown, now: number): boolean {
  if (key.startsWith('placed:')) return now - (value as PlacedOrder).at >= PLACED_ORDER_TTL_MS;
  if (key.startsWith('offer:')) return now - (value as UnpressedConfirmation).at >= OFFER_TTL_MS;
  if (key.startsWith('pending:')) return !isLive(value as PendingCheckout, now);
  return false;
}
