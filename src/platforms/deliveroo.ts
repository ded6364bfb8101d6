import type { Platform } from './types';

/**
 * Deliveroo (UK, Ireland, France, Belgium, Italy, the Gulf, Singapore, Hong Kong). The basket
 * and checkout live under /basket and /checkout; an order's status page is /orders/<id>/status.
 * Cutlery is an opt-in tick box ("Add cutlery" / "Ajouter des couverts"), unticked by default.
 */
export const deliveroo: Platform = {
  id: 'deliveroo',
  name: 'Deliveroo',
  category: 'food-delivery',
  hosts: ['deliveroo.co.uk', 'deliveroo.ie', 'deliveroo.fr', 'deliveroo.be', 'deliveroo.it', 'deliveroo.ae', 'deliveroo.com.sg', 'deliveroo.hk'],
  kinds: ['no-cutlery'],
  routes: { checkout: /^\/(?:[a-z]{2}\/)?(?:basket|checkout)\b/, confirmation: /^\/(?:[a-z]{2}\/)?orders\/(\d+)\/status/ },
};
