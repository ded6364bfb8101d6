import type { Platform } from './types';

/**
 * DoorDash. Checkout is /consumer/checkout/; a placed order is tracked at /orders/<uuid>/.
 * Single-use accessories (utensils, straws, condiments) are a toggle that defaults on, so the
 * choice is switching it off; some cities offer reusable containers (DeliverZero).
 */
export const doordash: Platform = {
  id: 'doordash',
  name: 'DoorDash',
  category: 'food-delivery',
  hosts: ['doordash.com'],
  kinds: ['no-cutlery', 'reusable-packaging'],
  routes: { checkout: /^\/consumer\/checkout\b/, confirmation: /^\/orders\/([0-9a-f-]{8,})/i },
};
