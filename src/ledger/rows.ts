import type { Action } from './db';

/**
 * A copy of a row without its id (the ledger numbers its own rows), by destructuring rather
 * than `delete`, which leaves the object in V8's slow dictionary mode.
 */
export function withoutId<T extends { id?: number }>({ id, ...row }: T): Omit<T, 'id'> {
  return row;
}

/** What makes an action one: its platform, order and kind (one action per order and kind). */
export const actionIdentity = (a: Pick<Action, 'platform' | 'orderKey' | 'kind'>): string => JSON.stringify([a.platform, a.orderKey, a.kind]);
