import type { LedgerDb } from '../ledger/db';
import { recordOrder } from '../ledger/record';
import { messagePlatform, parseMessage, type CheckoutReply, type Message, type Reply, type VoucherReply } from '../messaging/protocol';
import { checkoutVouchers, handleVoucherMessage, isVoucherMessage } from './voucher-messages';
import { customHost, ownsHost } from '../core/ids';
import { STORAGE_PROBLEM_KEY, type StorageProblem } from '../messaging/storage-problem';
import { platformById } from '../platforms/index';
import type { Observation, PageReading } from '../core/kinds';
import type { Locale, Messages } from '../core/i18n';

/** What the browser tells us about who sent a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tabId?: number;
  frameId?: number;
}

/** The slice of `storage.session` the flow needs; it survives a service-worker restart. */
export interface SessionStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

export interface FlowDeps {
  db: LedgerDb;
  session: SessionStore;
  extensionId: string;
  now(): number;
  /** salted hash of an order reference */
  orderKey(platform: string, ref: string): Promise<string>;
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

type PendingObservation = Observation & { observedAt: number };

/** Observations seen on one tab's checkout, waiting for the order to be placed. */
interface PendingCheckout {
  checkoutId: string;
  observations: PendingObservation[];
  /** set when place-order was pressed; the checkout stays pending until its confirmation */
  placedAt?: number;
}

/** Remembers that a tab's order was recorded, so reloads and late confirmations reuse its key. */
interface PlacedOrder {
  orderKey: string;
  checkoutId?: string;
  at: number;
  /** `documentAt` of the confirmation page that ended the checkout */
  confirmedIn?: number;
}

/** How long a recorded order's key is reused for the same tab and platform. */
const PLACED_ORDER_TTL_MS = 2 * 60 * 60 * 1000;
/** After this long, a checkout whose place-order was pressed is taken to be a new one. */
const PLACED_CHECKOUT_TTL_MS = 30 * 60 * 1000;

const pendingKey = (tabId: number, platform: string) => `pending:${tabId}:${platform}`;
const placedKey = (tabId: number, platform: string) => `placed:${tabId}:${platform}`;

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

async function readKey<T>(session: SessionStore, key: string): Promise<T | undefined> {
  return (await session.get(key))[key] as T | undefined;
}

async function recentPlacedOrder(deps: FlowDeps, key: string): Promise<PlacedOrder | undefined> {
  const placed = await readKey<PlacedOrder>(deps.session, key);
  return placed && deps.now() - placed.at < PLACED_ORDER_TTL_MS ? placed : undefined;
}

async function updateCheckout(deps: FlowDeps, tabId: number, reading: PageReading): Promise<void> {
  const key = pendingKey(tabId, reading.platform);
  const stored = await readKey<PendingCheckout>(deps.session, key);
  const stale = stored?.placedAt !== undefined && deps.now() - stored.placedAt > PLACED_CHECKOUT_TTL_MS;
  const before = stale ? undefined : stored;
  const seenAt = new Map(before?.observations.map((o) => [o.kind, o.observedAt]));
  const pending: PendingCheckout = {
    checkoutId: before?.checkoutId ?? deps.newCheckoutId(),
    observations: reading.observations.map((o) => ({ ...o, observedAt: seenAt.get(o.kind) ?? deps.now() })),
    ...(before?.placedAt !== undefined ? { placedAt: before.placedAt } : {}),
  };
  await deps.session.set({ [key]: pending });
}

/**
 * Commits what the tab's checkout showed (plus what a confirmation page shows) as one order.
 * Pressing place-order records at once and keeps the checkout pending, so a second press or
 * the confirmation page reuses the same order key; the confirmation ends the checkout.
 */
async function commitOrder(
  deps: FlowDeps,
  tabId: number,
  platform: string,
  seen: { ref?: string; observations: Observation[]; documentAt: number; endsCheckout: boolean },
): Promise<Reply> {
  const pKey = pendingKey(tabId, platform);
  const tKey = placedKey(tabId, platform);
  const pending = await readKey<PendingCheckout>(deps.session, pKey);
  const recent = await recentPlacedOrder(deps, tKey);
  const placed = recent && (!pending || pending.checkoutId === recent.checkoutId) ? recent : undefined;
  const refKey = seen.ref ? await deps.orderKey(platform, seen.ref) : undefined;
  const alias = refKey ? await deps.db.orderAliases.get(refKey) : undefined;
  const orderKey =
    placed?.orderKey ??
    alias?.orderKey ??
    refKey ??
    (pending ? await deps.orderKey(platform, `checkout:${pending.checkoutId}`) : undefined);
  if (!orderKey) return { ok: true, recorded: 0 };

  const now = deps.now();
  const observations: PendingObservation[] = [...(pending?.observations ?? [])];
  for (const o of seen.observations) {
    if (!observations.some((p) => p.kind === o.kind)) observations.push({ ...o, observedAt: now });
  }
  const added = await recordOrder(deps.db, { platform, orderKey, observations, committedAt: now });
  if (refKey && refKey !== orderKey) await deps.db.orderAliases.put({ refKey, orderKey });
  const checkoutId = pending?.checkoutId ?? placed?.checkoutId;
  const confirmedIn = seen.endsCheckout ? seen.documentAt : placed?.confirmedIn;
  const record: PlacedOrder = {
    orderKey,
    at: placed?.at ?? now,
    ...(checkoutId ? { checkoutId } : {}),
    ...(confirmedIn !== undefined ? { confirmedIn } : {}),
  };
  await deps.session.set({ [tKey]: record });
  if (seen.endsCheckout) await deps.session.remove(pKey);
  else if (pending) await deps.session.set({ [pKey]: { ...pending, placedAt: now } satisfies PendingCheckout });
  return { ok: true, recorded: added.length };
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
function applyReading(deps: FlowDeps, tabId: number, message: Extract<Message, { reading: PageReading }>): Promise<Reply> {
  // The press and the confirmation page can arrive together: one tab's messages go one at a time.
  return deps.exclusive(`checkout:${tabId}`, async () => {
    try {
      const reply = await applyMessage(deps, tabId, message);
      if (reply.ok && reply.recorded > 0) await deps.session.remove(STORAGE_PROBLEM_KEY);
      return reply;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      // The transaction rolled back and the checkout stays pending: the next reading retries.
      const problem: StorageProblem = { at: deps.now(), platform: message.reading.platform };
      await deps.session.set({ [STORAGE_PROBLEM_KEY]: problem });
      deps.log('storage full: the order could not be recorded yet');
      return { ok: false, reason: 'storage-full' };
    }
  });
}

async function applyMessage(deps: FlowDeps, tabId: number, message: Extract<Message, { reading: PageReading }>): Promise<Reply> {
  const { reading, documentAt } = message;
  if (reading.page === 'checkout') {
    const placed = await recentPlacedOrder(deps, placedKey(tabId, reading.platform));
    if (placed?.confirmedIn !== undefined && documentAt < placed.confirmedIn) {
      // From the checkout page that led to a confirmation already handled, arriving after it
      // (the two pages' messages are not ordered): what it shows belongs to that order.
      const observations = reading.observations.map((o) => ({ ...o, observedAt: deps.now() }));
      const added = await recordOrder(deps.db, { platform: reading.platform, orderKey: placed.orderKey, observations, committedAt: deps.now() });
      return { ok: true, recorded: added.length };
    }
  }
  if (message.type === 'order-placed') {
    await updateCheckout(deps, tabId, reading);
    return commitOrder(deps, tabId, reading.platform, { observations: reading.observations, documentAt, endsCheckout: false });
  }
  if (reading.page === 'checkout') {
    await updateCheckout(deps, tabId, reading);
    return { ok: true, recorded: 0 };
  }
  if (reading.page === 'confirmation') {
    return commitOrder(deps, tabId, reading.platform, {
      ref: reading.order?.ref,
      observations: reading.observations,
      documentAt,
      endsCheckout: true,
    });
  }
  return { ok: true, recorded: 0 };
}

/**
 * Tidies storage when a tab closes. It waits for the tab's messages still in flight, drops the
 * tab's checkout if nothing of it was recorded, and keeps what was recorded until it expires: a
 * confirmation read just before the tab closed can arrive after, and must reuse its order's key.
 * Entries of any tab that have expired go too.
 */
export async function forgetTab(deps: Pick<FlowDeps, 'session' | 'exclusive' | 'now'>, tabId: number): Promise<void> {
  await deps.exclusive(`checkout:${tabId}`, async () => {
    const now = deps.now();
    const all = await deps.session.get(null as unknown as string);
    const gone = Object.entries(all)
      .filter(([key, value]) => {
        if (key.startsWith('placed:')) return now - (value as PlacedOrder).at >= PLACED_ORDER_TTL_MS;
        if (!key.startsWith('pending:')) return false;
        const { placedAt } = value as PendingCheckout;
        return placedAt === undefined ? key.startsWith(`pending:${tabId}:`) : now - placedAt > PLACED_CHECKOUT_TTL_MS;
      })
      .map(([key]) => key);
    if (gone.length) await deps.session.remove(gone);
  });
}
