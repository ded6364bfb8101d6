import type { Platform } from './types';

/**
 * Instacart (US and Canada). Checkout is /store/checkout (a single page that also confirms
 * in place on some flows: its heading then says the order was placed); a placed order is
 * tracked at /store/orders/<id>. Delivery instructions include leaving the order at the door,
 * bag preference where bags are charged, and delivery windows.
 */
export const instacart: Platform = {
  id: 'instacart',
  name: 'Instacart',
  category: 'grocery',
  hosts: ['instacart.com', 'instacart.ca'],
  kinds: ['no-plastic-bag', 'green-delivery-slot', 'unattended-delivery'],
  routes: { checkout: /^\/store\/checkout\b/, confirmation: /^\/store\/orders\/(\d+)/, confirmsInPlace: true },
};
