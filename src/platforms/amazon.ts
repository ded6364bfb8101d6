import type { Platform } from './types';

/**
 * Amazon. Checkout is under /gp/buy/ (the older single-page checkout of the real captures) or
 * /checkout/ (/checkout/p/p-<purchaseId>/spc since 2023); the thank-you page is /gp/buy/thankyou/
 * or /checkout/…/thankyou and shows the order number (123-1234567-1234567), as do the order's
 * details and printable summary; the thank-you URL's purchaseId is another id. No-Rush shipping is a
 * delivery-speed radio (`value="no-rush-delivery"`); Amazon Day groups deliveries on one day; a
 * used item's line says "Condition: Used - Good". `aok-hidden` is the class Amazon hides with.
 */
export const amazon: Platform = {
  id: 'amazon',
  name: 'Amazon',
  category: 'marketplace',
  hosts: ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp'],
  kinds: ['slow-shipping', 'consolidated-shipping', 'pickup-point', 'unattended-delivery', 'second-hand'],
  routes: {
    checkout: /^\/(?:gp\/buy\/|checkout\/)/,
    confirmation:
      /^\/(?:gp\/buy\/thankyou\/|checkout\/(?:[^?]*\/)?thankyou\b|gp\/your-account\/order-details|your-orders\/order-details|gp\/css\/summary\/(?:print|edit)\.html)(?:.*[?&](?:purchaseId|orderI[dD])=(\d{3}-\d{7}-\d{7}))?/,
  },
  hints: {
    hiddenClasses: ['aok-hidden'],
    orderNumber: { pattern: /\d{3}-\d{7}-\d{7}/, where: '[data-testid=order-number], #orderId, .order-number' },
  },
};
