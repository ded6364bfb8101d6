import type { Platform } from './types';

/**
 * Ele.me (饿了么), web/H5. The checkout (确认订单) asks "选择餐具份数" with "无需餐具" as one of the
 * choices; the order-detail page after payment carries the order id in its query.
 */
export const eleme: Platform = {
  id: 'eleme',
  name: 'Ele.me',
  category: 'food-delivery',
  hosts: ['ele.me'],
  kinds: ['no-cutlery'],
  routes: { checkout: /^\/(?:h5\/)?(?:checkout|order\/confirm)\b/, confirmation: /^\/(?:h5\/)?order\/(?:detail|success)\b.*[?&]order_?id=(\d+)/i },
};
