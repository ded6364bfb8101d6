import type { Locale, Messages } from '../core/i18n';
import { customHost, ownsHost } from '../core/ids';
import type { PageReading } from '../core/kinds';
import { messagePlatform, parseMessage, type CheckoutReply, type Message, type Reply, type VoucherReply } from '../messaging/protocol';
import { STORAGE_PROBLEM_KEY, type StorageProblem } from '../messaging/storage-problem';
import { platformById } from '../platforms/index';
import {
  expired,
  isLive,
  offerKey,
  pendingKey,
  placedKey,
  readKey,
  type PendingCheckout,
  type UnpressedConfirmation,
} from './checkout-state';
import { commitOrder, merged, recentPlacedOrder, rejoinOrder, type CommitDeps } from './commit';
import { checkoutVouchers, handleVoucherMessage, isVoucherMessage } from './voucher-messages';

/** What the browser tells us about who sent a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
  frameId?: number;
}

export type { SessionStore } from './checkout-state';

export interface FlowDeps extends CommitDeps {
  extensionId: string;
  newCheckoutId(): string;
  log(reason: string): void;
  /** runs `task` alone among tasks of the same name (navigator.locks in the browser) */
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** a locale's messages.json, for the voucher chip's strings in the language chosen in Options */
  messagesOf(locale: Locale): Promise<Messages>;
}

/** Dexie and IndexedDB both name the error this way when the browser's quota is exhausted. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** Why a sender may not speak for the platform, or null when it may. */
export function senderProblem(message: Message, sender: SenderInfo, extensionId: string): string | null {
  if (sender.id !== extensionId) return 'sender is not this extension';
  if (sender.tabId === undefined || sender.tabId < 0) return 'sender is not a content script in a tab';
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'sender is not a top-level frame';
  const id = messagePlatform(message);
  // A custom shop speaks only from its exact host; a platform from any host it owns.
  const custom = customHost(id);
  const platform = custom === undefined ? platformById(id) : undefined;
  if (custom === undefined && !platform) return `unknown platform ${id}`;
  let host: string;
  try {
    const url = new URL(sender.url ?? '');
    if (url.protocol !== 'https:') return 'sender page is not https';
    host = url.hostname;
  } catch {
    return 'sender has no page address';
  }
  if (custom !== undefined ? host !== custom : !ownsHost(platform!, host)) return `host ${host} does not belong to ${id}`;
  return null;
}

/**
 * The background's one entry for content-script messages: validates the message and its
 * sender, keeps checkout observations pending in session storage, and records them when the
 * order is placed. Rejections are logged and write nothing.
 */
export async function handleMessage(raw: unknown, sender: SenderInfo, deps: FlowDeps): Promise<Reply | VoucherReply | CheckoutReply> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) {
    deps.log(`rejected: ${parsed.reason}`);
    return { ok: false, reason: parsed.reason };
  }
  const message = parsed.message;
  const problem = senderProblem(message, sender, deps.extensionId);
  if (problem) {
    deps.log(`rejected: ${problem}`);
    return { ok: false, reason: problem };
  }
  const id = messagePlatform(message);
  // A custom shop counts only while the user has it added (its row is their consent).
  const sub = customHost(id) !== undefined || message.type === 'identity-seen' ? await deps.db.subAccounts.get(id) : undefined;
  if (customHost(id) !== undefined && !sub) {
    deps.log(`rejected: ${id} is not a shop the user added`);
    return { ok: false, reason: `${id} is not a shop the user added` };
  }
  if (isVoucherMessage(message)) return handleVoucherMessage(deps.db, message, deps.now());
  if (message.type === 'identity-seen') {
    if (sub && sub.linkedAs !== message.linkedAs) await deps.db.subAccounts.update(id, { linkedAs: message.linkedAs });
    return { ok: true, recorded: 0 };
  }
  const reply = await applyReading(deps, sender.tabId!, message);
  // One message per reading: a checkout's answer carries the vouchers its chip shows.
  if (!reply.ok || message.type !== 'page-read' || message.reading.page !== 'checkout') return reply;
  return { ...reply, ...(await checkoutVouchers(deps.db, id, deps.now(), deps.messagesOf)) };
}

/** A reading or a press, applied to the tab's checkout; storage full keeps it pending. */
function applyReading(deps: FlowDeps, tabId: number, message: Extract<Message, { documentAt: number }>): Promise<Reply> {
  // The press and the confirmation page can arrive together: one tab's messages go one at a time.
  return deps.exclusive(`checkout:${tabId}`, async () => {
    try {
      const reply = await applyMessage(deps, tabId, message);
      if (reply.ok && reply.recorded > 0) await deps.session.remove(STORAGE_PROBLEM_KEY);
      return reply;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // The transaction rolled back and the checkout stays pending: the next reading retries.
      const problem: StorageProblem = { at: deps.now(), platform: messagePlatform(message) };
      await deps.session.set({ [STORAGE_PROBLEM_KEY]: problem });
      deps.log('storage full: the order could not be recorded yet');
      return { ok: false, reason: 'storage-full' };
    }
  });
}

