import { readSecondHand } from '../detect/choices';
import { readPage } from '../detect/page';
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
  detect(url, doc) {
    return readPage(url, doc, {
      platform: this,
      routes: this.routes,
      read: (d) => {
        const used = readSecondHand(d, { items: '[data-testid=order-item-title]', alwaysUsed: true });
        return used ? [used] : [];
      },
    });
  },
};
