import * as v from 'valibot';
import { factorFor, METHODOLOGY_VERSION } from '../carbon/factors';
import { actionPoints } from '../carbon/points';
import { PLATFORM_ID_PATTERN } from '../core/ids';
import { platformById } from '../platforms/index';
import { CHOICE_KINDS } from '../core/kinds';
import type { Action, LedgerDb, Voucher } from './db';
import { applyDailyCap, insertActions, storedIdentities } from './record';
import { actionIdentity, withoutId } from './rows';
import { SETTING } from './settings';
import { categoryOfPlatform, EMPTY_TOTAL, REDEEMED_KEY } from './totals';

/** Names the file as ours; `version` is the export format's, bumped when its shape changes. */
export const EXPORT_FORMAT = 'carbon-account';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing: ≈250,000 actions, years beyond any daily cap. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const PlatformId = v.pipe(v.string(), v.regex(PLATFORM_ID_PATTERN));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const Grams = v.pipe(v.number(), v.finite(), v.minValue(-1e7), v.maxValue(1e7));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const ActionSchema = v.strictObject({
  platform: PlatformId,
  kind: v.picklist(CHOICE_KINDS),
  detail: v.optional(v.pipe(v.string(), v.regex(/^[a-z-]{1,32}$/))),
  orderKey: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  wasDefault: v.boolean(),
  label: v.optional(Text(160)),
  observedAt: Time,
  committedAt: Time,
  day: v.pipe(v.string(), v.isoDate()),
  grams: v.pipe(
    v.strictObject({ central: Grams, low: Grams, high: Grams }),
    v.check((g) => g.low <= g.central && g.central <= g.high, 'low ≤ central ≤ high does not hold'),
  ),
  points: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e7)),
  methodologyVersion: Text(32),
  status: v.picklist(['active', 'disputed', 'capped']),
  disputedAt: v.optional(Time),
  disputeReason: v.optional(Text(200)),
});

// Vouchers and sub-accounts belong to other parts of the product, which may add fields: those
// are kept as they are, the fields the ledger relies on are checked.
const VoucherSchema = v.looseObject({
  requestId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  rewardId: Text(128),
  platform: v.string(),
  code: Text(256),
  points: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
  issuedAt: Time,
  expiresAt: Time,
  status: v.picklist(['unused', 'used', 'expired']),
  usedAt: v.optional(Time),
});

const SubAccountSchema = v.looseObject({
  platform: PlatformId,
  linkedAt: Time,
  label: v.optional(Text(64)),
  linkedAs: v.optional(Text(64)),
});

// Only settings the user can set in Options travel in a file, each with a value Options could
// have written: an imported file cannot switch off the daily cap or smuggle in other keys.
const SettingSchema = v.variant('key', [
  v.strictObject({ key: v.literal(SETTING.dailyCap), value: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9999)) }),
  v.strictObject({ key: v.literal('notifications'), value: v.boolean() }),
  v.strictObject({ key: v.literal('language'), value: v.picklist(['en', 'zh_CN', 'ja']) }),
]);
const IMPORTABLE_SETTINGS: ReadonlySet<string> = new Set(SettingSchema.options.map((o) => o.entries.key.literal));

const ExportSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  methodologyVersion: Text(32),
  actions: v.array(ActionSchema),
  vouchers: v.array(VoucherSchema),
  subAccounts: v.array(SubAccountSchema),
  orderAliases: v.array(v.strictObject({ refKey: Text(128), orderKey: Text(128) })),
  settings: v.array(SettingSchema),
});

type AccountExport = v.InferOutput<typeof ExportSchema>;

/** The whole account as versioned JSON: actions, vouchers, sub-accounts, order aliases, settings. Totals are rebuilt on import. */
export async function exportJson(db: LedgerDb, now = Date.now()): Promise<string> {
  return db.transaction('r', [db.actions, db.vouchers, db.subAccounts, db.orderAliases, db.settings], async () => {
    const data: AccountExport = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      methodologyVersion: METHODOLOGY_VERSION,
      actions: (await db.actions.toArray()).map(withoutId),
      vouchers: (await db.vouchers.toArray()).map(withoutId),
      subAccounts: (await db.subAccounts.toArray()) as AccountExport['subAccounts'],
      orderAliases: await db.orderAliases.toArray(),
      settings: (await db.settings.toArray()).filter((s) => IMPORTABLE_SETTINGS.has(s.key)) as AccountExport['settings'],
    };
    return JSON.stringify(data);
  });
}

