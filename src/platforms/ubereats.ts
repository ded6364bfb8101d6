import { readChoices, saysOrderPlaced } from '../detect/choices';
import type { Platform } from './types';

const ORDER_PATH = /^\/orders\/([0-9a-f-]{8,})/i;

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
  detect(url, doc) {
    const order = ORDER_PATH.exec(url.pathname);
    if (order) return { page: 'confirmation', observations: [], order: { ref: order[1] } };
    if (url.pathname.startsWith('/checkout')) {
      if (saysOrderPlaced(doc)) return { page: 'confirmation', observations: [] };
      return { page: 'checkout', observations: readChoices(doc, { kinds: this.kinds }) };
    }
    return { page: 'other', observations: [] };
  },
};
