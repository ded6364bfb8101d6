import * as v from 'valibot';
import { PLATFORM_ID_PATTERN } from '../core/ids';
import { CHOICE_KINDS, type PageReading } from '../core/kinds';
import { CODE_PATTERN } from '../core/voucher-code';
import { LOCALES, type LocalText } from '../core/i18n';
import { ReadingReportSchema } from '../report/format';

/**
 * The one message protocol between content scripts and the background. Everything that
 * crosses the boundary is parsed with these schemas first; nothing else is accepted.
 */

const PlatformId = v.pipe(v.string(), v.regex(PLATFORM_ID_PATTERN));

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
}) satisfies v.GenericSchema<unknown, PageReading>;

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

/**
 * Requests from the extension's own pages to the background, which alone registers the
 * checkout script and sets the badge.
 */
export const PageRequestSchema = v.variant('type', [
  /** the popup opened: what was new has been seen, so the badge clears */
  v.strictObject({ type: v.literal('popup-opened') }),
  /** Options linked, unlinked or imported sub-accounts: registrations must follow */
  v.strictObject({ type: v.literal('links-changed') }),
]);
export type PageRequest = v.InferOutput<typeof PageRequestSchema>;

/** Every request the background answers. */
export type Request = Message | PageRequest;

const Failure = v.strictObject({ ok: v.literal(false), reason: v.string() });
const Recorded = v.union([v.strictObject({ ok: v.literal(true), recorded: v.pipe(v.number(), v.integer(), v.minValue(0)) }), Failure]);
const Done = v.union([v.strictObject({ ok: v.literal(true) }), Failure]);

const LocalTextSchema = v.strictObject({ en: v.string(), zh_CN: v.string(), ja: v.string() }) satisfies v.GenericSchema<unknown, LocalText>;
const ChipVoucherSchema = v.object({ code: v.pipe(v.string(), v.regex(CODE_PATTERN)), title: v.optional(LocalTextSchema), expiresAt: v.number() });
const MessageEntrySchema = v.object({ message: v.string(), placeholders: v.optional(v.record(v.string(), v.object({ content: v.string() }))) });
const ChipTextSchema = v.object({ locale: v.picklist(LOCALES), messages: v.record(v.string(), MessageEntrySchema) });

/** What the background answers to each request; a reply is parsed with its schema before use. */
const ReplySchemas = {
  /**
   * One message per reading: a checkout's answer also carries the unused vouchers for the
   * platform, with the chip's strings when a language is chosen in Options (malformed strings: the browser's)
   */
  'page-read': v.union([
    v.strictObject({
      ok: v.literal(true),
      recorded: v.pipe(v.number(), v.integer(), v.minValue(0)),
      vouchers: v.optional(v.array(ChipVoucherSchema)),
      chipText: v.optional(v.fallback(v.optional(ChipTextSchema), undefined)),
    }),
    Failure,
  ]),
  'order-placed': Recorded,
  'identity-seen': Recorded,
  /** how many vouchers became used */
  'voucher-used': v.union([v.strictObject({ ok: v.literal(true), used: v.pipe(v.number(), v.integer(), v.minValue(0)) }), Failure]),
  'popup-opened': Done,
  'links-changed': Done,
} satisfies Record<Request['type'], v.GenericSchema>;

export type ReplyTo<T extends Request['type']> = v.InferOutput<(typeof ReplySchemas)[T]>;
export type Reply = ReplyTo<'order-placed'>;
/** The answer to a checkout's reading: the reading's own, and the vouchers for the chip. */
export type CheckoutReply = Extract<ReplyTo<'page-read'>, { ok: true }>;
export type VoucherReply = ReplyTo<'voucher-used'>;
/** A voucher as the checkout chip shows it. */
export type ChipVoucher = v.InferOutput<typeof ChipVoucherSchema>;
/**
 * The chip's strings (messages.json entries) in the language chosen in Options: the page's
 * browser.i18n only knows the browser's language.
 */
export type ChipText = v.InferOutput<typeof ChipTextSchema>;

/** How a runtime hands a request to the background (browser.runtime.sendMessage). */
export type Transport = (request: Request) => Promise<unknown>;

/** Sends `request` and returns the background's reply, checked against the request's reply schema. */
export async function send<T extends Request>(transport: Transport, request: T): Promise<ReplyTo<T['type']>> {
  const reply = v.safeParse(ReplySchemas[request.type as T['type']], await transport(request));
  if (!reply.success) throw new Error(`malformed reply to ${request.type}`);
  return reply.output as ReplyTo<T['type']>;
}

/** Parses an untrusted value into a request from one of the extension's pages. */
export function parsePageRequest(value: unknown): PageRequest | undefined {
  const result = v.safeParse(PageRequestSchema, value);
  return result.success ? result.output : undefined;
}

// Reading report (issue 21): the popup asks the checkout script in the active tab what it reads there.

/** popup → the active tab's checkout script: what do you read on this page? */
export const PageReadingWantedSchema = v.strictObject({ type: v.literal('page-reading-wanted') });
export type PageReadingWanted = v.InferOutput<typeof PageReadingWantedSchema>;

/** The answer: the page's reading report without a note (null off the shop's pages). */
export const PageReadingReplySchema = v.strictObject({ report: v.nullable(ReadingReportSchema) });
export type PageReadingReply = v.InferOutput<typeof PageReadingReplySchema>;

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
