import * as v from 'valibot';
import { CHOICE_KINDS } from '../platforms/types';
import { CODE_PATTERN } from '../rewards/code';
import type { Locale, Messages } from '../ui/i18n';

/**
 * The one message protocol between content scripts and the background. Everything that
 * crosses the boundary is parsed with these schemas first; nothing else is accepted.
 */

/** A platform's id, or `custom:<host>` for a shop the user added by its address. */
const PlatformId = v.pipe(v.string(), v.regex(/^(?:[a-z0-9-]{2,32}|custom:[a-z0-9.-]{3,253})$/));

const ObservationSchema = v.strictObject({
  kind: v.picklist(CHOICE_KINDS),
  detail: v.optional(v.pipe(v.string(), v.regex(/^[a-z-]{1,32}$/))),
  wasDefault: v.optional(v.boolean()),
  label: v.optional(v.pipe(v.string(), v.maxLength(160))),
});

const PageReadingSchema = v.strictObject({
  platform: PlatformId,
  page: v.picklist(['checkout', 'confirmation', 'other']),
  observations: v.pipe(v.array(ObservationSchema), v.maxLength(32)),
  order: v.optional(v.strictObject({ ref: v.pipe(v.string(), v.minLength(1), v.maxLength(128)) })),
});

/**
 * When the sending document was navigated to (`performance.timeOrigin`, ms since the epoch).
 * A checkout and its confirmation page may run in different renderer processes, whose
 * messages can arrive out of order; this tells the background which document came first.
 */
const DocumentAt = v.pipe(v.number(), v.finite(), v.minValue(0));

export const MessageSchema = v.variant('type', [
  /** what the content script currently reads on a checkout or confirmation page */
  v.strictObject({ type: v.literal('page-read'), reading: PageReadingSchema, documentAt: DocumentAt }),
  /** the shopper pressed the place-order button; `reading` is the checkout as it was then */
  v.strictObject({ type: v.literal('order-placed'), reading: PageReadingSchema, documentAt: DocumentAt }),
  /** the display name or masked account id a signed-in platform page shows (never a secret) */
  v.strictObject({
    type: v.literal('identity-seen'),
    platform: PlatformId,
    linkedAs: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64), v.regex(/^[^\p{Cc}]+$/u)),
  }),
  /** a checkout page asks which unused vouchers the user holds for its platform (for the voucher chip) */
  v.strictObject({ type: v.literal('vouchers-wanted'), platform: PlatformId }),
  /** the order was placed with this code in the promo field: the matching voucher becomes used */
  v.strictObject({ type: v.literal('voucher-used'), platform: PlatformId, code: v.pipe(v.string(), v.trim(), v.regex(CODE_PATTERN)) }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type PageReading = v.InferOutput<typeof PageReadingSchema>;

export type Reply = { ok: true; recorded: number } | { ok: false; reason: string };

/** A voucher as the checkout chip shows it. */
export interface ChipVoucher {
  code: string;
  /** en, zh_CN and ja; absent for a voucher stored without one */
  title?: { en: string; zh_CN: string; ja: string };
  expiresAt: number;
}

/**
 * The chip's strings (messages.json entries) in the language chosen in Options: the page's
 * browser.i18n only knows the browser's language.
 */
export interface ChipText {
  locale: Locale;
  messages: Messages;
}

/**
 * The answer to 'vouchers-wanted' (vouchers, with the chip's strings when a language is chosen)
 * and 'voucher-used' (how many became used).
 */
export type VoucherReply = { ok: true; vouchers: ChipVoucher[]; chipText?: ChipText } | { ok: true; used: number };

export type ParseResult = { ok: true; message: Message } | { ok: false; reason: string };

/** Parses an untrusted value into a Message, or says what is wrong with it. */
export function parseMessage(value: unknown): ParseResult {
  const result = v.safeParse(MessageSchema, value);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `malformed message${path ? ` at ${path}` : ''}: ${issue.message}` };
}

/** The platform a message speaks for. */
export function messagePlatform(message: Message): string {
  return 'reading' in message ? message.reading.platform : message.platform;
}
