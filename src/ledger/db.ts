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

/** A linked platform's sub-account: what the user calls it and how it is signed in. */
export interface SubAccount {
  platform: string;
  linkedAt: number;
  /** typed by the user */
  label?: string;
  /** read from the platform's page when signed in (display name or masked id) */
  linkedAs?: string;
}

export type VoucherStatus = 'unused' | 'used' | 'expired';

/** What a redemption yields. */
export interface Voucher {
  id?: number;
  /** one per redeem click: a second request with the same id yields nothing more */
  requestId: string;
  rewardId: string;
  platform: string;
  code: string;
  points: number;
  issuedAt: number;
  expiresAt: number;
  status: VoucherStatus;
  usedAt?: number;
}

/** Settings and bookkeeping, one row per key. */
export interface Setting {
  key: string;
  value: unknown;
}

export class LedgerDb extends Dexie {
  actions!: EntityTable<Action, 'id'>;
  totals!: EntityTable<Total, 'key'>;
  subAccounts!: EntityTable<SubAccount, 'platform'>;
  vouchers!: EntityTable<Voucher, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  orderAliases!: EntityTable<OrderAlias, 'refKey'>;

  constructor(name = 'carbon-account') {
    super(name);
    // Schema lives here only. Never edit a version once released: add version(n + 1) with an
    // upgrade, and a test that seeds version n and opens n + 1.
    this.version(1).stores({
      actions: '++id, &[platform+orderKey+kind], platform, kind, committedAt, status',
      totals: 'key',
      subAccounts: 'platform',
      vouchers: '++id, &requestId, rewardId, platform, status, issuedAt',
      settings: 'key',
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