async function applyMessage(deps: FlowDeps, tabId: number, message: Extract<Message, { documentAt: number }>): Promise<Reply> {
  if (message.type === 'checkout-left') return checkoutLeft(deps, tabId, message.platform, message.documentAt);
  const { reading, documentAt } = message;
  const { platform } = reading;
  if (reading.page === 'confirmation') return confirmation(deps, tabId, reading, documentAt);
  if (reading.page !== 'checkout') return { ok: true, recorded: 0 };
  const placed = await recentPlacedOrder(deps, placedKey(tabId, platform));
  if (placed?.confirmedIn !== undefined && documentAt < placed.confirmedIn) {
    // From the checkout page that led to a confirmation already handled, arriving after it
    // (the two pages' messages are not ordered): what it shows belongs to that order.
    return rejoinOrder(deps, platform, placed, { observations: reading.observations });
  }
  const pressed = message.type === 'order-placed';
  const offer = await readKey<UnpressedConfirmation>(deps.session, offerKey(tabId, platform));
  if (offer && (documentAt < offer.confirmedIn || (pressed && documentAt === offer.confirmedIn))) {
    // The checkout that led to a confirmation seen first: a press from it places that order.
    const seenAt = new Map(offer.observations.map((o) => [o.kind, o.observedAt]));
    const observations = reading.observations.map((o) => ({ ...o, observedAt: seenAt.get(o.kind) ?? deps.now() }));
    if (pressed) return commitOrder(deps, tabId, platform, { checkoutId: offer.id, observations, ref: offer.ref, confirmedIn: offer.confirmedIn });
    await deps.session.set({ [offerKey(tabId, platform)]: { ...offer, observations } satisfies UnpressedConfirmation });
    return { ok: true, recorded: 0 };
  }
  await updateCheckout(deps, tabId, reading, pressed ? documentAt : undefined);
  return { ok: true, recorded: 0 };
}

/** Keeps what the checkout shows now; a press marks it placed, pending its confirmation or the page leaving. */
async function updateCheckout(deps: FlowDeps, tabId: number, reading: PageReading, pressedIn: number | undefined): Promise<void> {
  const key = pendingKey(tabId, reading.platform);
  const now = deps.now();
  const stored = await readKey<PendingCheckout>(deps.session, key);
  const before = isLive(stored, now) ? stored : undefined;
  const seenAt = new Map(before?.observations.map((o) => [o.kind, o.observedAt]));
  const pending: PendingCheckout = {
    checkoutId: before?.checkoutId ?? deps.newCheckoutId(),
    observations: reading.observations.map((o) => ({ ...o, observedAt: seenAt.get(o.kind) ?? now })),
    seenAt: now,
    ...(pressedIn !== undefined ? { pressedAt: now, pressedIn } : before?.pressedAt !== undefined ? { pressedAt: before.pressedAt, pressedIn: before.pressedIn } : {}),
  };
  await deps.session.set({ [key]: pending });
}

/**
 * A confirmation: it places the tab's pressed checkout; it rejoins the order already recorded
 * (a reload); with no press seen it records nothing and keeps that checkout for the popup to
 * offer ("Did you place this order?"). A page can show a confirmation; only the shopper presses.
 */
async function confirmation(deps: FlowDeps, tabId: number, reading: PageReading, documentAt: number): Promise<Reply> {
  const { platform } = reading;
  const now = deps.now();
  const ref = reading.order?.ref;
  const stored = await readKey<PendingCheckout>(deps.session, pendingKey(tabId, platform));
  const pending = isLive(stored, now) ? stored : undefined;
  if (pending?.pressedAt !== undefined) {
    const observations = merged(pending.observations, reading.observations, now);
    return commitOrder(deps, tabId, platform, { checkoutId: pending.checkoutId, observations, ref, confirmedIn: documentAt });
  }
  const placed = await recentPlacedOrder(deps, placedKey(tabId, platform));
  if (placed && (!pending || pending.checkoutId === placed.checkoutId)) {
    return rejoinOrder(deps, platform, placed, { ref, observations: reading.observations });
  }
  const key = offerKey(tabId, platform);
  const earlier = await readKey<UnpressedConfirmation>(deps.session, key);
  const offer: UnpressedConfirmation =
    earlier && !pending && !expired(key, earlier, now)
      ? { ...earlier, confirmedIn: Math.max(earlier.confirmedIn, documentAt), ...(ref ? { ref } : {}) }
      : {
          id: pending?.checkoutId ?? deps.newCheckoutId(),
          platform,
          tabId,
          observations: merged(pending?.observations ?? [], reading.observations, now),
          ...(ref ? { ref } : {}),
          confirmedIn: documentAt,
          at: now,
        };
  await deps.session.set({ [key]: offer });
  await deps.session.remove(pendingKey(tabId, platform));
  deps.log(`a ${platform} confirmation with no place-order press: nothing recorded, the popup asks`);
  return { ok: true, recorded: 0 };
}

/** The page that was pressed left the checkout (a single-page shop): the press placed the order. */
async function checkoutLeft(deps: FlowDeps, tabId: number, platform: string, documentAt: number): Promise<Reply> {
  const stored = await readKey<PendingCheckout>(deps.session, pendingKey(tabId, platform));
  if (!isLive(stored, deps.now()) || stored.pressedAt === undefined || stored.pressedIn !== documentAt) return { ok: true, recorded: 0 };
  return commitOrder(deps, tabId, platform, { checkoutId: stored.checkoutId, observations: stored.observations });
}

/**
 * Tidies storage when a tab closes. It waits for the tab's messages still in flight, drops the
 * tab's unpressed checkout, and keeps what was recorded, pressed or offered until it expires: a
 * confirmation read just before the tab closed can arrive after, and must reuse its order's key;
 * the popup may still ask about an unpressed confirmation. Entries of any tab that have expired go too.
 */
export async function forgetTab(deps: Pick<FlowDeps, 'session' | 'exclusive' | 'now'>, tabId: number): Promise<void> {
  await deps.exclusive(`checkout:${tabId}`, async () => {
    const now = deps.now();
    const all = await deps.session.get(null);
    const gone = Object.entries(all)
      .filter(([key, value]) => expired(key, value, now) || (key.startsWith(`pending:${tabId}:`) && (value as PendingCheckout).pressedAt === undefined))
      .map(([key]) => key);
    if (gone.length) await deps.session.remove(gone);
  });
}
