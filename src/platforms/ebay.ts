import { readChoices, readSecondHand } from '../detect/choices';
import { readPage, refShown } from '../detect/page';
import type { ChoiceKind, Observation } from '../core/kinds';
import type { Platform } from './types';

const PICKUP: readonly ChoiceKind[] = ['pickup-point'];

/**
 * eBay. Checkout is pay.ebay.com/rxo (or /rgxo for guests); each item card shows its title
 * and condition ("Pre-owned", "Used", "Refurbished", "Gebraucht"…): a used item is a
 * second-hand purchase. eBay UK offers Click & Collect. The confirmation shows the order number.
 */
export const ebay: Platform = {
  id: 'ebay',
  name: 'eBay',
  category: 'second-hand',
  hosts: ['ebay.com', 'ebay.co.uk', 'ebay.de', 'ebay.fr', 'ebay.es'],
  kinds: ['second-hand', 'pickup-point'],
  detect(url, doc) {
    return readPage(url, doc, {
      platform: this,
      routes: { checkout: /^\/(?:rxo|rgxo)\b(?!.*[?&]status=success)/, confirmation: /^\/(?:rxo|rgxo)\b.*[?&]status=success/ },
      read: (d) => {
        const used = readSecondHand(d, { items: '[data-test-id=CART_DETAILS_ITEM_CARD], .cart-bucket-lineitem' });
        const choices: Observation[] = readChoices(d, { kinds: PICKUP });
        return used ? [used, ...choices] : choices;
      },
      ref: (d) => refShown(d, '[data-test-id=ORDER_NUMBER], .order-number', /\d{2}-\d{5}-\d{5}/),
    });
  },
};
