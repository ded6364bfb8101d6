import * as v from 'valibot';
import { CATEGORIES } from '../core/kinds';

/**
 * One installation's record in the browser's sync area, under `device:<install id>`. Only that
 * installation writes it, and it writes it whole: a summary of its own ledger, never a change to
 * anyone else's. Keys are one letter because every byte counts against storage.sync's quota
 * (8,192 bytes per item, 102,400 in all, key included; see docs/sync.md for the measured sizes).
 */
export interface DeviceRecord {
  /** format version */
  v: 1;
  /** the browser's name as the shopper reads it ("Chrome · Windows", or one they typed) */
  n: string;
  /** when the record was written (ms since the epoch) */
  u: number;
  /** per sub-account ('platform:<id>' totals of active actions): [actions, grams central, low, high, points] */
  p: Record<string, Sums>;
  /** actions counted per choice kind */
  k: Record<string, number>;
  /** vouchers redeemed: [redemptions, points spent] */
  r: [number, number];
  /**
   * The last CHART_DAYS local days, for the 12-week chart: the first day (YYYY-MM-DD) and, per
   * category with any, the whole grams (central) of each day from it (see encodeDays).
   */
  d: [string, Partial<Record<string, string>>];
}

/** [actions, grams central, grams low, grams high, points] */
export type Sums = [number, number, number, number, number];

export const RECORD_PREFIX = 'device:';
/** The 12 weeks the popup's chart shows. */
export const CHART_DAYS = 84;
/** Sub-accounts a record lists by name; shops added by address beyond it are summed under OTHER_SHOPS. */
export const MAX_NAMED_SHOPS = 28;
/** The key under which a record sums the smallest shops added by address when there are too many. */
export const OTHER_SHOPS = '*';
export const MAX_NAME_LENGTH = 40;

export const recordKey = (installId: string) => `${RECORD_PREFIX}${installId}`;

const Count = v.pipe(v.number(), v.finite());
const SumsSchema = v.tuple([Count, Count, Count, Count, Count]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_SERIES = /^(?:-?[0-9a-z]{1,12})?(?:,(?:-?[0-9a-z]{1,12})?)*$/;

/**
 * A run of days' grams as text: base-36 numbers separated by commas, an empty day as nothing,
 * trailing empty days left off. A busy day on every shop takes 5 characters instead of 8, an
 * empty one 1, which is what keeps a record of 12 weeks of days far under the item quota.
 */
export function encodeDays(grams: readonly number[]): string {
  let end = grams.length;
  while (end > 0 && Math.round(grams[end - 1]) === 0) end--;
  return grams
    .slice(0, end)
    .map((g) => (Math.round(g) === 0 ? '' : Math.round(g).toString(36)))
    .join(',');
}

export function decodeDays(text: string): number[] {
  return text === '' ? [] : text.split(',').map((part) => (part === '' ? 0 : parseInt(part, 36)));
}

/** What another installation wrote: parsed before it counts, so a damaged record is skipped, not summed. */
export const DeviceRecordSchema = v.object({
  v: v.literal(1),
  n: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
  u: v.pipe(v.number(), v.finite(), v.minValue(0)),
  p: v.record(v.pipe(v.string(), v.maxLength(260)), SumsSchema),
  k: v.record(v.pipe(v.string(), v.maxLength(40)), Count),
  r: v.tuple([Count, Count]),
  d: v.tuple([
    v.pipe(v.string(), v.regex(DAY)),
    v.record(
      v.picklist(CATEGORIES),
      v.pipe(
        v.string(),
        v.regex(DAY_SERIES),
        v.check((text) => text.split(',').length <= CHART_DAYS),
      ),
    ),
  ]),
});

/** The record, or undefined when `value` is not one this version reads. */
export function parseRecord(value: unknown): DeviceRecord | undefined {
  const parsed = v.safeParse(DeviceRecordSchema, value);
  return parsed.success ? (parsed.output as DeviceRecord) : undefined;
}

/** Bytes the record takes against storage.sync's per-item quota (key + JSON value, as Chrome counts). */
export function recordBytes(installId: string, record: DeviceRecord): number {
  return new TextEncoder().encode(recordKey(installId) + JSON.stringify(record)).length;
}

/** The same record apart from when it was written: nothing to send. */
export function sameContent(a: DeviceRecord, b: DeviceRecord): boolean {
  return JSON.stringify({ ...a, u: 0 }) === JSON.stringify({ ...b, u: 0 });
}
