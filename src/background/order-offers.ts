import type { OffersReply, OrderOffer, Reply, ShopperMessage } from '../messaging/protocol';
import { expired, offerKey, readKey, type UnpressedConfirmation } from './checkout-state';
import { commitOrder, type CommitDeps } from './commit';

export interface OfferDeps extends CommitDeps {
  exclusive<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** The confirmations seen with no press whose checkout showed choices, newest first: the popup asks about each. */
export async function listOffers(deps: Pick<OfferDeps, 'session' | 'now'>): Promise<OrderOffer[]> {
  const now = deps.now();
  const all = await deps.session.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith('offer:') && !expired(key, value, now))
    .map(([, value]) => value as UnpressedConfirmation)
    .filter((offer) => offer.observations.length > 0)
    .sort((a, b) => b.at - a.at)
    .map((offer) => ({
      id: offer.id,
      platform: offer.platform,
      at: offer.at,
      choices: offer.observations.map(({ kind, detail }) => (detail ? { kind, detail } : { kind })),
    }));
}

/**
 * The shopper's answer: yes records the checkout as one order (through the daily caps, like any
 * order), no forgets it. Either way the offer is gone, so one answer records at most one order.
 */
export async function answerOffer(deps: OfferDeps, offerId: string, placed: boolean): Promise<Reply> {
  const all = await deps.session.get(null);
  const found = Object.entries(all).find(([key, value]) => key.startsWith('offer:') && (value as UnpressedConfirmation).id === offerId);
  if (!found) return { ok: false, reason: 'no such order to confirm' };
  const { tabId, platform } = found[1] as UnpressedConfirmation;
  return deps.exclusive(`checkout:${tabId}`, async () => {
    const key = offerKey(tabId, platform);
    const offer = await readKey<UnpressedConfirmation>(deps.session, key);
    // Answered twice, or replaced meanwhile by a newer confirmation in that tab.
    if (!offer || offer.id !== offerId || expired(key, offer, deps.now())) return { ok: false, reason: 'no such order to confirm' };
    if (!placed) {
      await deps.session.remove(key);
      return { ok: true, recorded: 0 };
    }
    return commitOrder(deps, tabId, platform, { checkoutId: offer.id, observations: offer.observations, ref: offer.ref, confirmedIn: offer.confirmedIn });
  });
}

export function handleShopperMessage(deps: OfferDeps, message: ShopperMessage): Promise<Reply | OffersReply> {
  if (message.type === 'order-offers-wanted') return listOffers(deps).then((offers) => ({ ok: true, offers }));
  return answerOffer(deps, message.offerId, message.placed);
}
