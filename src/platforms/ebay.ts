import type { Platform } from './types';

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
  routes: { checkout: /^\/(?:rxo|rgxo)\b(?!.*[?&]status=success)/, confirmation: /^\/(?:rxo|rgxo)\b.*[?&]status=success/ },
  hints: {
    items: '[data-test-id=CART_DETAILS_ITEM_CARD], .cart-bucket-lineitem',
    orderNumber: { pattern: /\d{2}-\d{5}-\d{5}/, where: '[data-test-id=ORDER_NUMBER], .order-number' },
  },
};
