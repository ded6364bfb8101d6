import type { Platform } from './types';

/**
 * Meituan Waimai (美团外卖), web/H5. The order-confirmation step (提交订单) has a 餐具数量 picker
 * whose first choice is "无需餐具"; the order-status page carries the order view id.
 */
export const meituan: Platform = {
  id: 'meituan',
  name: 'Meituan Waimai',
  category: 'food-delivery',
  hosts: ['meituan.com'],
  kinds: ['no-cutlery'],
  routes: {
    checkout: /^\/(?:waimai\/)?order\/(?:confirm|submit)\b/,
    confirmation: /^\/(?:waimai\/)?order\/(?:detail|status)\b.*[?&](?:orderViewId|order_id)=(\d+)/,
  },
};
