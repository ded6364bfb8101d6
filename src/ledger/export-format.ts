import * as v from 'valibot';
import { PLATFORM_ID_PATTERN } from '../core/ids';
import { CHOICE_KINDS } from '../core/kinds';
import { SETTING } from './settings';

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
export const IMPORTABLE_SETTINGS: ReadonlySet<string> = new Set(SettingSchema.options.map((o) => o.entries.key.literal));

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

export type AccountExport = v.InferOutput<typeof ExportSchema>;

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
