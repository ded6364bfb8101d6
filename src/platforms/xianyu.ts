import type { Platform } from './types';

/**
 * Xianyu / Goofish (闲鱼), Alibaba's second-hand market: everything bought is second-hand.
 * The web order-confirmation page (/create-order?itemId=…) shows the item; paying leads to
 * the order detail (/order-detail?orderId=…).
 */
export const xianyu: Platform = {
  id: 'xianyu',
  name: 'Xianyu',
  category: 'second-hand',
  hosts: ['goofish.com'],
  kinds: ['second-hand'],
  routes: { checkout: /^\/create-order\b/, confirmation: /^\/order-detail\b.*[?&]orderId=(\d+)/ },
  everythingSecondHand: true,
  hints: { items: '[data-testid=order-item-title]' },
};
