import { readChoices } from '../detect/choices';
import { readPage, refShown } from '../detect/page';
import type { Platform } from './types';

/**
 * Amazon (.com, .co.uk, .de, .co.jp). Checkout is under /gp/buy/ (older single-page checkout,
 * as in the 2017 capture) or /checkout/; the thank-you page is /gp/buy/thankyou/ or
 * /checkout/…/thankyou and shows the order number (123-1234567-1234567). No-Rush shipping is a
 * delivery-speed radio (`value="no-rush-delivery"`); Amazon Day groups deliveries on one day.
 */
export const amazon: Platform = {
  id: 'amazon',
  name: 'Amazon',
  category: 'marketplace',
  hosts: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp'],
  kinds: ['slow-shipping', 'consolidated-shipping', 'pickup-point', 'unattended-delivery'],
  routes: {
    checkout: /^\/(?:gp\/buy\/|checkout\/)/,
    confirmation: /^\/(?:gp\/buy\/thankyou\/|checkout\/(?:[^?]*\/)?thankyou\b)(?:.*[?&]purchaseId=(\d{3}-\d{7}-\d{7}))?/,
  },
  detect(url, doc) {
    return readPage(url, doc, {
      platform: this,
      routes: this.routes,
      read: (d) => readChoices(d, { kinds: this.kinds }),
      ref: (d) => refShown(d, '[data-testid=order-number], #orderId, .order-number', /\d{3}-\d{7}-\d{7}/),
    });
  },
};
