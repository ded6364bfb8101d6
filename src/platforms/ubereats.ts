import type { Platform } from './types';

/**
 * Uber Eats. Checkout lives at /checkout; a placed order lands on /orders/<uuid>, whose uuid
 * is the order reference. Utensils, straws and condiments are opt-in: a "Request utensils"
 * switch left off is the choice (the page's default in the US).
 */
export const ubereats: Platform = {
  id: 'ubereats',
  name: 'Uber Eats',
  category: 'food-delivery',
  hosts: ['ubereats.com'],
  kinds: ['no-cutlery'],
  routes: {
    checkout: /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?checkout\b/,
    confirmation: /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?orders\/([0-9a-f-]{8,})/i,
  },
};
