import { Dexie, type EntityTable } from 'dexie';
import type { ChoiceKind } from '../platforms/types';

export type ActionStatus = 'active' | 'disputed';

/** An observation committed by a placed order: the ledger's unit. */
export interface Action {
  id?: number;
  platform: string;
  kind: ChoiceKind;
  detail?: string;
  /** salted SHA-256 of the order reference; the order number itself is never stored */
  orderKey: string;
  /** true when the choice was the page's default and the shopper left it so */
  wasDefault: boolean;
  observedAt: number;
  committedAt: number;
  grams: { central: number; low: number; high: number };
  points: number;
  methodologyVersion: string;
  status: ActionStatus;
}

/** Sums kept in step with every write so reading the account never scans actions. */
export interface Total {
  /** 'all', 'platform:<id>', 'kind:<kind>', 'day:<YYYY-MM-DD>' */
  key: string;
  count: number;
  grams: number;
  gramsLow: number;
  gramsHigh: number;
  points: number;
}

export interface OrderAlias {
  /** hash of an order reference seen on a confirmation page */
  refKey: string;
  /** the key the order's actions were recorded under */
  orderKey: string;
}

export class LedgerDb extends Dexie {
  actions!: EntityTable<Action, 'id'>;
  totals!: EntityTable<Total, 'key'>;
  orderAliases!: EntityTable<OrderAlias, 'refKey'>;

  constructor(name = 'carbon-account') {
    super(name);
    this.version(1).stores({
      actions: '++id, &[platform+orderKey+kind], platform, kind, committedAt, status',
      totals: 'key',
      orderAliases: 'refKey',
    });
  }
}

let shared: LedgerDb | undefined;

/** The extension's one ledger database (background and extension pages share it). */
export function ledger(): LedgerDb {
  shared ??= new LedgerDb();
  return shared;
}
