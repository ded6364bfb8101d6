import type { Platform } from './types';

/**
 * Vinted, Europe's second-hand clothing market: everything bought is second-hand. Checkout is
 * /checkout?transaction_id=…, where delivery goes to a pick-up point or home; a paid order
 * opens /checkout/success?transaction_id=….
 */
export const vinted: Platform = {
  id: 'vinted',
  name: 'Vinted',
  category: 'second-hand',
  hosts: ['vinted.com', 'vinted.co.uk', 'vinted.fr', 'vinted.de', 'vinted.es', 'vinted.it', 'vinted.nl', 'vinted.be'],
  kinds: ['second-hand', 'pickup-point'],
  routes: { checkout: /^\/checkout\b/, confirmation: /^\/checkout\/success\b.*[?&]transaction_id=(\d+)/ },
  everythingSecondHand: true,
  hints: { items: '[data-testid=checkout-item-title], [data-testid=item-summary-title]' },
};
