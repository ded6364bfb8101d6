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
  /** what the content script currently reads on a checkout or confirmation page (a checkout's answer carries its vouchers) */
  v.strictObject({ type: v.literal('page-read'), reading: PageReadingSchema, documentAt: DocumentAt }),
  /** the shopper pressed the place-order button; `reading` is the checkout as it was then */
  v.strictObject({ type: v.literal('order-placed'), reading: PageReadingSchema, documentAt: DocumentAt }),
  /** the display name or masked account id a signed-in platform page shows (never a secret) */
  v.strictObject({
    type: v.literal('identity-seen'),
    platform: PlatformId,
    linkedAs: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64), v.regex(/^[^\p{Cc}]+$/u)),
  }),
  /** the order was placed with this code in the promo field: the matching voucher becomes used */
  v.strictObject({ type: v.literal('voucher-used'), platform: PlatformId, code: v.pipe(v.string(), v.trim(), v.regex(CODE_PATTERN)) }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;

/**
 * The global the checkout script sets in its isolated world while it watches a page; the
 * background looks for it before injecting the script again (src/background/injection.ts).
 */
export const WATCHING_FLAG = 'carbonCheckoutWatching';
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

/** What the answer to a checkout's 'page-read' carries for the voucher chip: the unused vouchers, and the chip's strings when a language is chosen. */
export interface CheckoutVouchers {
  vouchers: ChipVoucher[];
  chipText?: ChipText;
}

/** The answer to a checkout's 'page-read': the reading's own answer and, when it was taken, the vouchers. */
export type CheckoutReply = Extract<Reply, { ok: true }> & CheckoutVouchers;

/** The answer to 'voucher-used': how many vouchers became used. */
export type VoucherReply = { ok: true; used: number };

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
