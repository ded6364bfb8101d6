import type { Platform } from './types';

/**
 * Tmall (天猫), including Tmall Supermarket (天猫超市), whose checkout adds a paid shopping bag
 * (购物袋) unless it is left unticked. Checkout is buy.tmall.com/order/confirm_order.htm;
 * after paying, trade.tmall.com/trade/pay_success.htm carries `biz_order_id`.
 */
export const tmall: Platform = {
  id: 'tmall',
  name: 'Tmall',
  category: 'marketplace',
  hosts: ['tmall.com'],
  kinds: ['e-invoice', 'no-plastic-bag'],
  routes: { checkout: /^\/order\/confirm_order\.htm/, confirmation: /^\/trade\/pay_success\.htm\b.*[?&]biz_order_id=(\d+)/ },
};