const CSV_COLUMNS = [
  'id', 'committed', 'day', 'platform', 'platform name', 'category', 'kind', 'detail', 'status',
  'grams CO2e', 'grams low', 'grams high', 'points', 'methodology', 'was default', 'observed', 'dispute reason',
] as const;

/** A CSV field: quoted when needed; text a spreadsheet would run as a formula is prefixed with '. */
function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The actions as CSV for a spreadsheet: UTF-8 with a byte-order mark (so 中文 and 日本語 survive), CRLF lines. */
export async function exportCsv(db: LedgerDb): Promise<string> {
  const lines = [CSV_COLUMNS.join(',')];
  await db.actions.orderBy('committedAt').each((a) => {
    lines.push(
      [
        a.id, new Date(a.committedAt).toISOString(), a.day, a.platform, platformById(a.platform)?.name ?? a.platform,
        categoryOfPlatform(a.platform), a.kind, a.detail, a.status, a.grams.central, a.grams.low, a.grams.high, a.points,
        a.methodologyVersion, a.wasDefault, new Date(a.observedAt).toISOString(), a.disputeReason,
      ]
        .map(csvField)
        .join(','),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ImportCounts {
  actions: number;
  vouchers: number;
  subAccounts: number;
  orderAliases: number;
  settings: number;
}

export type ImportCheck = { ok: true; adds: ImportCounts; alreadyStored: ImportCounts } | { ok: false; error: string };
export type ImportResult = { ok: true; added: ImportCounts } | { ok: false; error: string };

/** `actions[17].grams.low` from a valibot issue's path. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  return path;
}

function tooLarge(bytes: number): { ok: false; error: string } {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return { ok: false, error: `The file is ${mb(bytes)}; the largest file that can be imported is ${mb(MAX_IMPORT_BYTES)}.` };
}

/** A chosen file's text, its size checked first: a file over the limit is never read into memory. */
export async function readImportFile(file: Blob): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > MAX_IMPORT_BYTES) return tooLarge(file.size);
  return { ok: true, text: await file.text() };
}

/** Parses and checks a whole export file; says what is wrong and where at the first problem. */
export function parseExport(text: string): { ok: true; data: AccountExport } | { ok: false; error: string } {
  // Three bytes at most per UTF-16 unit: only a text near the limit is measured exactly.
  const bytes = text.length * 3 > MAX_IMPORT_BYTES ? new TextEncoder().encode(text).length : 0;
  if (bytes > MAX_IMPORT_BYTES) return tooLarge(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${(error as Error).message}.` };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== EXPORT_FORMAT) {
    return { ok: false, error: 'The file is not a Carbon Account export (it has no "format": "carbon-account").' };
  }
  if (head.version !== EXPORT_VERSION) {
    return { ok: false, error: `The file is export version ${JSON.stringify(head.version)}; this version of Carbon Account reads version ${EXPORT_VERSION}.` };
  }
  const result = v.safeParse(ExportSchema, raw, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    const row = /^(\w+)\[(\d+)\]/.exec(path);
    const where = row ? `${row[1]} row ${Number(row[2]) + 1} (${path})` : path || 'the top level';
    return { ok: false, error: `Nothing was imported: ${where}: ${issue.message}.` };
  }
  return { ok: true, data: result.output };
}


/** What the import would add (and what is already stored) without writing anything. */
async function plan(db: LedgerDb, data: AccountExport, lookUpActions = true) {
  // Importing lets the unique index skip stored actions (fast); only the preview looks each up.
  const storedActions = lookUpActions ? await storedIdentities(db, data.actions) : [];
  const actions: Action[] = lookUpActions ? uniqueBy(data.actions.filter((_, i) => !storedActions[i]), actionIdentity) : [];
  const voucherIndex = db.vouchers.where('requestId');
  const storedVouchers = await Promise.all(data.vouchers.map((x) => voucherIndex.equals(x.requestId).count()));
  const vouchers = uniqueBy(data.vouchers.filter((_, i) => storedVouchers[i] === 0), (x) => x.requestId);
  const absent = async <T>(rows: T[], key: (row: T) => string, table: { bulkGet(keys: string[]): Promise<unknown[]> }) => {
    const unique = uniqueBy(rows, key);
    const stored = await table.bulkGet(unique.map(key));
    return unique.filter((_, i) => stored[i] === undefined);
  };
  return {
    actions,
    vouchers,
    subAccounts: await absent(data.subAccounts, (s) => s.platform, db.subAccounts),
    orderAliases: await absent(data.orderAliases, (a) => a.refKey, db.orderAliases),
    settings: await absent(data.settings, (s) => s.key, db.settings),
  };
}

function uniqueBy<T>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const counts = (p: Awaited<ReturnType<typeof plan>>): ImportCounts => ({
  actions: p.actions.length,
  vouchers: p.vouchers.length,
  subAccounts: p.subAccounts.length,
  orderAliases: p.orderAliases.length,
  settings: p.settings.length,
});

const tables = (db: LedgerDb) => [db.actions, db.totals, db.vouchers, db.subAccounts, db.orderAliases, db.settings];

/** Checks a file and says what importing it would add, writing nothing. */
export async function previewImport(db: LedgerDb, text: string): Promise<ImportCheck> {
  const parsed = parseExport(text);
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  const p = await db.transaction('r', tables(db), () => plan(db, data));
  const adds = counts(p);
  const alreadyStored: ImportCounts = {
    actions: data.actions.length - adds.actions,
    vouchers: data.vouchers.length - adds.vouchers,
    subAccounts: data.subAccounts.length - adds.subAccounts,
    orderAliases: data.orderAliases.length - adds.orderAliases,
    settings: data.settings.length - adds.settings,
  };
  return { ok: true, adds, alreadyStored };
}

/**
 * An imported action as the methodology scores it now: a file says what was chosen (kind,
 * detail, when), never how much it is worth. 'capped' is decided again by the caps.
 */
function rescored(action: AccountExport['actions'][number]): Action {
  const { grams } = factorFor(action.kind, action.detail);
  return {
    ...action,
    grams: { ...grams },
    points: actionPoints(grams.central),
    methodologyVersion: METHODOLOGY_VERSION,
    status: action.status === 'capped' ? 'active' : action.status,
  };
}

/**
 * Merges an export into the account in one transaction: what is already stored (by the same
 * identities as recording) is kept as it is, the rest is re-scored, passes the daily caps in
 * the order it was recorded, and is added with the totals; imported vouchers add their points to
 * 'redeemed' (the debits travel with the file). Importing restores, it never mints: the same
 * file twice changes nothing, and no file can carry more points than its actions earn under the
 * caps. A file with any problem is refused as a whole and nothing changes.
 */
export async function importJson(db: LedgerDb, text: string): Promise<ImportResult> {
  const parsed = parseExport(text);
  if (!parsed.ok) return parsed;
  const { data } = parsed;
  return db.transaction('rw', tables(db), async () => {
    const p = await plan(db, data, false);
    // The file's settings first: its daily cap decides which of its actions count.
    await db.settings.bulkAdd(p.settings);
    const actions = data.actions.map(rescored).sort((a, b) => a.committedAt - b.committedAt);
    await applyDailyCap(db, actions);
    p.actions = await insertActions(db, actions, false);
    if (p.vouchers.length) {
      await db.vouchers.bulkAdd(p.vouchers as Voucher[]);
      const row = (await db.totals.get(REDEEMED_KEY)) ?? EMPTY_TOTAL(REDEEMED_KEY);
      const spent = p.vouchers.reduce((sum, x) => sum + x.points, 0);
      await db.totals.put({ ...row, count: row.count + p.vouchers.length, points: row.points + spent });
    }
    await db.subAccounts.bulkAdd(p.subAccounts);
    await db.orderAliases.bulkAdd(p.orderAliases);
    return { ok: true as const, added: counts(p) };
  });
}

/** Deletes every action, total, voucher, sub-account, order alias and setting: the account reads zero. */
export async function deleteEverything(db: LedgerDb): Promise<void> {
  await db.transaction('rw', tables(db), () => Promise.all(tables(db).map((t) => t.clear())));
}
