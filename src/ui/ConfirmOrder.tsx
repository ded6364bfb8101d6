import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send as request, type OrderOffer, type Transport } from '../messaging/protocol';
import { formatDate } from '../core/format';
import { t } from '../core/i18n';
import { kindLabel } from './ActionRow';
import { subAccountName } from './SubAccountList';

export interface ConfirmOrderProps {
  locale: string;
  /** hands a request to the background and resolves with its answer */
  send?: Transport;
}

const sendToBackground: Transport = (message) => browser.runtime.sendMessage(message);

/**
 * "Did you place this order?": checkouts that ended on a confirmation page with no place-order
 * press seen. A page can show a confirmation; only the shopper can say the order was placed, so
 * nothing is counted until they answer yes here (no forgets it).
 */
export function ConfirmOrder({ locale, send = sendToBackground }: ConfirmOrderProps) {
  const [offers, setOffers] = useState<OrderOffer[]>([]);
  const [busy, setBusy] = useState<string | undefined>();
  // A double click is one answer: the state above updates only on the next render.
  const answering = useRef(false);
  const [failed, setFailed] = useState(false);
  const load = () =>
    request(send, { type: 'order-offers-wanted' })
      .then((reply) => setOffers(reply.ok ? reply.offers : []))
      .catch(() => setOffers([]));
  useEffect(() => void load(), []);

  const answer = async (offer: OrderOffer, placed: boolean) => {
    if (answering.current) return;
    answering.current = true;
    setBusy(offer.id);
    try {
      const reply = await request(send, { type: 'order-offer-answered', offerId: offer.id, placed }).catch(() => null);
      setFailed(reply?.ok !== true);
      await load();
    } finally {
      answering.current = false;
      setBusy(undefined);
    }
  };

  if (offers.length === 0 && !failed) return null;
  return (
    <section class="card" aria-labelledby="confirm-order-heading" data-testid="confirm-order">
      <h2 id="confirm-order-heading">{t('confirmOrderHeading')}</h2>
      <p>{t('confirmOrderNote')}</p>
      {failed && <p role="alert">{t('confirmOrderFailed')}</p>}
      <ul class="rows">
        {offers.map((offer) => (
          <li key={offer.id}>
            <span class="what" id={`offer-${offer.id}`}>
              {t('confirmOrderWhat', [subAccountName(offer.platform), formatDate(offer.at, locale), offer.choices.map((c) => kindLabel(c.kind)).join(', ')])}
            </span>
            <button type="button" aria-describedby={`offer-${offer.id}`} aria-disabled={busy === offer.id} onClick={() => void answer(offer, true)}>
              {t('confirmOrderYes')}
            </button>
            <button type="button" class="link-button" aria-describedby={`offer-${offer.id}`} aria-disabled={busy === offer.id} onClick={() => void answer(offer, false)}>
              {t('confirmOrderNo')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
