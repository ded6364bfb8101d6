import type { Platform } from './types';

/**
 * Cainiao (菜鸟), Alibaba's logistics network. Sending a parcel on the web (寄快递, /send)
 * offers door pick-up or dropping it at a Cainiao station (驿站自寄), and reusing a recycled
 * box from the station (回收箱); the success page carries the order id.
 */
export const cainiao: Platform = {
  id: 'cainiao',
  name: 'Cainiao',
  category: 'logistics',
  hosts: ['cainiao.com'],
  kinds: ['pickup-point', 'packaging-return'],
  routes: { checkout: /^\/(?:guoguo\/)?send\b(?!\/success)/, confirmation: /^\/(?:guoguo\/)?send\/success\b.*[?&]orderId=(\w+)/ },
};
