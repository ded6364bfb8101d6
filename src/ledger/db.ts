import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { LocalText } from '../core/i18n';
import type { ChoiceKind } from '../core/kinds';

/** active: counted; disputed: taken out by the user; capped: over the platform's daily cap, kept but not counted */
export type ActionStatus = 'active' | 'disputed' | 'capped';

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
  /** the local calendar day (YYYY-MM-DD) of committedAt, fixed when recorded so totals never depend on the reader's time zone */
  day: string;
  grams: { central: number; low: number; high: number };
  points: number;
  methodologyVersion: string;
  status: ActionStatus;
  /** set while disputed: when, and what the user said ("cutlery came anyway") */
  disputedAt?: number;
  disputeReason?: string;
}

/** Sums kept in step with every write so reading the account never scans actions. */
export interface Total {
  /**
   * 'all', 'platform:<id>', 'kind:<kind>', 'day:<YYYY-MM-DD>', 'daycat:<YYYY-MM-DD>:<category>'
   * over active actions; 'redeemed' holds the points spent on vouchers (count = redemptions).
   */
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
  /** the reward's title when issued (en, zh_CN, ja), so the voucher reads the same after the catalog changes */
  title?: LocalText;
}

/** Settings and bookkeeping, one row per key. */
export interface Setting {
  key: string;
  value: unknown;
}

/** One schema version: its stores and, from version 2 on, the upgrade that carries data over. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * The schema, in one place. Never edit a version once released: append version n + 1 with an
 * upgrade, and a test that seeds version n and opens n + 1 (tests/unit/ledger-schema.test.ts
 * shows the pattern; tests/fixtures/db/ledger-v1.json is version 1 as released).
 */
export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Each index costs on every insert (the bulk path must seed 1,000,000 actions), so only
      // indexes something reads: identity for dedupe, [platform+day+status] for the daily cap,
      // platform for deleting a sub-account, committedAt for recent actions and the CSV.
      actions: '++id, &[platform+orderKey+kind], [platform+day+status], platform, committedAt',
      totals: 'key',
      subAccounts: 'platform',
      vouchers: '++id, &requestId, rewardId, platform, status, issuedAt',
      settings: 'key',
      orderAliases: 'refKey',
    },
  },
];

/** Declares `versions` on `db`; the ledger uses SCHEMA, an upgrade test passes SCHEMA plus its next version. */
export function declareSchema(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export class LedgerDb extends Dexie {
  actions!: EntityTable<Action, 'id'>;
  totals!: EntityTable<Total, 'key'>;
  subAccounts!: EntityTable<SubAccount, 'platform'>;
  vouchers!: EntityTable<Voucher, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  orderAliases!: EntityTable<OrderAlias, 'refKey'>;

  constructor(name = 'carbon-account', versions: readonly SchemaVersion[] = SCHEMA) {
    super(name);
    declareSchema(this, versions);
  }
}

let shared: LedgerDb | undefined;

/** The extension's one ledger database (background and extension pages share it). */
export function ledger(): LedgerDb {
  shared ??= new LedgerDb();
  return shared;
}
