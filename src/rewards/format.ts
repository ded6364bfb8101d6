import * as v from 'valibot';
import type { LocalText } from '../core/i18n';
import { PLATFORMS } from '../platforms/index';
import { CODE_PATTERN } from '../core/voucher-code';

/**
 * The rewards catalog format, version 1 (docs/rewards.md). The bundled sample and any provider
 * feed are parsed with these schemas; nothing else becomes a catalog.
 */
export const CATALOG_FORMAT = 'carbon-account-rewards';
export const CATALOG_VERSION = 1;

const Line = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300), v.regex(/^[^\p{Cc}]+$/u, 'has control characters'));

/** A text in every shipped language. */
const TextSchema = v.strictObject({ en: Line, zh_CN: Line, ja: Line }) satisfies v.GenericSchema<unknown, LocalText>;

const Code = v.pipe(v.string(), v.regex(CODE_PATTERN, 'is not a promo code (3–40 letters, digits, - or _)'));

const Currency = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code'));
const Money = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1_000_000));
const MinOrder = v.optional(v.strictObject({ amount: Money, currency: Currency }));

const DiscountSchema = v.variant('type', [
  v.strictObject({ type: v.literal('amount'), amount: v.pipe(Money, v.gtValue(0)), currency: Currency, minOrder: MinOrder }),
  v.strictObject({ type: v.literal('percent'), percent: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), minOrder: MinOrder }),
]);

const Instant = v.pipe(v.string(), v.isoTimestamp('is not an ISO 8601 time with a zone'));

const CodesSchema = v.variant('type', [
  /** one public code everyone gets */
  v.strictObject({ type: v.literal('fixed'), code: Code }),
  /** one-time codes: each voucher takes one no voucher holds yet */
  v.strictObject({
    type: v.literal('pool'),
    codes: v.pipe(
      v.array(Code),
      v.minLength(1),
      v.maxLength(10_000),
      v.check((codes) => new Set(codes).size === codes.length, 'has a code twice'),
    ),
  }),
  /** a provider issues a code per redemption (POST, see docs/rewards.md); only in a feed, on the feed's own origin */
  v.strictObject({ type: v.literal('endpoint'), url: v.pipe(v.string(), v.maxLength(2048)) }),
]);

const PLATFORM_IDS = PLATFORMS.map((p) => p.id);

const RewardSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'is not an id (2–64 of a-z, 0-9, -)')),
    platform: v.picklist([...PLATFORM_IDS, 'any']),
    title: TextSchema,
    terms: TextSchema,
    cost: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000)),
    discount: DiscountSchema,
    /** the reward can be redeemed from, until (both optional) */
    validFrom: v.optional(Instant),
    validUntil: v.optional(Instant),
    /** a voucher is good for this many days after it is issued (never past validUntil) */
    voucherDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366)),
    codes: CodesSchema,
  }),
  v.check((r) => !r.validFrom || !r.validUntil || Date.parse(r.validFrom) < Date.parse(r.validUntil), 'validFrom is not before validUntil'),
);

export const CatalogSchema = v.strictObject({
  format: v.literal(CATALOG_FORMAT),
  version: v.literal(CATALOG_VERSION),
  programme: v.strictObject({ name: TextSchema, sample: v.optional(v.boolean()) }),
  rewards: v.pipe(
    v.array(RewardSchema),
    v.maxLength(500),
    v.check((rs) => new Set(rs.map((r) => r.id)).size === rs.length, 'has a reward id twice'),
  ),
});

export type RewardCatalog = v.InferOutput<typeof CatalogSchema>;
export type Reward = RewardCatalog['rewards'][number];

export type CatalogResult = { ok: true; catalog: RewardCatalog } | { ok: false; reason: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A feed or provider address the extension may call: https, or http on this computer only
 * (a provider run locally, as the tests do). Returns the parsed URL or why not.
 */
export function checkRemoteUrl(text: string): { ok: true; url: URL } | { ok: false; reason: 'invalid' | 'not-https' } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username || url.password) return { ok: false, reason: 'invalid' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, url };
  return { ok: false, reason: url.protocol === 'http:' ? 'not-https' : 'invalid' };
}

/**
 * Parses an untrusted value into a catalog, or says what is wrong and where. `feedUrl` is the
 * address it came from: provider endpoints must be on that origin (the one the user allowed);
 * a catalog with no feed (the bundled one) may not name endpoints at all.
 */
export function parseCatalog(value: unknown, feedUrl?: string): CatalogResult {
  const result = v.safeParse(CatalogSchema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `${path ? `${path}: ` : ''}${issue.message}` };
  }
  const origin = feedUrl ? new URL(feedUrl).origin : undefined;
  for (const [i, reward] of result.output.rewards.entries()) {
    if (reward.codes.type !== 'endpoint') continue;
    const checked = checkRemoteUrl(reward.codes.url);
    if (!checked.ok || checked.url.origin !== origin) {
      return { ok: false, reason: `rewards.${i}.codes.url: a provider endpoint must be on the feed's own origin${origin ? ` (${origin})` : ''}` };
    }
  }
  return { ok: true, catalog: result.output };
}

/** Whether the reward can be redeemed at `now` (inside its validity window). */
export function isOffered(reward: Reward, now: number): boolean {
  return (!reward.validFrom || Date.parse(reward.validFrom) <= now) && (!reward.validUntil || now < Date.parse(reward.validUntil));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a voucher issued at `issuedAt` for `reward` expires. */
export function voucherExpiry(reward: Reward, issuedAt: number): number {
  const end = issuedAt + reward.voucherDays * DAY_MS;
  return reward.validUntil ? Math.min(end, Date.parse(reward.validUntil)) : end;
}
