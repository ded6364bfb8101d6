import { readSecondHand } from '../detect/choices';
import { readPage, refShown } from '../detect/page';
import type { Platform } from './types';

/**
 * Back Market, a market for refurbished devices: everything bought is second-hand. Checkout
 * steps are /<locale>/checkout/{cart,shipping,payment}; the confirmation
 * (/<locale>/checkout/confirmation) shows the order number.
 */
export const backmarket: Platform = {
  id: 'backmarket',
  name: 'Back Market',
  category: 'second-hand',
  hosts: ['backmarket.com', 'backmarket.co.uk', 'backmarket.fr', 'backmarket.de', 'backmarket.es', 'backmarket.it'],
  kinds: ['second-hand'],
  routes: {
    checkout: /^\/(?:[a-z]{2}-[a-z]{2}\/)?checkout\/(?:cart|shipping|payment|summary)\b/,
    confirmation: /^\/(?:[a-z]{2}-[a-z]{2}\/)?checkout\/confirmation\b/,
  },
  detect(url, doc) {
    return readPage(url, doc, {
      platform: this,
      routes: this.routes,
      read: (d) => {
        const used = readSecondHand(d, { items: '[data-qa=checkout-product-title], [data-test=product-title]', alwaysUsed: true });
        return used ? [used] : [];
      },
      ref: (d) => refShown(d, '[data-qa=order-number], [data-test=order-number]', /(\d{6,})/),
    });
  },
};
