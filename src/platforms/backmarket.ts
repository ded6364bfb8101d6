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
  everythingSecondHand: true,
  hints: {
    items: '[data-qa=checkout-product-title], [data-test=product-title]',
    orderNumber: { pattern: /(\d{6,})/, where: '[data-qa=order-number], [data-test=order-number]' },
  },
};
