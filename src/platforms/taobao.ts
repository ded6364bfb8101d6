import type { Platform } from './types';

/**
 * Taobao (淘宝, and 淘寶 for Taiwan and Hong Kong). The order-confirmation page
 * (buy.taobao.com/auction/buy_now.jhtml or confirm_order.htm) offers the invoice type and the
 * delivery method, including collection at a Cainiao station (菜鸟驿站); after paying, the
 * shopper returns to trade.taobao.com/trade/pay_success.htm with `biz_order_id`.
 */
export const taobao: Platform = {
  id: 'taobao',
  name: 'Taobao',
  category: 'marketplace',
  hosts: ['taobao.com'],
  kinds: ['e-invoice', 'pickup-point'],
  routes: {
    checkout: /^\/auction\/(?:buy_now\.jhtml|confirm_order\.htm|order\/confirm_order\.htm)/,
    confirmation: /^\/trade\/pay_success\.htm\b.*[?&]biz_order_id=(\d+)/,
  },
};
