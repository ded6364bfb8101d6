import type { Platform } from './types';

/**
 * Mercari (メルカリ), Japan's flea market app: everything bought is second-hand. The purchase
 * page is jp.mercari.com/purchase/m…; after buying, the transaction page /transaction/m… opens.
 * Buyers may receive at a convenience store or post office (受取場所).
 */
export const mercari: Platform = {
  id: 'mercari',
  name: 'Mercari',
  category: 'second-hand',
  hosts: ['mercari.com'],
  kinds: ['second-hand', 'pickup-point'],
  routes: { checkout: /^\/(?:us\/)?purchase\/m\d+/, confirmation: /^\/(?:us\/)?transaction\/(m\d+)/ },
  everythingSecondHand: true,
  hints: { items: '[data-testid=checkout-item-name], [data-testid=item-name]' },
};
