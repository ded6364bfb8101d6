import { factorFor, METHODOLOGY_VERSION } from '../carbon/factors';
import { actionPoints } from '../carbon/points';
import { platformById } from '../platforms/index';
import type { Action, LedgerDb, Voucher } from './db';
import { EXPORT_FORMAT, EXPORT_VERSION, IMPORTABLE_SETTINGS, parseExport, type AccountExport } from './export-format';
import { applyDailyCap, insertActions, storedIdentities } from './record';
import { actionIdentity, withoutId } from './rows';
import { categoryOfPlatform, EMPTY_TOTAL, REDEEMED_KEY } from './totals';

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
 * detail, when), never how much it is worth. An action the file says was capped stays capped (an import
 * never counts what recording did not); the caps may cap more.
 */
function rescored(action: AccountExport['actions'][number]): Action {
  const { grams } = factorFor(action.kind, action.detail);
  return {
    ...action,
    grams: { ...grams },
    points: actionPoints(grams.central),
    methodologyVersion: METHODOLOGY_VERSION,
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
